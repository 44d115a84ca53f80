#!/usr/bin/env node
// Browser end-to-end suite: starts WageLink on a fresh demo database, runs tests/e2e/specs with
// `node --test` against it, then stops the server and removes its temp dir, also on failure.
//
//   node tests/e2e/run.mjs [spec ...]        (from the repo root, or `npm run e2e` in web/)
//   WAGELINK_BINARY=path/to/wagelink          server binary (default <repo>/build/wagelink)
//   CHROMIUM_PATH=/usr/bin/chromium           browser (Debian package `chromium`)
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { repoRoot, startServer } from './support/server.mjs';

const specDir = join(repoRoot, 'tests', 'e2e', 'specs');
const requested = process.argv.slice(2);
const specs = requested.length
  ? requested.map((spec) => resolve(spec))
  : readdirSync(specDir)
      .filter((name) => name.endsWith('.spec.mjs'))
      .sort()
      .map((name) => join(specDir, name));

let server = null;
let stopping = null;
const stopServer = () => (stopping ??= server ? server.stop() : Promise.resolve());

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    stopServer().finally(() => process.exit(130));
  });
}

let status = 1;
try {
  server = await startServer();
  console.log(`e2e: WageLink at ${server.baseUrl}; ${specs.length} spec file(s)`);
  status = await new Promise((done) => {
    const child = spawn(process.execPath, ['--test', '--test-concurrency=1', '--test-reporter=spec', ...specs], {
      cwd: repoRoot,
      stdio: 'inherit',
      env: { ...process.env, WAGELINK_E2E_BASE_URL: server.baseUrl },
    });
    child.on('exit', (code, signal) => done(code ?? (signal ? 1 : 0)));
  });
  if (status !== 0) {
    const lines = server.serverLog().split('\n');
    // A failure far from the end of the run leaves its server error out of the tail: show every
    // server error and 5xx answer of the run as well.
    const errors = lines.filter((line) => /"status":5\d\d|"level":"(error|critical)"/.test(line));
    console.error(`--- server errors and 5xx answers (${errors.length}) ---`);
    console.error(errors.slice(-60).join('\n'));
    console.error('--- server log (tail) ---');
    console.error(lines.slice(-40).join('\n'));
  }
} catch (error) {
  console.error(`e2e: ${error.message}`);
  status = 1;
} finally {
  await stopServer();
}
process.exit(status);
