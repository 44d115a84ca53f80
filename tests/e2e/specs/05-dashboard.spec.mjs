// The dashboard (驾驶舱) in the browser: the district leader sees the whole district's figures drawn
// by ECharts; the police see only the cases they take part in; the administrators have no dashboard
// (the system administrator reads the legal parameters instead). A handler exports the case ledger.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, loginAndWait, newPage, screenshot, sideMenuTexts } from '../support/browser.mjs';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

async function openDashboard(page) {
  await page.locator('[data-test="side-menu"]').getByText('驾驶舱').click();
  await page.locator('[data-test="dashboard-tiles"]').waitFor();
  // The figures shown are the server's (same request the page made).
  return page.evaluate(async () => (await fetch('/api/v1/dashboard', { credentials: 'same-origin' })).json());
}

test('the leader sees the district dashboard: tiles from the server figures and the charts drawn', async () => {
  const { page, assertNoConsoleErrors, close } = await newPage(browser);
  await loginAndWait(page, 'leader');
  const figures = await openDashboard(page);
  assert.equal(figures.scope, 'region');
  await page.getByText('全区数据').waitFor();
  assert.equal((await page.locator('[data-test="tile-cases"] .tile__value').innerText()).trim(), String(figures.money.cases));
  await page.locator('[data-test="chart-funnel"] canvas').waitFor();
  assert.ok((await page.locator('canvas').count()) >= 3, 'funnel, money, timeliness and risk charts');
  await screenshot(page, 'dashboard');
  await page.locator('[data-test="chart-risks"]').scrollIntoViewIfNeeded();
  await screenshot(page, 'dashboard-lower');
  // English is one switch away and stays after a reload.
  await page.evaluate(() => localStorage.setItem('wagelink.locale', 'en'));
  await page.reload();
  await page.getByText('Wage-arrears dashboard').waitFor();
  await page.getByText('Whole district').waitFor();
  await page.locator('[data-test="chart-funnel"] canvas').waitFor();
  await screenshot(page, 'dashboard-english');
  assertNoConsoleErrors();
  await close();
});

test('the police see only their own cases on the dashboard; the system administrator has none', async () => {
  const police = await newPage(browser);
  await loginAndWait(police.page, 'police');
  const figures = await openDashboard(police.page);
  assert.equal(figures.scope, 'body');
  await police.page.getByText('区公安分局 参与办理的案件').waitFor();
  police.assertNoConsoleErrors();
  await police.close();

  const admin = await newPage(browser);
  await loginAndWait(admin.page, 'sysadmin');
  assert.ok(!(await sideMenuTexts(admin.page)).some((text) => text.includes('驾驶舱')));
  // What the system administrator has instead: the legal parameters, each with its status.
  await admin.page.locator('[data-test="side-menu"]').getByText('法定参数').click();
  // The district's case rules open first; the shipped threshold profiles are the next tab.
  await admin.page.locator('[data-test="case-rules-profiles"]').waitFor();
  await admin.page.getByRole('tab', { name: '数额较大标准' }).click();
  await admin.page.locator('[data-test="settings-thresholds"] .el-table__row').first().waitFor();
  await admin.page.locator('.el-alert__title', { hasText: '法释〔2013〕3号 §3' }).waitFor();
  await screenshot(admin.page, 'settings');
  await admin.page.getByRole('tab', { name: '法定办理时限' }).click();
  await admin.page.locator('[data-test="settings-limits"] .el-table__row', { hasText: 'L01' }).waitFor();
  admin.assertNoConsoleErrors();
  await admin.close();
});

test('a case handler exports the case ledger from the case list', async () => {
  const { page, assertNoConsoleErrors, close } = await newPage(browser);
  await loginAndWait(page, 'handler');
  await page.goto('/cases');
  await page.locator('[data-test="case-table"]').waitFor();
  await page.locator('[data-test="ledger-export"]').click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-test="ledger-cases"]').click()]);
  assert.match(download.suggestedFilename(), /\.xlsx$/);
  assertNoConsoleErrors();
  await close();
});
