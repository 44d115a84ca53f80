// Starts a real WageLink server on a fresh database for the browser tests, and stops it again.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, openSync, readFileSync, closeSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/** The binary under test: $WAGELINK_BINARY or <repo>/build/wagelink. A .mjs file runs under node. */
export function serverCommand(binary = process.env.WAGELINK_BINARY || join(repoRoot, 'build', 'wagelink')) {
  const path = resolve(repoRoot, binary);
  return path.endsWith('.mjs') ? [process.execPath, [path]] : [path, []];
}

async function until(what, timeoutMs, probe, isDead) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    const dead = isDead();
    if (dead) throw new Error(`${what}: server exited early (${dead})`);
    if (Date.now() > deadline) throw new Error(`${what}: timed out after ${timeoutMs} ms`);
    // Poll interval of a readiness probe, not a synchronisation sleep.
    await new Promise((done) => setTimeout(done, 50));
  }
}

/**
 * init --demo on a temp database, serve on port 0 with --port-file, wait for /healthz.
 * Returns { baseUrl, logPath, stop() }; stop() kills the server and removes the temp dir.
 */
export async function startServer({ webRoot = join(repoRoot, 'web', 'dist') } = {}) {
  const [program, prefix] = serverCommand();
  if (!existsSync(program) || (prefix.length > 0 && !existsSync(prefix[0]))) {
    throw new Error(`WageLink binary not found: ${prefix[0] ?? program} (build it with \`make build\`, or set WAGELINK_BINARY)`);
  }
  if (!existsSync(join(webRoot, 'index.html'))) {
    throw new Error(`web UI not built: ${webRoot}/index.html is missing (run \`npm ci && npm run build\` in web/)`);
  }
  const dir = await mkdtemp(join(tmpdir(), 'wagelink-e2e-'));
  const db = join(dir, 'e2e.db');
  const portFile = join(dir, 'port');
  const logPath = join(dir, 'server.log');
  const anchors = ['--anchor-file', join(dir, 'audit-anchors.jsonl')];
  let child = null;
  let exit = null;

  const stop = async () => {
    if (child && exit === null) {
      const exited = new Promise((done) => child.once('exit', done));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    }
    await rm(dir, { recursive: true, force: true });
  };

  try {
    const init = spawnSync(program, [...prefix, 'init', '--demo', '--db', db, ...anchors], { cwd: repoRoot, encoding: 'utf8' });
    if (init.status !== 0) throw new Error(`wagelink init --demo failed (${init.status}):\n${init.stdout}\n${init.stderr}`);

    const log = openSync(logPath, 'a');
    child = spawn(program, [...prefix, 'serve', '--db', db, ...anchors, '--port', '0', '--port-file', portFile, '--web-root', webRoot], {
      cwd: repoRoot,
      stdio: ['ignore', log, log],
    });
    closeSync(log);
    child.once('exit', (code, signal) => {
      exit = signal ?? String(code);
    });

    const port = await until('port file', 20000, () => existsSync(portFile) && readFileSync(portFile, 'utf8').trim(), () => exit);
    const baseUrl = `http://127.0.0.1:${Number(port)}`;
    await until(
      '/healthz',
      20000,
      () => fetch(`${baseUrl}/healthz`).then((r) => r.ok, () => false),
      () => exit,
    );
    return { baseUrl, logPath, stop, serverLog: () => (existsSync(logPath) ? readFileSync(logPath, 'utf8') : '') };
  } catch (error) {
    const tail = existsSync(logPath) ? readFileSync(logPath, 'utf8').split('\n').slice(-30).join('\n') : '';
    await stop();
    if (tail) error.message += `\n--- server log (tail) ---\n${tail}`;
    throw error;
  }
}
