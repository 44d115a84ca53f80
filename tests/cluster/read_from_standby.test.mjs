// Reads on the hot standby with read-your-writes (docs/operations.md "Reads on the standby"). The
// cluster's instances have `standby_url`. With the standby's replay paused, a bulletin generated
// through instance 1 is read at once by its author through instance 2 (the cookie names the write's
// position, the paused standby has not replayed it, so the read goes to the primary), while another
// session, and the author without the cookie, are served by the standby and do not find it yet —
// until the standby is further behind than database.max_standby_lag_ms: then every read goes to the
// primary and finds it, replay still paused. Once replay resumes, reads go back to the standby.
import fs from 'node:fs';
import { runTest, Client, instanceUrls, env, sleep, figure, check, psql, request } from './lib.mjs';

const COOKIE = 'wagelink_read_after';

// The Set-Cookie of a write, added to the client's cookies (the browser does this by itself).
function keepCookies(client, response) {
  for (const line of response.headers['set-cookie'] || []) {
    const pair = line.split(';')[0];
    const name = pair.split('=')[0];
    const others = client.cookie.split('; ').filter((c) => c && c.split('=')[0] !== name);
    client.cookie = [...others, pair].join('; ');
  }
}

function withoutCookie(client, name) {
  const other = client.at(client.base);
  other.cookie = client.cookie.split('; ').filter((c) => c.split('=')[0] !== name).join('; ');
  return other;
}

function isoDaysAgo(days) {
  return new Date(Date.now() + 8 * 3600e3 - days * 86400e3).toISOString().slice(0, 10);
}

async function routedReads(base) {
  const token = fs.readFileSync(env('WAGELINK_METRICS_TOKEN_FILE'), 'utf8').trim();
  const r = await request(base, '/metrics', { headers: { authorization: `Bearer ${token}` } });
  const value = (name) => Number((r.body.match(new RegExp(`^${name} (-?[\\d.]+)`, 'm')) || [])[1]);
  return {
    standby: value('wagelink_reads_on_standby_total'),
    primary: value('wagelink_reads_on_primary_total'),
    lagSeconds: value('wagelink_standby_lag_seconds'),
    maxLagSeconds: value('wagelink_standby_max_lag_seconds'),
  };
}

await runTest('reads on the standby keep a session\'s own writes', async () => {
  const [first, second] = instanceUrls();
  const standby = env('WAGELINK_STANDBY_PORT');
  const author = await Client.login(first, 'coordinator');
  const reader = await Client.login(second, 'leader');
  const before = await routedReads(second);
  check(Number.isFinite(before.standby), 'GET /metrics has no wagelink_reads_on_standby_total: standby_url is not set');
  check((await reader.get('/api/v1/bulletins')).status === 200, 'the bulletin list does not answer');
  const after = await routedReads(second);
  figure('reads routed by instance 2 for one list', `standby +${after.standby - before.standby}, primary +${after.primary - before.primary}`);
  check(after.standby === before.standby + 1, 'a list read by a session that has not written did not go to the standby');

  let id = 0;
  psql(standby, 'SELECT pg_wal_replay_pause()');
  const pausedAt = Date.now();
  try {
    await sleep(200);
    const issued = await author.post('/api/v1/bulletins', { period: 'on_demand', from: isoDaysAgo(10), to: isoDaysAgo(4) });
    check(issued.status === 201, `the bulletin was not generated: ${issued.status} ${issued.body}`);
    keepCookies(author, issued);
    check(author.cookie.includes(`${COOKIE}=`), `the write set no ${COOKIE} cookie: ${issued.headers['set-cookie']}`);
    id = issued.json().id;
    figure('write position in the cookie', author.cookie.split('; ').find((c) => c.startsWith(COOKIE)));

    const own = await author.at(second).get(`/api/v1/bulletins/${id}`);
    figure('the author, through instance 2', own.status);
    check(own.status === 200, `the author does not see the bulletin just generated: ${own.status} ${own.body}`);
    const ownList = (await author.at(second).get('/api/v1/bulletins')).json().items.map((b) => b.id);
    check(ownList.includes(id), 'the author\'s bulletin list misses the bulletin just generated');

    const other = await reader.get(`/api/v1/bulletins/${id}`);
    const forgetful = await withoutCookie(author, COOKIE).at(second).get(`/api/v1/bulletins/${id}`);
    figure('another session, standby paused', other.status);
    figure('the author without the cookie, standby paused', forgetful.status);
    check(other.status === 404, `another session's read was not served by the paused standby: ${other.status}`);
    check(forgetful.status === 404, `without the cookie the author's read was not served by the paused standby: ${forgetful.status}`);

    // Replay stays paused: once the standby is further behind than the bound, nobody reads it.
    const bound = before.maxLagSeconds;
    check(bound > 0, `GET /metrics has no wagelink_standby_max_lag_seconds: ${bound}`);
    let found = null;
    while (!found && (Date.now() - pausedAt) / 1000 < bound + 10) {
      await sleep(250);
      const ahead = await routedReads(second);
      const read = await reader.get(`/api/v1/bulletins/${id}`);
      const routed = await routedReads(second);
      if (read.status === 200) found = { afterSeconds: (Date.now() - pausedAt) / 1000, ahead, routed };
    }
    check(found, `another session still did not find the bulletin ${bound + 10} s after the standby paused`);
    figure('another session finds it on the primary, replay paused', `${found.afterSeconds.toFixed(1)} s after the pause; bound ${bound} s; measured lag ${found.routed.lagSeconds} s`);
    check(found.routed.primary === found.ahead.primary + 1 && found.routed.standby === found.ahead.standby,
          `the read that found it was not routed to the primary: ${JSON.stringify(found)}`);
    check(found.routed.lagSeconds > bound, `the standby's measured lag ${found.routed.lagSeconds} s is not over the bound ${bound} s`);
    // Measured at most a second apart, from the last commit replayed before the pause.
    check(found.afterSeconds <= bound + 3, `the primary took over ${found.afterSeconds} s after the pause, bound ${bound} s`);
  } finally {
    psql(standby, 'SELECT pg_wal_replay_resume()');
  }
  let seen = 0;
  for (let i = 0; i < 50 && seen !== 200; i++) {
    await sleep(100);
    seen = (await reader.get(`/api/v1/bulletins/${id}`)).status;
  }
  const listed = (await reader.get('/api/v1/bulletins')).json().items.some((b) => b.id === id);
  figure('another session after replay resumed', `${seen}, listed: ${listed}`);
  check(seen === 200 && listed, 'after replay resumed, another session still does not see the bulletin');
  let back = false;
  for (let i = 0; i < 40 && !back; i++) {
    const ahead = await routedReads(second);
    await reader.get('/api/v1/bulletins');
    back = (await routedReads(second)).standby === ahead.standby + 1;
    if (!back) await sleep(250);
  }
  check(back, 'after replay resumed and caught up, reads did not go back to the standby');
});
