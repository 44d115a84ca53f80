// Issue 17's whole chain in the browser, each step by the role that takes it: from a project's own
// data to a red warning, the risk ledger, the joint meeting's agenda and a 检察建议 answered and
// evaluated.
//  1. Labour inspection registers a project and, from its page (从文件导入), imports last month's
//     real-name attendance sheet as a CSV file, then the same month's special-account statement
//     (a bank fee, no labour cost) and the month before's attendance sheet. The month before's
//     statement, empty, goes through the paste dialog. Two worked months with no labour cost paid
//     in reach PW-LABOUR-COST-NOT-DEPOSITED's red grade (data/project_warning_rules.json: orange at
//     1 month, red at 2), shown on the project page.
//  2. The project's risk item in the ledger is red (特别重大) and links back to the project.
//  3. The wage-arrears office — which reports risks but handles no cases — finds 项目数据导入 under
//     风险防范 (not 批量导入 under 案件办理), the import page with the project feeds only, convenes a joint meeting and finds the risk item on the agenda
//     the server builds (open risks from 重大 up, services/meeting_service.h).
//  4. The prosecutor issues a 检察建议 from the red warning to the project's owner body (区人社局);
//     labour inspection replies that it has rectified, with the evidence; the prosecutor evaluates
//     it, and the 检察建议 page shows the evaluation.
// The key pages are screenshot and checked for machine text.
//
// The server runs on the real clock: "last month" is the Beijing month before today's, which is
// over, so the labour-cost rule counts it and the month before (docs/supervision.md, "Which months
// count").
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  cleanScreenshot as screenshot,
  launchBrowser,
  loginAndWait,
  newPage,
  setPicker,
  sideMenuTexts,
  signOut,
} from '../support/browser.mjs';
import { beijing, beijingMonthBefore } from '../support/beijing_time.mjs';
import { creditCode, idNumber } from '../support/ids.mjs';
import { assertPlainText } from '../support/plain_text.mjs';
import { commitImport, csvFile, pasteFeed, registerProject, uploadFeedFile } from '../support/projects.mjs';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

const PROJECT = '城西安置房四期工程';
const RULE = 'PW-LABOUR-COST-NOT-DEPOSITED';
const LAST = beijingMonthBefore(1);
const BEFORE_LAST = beijingMonthBefore(2);
/** Signed three months before the month before last began, the account opened a week later. */
const SIGNED = beijingMonthBefore(5);
const WORKERS = [
  ['赵建华', idNumber('33010619860415201')],
  ['钱文静', idNumber('33010619910228302')],
  ['孙志强', idNumber('33010619880709103')],
];
const attendance = (month, days) =>
  csvFile(`实名制考勤表-${month.value}.csv`, [['身份证号', '姓名', '出勤天数'], ...WORKERS.map(([name, id], i) => [id, name, String(days - i)])]);
// The bank's statement for last month: one account fee, no labour cost paid in.
const STATEMENT = csvFile(`专用账户流水-${LAST.value}.csv`, [
  ['交易日期', '金额', '用途'],
  [`${LAST.value}-28`, '35.00', '其他'],
]);

const MEASURES = '建议督促建设单位于十五日内向农民工工资专用账户足额拨付人工费用，并对逾期未拨付的依法处理。';
const REPLY = '已约谈建设单位并责令限期拨付，建设单位已补足两个月的人工费用。';
const EVIDENCE = '专用账户流水（人工费用拨付凭证）；约谈笔录；责令改正通知书及送达回证';
const EVALUATION = '经核查专用账户流水，两个月人工费用已足额拨付，整改到位。';

const chain = { projectPath: '', riskNo: '', recPath: '', recNumber: '' };

