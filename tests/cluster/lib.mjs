// Shared helpers of the cluster fault tests (issue 16). They run inside scripts/with-pg-cluster.sh,
// which exports the WAGELINK_* variables read here. Only loopback addresses are contacted; every
// loop is bounded in time.
import http from 'node:http';
import net from 'node:net';
import { execFile, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const env = (name) => {
  const value = process.env[name];
  if (value === undefined) throw new Error(`${name} is not set: run under scripts/with-pg-cluster.sh`);
  return value;
};
export const clusterUrl = () => env('WAGELINK_CLUSTER_URL');
export const instanceUrls = () => env('WAGELINK_INSTANCE_URLS').split(' ');
export const instanceConfigs = () => env('WAGELINK_INSTANCE_CONFIGS').split(' ');
export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
export const now = () => performance.now();
export const DEMO_PASSWORD = 'WageLink#2026';

// One HTTP request; resolves { status, body, json(), headers, ms } or { status: 0, error } on a
// network error or time-out. Never rejects.
export function request(base, target, { method = 'GET', headers = {}, body, timeoutMs = 10000, agent } = {}) {
  return new Promise((resolve) => {
    const started = now();
    const data = body === undefined ? undefined : Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
    const url = new URL(target, base);
    const req = http.request(
      url,
      {
        method,
        agent: agent ?? false,
        headers: { ...(data ? { 'content-type': 'application/json', 'content-length': data.length } : {}), ...headers },
        timeout: timeoutMs,
      },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({ status: res.statusCode, body: text, headers: res.headers, ms: now() - started, json: () => JSON.parse(text) });
        });
        res.on('error', (error) => resolve({ status: 0, error: error.code || error.message, ms: now() - started }));
      },
    );
    req.on('timeout', () => req.destroy(Object.assign(new Error('timeout'), { code: 'TIMEOUT' })));
    req.on('error', (error) => resolve({ status: 0, error: error.code || error.message, ms: now() - started }));
    if (data) req.write(data);
    req.end();
  });
}

// A signed-in demo user: session cookie plus the CSRF token every write needs (docs/security.md).
export class Client {
  constructor(base) {
    this.base = base;
    this.cookie = '';
    this.csrf = '';
  }
  static async login(base, username, { attempts = 20 } = {}) {
    const client = new Client(base);
    for (let i = 0; i < attempts; i++) {
      const r = await request(base, '/api/v1/auth/login', { method: 'POST', body: { username, password: DEMO_PASSWORD } });
      if (r.status === 200) {
        client.cookie = (r.headers['set-cookie'] || []).map((c) => c.split(';')[0]).join('; ');
        client.csrf = r.json().csrf_token;
        return client;
      }
      await sleep(500);
    }
    throw new Error(`cannot sign in as ${username} at ${base}`);
  }
  // The same session against another base URL (instances share sessions).
  at(base) {
    const other = new Client(base);
    other.cookie = this.cookie;
    other.csrf = this.csrf;
    return other;
  }
  get(target, options = {}) {
    return request(this.base, target, { ...options, headers: { cookie: this.cookie, ...(options.headers || {}) } });
  }
  post(target, body, options = {}) {
    return request(this.base, target, {
      ...options,
      method: 'POST',
      body,
      headers: { cookie: this.cookie, 'x-csrf-token': this.csrf, ...(options.headers || {}) },
    });
  }
}

// GB 32100-2015 unified social credit code: 17 characters and their check character.
const CREDIT_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
export function creditCode(first17) {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CREDIT_CHARSET.indexOf(first17[i]) * CREDIT_WEIGHTS[i];
  return first17 + CREDIT_CHARSET[(31 - (sum % 31)) % 31];
}
const EMPLOYER_CODE = creditCode('91330100MA2B3C4D5');
const RUN_TAG = `p${process.pid.toString(36)}`;

// A risk report (风险台账 entry): the simple authenticated write of the load.
export function riskBody(n) {
  return {
    employer_name: `集群测试建筑劳务有限公司${n}`,
    employer_credit_code: EMPLOYER_CODE,
    project_name: `故障测试项目${n}`,
    workers_affected: 5 + (n % 20),
    amount_yuan: String(10000 + n),
    pay_due_dates: ['2026-02-10'],
    source: 'referral',
    indicators: {},
    // Base 36, so that no run of digits looks like a phone, ID or card number: the server refuses
    // free text holding one (a pid and a counter side by side once read as a mobile number).
    description: `cluster fault test write ${RUN_TAG}-${n.toString(36)}`,
    owner_body: 'hrss',
  };
}

