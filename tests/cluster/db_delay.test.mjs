// (d) Network delay to the database: a TCP proxy (node:net) between one extra instance and the
// PostgreSQL primary holds every chunk DELAY_MS in each direction. While 32 slow requests keep its
// 8 workers busy, /healthz must still answer within HEALTH_BOUND_MS (haproxy's check gives up after
// `timeout check` and takes a slow instance out), and no request may be refused for a full worker
// queue (503). The load stays under server.max_requests_per_client (32 requests at once from one
// address, answered 429 beyond): 16 readers + 4 writers + the probe.
import fs from 'node:fs';
import path from 'node:path';
import {
  runTest, Client, instanceConfigs, startWriters, env, sleep, now, fmt, figure, check, request, startInstance,
  percentile, failuresTotal, delayingProxy,
} from './lib.mjs';

const DELAY_MS = Number(process.env.DELAY_MS || 100);
const HEALTH_BOUND_MS = Number(process.env.HEALTH_BOUND_MS || 1000);

await runTest(`network delay to the database (${DELAY_MS} ms each way)`, async () => {
  const proxy = await delayingProxy(Number(env('WAGELINK_PRIMARY_PORT')), DELAY_MS);
  const dir = env('WAGELINK_CLUSTER_DIR');
  const portFile = path.join(dir, 'delayed.port');
  const spool = path.join(dir, 'delayed-spool');
  fs.mkdirSync(spool, { recursive: true });
  let instance;
  try {
    // An extra instance with instance 1's configuration, reaching PostgreSQL through the proxy.
    instance = await startInstance(
      ['--config', instanceConfigs()[0], '--port', '0', '--port-file', portFile,
        '--db', `postgresql://wagelink@127.0.0.1:${proxy.port}/wagelink?connect_timeout=10`],
      'instance-delayed', { portFile },
    );
    figure('delayed instance', `${instance.url} (pid ${instance.pid}), 8 workers, database via proxy :${proxy.port}`);
    const base = instance.url;
    const t0 = now();
    const reader = await Client.login(base, 'handler');
    figure('sign-in through the delay took', fmt(now() - t0));

    // Baseline: one case-list read alone.
    const single = await reader.get('/api/v1/risks?page_size=20');
    check(single.status === 200, `list read failed: ${single.status}`);
    figure('one risk-list read alone', fmt(single.ms));

    // Slow load: 16 readers and 4 writers, 20 requests at once against 8 workers.
    let stop = false;
    const slow = { done: 0, statuses: {}, ms: [] };
    const readers = Array.from({ length: 16 }, async () => {
      while (!stop) {
        const r = await reader.get('/api/v1/risks?page_size=20', { timeoutMs: 30000 });
        slow.done++;
        slow.statuses[r.status || r.error] = (slow.statuses[r.status || r.error] || 0) + 1;
        slow.ms.push(r.ms);
      }
    });
    const writers = startWriters([await Client.login(base, 'handler2')], { concurrency: 4, timeoutMs: 30000 });
    await sleep(1500);
    const health = [];
    const healthStatuses = {};
    const probeUntil = now() + 12000;
    while (now() < probeUntil) {
      const r = await request(base, '/healthz', { timeoutMs: 30000 });
      health.push(r.ms);
      healthStatuses[r.status || r.error] = (healthStatuses[r.status || r.error] || 0) + 1;
      await sleep(200);
    }
    stop = true;
    await Promise.all(readers);
    const written = await writers.stop();

    figure('slow reads done', `${slow.done} ${JSON.stringify(slow.statuses)}, p50 ${fmt(percentile(slow.ms, 50))}, p99 ${fmt(percentile(slow.ms, 99))}`);
    figure('writes acknowledged under delay', `${written.acked.length}, failed attempts ${failuresTotal(written)} ${JSON.stringify(written.failures)}`);
    figure('/healthz probes', `${health.length} ${JSON.stringify(healthStatuses)}`);
    figure('/healthz latency', `p50 ${fmt(percentile(health, 50))}, p99 ${fmt(percentile(health, 99))}, max ${fmt(Math.max(...health))}`);
    const refused503 = (slow.statuses[503] || 0) + (written.failures['status 503'] || 0);
    figure('requests refused 503 (worker queue full)', refused503);
    check(refused503 === 0, 'the worker queue overflowed (503)');
    check(health.every((ms, i) => ms > 0) && (healthStatuses[200] || 0) === health.length, '/healthz did not always answer 200');
    // /healthz is answered on the I/O thread (RouteOptions::answer_inline), never queued behind
    // the database-bound handlers on the worker pool (defect 3, fixed).
    const slowest = Math.max(...health);
    check(slowest <= HEALTH_BOUND_MS, `/healthz took up to ${fmt(slowest)} (bound ${fmt(HEALTH_BOUND_MS)})`);
  } finally {
    if (instance) {
      try {
        process.kill(instance.pid, 'SIGTERM');
      } catch {}
      await sleep(500);
    }
    proxy.close();
  }
});

