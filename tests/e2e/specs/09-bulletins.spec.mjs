// Bulletins (工作简报) in the browser: the wage-arrears office issues a special bulletin, reads its
// figures (with the hash check) and its PDF; a handler reads the list but cannot issue one.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { chooseOption, launchBrowser, loginAndWait, newPage, screenshot } from '../support/browser.mjs';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

test('the office issues a special bulletin and reads its figures and PDF; a handler only reads', async () => {
  const office = await newPage(browser);
  await loginAndWait(office.page, 'coordinator');
  const page = office.page;
  await page.locator('[data-test="side-menu"]').getByText('工作简报').click();
  await page.locator('[data-test="bulletins-page"]').waitFor();
  // The regular job has issued this week's, month's and quarter's bulletins already (a second one
  // for the same period is refused): the office issues a special one for a chosen period.
  await chooseOption(page, page.locator('[data-test="bulletin-period"]'), '专报');
  const range = page.locator('[data-test="bulletin-issue"] .el-range-input');
  await range.nth(0).fill('2026-01-01');
  await range.nth(1).fill('2026-01-31');
  await range.nth(1).press('Enter');
  await page.locator('[data-test="bulletin-issue-submit"]').click();
  const drawer = page.locator('.el-drawer');
  await drawer.getByText('数据完整').waitFor();
  await drawer.getByText('新增投诉（件）').waitFor();
  const number = (await drawer.locator('[data-test="bulletin-number"]').innerText()).trim();
  assert.match(number, /^〔\d{4}〕第\d+期$/, 'a 期号, not an internal key');
  await screenshot(page, 'bulletin-detail');
  const pdf = await page.evaluate(async (href) => {
    const response = await fetch(href, { credentials: 'same-origin' });
    const bytes = new Uint8Array(await response.arrayBuffer());
    return { status: response.status, type: response.headers.get('content-type'), magic: String.fromCharCode(...bytes.slice(0, 5)) };
  }, await drawer.locator('[data-test="bulletin-pdf"]').getAttribute('href'));
  assert.deepEqual(pdf, { status: 200, type: 'application/pdf', magic: '%PDF-' });
  await office.close();

  const handler = await newPage(browser);
  await loginAndWait(handler.page, 'handler');
  await handler.page.goto('/bulletins');
  await handler.page.locator('[data-test="bulletin-table"] .el-table__row', { hasText: number }).waitFor();
  assert.equal(await handler.page.locator('[data-test="bulletin-issue"]').count(), 0);
  await handler.close();
});