// Writers through `base` until stop() : each posts risk reports one after another and retries a
// failed one (network error, 5xx, 429) after a short pause, with the same Idempotency-Key, as the
// web client does: a repeat whose first attempt was stored is answered 409 "already_applied" and
// counts as acknowledged (its id is the first attempt's, unknown here). Returns a handle with the figures.
export function startWriters(clients, { concurrency = 6, retryPauseMs = 200, timeoutMs = 10000 } = {}) {
  const stats = {
    acked: [], // { id, at }
    attempts: 0,
    failures: {}, // "status NNN" | "network CODE" → count
    firstFailureAt: null,
    lastFailureAt: null,
    failureTimes: [],
    retriesSucceeded: 0,
    alreadyApplied: 0, // repeats answered "already saved": the first attempt had committed
  };
  let stopping = false;
  let refused = null; // a 4xx other than 408/429: the load itself is wrong
  let n = 0;
  const started = now();
  const worker = async (w) => {
    const client = clients[w % clients.length];
    while (!stopping) {
      const body = riskBody(++n);
      const key = `${RUN_TAG}-${n}`;
      let failedBefore = false;
      for (;;) {
        if (stopping) return;
        stats.attempts++;
        const r = await client.post('/api/v1/risks', body, { timeoutMs, headers: { 'idempotency-key': key } });
        if (r.status === 201) {
          stats.acked.push({ id: r.json().id, at: now() });
          if (failedBefore) stats.retriesSucceeded++;
          break;
        }
        if (r.status === 409 && failedBefore && r.json().already_applied === true) {
          stats.alreadyApplied++;
          break;
        }
        const kind = r.status === 0 ? `network ${r.error}` : `status ${r.status}`;
        stats.failures[kind] = (stats.failures[kind] || 0) + 1;
        stats.firstFailureAt ??= now();
        stats.failureTimes.push(now());
        stats.lastFailureAt = now();
        if (r.status >= 400 && r.status < 500 && r.status !== 429 && r.status !== 408) {
          refused = new Error(`write refused: ${r.status} ${r.body?.slice(0, 300)}`);
          stopping = true;
          return;
        }
        failedBefore = true;
        await sleep(retryPauseMs);
      }
    }
  };
  const done = Promise.all(Array.from({ length: concurrency }, (_, w) => worker(w)));
  return {
    stats,
    started,
    async stop() {
      stopping = true;
      await done;
      if (refused) throw refused;
      return stats;
    },
    // Successful writes since `t` (performance.now()).
    ackedSince(t) {
      return stats.acked.filter((a) => a.at >= t).length;
    },
  };
}

// The longest time without an acknowledged write between `from` and `to` (ms).
export function longestGap(acked, from, to) {
  const times = acked.map((a) => a.at).filter((t) => t >= from && t <= to).sort((a, b) => a - b);
  let previous = from;
  let longest = 0;
  for (const t of times) {
    longest = Math.max(longest, t - previous);
    previous = t;
  }
  return Math.max(longest, to - previous);
}

// When failures were seen, relative to `t0`: "first +a s, last +b s".
export function failureWindow(stats, t0) {
  const times = stats.failureTimes.filter((t) => t >= t0);
  if (!times.length) return 'no failures';
  return `first +${((times[0] - t0) / 1000).toFixed(2)} s, last +${((times[times.length - 1] - t0) / 1000).toFixed(2)} s`;
}

export const failuresTotal = (stats) => Object.values(stats.failures).reduce((a, b) => a + b, 0);

// SQL on one PostgreSQL server of the cluster (psql -At); returns the output lines.
export function psql(port, sql) {
  const out = execFileSync(
    path.join(env('WAGELINK_PG_BIN'), 'psql'),
    ['-X', '-At', '-v', 'ON_ERROR_STOP=1', '-h', '127.0.0.1', '-p', String(port), '-U', 'wagelink', '-d', 'wagelink', '-c', sql],
    { encoding: 'utf8', timeout: 30000 },
  );
  return out.split('\n').filter((l) => l !== '');
}

// Which of `ids` are missing from the database on `port`.
export function missingIds(port, ids) {
  const missing = [];
  for (let i = 0; i < ids.length; i += 2000) {
    const chunk = ids.slice(i, i + 2000);
    if (!chunk.length) continue;
    const found = new Set(psql(port, `SELECT id FROM risks WHERE id IN (${chunk.join(',')})`).map(Number));
    for (const id of chunk) if (!found.has(id)) missing.push(id);
  }
  return missing;
}

// Writes of this test process stored more than once: a retry of a write whose answer was lost
// although it had committed. The writers' Idempotency-Key makes this 0 (defect 5).
export function duplicateWrites(port) {
  const like = `cluster fault test write ${RUN_TAG}-%`;
  return Number(psql(port, `SELECT count(*) - count(DISTINCT description) FROM risks WHERE description LIKE '${like}'`)[0]);
}