test('labour inspection imports the project’s feed files and sees the red labour-cost warning', async () => {
  const { page, assertNoConsoleErrors, close } = await newPage(browser);
  await loginAndWait(page, 'handler');
  const { path } = await registerProject(page, {
    name: PROJECT,
    location: '示范区城西路18号',
    sector: '区住房和城乡建设局',
    contractSum: '38,000,000',
    signedOn: `${SIGNED.value}-03`,
    builder: { name: '示范区城西置业有限公司', code: creditCode('91330100MA2D8E9F0') },
    contractor: { name: '某城建集团有限公司', code: creditCode('91330100MA2L8X9W1') },
    labourOfficer: '孙专管',
    payDay: 15,
    accountBank: '示范银行城西支行',
    accountOpenedOn: `${SIGNED.value}-10`,
    deposit: '银行保函',
    depositAmount: '570000',
    noticeBoard: true,
  });
  chain.projectPath = path;
  await page.locator('[data-test="project-no-warnings"]').waitFor();

  // ---- 从文件导入: 项目数据导入 opens with the kind and the project chosen ----
  await page.locator('[data-test="project-import"]').click();
  await page.waitForURL(/\/projects\/import\?kind=attendance&project_id=\d+$/);
  await page.locator('[data-test="imports-page"]').waitFor();
  assert.equal(await page.locator('[data-test="import-kind-attendance"] input').isChecked(), true);
  await page.locator('[data-test="import-project"]').getByText(PROJECT).waitFor();
  assert.equal(await page.locator('[data-test="import-month"] input').inputValue(), LAST.zh, 'last month is offered');
  // A project's page leads to its feeds: case data is offered under 案件办理 › 批量导入, not here.
  await page.locator('[data-test="import-feed-kinds"]').getByText('项目监测数据').waitFor();
  assert.equal(await page.locator('[data-test="import-case-kinds"]').count(), 0);

  await uploadFeedFile(page, { kind: 'attendance', month: LAST, file: attendance(LAST, 22) });
  const info = page.locator('[data-test="import-file-info"]');
  await info.getByText(PROJECT).waitFor();
  await info.getByText(LAST.zh).waitFor();
  // The server proposes the columns from the sheet's headers.
  await page.locator('[data-test="map-id_number"]').getByText('A · 身份证号').waitFor();
  await page.locator('[data-test="map-name"]').getByText('B · 姓名').waitFor();
  await page.locator('[data-test="map-days"]').getByText('C · 出勤天数').waitFor();
  await screenshot(page, '19-import-mapping');
  await assertPlainText(page, 'the import page (mapping)');
  let result = await commitImport(page);
  assert.match(result, new RegExp(`^已导入 ${LAST.zh} 考勤 3 行；该项目现有 \\d+ 条未消除预警$`), result);
  assert.doesNotMatch(result, /\d{4}-\d{2}/);
  await screenshot(page, '19-import-result');
  await assertPlainText(page, 'the import page (result)');

  // ---- last month's statement, then the month before's attendance, from files ----
  await page.locator('[data-test="import-another"]').click();
  await uploadFeedFile(page, { kind: 'account', month: LAST, file: STATEMENT });
  await page.locator('[data-test="map-purpose"]').getByText('C · 用途').waitFor();
  result = await commitImport(page);
  assert.match(result, new RegExp(`^已导入 ${LAST.zh} 专用账户流水 1 行；该项目现有 \\d+ 条未消除预警$`), result);

  await page.locator('[data-test="import-another"]').click();
  await uploadFeedFile(page, { kind: 'attendance', month: BEFORE_LAST, file: attendance(BEFORE_LAST, 21) });
  result = await commitImport(page);
  assert.match(result, new RegExp(`^已导入 ${BEFORE_LAST.zh} 考勤 3 行；该项目现有 \\d+ 条未消除预警$`), result);

  // The result links to the project.
  await page.locator('[data-test="import-project-link"]', { hasText: PROJECT }).click();
  await page.waitForURL(`**${chain.projectPath}`);
  await page.locator('[data-test="project-detail-page"]').waitFor();

  // ---- the month before's statement, with no transaction at all, pasted ----
  await pasteFeed(page, { kind: 'account', month: BEFORE_LAST, empty: true });
  await page.getByText('已接收 0 行').waitFor();

  // ---- the red warning: two worked months without labour cost ----
  const warning = page.locator(`[data-test="project-open-warnings"] [data-rule="${RULE}"]`);
  await warning.locator('[data-test="warning-level"][data-level="red"]').waitFor();
  assert.equal(await warning.locator('[data-test="warning-level"]').innerText(), '红色预警');
  assert.equal(await warning.locator('[data-test="warning-measure"]').innerText(), '实测 2个月 · 阈值 2个月');
  await warning.locator('.warning__month', { hasText: LAST.zh }).waitFor();
  await warning.locator('.warning__month', { hasText: BEFORE_LAST.zh }).waitFor();
  // The hero shows the highest level.
  await page.locator('.hero [data-test="warning-level"][data-level="red"]').waitFor();
  // The four feeds, by month and kind in words.
  const feeds = page.locator('[data-test="project-feeds"]');
  for (const month of [LAST, BEFORE_LAST]) {
    await feeds.locator('.el-table__row', { hasText: '实名制考勤' }).filter({ hasText: month.zh }).waitFor();
    await feeds.locator('.el-table__row', { hasText: '专用账户流水' }).filter({ hasText: month.zh }).waitFor();
  }
  await page.locator('[data-test="project-detail-page"] .hero').scrollIntoViewIfNeeded();
  await screenshot(page, '19-project-red');
  await assertPlainText(page, 'the project page');

  // ---- the risk item in the ledger: red, and it links back ----
  const riskLink = page.locator('[data-test="project-risk-link"]');
  const linkText = await riskLink.innerText();
  assert.match(linkText, /^FX-\d{4}-\d{4}（特别重大 · 在管）$/);
  chain.riskNo = /FX-\d{4}-\d{4}/.exec(linkText)[0];
  await page.locator('[data-test="side-menu"]').getByText('风险台账').click();
  await page.locator('[data-test="risk-list-page"]').waitFor();
  const row = page.locator('[data-test="risk-table"] .el-table__row', { hasText: chain.riskNo });
  await row.locator('[data-level="severe"]').waitFor();
  await row.getByText(chain.riskNo).click();
  await page.locator('[data-test="risk-detail-page"]').waitFor();
  assert.equal(await page.locator('[data-test="risk-detail-level"]').getAttribute('data-level'), 'severe');
  // Nobody has counted what the data-raised item involves: said in words, not as 0.00 元.
  await page.locator('[data-test="risk-amount-unassessed"]', { hasText: '尚未核定' }).waitFor();
  await page.getByText('工程项目监测预警').first().waitFor();
  await page.locator('[data-test="risk-detail-page"] .hero').scrollIntoViewIfNeeded();
  await screenshot(page, '19-risk-red');
  await assertPlainText(page, 'the risk page');
  await page.locator('[data-test="risk-project-link"]', { hasText: PROJECT }).click();
  await page.waitForURL(`**${chain.projectPath}`);
  await page.locator('[data-test="project-detail-page"]').waitFor();
  assertNoConsoleErrors();
  await signOut(page);
  await close();
});

