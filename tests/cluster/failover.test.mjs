// (b) Failover: under load, stop the PostgreSQL primary and promote the synchronous hot standby
// (pg_ctl promote, the manual runbook of docs/operations.md). The instances' database URL names
// both servers with target_session_attrs=read-write (libpq multi-host; the server passes the URL to
// PQconnectdb unchanged: src/store/postgres_connection.cpp), so they reach the new primary without
// a restart or a configuration change. Prints the seconds without an acknowledged write; every
// acknowledged write must be on the promoted standby (synchronous replication: 0 lost).
// Runs last: afterwards the promoted standby is the only PostgreSQL server.
import {
  runTest, Client, clusterUrl, instanceUrls, instancePids, startWriters, longestGap, failuresTotal, failureWindow, missingIds, duplicateWrites,
  env, sleep, now, fmt, figure, check, pgCtl, alive, psql, riskBody,
} from './lib.mjs';

const PROMOTE_AFTER_MS = Number(process.env.PROMOTE_AFTER_MS || 0); // an operator's reaction time

await runTest('stop the primary, promote the standby', async () => {
  const standby = env('WAGELINK_STANDBY_PORT');
  const pids = instancePids();
  const sync = psql(env('WAGELINK_PRIMARY_PORT'), "SELECT application_name || ' ' || sync_state FROM pg_stat_replication");
  figure('replication before the fault', sync.join('; '));
  check(sync.includes('standby1 sync'), 'the standby is not synchronous');

  const writers = [await Client.login(clusterUrl(), 'handler'), await Client.login(clusterUrl(), 'handler2')];
  const load = startWriters(writers, { concurrency: 6 });
  await sleep(4000);
  const ackedBefore = load.stats.acked.length;
  const stopAt = now();
  // -m immediate: as a crash of the primary; what it acknowledged must be on the standby.
  await pgCtl(['-D', env('WAGELINK_PRIMARY_PGDATA'), '-m', 'immediate', '-w', 'stop']);
  const stoppedAt = now();
  if (PROMOTE_AFTER_MS) await sleep(PROMOTE_AFTER_MS);
  const promoteAt = now();
  await pgCtl(['-D', env('WAGELINK_STANDBY_PGDATA'), '-w', '-t', '60', 'promote']);
  const promotedAt = now();
  let recoveredAt = null;
  while (now() - promotedAt < 60000) {
    const after = load.stats.acked.find((a) => a.at > promotedAt);
    if (after) {
      recoveredAt = after.at;
      break;
    }
    await sleep(50);
  }
  await sleep(8000);
  const stats = await load.stop();
  const endedAt = now();

  const ids = stats.acked.map((a) => a.id);
  const missing = missingIds(standby, ids);
  const lastBefore = stats.acked.filter((a) => a.at <= stopAt).length;
  figure('writes acknowledged before the primary stopped', lastBefore || ackedBefore);
  figure('writes acknowledged in all', ids.length);
  figure('primary stop took', fmt(stoppedAt - stopAt));
  figure('promotion took', fmt(promotedAt - promoteAt));
  figure('failed requests seen by clients', `${failuresTotal(stats)} ${JSON.stringify(stats.failures)}`);
  figure('failures seen, after the fault began', failureWindow(stats, stopAt));
  figure('unavailability (longest time without an acknowledged write)', fmt(longestGap(stats.acked, stopAt, endedAt)));
  figure('first acknowledged write after the promotion', recoveredAt ? `${fmt(recoveredAt - promotedAt)} after` : 'none within 60 s');
  figure('acknowledged writes lost (not on the promoted standby)', missing.length);
  const duplicates = duplicateWrites(standby);
  figure('repeats answered "already saved" (first attempt committed, its answer lost)', stats.alreadyApplied);
  figure('writes stored twice', duplicates);
  check(duplicates === 0, `${duplicates} writes stored twice although every repeat carried its Idempotency-Key`);
  check(missing.length === 0, `acknowledged writes lost: ${missing.slice(0, 20).join(', ')}`);
  check(recoveredAt, 'no write succeeded within 60 s of the promotion');
  check(pids.every(alive), 'an instance died');
  figure('instances restarted', 0);

  for (const [k, url] of instanceUrls().entries()) {
    const client = writers[0].at(url);
    const failedPerBurst = [];
    for (let burst = 0; burst < 3; burst++) {
      const answers = await Promise.all(Array.from({ length: 16 }, () => client.get('/api/v1/risks?page_size=5')));
      failedPerBurst.push(answers.filter((r) => r.status !== 200).length);
    }
    const write = await client.post('/api/v1/risks', riskBody(800000 + k));
    figure(`instance ${k + 1}: failed reads in three bursts of 16 straight to it`, failedPerBurst.join(', '));
    check(failedPerBurst[2] === 0 && write.status === 201, `instance ${k + 1} does not serve on the new primary`);
  }
});
