// The database goes away while an instance starts (a delaying proxy, closed under it): the instance
// ends with exit code 1 and says why, instead of aborting on an uncaught exception.
import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { runTest, instanceConfigs, env, sleep, figure, check, recordExtraPid, delayingProxy } from './lib.mjs';

await runTest('the database lost while an instance starts', async () => {
  const proxy = await delayingProxy(Number(env('WAGELINK_PRIMARY_PORT')), 100);
  const logFile = path.join(env('WAGELINK_CLUSTER_LOGS'), 'instance-lost-at-start.log');
  const err = fs.openSync(logFile, 'a');
  const child = spawn(env('WAGELINK_BINARY'), ['serve', '--config', instanceConfigs()[0], '--port', '0',
    '--db', `postgresql://wagelink@127.0.0.1:${proxy.port}/wagelink?connect_timeout=10`],
  { stdio: ['ignore', 'ignore', err] });
  recordExtraPid(child.pid);
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  await sleep(Number(process.env.LOSS_AFTER_MS || 1500)); // connected and starting: a start through the delay takes seconds
  proxy.close();
  const outcome = await Promise.race([exited, sleep(30000).then(() => null)]);
  check(outcome !== null, 'the instance neither started nor stopped within 30 s of losing its database');
  figure('exit', `code ${outcome.code}, signal ${outcome.signal}`);
  const said = fs.readFileSync(logFile, 'utf8');
  check(outcome.signal === null && outcome.code === 1, `expected exit code 1, got code ${outcome.code} signal ${outcome.signal}`);
  // Which step of the start meets the loss depends on timing (the migration check, the audit
  // anchors, ...); each must end the same way: a `wagelink:` message, never an abort.
  check(/^wagelink: /m.test(said) && !said.includes('terminate called'), `no message on its error output: ${said.slice(-300)}`);
});
