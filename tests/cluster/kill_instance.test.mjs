// (a) kill -9 one instance under load: writes go on through haproxy (clients retry), every
// acknowledged write is in the database, and the scheduled-job leases of the dead instance move to
// the survivor. The victim is the instance holding the audit_anchor lease (interval
// audit.anchor_interval_s = 5 s in the loopback cluster, so its lease expires 2 × 5 + 30 = 40 s
// after its last renewal: src/jobs/scheduler.cpp). The victim is started again afterwards so the
// next tests have the whole cluster.
import {
  runTest, Client, clusterUrl, instanceUrls, instanceConfigs, instancePids, setInstancePid, startWriters,
  longestGap, failuresTotal, missingIds, duplicateWrites, psql, env, sleep, now, fmt, figure, check, jobsOf, startInstance, alive,
} from './lib.mjs';

await runTest('kill -9 one instance under load', async () => {
  const primary = env('WAGELINK_PRIMARY_PORT');
  const urls = instanceUrls();
  const pids = instancePids();
  const admin = await Client.login(clusterUrl(), 'sysadmin');

  // Who runs the jobs: the lease holder's audit_anchor run count grows; the others' misses grow.
  let victim = -1;
  let holder = '';
  for (let i = 0; i < 40 && victim < 0; i++) {
    holder = psql(primary, "SELECT holder FROM job_leases WHERE name = 'audit_anchor'")[0] ?? '';
    for (let k = 0; k < urls.length; k++) {
      const jobs = await jobsOf(admin, urls[k]);
      if (jobs?.audit_anchor?.runs > 0 && jobs.audit_anchor.lease_missed === 0) victim = k;
    }
    if (victim < 0) await sleep(500);
  }
  check(victim >= 0 && holder, 'no instance holds the audit_anchor lease');
  const survivors = urls.filter((_, k) => k !== victim);
  const leasesBefore = psql(primary, 'SELECT name, holder, expires_at FROM job_leases ORDER BY name');
  const heldByVictim = leasesBefore.filter((l) => l.split('|')[1] === holder).map((l) => l.split('|')[0]);
  figure('instances', urls.length);
  figure('victim', `instance ${victim + 1} (${urls[victim]}, pid ${pids[victim]}), holds ${heldByVictim.length} job leases: ${heldByVictim.join(', ')}`);

  const writers = [await Client.login(clusterUrl(), 'handler'), await Client.login(clusterUrl(), 'handler2')];
  const load = startWriters(writers, { concurrency: 6 });
  await sleep(4000);
  const killedAt = now();
  process.kill(pids[victim], 'SIGKILL');
  await sleep(10000);
  const stats = await load.stop();
  const endedAt = now();

  const ids = stats.acked.map((a) => a.id);
  const missing = missingIds(primary, ids);
  figure('writes acknowledged', ids.length);
  figure('writes acknowledged after the kill', load.ackedSince(killedAt));
  figure('requests sent (with retries)', stats.attempts);
  figure('failed requests seen by clients', `${failuresTotal(stats)} ${JSON.stringify(stats.failures)}`);
  figure('longest time without an acknowledged write after the kill', fmt(longestGap(stats.acked, killedAt, endedAt)));
  figure('acknowledged writes missing from the database', missing.length);
  const duplicates = duplicateWrites(primary);
  figure('repeats answered "already saved" (first attempt committed, its answer lost)', stats.alreadyApplied);
  figure('writes stored twice', duplicates);
  check(duplicates === 0, `${duplicates} writes stored twice although every repeat carried its Idempotency-Key`);
  check(missing.length === 0, `acknowledged writes missing: ${missing.slice(0, 20).join(', ')}`);
  check(load.ackedSince(killedAt + 2000) > 0, 'no write succeeded after the kill');

  // The lease moves: the survivor takes audit_anchor once the dead holder's lease expired.
  let movedAt = null;
  let newHolder = '';
  while (now() - killedAt < 120000) {
    newHolder = psql(primary, "SELECT holder FROM job_leases WHERE name = 'audit_anchor'")[0] ?? '';
    if (newHolder && newHolder !== holder) {
      movedAt = now();
      break;
    }
    await sleep(1000);
  }
  figure('audit_anchor lease moved after', movedAt ? fmt(movedAt - killedAt) : 'not within 120 s');
  check(movedAt, 'the audit_anchor lease did not move to a surviving instance within 120 s');
  let ranOnSurvivor = false;
  for (let i = 0; i < 20 && !ranOnSurvivor; i++) {
    for (const url of survivors) {
      const jobs = await jobsOf(admin, url);
      if (jobs?.audit_anchor?.runs > 0) ranOnSurvivor = true;
    }
    if (!ranOnSurvivor) await sleep(500);
  }
  figure('audit_anchor ran on a survivor', ranOnSurvivor);
  check(ranOnSurvivor, 'no surviving instance reports an audit_anchor run');
  const stillDead = psql(primary, `SELECT name || ' until ' || expires_at FROM job_leases WHERE holder = '${holder}'`);
  figure('leases still held by the dead instance (they expire 2 × interval + 30 s after their last renewal)',
    stillDead.length ? stillDead.join('; ') : 'none');

  // Back to full strength for the next tests: the same configuration, the same key and anchors.
  check(!alive(pids[victim]), 'the killed instance is still alive');
  const restarted = await startInstance(['--config', instanceConfigs()[victim]], `instance${victim + 1}-restarted`, { url: urls[victim] });
  setInstancePid(victim, restarted.pid);
  figure('victim started again', `pid ${restarted.pid}`);
  await sleep(2500); // haproxy: rise 2 × inter 1 s
});
