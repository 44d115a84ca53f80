// A write whose answer is lost — the database connection dropped during COMMIT, which the server
// answers 503 — is sent again by the browser with the same Idempotency-Key. The server finds the key
// stored with the first attempt and answers "already applied": the entry exists once, and the user
// is told it was saved (docs/operations.md, defect 5).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, loginAndWait, newPage } from '../support/browser.mjs';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

test('a roster entry whose answer was lost is stored once, and the repeat says it was saved', async () => {
  // Not newPage's close(): the browser logs the simulated 503, which is the point of the test.
  const { context, page } = await newPage(browser);
  await loginAndWait(page, 'coordinator');
  await page.goto('/roster');
  await page.locator('[data-test="roster-table"] .el-table__row', { hasText: '闫志强' }).waitFor();

  const keys = [];
  await page.route('**/api/v1/liaisons', async (route) => {
    const request = route.request();
    if (request.method() !== 'POST') return route.continue();
    keys.push(request.headers()['idempotency-key']);
    if (keys.length > 1) return route.continue();
    // The server stores the entry, but its answer never reaches the browser.
    const stored = await route.fetch();
    assert.equal(stored.status(), 201);
    return route.fulfill({
      status: 503,
      contentType: 'application/problem+json',
      body: JSON.stringify({ code: 'service_unavailable', status: 503, title: '提交时与数据库的连接中断，无法确认本次操作是否已保存' }),
    });
  });

  await page.locator('[data-test="roster-add"]').click();
  const dialog = page.locator('[data-test="roster-dialog"]');
  await dialog.waitFor();
  await dialog.locator('[data-test="roster-body"]').click();
  await page.locator('.el-select-dropdown__item:visible', { hasText: '区司法局' }).click();
  await dialog.locator('[data-test="roster-name"]').fill('重复提交测试员');
  await dialog.locator('[data-test="roster-title"]').fill('区司法局办公室主任');
  await dialog.locator('[data-test="roster-phone"]').fill('13812345679');
  await dialog.locator('[data-test="roster-save"]').click();
  await page.locator('.el-message--success', { hasText: '此前已经保存成功' }).waitFor();

  assert.equal(keys.length, 2, 'the browser sent the write again after the 503');
  assert.match(keys[0], /^[0-9a-f]{32}$/);
  assert.equal(keys[1], keys[0], 'with the same key');

  await page.unroute('**/api/v1/liaisons');
  await page.reload();
  const rows = page.locator('[data-test="roster-table"] .el-table__row', { hasText: '重复提交测试员' });
  await rows.first().waitFor();
  assert.equal(await rows.count(), 1, 'stored once');
  await rows.first().getByRole('button', { name: '删除' }).click();
  await page.locator('.el-message-box__btns .el-button--primary').click();
  await rows.first().waitFor({ state: 'detached' });
  await context.close();
});
