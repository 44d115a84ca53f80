// Issue 17, the procuratorate's 检察建议 loop, in the browser: the prosecutor issues a 检察建议 from
// the red warning on the demo project 城东物流园仓储项目 (the dialog proposes the project's owner body
// and the warning's facts as the problem), and lands on its page: numbered, addressed to 区人社局,
// the reply due with the period's basis and its status in words (未证实，本区可设置). The prosecutor
// signs out; labour inspection's case handler finds it on the workbench and replies that it has
// rectified, with the evidence; the prosecutor signs in again, finds the reply to evaluate on the
// workbench and evaluates it as rectified. The 检察建议 list and the 监测总览 dashboard count it.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { cleanScreenshot as screenshot, launchBrowser, loginAndWait, newPage, signOut } from '../support/browser.mjs';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

async function api(page, path) {
  return page.evaluate(async (url) => {
    const response = await fetch(url, { credentials: 'same-origin' });
    if (!response.ok) throw new Error(`${url}: ${response.status}`);
    return response.json();
  }, `/api/v1${path}`);
}

const PROJECT = '城东物流园仓储项目';
const MEASURES = '建议督促建设单位于十五日内向农民工工资专用账户足额拨付人工费用，并依法处理。';
const REPLY = '已约谈建设单位并责令限期拨付，建设单位已足额拨付拖欠的人工费用。';
const EVIDENCE = '专用账户流水（人工费用拨付凭证）；责令改正通知书及送达回证';

let recPath = '';
let recNumber = '';
let before_ = null;

test('the prosecutor issues a 检察建议 from the red warning on the project page', async () => {
  const { page, close } = await newPage(browser);
  await loginAndWait(page, 'prosecutor');
  // What the district counted before (the list and the dashboard must each count one more).
  before_ = {
    dashboard: (await api(page, '/supervision/dashboard')).recommendations,
    counts: (await api(page, '/recommendations?page_size=1')).counts,
  };

  await page.locator('[data-test="side-menu"]').getByText('工程项目').click();
  await page.locator('[data-test="project-list-page"]').waitFor();
  await page.locator('[data-test="project-table"] .el-table__row', { hasText: PROJECT }).click();
  await page.locator('[data-test="project-detail-page"]').waitFor();
  const red = page
    .locator('[data-test="project-open-warnings"] [data-test="project-warning"]')
    .filter({ has: page.locator('[data-test="warning-level"][data-level="red"]') })
    .first();
  await red.waitFor();
  const rule = (await red.locator('.warning__rule').innerText()).trim();
  await red.locator('[data-test="warning-issue-recommendation"]').click();

  const dialog = page.locator('[data-test="rec-issue-dialog"]');
  await dialog.waitFor();
  assert.equal((await dialog.locator('[data-test="rec-issue-basis"]').innerText()).trim(), `${PROJECT}：${rule}`);
  // The project's owner body is proposed; the warning's facts open the problem.
  await dialog.locator('[data-test="rec-issue-addressee"]').getByText('区人社局').waitFor();
  const problem = await dialog.locator('[data-test="rec-issue-problem"]').inputValue();
  assert.match(problem, new RegExp(`^${PROJECT}：`));
  assert.match(problem, /红色预警/);
  // The measures are asked for before anything is sent.
  await dialog.locator('[data-test="rec-issue-submit"]').click();
  await dialog.locator('[data-field="measures"] .el-form-item__error').getByText('必填').waitFor();
  await dialog.locator('[data-test="rec-issue-measures"]').fill(MEASURES);
  await dialog.locator('[data-test="rec-issue-submit"]').click();

  await page.locator('[data-test="rec-detail-page"]').waitFor();
  recPath = new URL(page.url()).pathname;
  assert.match(recPath, /^\/recommendations\/\d+$/);
  recNumber = (await page.locator('[data-test="rec-number"]').innerText()).trim();
  assert.match(recNumber, /^.+〔\d{4}〕\d+号$/);
  assert.match(await page.locator('[data-test="rec-addressee"]').innerText(), /^区人社局/);
  await page.locator('[data-test="rec-measures"]').getByText(MEASURES).waitFor();
  // The 检察建议书 as issued downloads as a PDF from the page.
  const pdfHref = await page.locator('[data-test="rec-document-pdf"]').getAttribute('href');
  const pdf = await page.evaluate(async (url) => {
    const response = await fetch(url, { credentials: 'same-origin' });
    return { status: response.status, type: response.headers.get('content-type'), size: (await response.arrayBuffer()).byteLength };
  }, pdfHref);
  assert.deepEqual([pdf.status, pdf.type], [200, 'application/pdf']);
  assert.ok(pdf.size > 1000, 'a rendered document, not an error page');
  // The reply is due on a Chinese date, with its period, its basis and its status in words.
  const due = await page.locator('[data-test="rec-due"]').innerText();
  assert.match(due, /\d{4}年\d{1,2}月\d{1,2}日/);
  assert.doesNotMatch(due, /\d{4}-\d{2}-\d{2}/);
  assert.match(await page.locator('[data-test="rec-period"]').innerText(), /期限依据/);
  assert.equal((await page.locator('[data-test="rec-period-status"]').innerText()).trim(), '未证实，本区可设置');
  await page.locator('[data-test="rec-status"]').getByText('待回复').waitFor();
  await page.locator('[data-test="rec-no-reply"]').waitFor();
  assert.equal(await page.locator('[data-test="rec-reply-form"]').count(), 0, 'only the addressee replies');
  await screenshot(page, '18-recommendation-issued');

  // The project page lists it.
  await page.locator('[data-test="rec-basis-link"]').click();
  await page.locator('[data-test="project-detail-page"]').waitFor();
  await page.locator('[data-test="related-recommendations"] [data-test="related-recommendation"]', { hasText: recNumber }).waitFor();
  await signOut(page);
  await close();
});

