// Issue 17, 工程建设项目监测预警, in the browser: labour inspection registers a construction project
// through its dialog, reports last month's real-name attendance roster and an empty special-account
// statement for the same month through the paste dialog, and sees the orange warning "the builder
// paid no labour cost into the special account" with its legal basis, its measure beside the
// threshold and the month's facts; the warning opened the project's risk item in the ledger, which
// links back to the project. A prosecutor reads the project but may neither edit nor report data.
//
// The server runs on the real clock: "last month" is the Beijing month before today, which is over,
// so the labour-cost rule counts it (docs/supervision.md, "Which months count").
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { chooseOption, launchBrowser, loginAndWait, newPage, cleanScreenshot as screenshot, setPicker } from '../support/browser.mjs';
import { beijingDay, pad } from '../support/beijing_time.mjs';
import { creditCode, idNumber } from '../support/ids.mjs';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

const PROJECT = '城东安置房三期工程';
const [year, month] = beijingDay(Date.now()).split('-').map(Number);
/** The month before today's, in Beijing: "YYYY-MM", and as the page writes it ("2026年11月"). */
const lastIndex = year * 12 + (month - 1) - 1;
const LAST = { year: Math.floor(lastIndex / 12), month: (lastIndex % 12) + 1 };
const LAST_ZH = `${LAST.year}年${LAST.month}月`;
/** Signed three months before last month began, the account opened a week later. */
const signedIndex = lastIndex - 3;
const SIGNED_ON = `${Math.floor(signedIndex / 12)}-${pad((signedIndex % 12) + 1)}-03`;
const OPENED_ON = `${Math.floor(signedIndex / 12)}-${pad((signedIndex % 12) + 1)}-10`;

const ROSTER = [
  ['姓名', '身份证号', '出勤天数'],
  ['张伟', idNumber('33010619850312201'), '22'],
  ['王芳', idNumber('33010619900721102'), '20'],
  ['李娜', idNumber('33010619920105303'), '18'],
]
  .map((cells) => cells.join('\t'))
  .join('\n');

let projectPath = '';