test('the wage-arrears office imports feeds only, and the red risk is on the joint meeting’s agenda', async () => {
  assert.ok(chain.riskNo, 'the first test raised the risk item');
  const { page, assertNoConsoleErrors, close } = await newPage(browser);
  await loginAndWait(page, 'coordinator');
  // It reports risks (risk.write) but handles no cases: 项目数据导入 under 风险防范 offers the project
  // feeds alone, and 案件办理 has no 批量导入.
  const menu = await sideMenuTexts(page);
  assert.ok(!menu.some((text) => text.includes('批量导入')), 'no 批量导入 under 案件办理');
  assert.ok(menu.some((text) => text.includes('项目数据导入')));
  await page.locator('[data-test="side-menu"]').getByText('项目数据导入').click();
  await page.locator('[data-test="imports-page"]').waitFor();
  await page.locator('[data-test="import-feed-kinds"]').getByText('项目监测数据').waitFor();
  assert.equal(await page.locator('[data-test="import-case-kinds"]').count(), 0, 'case data is labour inspection’s');
  assert.equal(await page.locator('[data-test="import-kind-attendance"] input').isChecked(), true);
  await page.locator('[data-test="import-project"]').waitFor();
  await screenshot(page, '19-import-wage-office');
  await assertPlainText(page, 'the wage office’s import page');

  await page.locator('[data-test="side-menu"]').getByText('联席会议').click();
  await page.locator('[data-test="meeting-list-page"]').waitFor();
  await page.locator('[data-test="meeting-create"]').click();
  const convene = page.locator('[data-test="meeting-create-dialog"]');
  await convene.waitFor();
  await setPicker(convene.locator('.el-date-editor'), beijing(Date.now() + 2 * 86_400_000));
  await convene.locator('[data-test="meeting-create-submit"]').click();
  await page.locator('[data-test="meeting-detail-page"]').waitFor();
  const item = page.locator('[data-test="meeting-agenda"] li', { hasText: `重大风险：${chain.riskNo}` });
  await item.waitFor();
  assert.match(await item.innerText(), /特别重大/);
  await item.scrollIntoViewIfNeeded();
  await screenshot(page, '19-meeting-agenda');
  await assertPlainText(page, 'the meeting page');
  assertNoConsoleErrors();
  await signOut(page);
  await close();
});