test('labour inspection finds it on the workbench and replies with the evidence of rectification', async () => {
  assert.ok(recPath, 'the first test issued the recommendation');
  const { page, close } = await newPage(browser);
  await loginAndWait(page, 'handler');
  const card = page.locator('[data-test="recommendations-card"]');
  await card.waitFor();
  const item = card.locator('[data-test="recommendation-item"]', { hasText: recNumber });
  await item.locator('[data-test="rec-card-todo"]', { hasText: '待本单位回复' }).waitFor();
  await item.click();
  await page.waitForURL(`**${recPath}`);
  const form = page.locator('[data-test="rec-reply-form"]');
  await form.waitFor();
  await page.locator('[data-test="rec-reply-kind-rectified"]').click();
  await page.locator('[data-test="rec-reply-text"]').fill(REPLY);
  // "Rectified" needs its evidence.
  await page.locator('[data-test="rec-reply-submit"]').click();
  await form.getByText('整改完毕的，请填写整改证明材料').waitFor();
  await page.locator('[data-test="rec-reply-evidence-input"]').fill(EVIDENCE);
  await page.locator('[data-test="rec-reply-submit"]').click();
  await page.locator('[data-test="rec-reply-kind"]').getByText('已采纳并整改完毕').waitFor();
  await page.locator('[data-test="rec-reply-evidence"]').getByText(EVIDENCE).waitFor();
  assert.equal(await page.locator('[data-test="rec-reply-form"]').count(), 0);
  assert.equal(await page.locator('[data-test="rec-eval-form"]').count(), 0, 'only the procuratorate evaluates');
  await signOut(page);
  await close();
});

test('the prosecutor evaluates it as rectified; the list and the dashboard count it', async () => {
  assert.ok(recPath && before_, 'the recommendation was issued and answered');
  const { page, close } = await newPage(browser);
  await loginAndWait(page, 'prosecutor');
  const item = page.locator('[data-test="recommendations-card"] [data-test="recommendation-item"]', { hasText: recNumber });
  await item.locator('[data-test="rec-card-todo"]', { hasText: '待评估' }).waitFor();
  await item.click();
  await page.waitForURL(`**${recPath}`);
  await page.locator('[data-test="rec-reply-evidence"]').getByText(EVIDENCE).waitFor();
  await page.locator('[data-test="rec-eval-form"]').waitFor();
  await page.locator('[data-test="rec-outcome-rectified"]').click();
  await page.locator('[data-test="rec-eval-text"]').fill('经核查专用账户流水，人工费用已足额拨付，整改到位。');
  await page.locator('[data-test="rec-eval-submit"]').click();
  await page.locator('[data-test="rec-outcome"]').getByText('整改到位').waitFor();
  await screenshot(page, '18-recommendation-evaluated');

  // The list: its row, the 已评估 tab and the rectified count.
  await page.locator('[data-test="side-menu"]').getByText('检察建议').click();
  await page.locator('[data-test="rec-list-page"]').waitFor();
  await page.locator('[data-test="rec-table"] .el-table__row', { hasText: recNumber }).waitFor();
  await page.locator('[data-test="rec-count-rectified"]').getByText(`已整改 ${before_.counts.rectified + 1}`).waitFor();
  assert.equal(Number(await page.locator('[data-test="rec-count-evaluated"]').innerText()), before_.counts.evaluated + 1);
  await page.locator('[data-test="rec-tab-evaluated"]').click();
  await page.waitForURL(/status=evaluated/);
  await page.locator('[data-test="rec-table"] .el-table__row', { hasText: recNumber }).locator('[data-test="rec-status"]').waitFor();

  // The dashboard.
  await page.locator('[data-test="side-menu"]').getByText('监测总览').click();
  await page.locator('[data-test="supervision-page"]').waitFor();
  const tile = (key) => page.locator(`[data-test="rec-tile-${key}"] .tile__value`);
  await tile('issued').getByText(String(before_.dashboard.issued + 1), { exact: true }).waitFor();
  assert.equal(Number(await tile('answered').innerText()), before_.dashboard.answered + 1);
  assert.equal(Number(await tile('rectified').innerText()), before_.dashboard.rectified + 1);
  assert.match(await page.locator('[data-test="coverage-with_special_account"] [data-test="coverage-figure"]').innerText(), /^\d+ \/ \d+ 个项目$/);
  await page.locator('[data-test="chart-warnings-by-month"] canvas').waitFor();
  await screenshot(page, '18-supervision-dashboard');
  await close();
});
