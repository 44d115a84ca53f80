// Signing in and out, as every user does first.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { baseUrl, currentUser, DEMO_PASSWORD, launchBrowser, login, loginAndWait, newPage, screenshot } from '../support/browser.mjs';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

test('the served index.html has no inline script (CSP script-src self)', async () => {
  const html = await (await fetch(`${baseUrl}/`)).text();
  const scripts = html.match(/<script\b[^>]*>/g) ?? [];
  assert.ok(scripts.length > 0, 'index.html loads the app');
  for (const tag of scripts) assert.match(tag, /\bsrc=/, `inline script found: ${tag}`);
});

test('an unknown visitor is sent to the login page, which is in Chinese', async () => {
  const { page, close, assertNoConsoleErrors } = await newPage(browser);
  await page.goto('/workbench');
  await page.waitForURL((url) => url.pathname === '/login' && url.searchParams.get('redirect') === '/workbench');
  await page.locator('[data-test="login-submit"]').waitFor();
  assert.equal(await page.locator('html').getAttribute('lang'), 'zh-CN');
  assert.match(await page.locator('.card__title').innerText(), /账号登录/);
  await screenshot(page, '01-login');
  assertNoConsoleErrors();
  await close();
});

test('handler signs in: the workbench shows the role 承办人 and the body', async () => {
  const { page, close, assertNoConsoleErrors } = await newPage(browser);
  await loginAndWait(page, 'handler');
  const user = await currentUser(page);
  assert.ok(user, 'the session exists on the server');
  assert.match(await page.locator('[data-test="workbench-roles"]').innerText(), /承办人/);
  assert.equal((await page.locator('[data-test="workbench-body"]').innerText()).trim(), user.body.name_zh);
  assert.match(await page.locator('[data-test="greeting"]').innerText(), new RegExp(user.display_name));
  assert.equal((await page.locator('[data-test="user-name"]').innerText()).trim(), user.display_name);
  // The watermark overlay carries the user and stays click-through.
  const watermark = page.locator('[data-test="watermark"]');
  assert.match((await watermark.getAttribute('style')) ?? '', /background-image: url\("data:image\/png/);
  assert.equal(await watermark.evaluate((el) => getComputedStyle(el).pointerEvents), 'none');
  // The liaison roster comes from the server.
  await page.locator('[data-test="roster-card"] .roster__item').first().waitFor();
  await screenshot(page, '02-workbench-handler');
  assertNoConsoleErrors();
  await close();
});

test('a wrong password shows the server’s reason and keeps the user out', async () => {
  const { page, close, assertNoConsoleErrors } = await newPage(browser);
  await login(page, 'legalaid', 'not-the-password');
  const alert = page.locator('[data-test="login-error"]');
  await alert.waitFor();
  assert.match(await alert.innerText(), /登录失败|错误|失败/);
  assert.match(page.url(), /\/login/);
  assert.equal(await currentUser(page), null);
  await screenshot(page, '03-login-wrong-password');
  assertNoConsoleErrors();
  await close();
});

test('repeated wrong passwords lock the account and the login page says until when', async () => {
  const { page, close, assertNoConsoleErrors } = await newPage(browser);
  const alert = page.locator('[data-test="login-error"]');
  let locked = false;
  for (let attempt = 1; attempt <= 10 && !locked; attempt++) {
    await login(page, 'handler2', `wrong-${attempt}`);
    await alert.waitFor();
    await page.locator('[data-test="login-submit"]:not(.is-loading)').waitFor();
    locked = /账户已锁定/.test(await alert.innerText());
  }
  assert.ok(locked, 'the account locks after repeated failures');
  // Even the right password is refused while locked.
  await login(page, 'handler2');
  await page.locator('[data-test="login-error"]', { hasText: '账户已锁定' }).waitFor();
  assert.match(await alert.innerText(), /\d{1,2}:\d{2}/, 'the message tells when the lock ends');
  assert.match(page.url(), /\/login/);
  await screenshot(page, '03b-login-locked');
  assertNoConsoleErrors();
  await close();
  // The security administrator lifts the lock, as the user would ask them to: later specs (the crawl of every
  // role's pages) sign in as handler2 on this same server.
  await unlockAsAdministrator('handler2');
});

async function unlockAsAdministrator(username) {
  const signIn = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username: 'secadmin', password: DEMO_PASSWORD }),
  });
  assert.equal(signIn.status, 200, 'the security administrator signs in');
  const cookie = signIn.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const { csrf_token: csrf } = await signIn.json();
  const users = await (await fetch(`${baseUrl}/api/v1/users?q=${username}`, { headers: { Cookie: cookie } })).json();
  const user = users.items.find((u) => u.username === username);
  assert.ok(user, `${username} is listed`);
  const unlocked = await fetch(`${baseUrl}/api/v1/users/${user.id}/unlock`, {
    method: 'POST',
    headers: { Cookie: cookie, 'X-CSRF-Token': csrf },
  });
  assert.equal(unlocked.status, 200, 'the lock is lifted');
}

test('logout ends the session and returns to the login page', async () => {
  const { page, close, assertNoConsoleErrors } = await newPage(browser);
  await loginAndWait(page, 'head');
  await page.locator('[data-test="user-menu"]').click();
  await page.locator('[data-test="logout"]').click();
  await page.locator('.el-message-box__btns .el-button--primary').click();
  await page.waitForURL('**/login?reason=user');
  await page.locator('[data-test="login-notice"]').waitFor();
  assert.equal(await currentUser(page), null);
  await page.goto('/workbench');
  await page.waitForURL('**/login**');
  assertNoConsoleErrors();
  await close();
});

test('the language switches to English and stays after a reload', async () => {
  const { page, close, assertNoConsoleErrors } = await newPage(browser);
  await loginAndWait(page, 'coordinator');
  await page.locator('[data-test="language-switch"]').click();
  await page.locator('[data-test="locale-en"]').click();
  await page.locator('[data-test="side-menu"]', { hasText: 'Workbench' }).waitFor();
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');
  await page.reload();
  await page.locator('[data-test="side-menu"]', { hasText: 'Liaison roster' }).waitFor();
  assert.match(await page.locator('[data-test="workbench-roles"]').innerText(), /Wage-arrears office coordinator/);
  await screenshot(page, '04-workbench-english');
  assertNoConsoleErrors();
  await close();
});

test('idle: a countdown warns before the timeout, 继续使用 keeps the session, the timeout signs out', async () => {
  const { page, close, assertNoConsoleErrors } = await newPage(browser);
  await page.clock.install();
  await loginAndWait(page, 'judge');
  const user = await currentUser(page);
  const timeout = user.idle_timeout_seconds;
  const dialog = page.locator('.idle-dialog');

  await page.clock.fastForward((timeout - 110) * 1000);
  await dialog.waitFor();
  assert.match(await dialog.innerText(), /即将自动退出/);
  await screenshot(page, '13-idle-warning');
  await page.locator('[data-test="idle-continue"]').click();
  await dialog.waitFor({ state: 'hidden' });
  assert.ok(await currentUser(page), 'the session is still alive');

  await page.clock.fastForward((timeout + 5) * 1000);
  await page.waitForURL('**/login?reason=idle');
  await page.locator('[data-test="login-notice"]', { hasText: '长时间未操作' }).waitFor();
  assert.equal(await currentUser(page), null, 'the server session ended too');
  assertNoConsoleErrors();
  await close();
});