test('the prosecutor issues a 检察建议 from the red warning', async () => {
  assert.ok(chain.projectPath, 'the first test registered the project');
  const { page, assertNoConsoleErrors, close } = await newPage(browser);
  await loginAndWait(page, 'prosecutor');
  // The warnings across projects lead to the project.
  await page.locator('[data-test="side-menu"]').getByText('监测预警').click();
  const listed = page
    .locator('[data-test="project-warnings-table"] .el-table__row', { hasText: PROJECT })
    .filter({ hasText: '建设单位未按月向专用账户拨付人工费用' });
  await listed.locator('[data-level="red"]').first().waitFor();
  await listed.getByText(PROJECT).click();
  await page.waitForURL(`**${chain.projectPath}`);
  const warning = page.locator(`[data-test="project-open-warnings"] [data-rule="${RULE}"]`);
  await warning.locator('[data-test="warning-level"][data-level="red"]').waitFor();
  await warning.locator('[data-test="warning-issue-recommendation"]').click();

  const dialog = page.locator('[data-test="rec-issue-dialog"]');
  await dialog.waitFor();
  assert.equal((await dialog.locator('[data-test="rec-issue-basis"]').innerText()).trim(), `${PROJECT}：建设单位未按月向专用账户拨付人工费用`);
  await dialog.locator('[data-test="rec-issue-addressee"]').getByText('区人社局').waitFor();
  assert.match(await dialog.locator('[data-test="rec-issue-problem"]').inputValue(), /红色预警/);
  await dialog.locator('[data-test="rec-issue-measures"]').fill(MEASURES);
  await dialog.locator('[data-test="rec-issue-submit"]').click();

  await page.locator('[data-test="rec-detail-page"]').waitFor();
  chain.recPath = new URL(page.url()).pathname;
  chain.recNumber = (await page.locator('[data-test="rec-number"]').innerText()).trim();
  assert.match(chain.recNumber, /^.+〔\d{4}〕\d+号$/);
  assert.match(await page.locator('[data-test="rec-addressee"]').innerText(), /^区人社局/);
  await page.locator('[data-test="rec-status"]').getByText('待回复').waitFor();
  assertNoConsoleErrors();
  await signOut(page);
  await close();
});

test('labour inspection replies with its evidence; the prosecutor evaluates and the 检察建议 page shows it', async () => {
  assert.ok(chain.recPath, 'the 检察建议 was issued');
  const handler = await newPage(browser);
  let page = handler.page;
  await loginAndWait(page, 'handler');
  const mine = page.locator('[data-test="recommendations-card"] [data-test="recommendation-item"]', { hasText: chain.recNumber });
  await mine.locator('[data-test="rec-card-todo"]', { hasText: '待本单位回复' }).waitFor();
  await mine.click();
  await page.waitForURL(`**${chain.recPath}`);
  await page.locator('[data-test="rec-reply-form"]').waitFor();
  await page.locator('[data-test="rec-reply-kind-rectified"]').click();
  await page.locator('[data-test="rec-reply-text"]').fill(REPLY);
  await page.locator('[data-test="rec-reply-evidence-input"]').fill(EVIDENCE);
  await page.locator('[data-test="rec-reply-submit"]').click();
  await page.locator('[data-test="rec-reply-kind"]').getByText('已采纳并整改完毕').waitFor();
  handler.assertNoConsoleErrors();
  await signOut(page);
  await handler.close();

  const prosecutor = await newPage(browser);
  page = prosecutor.page;
  await loginAndWait(page, 'prosecutor');
  const toEvaluate = page.locator('[data-test="recommendations-card"] [data-test="recommendation-item"]', { hasText: chain.recNumber });
  await toEvaluate.locator('[data-test="rec-card-todo"]', { hasText: '待评估' }).waitFor();
  await toEvaluate.click();
  await page.waitForURL(`**${chain.recPath}`);
  await page.locator('[data-test="rec-reply-evidence"]').getByText(EVIDENCE).waitFor();
  await page.locator('[data-test="rec-outcome-rectified"]').click();
  await page.locator('[data-test="rec-eval-text"]').fill(EVALUATION);
  await page.locator('[data-test="rec-eval-submit"]').click();
  await page.locator('[data-test="rec-outcome"]').getByText('整改到位').waitFor();
  await page.locator('[data-test="rec-evaluation"]').getByText(EVALUATION).waitFor();
  // The basis links back to the project and the warning.
  assert.match(await page.locator('[data-test="rec-basis-link"]').innerText(), new RegExp(`^${PROJECT}`));
  await screenshot(page, '19-recommendation-evaluated');
  await assertPlainText(page, 'the 检察建议 page');

  // The 检察建议 list has it among the evaluated ones.
  await page.locator('[data-test="side-menu"]').getByText('检察建议').click();
  await page.locator('[data-test="rec-list-page"]').waitFor();
  await page.locator('[data-test="rec-tab-evaluated"]').click();
  await page.waitForURL(/status=evaluated/);
  await page.locator('[data-test="rec-table"] .el-table__row', { hasText: chain.recNumber }).locator('[data-test="rec-status"]').waitFor();
  prosecutor.assertNoConsoleErrors();
  await prosecutor.close();
});
