// Importing complaints in the browser (docs/imports.md): a labour-inspection handler uploads a UTF-8
// CSV of two complaints, sees the mapping the server proposes, is told which row and column fail
// (the 类型 column is not a header the server knows, so the sole trader counts as a unit without a
// credit code), maps 类型 by hand, validates again, commits, and follows the links to the new cases.
// Case data is labour inspection's alone (案件办理 › 批量导入); another body that reports risks imports
// the project feeds only, from 风险防范 › 项目数据导入.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { chooseOption, launchBrowser, loginAndWait, newPage, screenshot, sideMenuTexts } from '../support/browser.mjs';
import { creditCode, idNumber } from '../support/ids.mjs';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

/** Beijing wall time two days ago ("2026/11/23 9:30" style, as a clue-platform export has it). */
function twoDaysAgo() {
  const d = new Date(Date.now() - 2 * 86_400_000 + 8 * 3_600_000);
  return `${d.getUTCFullYear()}/${d.getUTCMonth() + 1}/${d.getUTCDate()} 9:30`;
}

// Unique per run of the suite, so the file is never "already committed" (409) on a reused database.
const stamp = String(Date.now() % 1000).padStart(3, '0');
const received = twoDaysAgo();
const CSV = [
  '线索编号,投诉人姓名,公民身份号码,联系电话,被投诉单位名称,统一社会信用代码,欠薪金额（元）,欠薪月数,投诉时间,类型',
  `E2E-${stamp}-1,周导入,${idNumber(`32010219850301${stamp}`)},13900000101,导入测试建筑劳务有限公司,${creditCode(`91320102MA1E2E${stamp}`)},"12,000.50",3,${received},单位`,
  `E2E-${stamp}-2,吴导入,${idNumber(`32010219850402${stamp}`)},,导入测试小吃店,,4500元,2,${received},个体`,
].join('\r\n');

async function caseTotal(page) {
  return page.evaluate(async () => (await (await fetch('/api/v1/cases', { credentials: 'same-origin' })).json()).total);
}

test('a handler imports two complaints from a CSV: mapping, row errors, correction, commit, new cases', async () => {
  const { page, assertNoConsoleErrors, close } = await newPage(browser);
  await loginAndWait(page, 'handler');
  const before = await caseTotal(page);
  assert.ok((await sideMenuTexts(page)).some((text) => text.includes('批量导入')));
  await page.locator('[data-test="side-menu"]').getByText('批量导入').click();
  await page.locator('[data-test="imports-page"]').waitFor();
  // Labour inspection's page offers case data and the project feeds.
  await page.locator('[data-test="import-case-kinds"]').getByText('案件数据').waitFor();
  await page.locator('[data-test="import-feed-kinds"]').getByText('项目监测数据').waitFor();

  await page.locator('[data-test="import-file"] input[type="file"]').setInputFiles({
    name: 'clues.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(CSV, 'utf8'),
  });
  await page.locator('[data-test="import-upload"]').click();
  const mapping = page.locator('[data-test="import-mapping"]');
  await mapping.waitFor();
  await page.locator('[data-test="import-file-info"]').getByText('utf-8').waitFor();
  // The proposal from the headers: the worker's name is column B; 类型 is not mapped yet.
  await page.locator('[data-test="map-worker_name"]').getByText('B · 投诉人姓名').waitFor();
  await page.locator('[data-test="map-employer_kind"]').getByText('不导入').waitFor();
  await screenshot(page, 'imports-mapping');

  // Validated as proposed: row 3 (the shop), column F, needs a credit code. Nothing is written.
  await page.locator('[data-test="import-check"]').click();
  const errors = page.locator('[data-test="import-errors"]');
  await errors.locator('.el-table__row', { hasText: '统一社会信用代码' }).first().waitFor();
  const firstError = await errors.locator('.el-table__row').first().innerText();
  assert.match(firstError, /^3\s+F/, firstError);
  const report = await page.locator('[data-test="import-errors-csv"]').getAttribute('href');
  assert.match(report, /^\/api\/v1\/imports\/\d+\/errors\.csv$/);
  await screenshot(page, 'imports-errors');
  assert.equal(await caseTotal(page), before, 'an invalid import writes nothing');

  // Mapping 类型 (column J) to the employer's kind makes every row valid.
  await chooseOption(page, page.locator('[data-test="map-employer_kind"]'), 'J · 类型');
  await page.locator('[data-test="import-check"]').click();
  await page.locator('[data-test="import-valid"]').waitFor();
  assert.equal(await errors.count(), 0);
  await page.locator('[data-test="import-commit"]').click();

  const result = page.locator('[data-test="import-result"]');
  await result.getByText('新建 2 件案件').waitFor();
  const links = result.locator('[data-test="import-case-links"] a');
  assert.equal(await links.count(), 2);
  // The new cases by their numbers (案号), not by database ids.
  for (const text of await links.allInnerTexts()) assert.match(text, /^案件 \S*\d{4}\S*$/, text);
  assert.doesNotMatch((await links.allInnerTexts()).join(' '), /#/);
  assert.equal(await caseTotal(page), before + 2);
  await screenshot(page, 'imports-result');

  await links.first().click();
  await page.waitForURL(/\/cases\/\d+$/);
  await page.getByText('导入测试建筑劳务有限公司').first().waitFor();
  assertNoConsoleErrors();
  await close();
});

test('only labour inspection imports case data: the police, who report risks, import the project feeds under 风险防范', async () => {
  const { page, close } = await newPage(browser);
  await loginAndWait(page, 'police');
  const menu = await sideMenuTexts(page);
  assert.ok(!menu.some((text) => text.includes('批量导入')), 'no 批量导入 under 案件办理');
  assert.ok(menu.some((text) => text.includes('项目数据导入')));
  await page.locator('[data-test="side-menu"]').getByText('项目数据导入').click();
  await page.waitForURL(/\/projects\/import$/);
  await page.locator('[data-test="imports-page"]').waitFor();
  await page.locator('[data-test="import-feed-kinds"]').getByText('项目监测数据').waitFor();
  assert.equal(await page.locator('[data-test="import-case-kinds"]').count(), 0);
  assert.equal(await page.locator('[data-test="import-kind-complaints"]').count(), 0);
  // An old link to labour inspection's import page leads to the page the police may use, not to 403.
  await page.goto('/imports');
  await page.waitForURL(/\/projects\/import$/);
  await page.locator('[data-test="import-feed-kinds"]').waitFor();
  await close();
});

test('a court judge, who neither handles cases nor reports risks, has no import page', async () => {
  const { page, close } = await newPage(browser);
  await loginAndWait(page, 'judge');
  assert.ok(!(await sideMenuTexts(page)).some((text) => text.includes('批量导入') || text.includes('项目数据导入')));
  // Nor does an old link give one: the judge may open neither import page.
  await page.goto('/imports');
  await page.waitForURL(/\/forbidden\?from=/);
  await close();
});