test('labour inspection registers a project, reports its data and sees the orange labour-cost warning', async () => {
  const { page, close } = await newPage(browser);
  await loginAndWait(page, 'handler');
  await page.locator('[data-test="side-menu"]').getByText('工程项目').click();
  await page.locator('[data-test="project-list-page"]').waitFor();

  // ---- register through the dialog ----
  await page.locator('[data-test="project-register"]').click();
  const dialog = page.locator('[data-test="project-form-dialog"]');
  await dialog.waitFor();
  await dialog.locator('[data-test="project-name"]').fill(PROJECT);
  await dialog.locator('[data-test="project-location"]').fill('示范区城东路66号');
  await dialog.locator('[data-test="project-sector"]').fill('区住房和城乡建设局');
  await dialog.locator('[data-test="project-contract-sum"]').fill('52,000,000');
  await setPicker(dialog.locator('[data-field="contract_signed_on"]'), SIGNED_ON);
  await dialog.locator('[data-test="project-builder-name"]').fill('示范区城东置业有限公司');
  await dialog.locator('[data-test="project-builder-code"]').fill(creditCode('91330100MA2C7D8E9'));
  await dialog.locator('[data-test="project-contractor-name"]').fill('某建工集团有限公司');
  // A wrong check character is named beside the field before anything is sent.
  await dialog.locator('[data-test="project-contractor-code"]').fill('91330100MA2K7Y8W90');
  await dialog.locator('[data-test="project-submit"]').click();
  await dialog.getByText('校验码错误').waitFor();
  await dialog.locator('[data-test="project-contractor-code"]').fill(creditCode('91330100MA2K7Y8W9'));
  await dialog.locator('[data-test="project-labour-officer"]').fill('钱专管');
  await dialog.locator('[data-test="project-pay-day"] input').fill('15');
  await dialog.locator('[data-test="project-account-bank"]').fill('示范银行城东支行');
  await setPicker(dialog.locator('[data-field="special_account_opened_on"]'), OPENED_ON);
  await chooseOption(page, dialog.locator('[data-test="project-deposit"]'), '银行保函');
  await dialog.locator('[data-test="project-deposit-amount"]').fill('780000');
  await dialog.locator('[data-test="project-notice-board"]').click();
  // A start before the contract is refused by the server, which names the field: the reason is
  // shown beside it, in words (without the field's path).
  await setPicker(dialog.locator('[data-field="started_on"]'), SIGNED_ON.replace(/-03$/, '-01'));
  await dialog.locator('[data-test="project-submit"]').click();
  const startError = dialog.locator('[data-field="started_on"] .el-form-item__error');
  await startError.getByText('不能早于合同签订日期').waitFor();
  assert.doesNotMatch(await startError.innerText(), /started_on/);
  await setPicker(dialog.locator('[data-field="started_on"]'), SIGNED_ON.replace(/-03$/, '-20'));
  await dialog.locator('[data-test="project-submit"]').click();
  await page.locator('[data-test="project-detail-page"]').waitFor();
  projectPath = new URL(page.url()).pathname;
  await page.getByText(/已登记，项目编号 XM-\d{4}-\d{4}/).waitFor();
  // An orderly project raises nothing: an account, a guarantee, the notice board.
  await page.locator('[data-test="project-no-warnings"]').waitFor();
  const record = page.locator('[data-test="project-record"]');
  await record.getByText('银行保函').waitFor();
  await record.getByText('次月15日').waitFor();
  await record.getByText('52,000,000.00 元').waitFor();

  // ---- last month's attendance roster, pasted from Excel ----
  await page.locator('[data-test="project-feed"]').click();
  const feed = page.locator('[data-test="feed-dialog"]');
  await feed.waitFor();
  assert.equal(await feed.locator('[data-test="feed-month"] input').inputValue(), LAST_ZH, 'the month before today is offered');
  await feed.locator('[data-test="feed-paste"]').fill(ROSTER);
  await feed.locator('[data-test="feed-preview"]').getByText('识别到 3 行').waitFor();
  await feed.locator('[data-test="feed-preview"]').getByText('已识别表头').waitFor();
  // The preview shows ID numbers masked.
  await feed.locator('[data-test="feed-preview-table"]').getByText('3301**********2015').waitFor();
  assert.doesNotMatch(await feed.locator('[data-test="feed-preview-table"]').innerText(), /\d{17}/);
  await feed.locator('[data-test="feed-submit"]').click();
  await feed.waitFor({ state: 'hidden' });
  await page.getByText('已接收 3 行').waitFor();

  // ---- the same month's special-account statement: nothing came in ----
  await page.locator('[data-test="project-feed"]').click();
  await feed.waitFor();
  await feed.locator('[data-test="feed-kind-account"]').click();
  await feed.locator('[data-test="feed-empty"]').click();
  await feed.locator('[data-test="feed-submit"]').click();
  await feed.waitFor({ state: 'hidden' });
  await page.getByText('已接收 0 行').waitFor();

  // ---- the warning, with its basis, its measure and the month's facts ----
  const warning = page.locator('[data-test="project-open-warnings"] [data-rule="PW-LABOUR-COST-NOT-DEPOSITED"]');
  await warning.waitFor();
  await warning.getByText('建设单位未按月向专用账户拨付人工费用').waitFor();
  assert.equal(await warning.locator('[data-test="warning-level"]').innerText(), '橙色预警');
  assert.equal(await warning.locator('[data-test="warning-level"]').getAttribute('data-level'), 'orange');
  assert.equal(await warning.locator('[data-test="warning-measure"]').innerText(), '实测 1个月 · 阈值 1个月');
  assert.match(await warning.locator('[data-test="warning-basis"]').innerText(), /《保障农民工工资支付条例》第二十四条第二款/);
  assert.match(await warning.locator('[data-test="warning-threshold-basis"]').innerText(), /地方做法\/平台默认值，可由本区设定/);
  await warning.getByText(`${LAST_ZH}有3人出勤，专用账户无人工费用拨付记录`).waitFor();
  await warning.locator('.warning__month', { hasText: LAST_ZH }).waitFor();

  // The data reported, in words.
  const feeds = page.locator('[data-test="project-feeds"]');
  await feeds.locator('.el-table__row', { hasText: '实名制考勤' }).getByText(LAST_ZH).waitFor();
  await feeds.locator('.el-table__row', { hasText: '专用账户流水' }).getByText(LAST_ZH).waitFor();
  await page.locator('[data-test="project-detail-page"] .hero').scrollIntoViewIfNeeded();
  await screenshot(page, '17-project-detail');

  // The same roster again changes nothing, and says so.
  await page.locator('[data-test="project-feed"]').click();
  await feed.waitFor();
  await feed.locator('[data-test="feed-paste"]').fill(ROSTER);
  await feed.locator('[data-test="feed-submit"]').click();
  await page.getByText('与已接收数据相同，未作更改').waitFor();

  // ---- the list and the cross-project warnings page show it too ----
  await page.locator('[data-test="side-menu"]').getByText('工程项目').click();
  const row = page.locator('[data-test="project-table"] .el-table__row', { hasText: PROJECT });
  await row.locator('[data-test="warning-level"][data-level="orange"]').waitFor();
  await row.getByText('银行保函').waitFor();
  await page.locator('[data-test="side-menu"]').getByText('监测预警').click();
  const listed = page.locator('[data-test="project-warnings-table"] .el-table__row', { hasText: '建设单位未按月向专用账户拨付人工费用' });
  await listed.getByText(PROJECT).click();
  await page.waitForURL(`**${projectPath}`);

  // ---- the warning opened the project's risk item, which links back ----
  const riskLink = page.locator('[data-test="project-risk-link"]');
  assert.match(await riskLink.innerText(), /^FX-\d{4}-\d{4}（重大 · 在管）$/);
  await riskLink.click();
  await page.locator('[data-test="risk-detail-page"]').waitFor();
  await page.getByText('工程项目监测预警').first().waitFor();
  await page.locator('[data-test="risk-project-link"]', { hasText: PROJECT }).click();
  await page.waitForURL(`**${projectPath}`);
  await page.locator('[data-test="project-detail-page"]').waitFor();
  await close();
});

test('a prosecutor reads the project and its warning, without the buttons to change it', async () => {
  assert.ok(projectPath, 'the first test registered the project');
  const { page, close } = await newPage(browser);
  await loginAndWait(page, 'prosecutor');
  await page.locator('[data-test="side-menu"]').getByText('工程项目').click();
  await page.locator('[data-test="project-list-page"]').waitFor();
  await page.locator('[data-test="project-table"] .el-table__row', { hasText: PROJECT }).click();
  await page.locator('[data-test="project-detail-page"]').waitFor();
  await page.locator('[data-rule="PW-LABOUR-COST-NOT-DEPOSITED"]').getByText('建设单位未按月向专用账户拨付人工费用').waitFor();
  for (const button of ['project-edit', 'project-feed']) {
    assert.equal(await page.locator(`[data-test="${button}"]`).count(), 0, `${button} is for risk.write`);
  }
  await page.locator('[data-test="side-menu"]').getByText('工程项目').click();
  await page.locator('[data-test="project-list-page"]').waitFor();
  assert.equal(await page.locator('[data-test="project-register"]').count(), 0, 'registering is for risk.write');
  await close();
});