// pg_ctl as the servers' owner; asynchronous, so the load's clocks keep running meanwhile.
export function pgCtl(args, { timeoutMs = 120000 } = {}) {
  const prefix = (process.env.WAGELINK_PG_AS || '').split(' ').filter(Boolean);
  const command = [...prefix, path.join(env('WAGELINK_PG_BIN'), 'pg_ctl'), ...args];
  return new Promise((resolve, reject) => {
    execFile(command[0], command.slice(1), { encoding: 'utf8', timeout: timeoutMs }, (error, stdout, stderr) =>
      error ? reject(new Error(`pg_ctl ${args.join(' ')}: ${error.message} ${stderr}`)) : resolve(stdout),
    );
  });
}

export function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

// Pids of the instances now serving, in order: the script's, or those a test restarted.
const pidsFile = () => path.join(env('WAGELINK_CLUSTER_DIR'), 'current.pids');
export function instancePids() {
  if (fs.existsSync(pidsFile())) return fs.readFileSync(pidsFile(), 'utf8').trim().split(' ').map(Number);
  return env('WAGELINK_INSTANCE_PIDS').split(' ').map(Number);
}
export function setInstancePid(index, pid) {
  const pids = instancePids();
  pids[index] = pid;
  fs.writeFileSync(pidsFile(), pids.join(' '));
}
// A process the script's clean-up must kill if the test does not.
export function recordExtraPid(pid) {
  fs.appendFileSync(path.join(env('WAGELINK_CLUSTER_DIR'), 'extra.pids'), `${pid}\n`);
}

// Starts `wagelink serve ARGS` detached, logs into the cluster's log folder; resolves { pid, url }.
export async function startInstance(args, logName, { portFile, url: knownUrl } = {}) {
  const logs = env('WAGELINK_CLUSTER_LOGS');
  const out = fs.openSync(path.join(logs, `${logName}.access.log`), 'a');
  const err = fs.openSync(path.join(logs, `${logName}.log`), 'a');
  const child = spawn(env('WAGELINK_BINARY'), ['serve', ...args], { stdio: ['ignore', out, err], detached: true });
  child.unref();
  recordExtraPid(child.pid);
  let url = knownUrl ?? null;
  for (let i = 0; i < 300; i++) {
    if (!url && portFile && fs.existsSync(portFile)) {
      const port = fs.readFileSync(portFile, 'utf8').trim();
      if (port) url = `http://127.0.0.1:${port}`;
    }
    if (url) {
      const r = await request(url, '/readyz', { timeoutMs: 2000 });
      if (r.status === 200) return { pid: child.pid, url };
    }
    if (!alive(child.pid)) break;
    await sleep(100);
  }
  throw new Error(`instance ${logName} did not become ready (see ${logs}/${logName}.log)`);
}

// This instance's view of its scheduled jobs (GET /api/v1/system/jobs, settings.manage).
export async function jobsOf(adminClient, base) {
  const r = await adminClient.at(base).get('/api/v1/system/jobs');
  if (r.status !== 200) return null;
  const json = r.json();
  const list = Array.isArray(json) ? json : json.jobs ?? json.items;
  return Object.fromEntries(list.map((j) => [j.name, j]));
}

export function percentile(values, p) {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export const fmt = (ms) => `${(ms / 1000).toFixed(2)} s`;

// Each test prints its figures as "  figure: value" lines and ends with one verdict line.
export function figure(name, value) {
  console.log(`  ${name}: ${value}`);
}

// Runs a test body; exit 0 = pass, 1 = fail, 3 = expected failure (a known server defect).
export async function runTest(name, body) {
  console.log(`== ${name}`);
  const t0 = now();
  try {
    const outcome = await body();
    if (outcome?.expectedFailure) {
      console.log(`EXPECTED FAIL ${name} (${fmt(now() - t0)}): ${outcome.expectedFailure}`);
      process.exit(3);
    }
    console.log(`PASS ${name} (${fmt(now() - t0)})`);
    process.exit(0);
  } catch (error) {
    console.log(`FAIL ${name} (${fmt(now() - t0)}): ${error.stack || error}`);
    process.exit(1);
  }
}

export function check(condition, message) {
  if (!condition) throw new Error(message);
}

// A TCP proxy to the PostgreSQL primary (node:net) that holds every chunk delayMs in each direction.
export function delayingProxy(targetPort, delayMs) {
  const sockets = new Set();
  const server = net.createServer((client) => {
    const upstream = net.connect(targetPort, '127.0.0.1');
    sockets.add(client);
    sockets.add(upstream);
    // Each direction keeps its order: a chunk leaves delayMs after it arrived.
    const pipe = (from, to) => {
      from.on('data', (chunk) => setTimeout(() => to.writable && to.write(chunk), delayMs));
      from.on('end', () => setTimeout(() => to.end(), delayMs));
      from.on('error', () => to.destroy());
      from.on('close', () => setTimeout(() => to.destroy(), delayMs + 10));
    };
    pipe(client, upstream);
    pipe(upstream, client);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () =>
      resolve({
        port: server.address().port,
        close: () => {
          for (const s of sockets) s.destroy();
          server.close();
        },
      }),
    );
  });
}
