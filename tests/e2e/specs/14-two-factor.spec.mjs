// Issue 13: two-factor sign-in (TOTP, RFC 6238) and 三员分立 approvals, as users see them.
// The demo district's policy makes the second factor optional (so the other specs sign in with
// the password alone); here a unit head opts in, and the test computes the codes an authenticator
// app would show. Every change made here is undone at the end, because the specs share one server.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { launchBrowser, login, loginAndWait, newPage, screenshot } from '../support/browser.mjs';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

/** RFC 4648 base32 (what the page shows, in groups of four) to bytes. */
function base32Decode(text) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = 0;
  let value = 0;
  const out = [];
  for (const ch of text.replace(/[\s=]/g, '').toUpperCase()) {
    value = (value << 5) | alphabet.indexOf(ch);
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

/** RFC 6238 with HMAC-SHA-1, 6 digits, 30-second steps, as authenticator apps compute it. */
function totp(secret, unixSeconds = Date.now() / 1000) {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(unixSeconds / 30)));
  const mac = createHmac('sha1', base32Decode(secret)).update(counter).digest();
  const offset = mac[mac.length - 1] & 0x0f;
  const binary = mac.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 1_000_000).padStart(6, '0');
}

/** A JSON call with the page's session and CSRF token. */
async function api(page, method, path, body) {
  return page.evaluate(
    async ({ method, path, body }) => {
      const me = await (await fetch('/api/v1/auth/me', { credentials: 'same-origin' })).json();
      const response = await fetch(`/api/v1${path}`, {
        method,
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': me.csrf_token },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: response.status, json: response.status === 204 ? null : await response.json() };
    },
    { method, path, body },
  );
}

test('a unit head sets up an authenticator, then signs in in two stages', async () => {
  const head = await newPage(browser);
  await loginAndWait(head.page, 'head');
  await head.page.locator('[data-test="user-menu"]').click();
  await head.page.locator('[data-test="menu-two-factor"]').click();
  await head.page.locator('[data-test="two-factor-start"]').click();
  await head.page.locator('[data-test="two-factor-qr"]').waitFor();
  const secret = (await head.page.locator('[data-test="two-factor-secret"]').innerText()).trim();
  assert.match(secret, /^[A-Z2-7 ]{32,}$/, 'the secret is shown in base32 groups');
  await screenshot(head.page, '40-two-factor-enrol');

  // A wrong code is refused with the server's reason; the right one confirms.
  await head.page.locator('[data-test="two-factor-enrol-code"]').fill('000000');
  await head.page.locator('[data-test="two-factor-enrol-confirm"]').click();
  await head.page.locator('.el-form-item__error', { hasText: '动态验证码不正确' }).waitFor();
  await head.page.locator('[data-test="two-factor-enrol-code"]').fill(totp(secret));
  await head.page.locator('[data-test="two-factor-enrol-confirm"]').click();
  const codes = head.page.locator('[data-test="two-factor-recovery-codes"] li');
  await codes.first().waitFor();
  assert.equal(await codes.count(), 10, 'ten one-time recovery codes');
  await head.page.locator('[data-test="two-factor-continue"]').click();
  await head.page.waitForURL('**/workbench');
  head.assertNoConsoleErrors();
  await head.close();

  // Next sign-in: the password leads to the code page, not into the application.
  const again = await newPage(browser);
  await login(again.page, 'head');
  await again.page.waitForURL('**/two-factor');
  await again.page.goto('/workbench');
  await again.page.waitForURL('**/two-factor'); // nothing else is reachable yet
  // The code of the enrolment's time step was used; the next step's code is within the ±1 window.
  await again.page.locator('[data-test="two-factor-code"]').fill(totp(secret, Date.now() / 1000 + 30));
  await screenshot(again.page, '41-two-factor-sign-in');
  await again.page.locator('[data-test="two-factor-submit"]').click();
  await again.page.waitForURL('**/workbench');
  await again.page.locator('[data-test="workbench"]').waitFor();
  again.assertNoConsoleErrors();
  await again.close();

  // Undo: the security administrator resets the enrolment (the specs share one server).
  const security = await newPage(browser);
  await loginAndWait(security.page, 'secadmin');
  const users = await api(security.page, 'GET', '/users?q=head');
  const headId = users.json.items.find((u) => u.username === 'head').id;
  assert.equal((await api(security.page, 'POST', `/users/${headId}/two-factor/reset`)).status, 204);
  await security.close();
});

test('三员分立: renaming the auditor waits for a second administrator, who approves it', async () => {
  const admin = await newPage(browser);
  await loginAndWait(admin.page, 'sysadmin');
  await admin.page.goto('/system/users');
  const row = admin.page.locator('[data-test="users-table"] .el-table__row', { hasText: 'auditor' });
  await row.getByRole('button', { name: '编辑' }).click();
  const dialog = admin.page.locator('.el-dialog', { hasText: '编辑用户' });
  await dialog.waitFor();
  await dialog.locator('[data-test="user-display-name"]').fill('安全审计员（甲）');
  await dialog.locator('[data-test="user-save"]').click();
  await admin.page.locator('.el-message', { hasText: '须由另一名管理员审批' }).waitFor();
  // Not applied: the list still shows the old name, and the request is listed as pending.
  await admin.page.locator('[data-test="admin-change-requests"] .el-table__row', { hasText: '安全审计员（甲）' }).waitFor();
  assert.equal(await row.locator('td', { hasText: '安全审计员（甲）' }).count(), 0);
  admin.assertNoConsoleErrors();
  await admin.close();

  const security = await newPage(browser);
  await loginAndWait(security.page, 'secadmin');
  await security.page.locator('[data-test="side-menu"] .el-menu-item', { hasText: '角色授权' }).click();
  const request = security.page.locator('[data-test="admin-change-requests"] .el-table__row', { hasText: '系统管理员' });
  await request.waitFor();
  await screenshot(security.page, '42-admin-change-request');
  await request.locator('[data-test="change-approve"]').click();
  await security.page.locator('.el-message-box__btns .el-button--primary').click();
  await request.waitFor({ state: 'detached' });
  await security.page
    .locator('[data-test="users-table"] .el-table__row', { hasText: 'auditor' })
    .locator('td', { hasText: '安全审计员（甲）' })
    .waitFor();
  security.assertNoConsoleErrors();

  // Undo through the same two-person path (the specs share one server).
  const auditorId = (await api(security.page, 'GET', '/users?q=auditor')).json.items.find((u) => u.username === 'auditor').id;
  const back = await newPage(browser);
  await loginAndWait(back.page, 'sysadmin');
  const asked = await api(back.page, 'PATCH', `/users/${auditorId}`, { display_name: '安全审计员' });
  assert.equal(asked.status, 202);
  const decided = await api(security.page, 'POST', `/admin-change-requests/${asked.json.pending_request.id}/approve`);
  assert.equal(decided.status, 200);
  await back.close();
  await security.close();
});
