// The inbox updates live: labour inspection's handler keeps the inbox page open; the wage-arrears
// office's coordinator reports a risk whose responsible body is labour inspection (through the API);
// the server pushes `event: notification` on the handler's stream and the row and the unread count
// change without a reload.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, loginAndWait, newPage, screenshot } from '../support/browser.mjs';
import { creditCode } from '../support/ids.mjs';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

test('a notification for the body appears on the open inbox page without a reload', async () => {
  const watcher = await newPage(browser);
  await loginAndWait(watcher.page, 'handler');
  await watcher.page.goto('/inbox');
  await watcher.page.locator('[data-test="inbox-table"]').waitFor();
  // The stream is connected (the page says so) before anything is sent.
  await watcher.page.getByText('实时推送').first().waitFor();
  const unreadBefore = await watcher.page.evaluate(async () => (await (await fetch('/api/v1/inbox', { credentials: 'same-origin' })).json()).unread);
  let reloaded = false;
  watcher.page.on('framenavigated', (frame) => {
    if (frame === watcher.page.mainFrame()) reloaded = true;
  });

  const reporter = await newPage(browser);
  await loginAndWait(reporter.page, 'coordinator');
  const employer = `实时推送测试劳务有限公司${Date.now() % 10000}`;
  const created = await reporter.page.evaluate(
    async ({ employer, code }) => {
      const { csrf_token: token } = await (await fetch('/api/v1/auth/me', { credentials: 'same-origin' })).json();
      const response = await fetch('/api/v1/risks', {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': token },
        body: JSON.stringify({
          employer_name: employer,
          employer_credit_code: code,
          workers_affected: 3,
          amount_yuan: '6000',
          source: 'inspection',
          owner_body: 'hrss',
        }),
      });
      return { status: response.status, body: await response.json() };
    },
    { employer, code: creditCode(`91320102MA1LKW${String(Date.now() % 1000).padStart(3, '0')}`) },
  );
  assert.equal(created.status, 201, JSON.stringify(created.body));
  await reporter.close();

  const row = watcher.page.locator('[data-test="inbox-table"] .el-table__row', { hasText: created.body.risk_no });
  await row.waitFor();
  await watcher.page.locator('[data-test="inbox-unread"]', { hasText: String(unreadBefore + 1) }).waitFor();
  assert.equal(reloaded, false, 'the page was not reloaded');
  await screenshot(watcher.page, 'inbox-live');
  await watcher.close();
});

test('the notification settings on the inbox page save each switch at once', async () => {
  const { page, close } = await newPage(browser);
  await loginAndWait(page, 'handler');
  await page.goto('/inbox');
  await page.locator('[data-test="inbox-preferences-toggle"]').getByText('消息接收设置').click();
  const preferences = page.locator('[data-test="inbox-preferences"]');
  await preferences.getByText('站内消息').first().waitFor();
  const read = () => page.evaluate(async () => (await (await fetch('/api/v1/inbox/preferences', { credentials: 'same-origin' })).json()).categories);
  const before = (await read()).find((c) => c.category === 'bulletin');
  assert.equal(before.webhook, true);
  await page.locator('[data-test="pref-bulletin-webhook"]').click();
  await page.getByText('接收设置已保存').waitFor();
  assert.equal((await read()).find((c) => c.category === 'bulletin').webhook, false);
  await screenshot(page, 'inbox-preferences');
  await page.locator('[data-test="pref-bulletin-webhook"]').click();
  await page.locator('[data-test="pref-bulletin-webhook"].is-checked').waitFor();
  assert.equal((await read()).find((c) => c.category === 'bulletin').webhook, true);
  await close();
});
