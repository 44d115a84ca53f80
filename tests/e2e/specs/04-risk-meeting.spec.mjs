// A risk escalated onto a joint meeting's agenda, in the browser: labour inspection reports a
// risk (general level), follows it up when a sign of a mass incident appears (the server scores it
// again: major, pushed to the wage-arrears office); the office convenes a joint meeting whose
// generated agenda carries the risk, raises it once more by hand from the risk page, records the
// attendance, minutes and a decision owned by labour inspection, which completes it with evidence;
// the office then closes the risk with evidence. Labour inspection attaches a photo of the site to
// the risk and the office the minutes to the meeting, as evidence files every body then sees listed.
// The office learns of the escalation in its inbox; the district leader reads the written report
// generated for the leadership.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { chooseOption, launchBrowser, loginAndWait, newPage, screenshot as shoot, setPicker } from '../support/browser.mjs';
import { beijing } from '../support/beijing_time.mjs';
import { attachThroughEvidencePanel, sampleJpeg, samplePdf } from '../support/case_page.mjs';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});


/** Screenshots without the success toasts of the steps just taken (they cover the page title). */
async function screenshot(page, name) {
  await page.evaluate(() => document.querySelectorAll('.el-message').forEach((toast) => toast.remove()));
  await shoot(page, name);
}

async function answerPrompt(page, text) {
  const box = page.locator('.el-message-box');
  await box.waitFor();
  await box.locator('textarea').fill(text);
  await box.locator('.el-message-box__btns .el-button--primary').click();
  await box.waitFor({ state: 'hidden' });
}

test('a risk is reported, escalated by a follow-up and carried onto a joint meeting agenda', async () => {
  // ---- labour inspection reports and escalates ----
  const handler = await newPage(browser);
  let page = handler.page;
  await loginAndWait(page, 'handler');
  await page.locator('[data-test="side-menu"]').getByText('风险台账').click();
  await page.locator('[data-test="risk-list-page"]').waitFor();
  await page.locator('[data-test="risk-report"]').click();
  const dialog = page.locator('[data-test="risk-report-dialog"]');
  await dialog.waitFor();
  await dialog.locator('[data-test="risk-employer"]').fill('某市政工程有限公司');
  await dialog.locator('[data-test="risk-credit-code"]').fill('91110000MA0012345X');
  await dialog.locator('[data-test="risk-project"]').fill('滨江路排水管网改造工程');
  await dialog.locator('[data-test="risk-amount"]').fill('86000');
  await dialog.locator('[data-test="risk-report-submit"]').click();
  // The client checks the credit code like the server does: a wrong check character is named.
  await dialog.getByText('校验码错误').waitFor();
  await dialog.locator('[data-test="risk-credit-code"]').fill('91110000MA0012345C');
  await dialog.locator('[data-test="risk-report-submit"]').click();
  await page.locator('[data-test="risk-detail-page"]').waitFor();
  const level = page.locator('[data-test="risk-detail-level"]');
  assert.equal(await level.getAttribute('data-level'), 'general');
  const riskNo = (await page.locator('.hero .mono').first().innerText()).trim();
  assert.match(riskNo, /\S+/);

  await page.locator('[data-test="risk-followup"]').click();
  const followup = page.locator('[data-test="risk-followup-dialog"]');
  await followup.waitFor();
  await followup.locator('[data-test="risk-followup-note"]').fill('工人在项目部门口聚集，扬言集体上访。');
  await followup.locator('[data-test="followup-flag-mass_incident_signal"]').click();
  await followup.locator('[data-test="risk-followup-submit"]').click();
  await followup.waitFor({ state: 'hidden' });
  await page.locator('[data-test="risk-detail-level"][data-level="major"]').waitFor();
  await page.locator('[data-test="risk-fired-rules"]').getByText('群体性事件苗头').first().waitFor();
  await page.getByText('已推送区治欠办').waitFor();
  // A photo of the site as an evidence file of the risk; the history records it in words.
  await attachThroughEvidencePanel(page, '现场照片/录像', { name: '项目部门口.jpg', mimeType: 'image/jpeg', buffer: sampleJpeg('workers at the gate') });
  await page.locator('[data-test="evidence-panel"] .file', { hasText: '现场照片/录像' }).waitFor();
  await page.locator('.el-timeline-item', { hasText: '添加证据材料' }).first().waitFor();
  await page.locator('[data-test="risk-detail-page"] .hero').scrollIntoViewIfNeeded();
  await screenshot(page, 'risk-detail');
  await page.locator('[data-test="side-menu"]').getByText('风险台账').click();
  await page.locator('[data-test="risk-table"] [data-level="major"]').first().waitFor();
  await screenshot(page, 'risk-list');
  handler.assertNoConsoleErrors();

  // ---- the wage-arrears office convenes: the generated agenda carries the major risk ----
  const office = await newPage(browser);
  page = office.page;
  await loginAndWait(page, 'coordinator');
  // The escalation reached the office's inbox: the bell counts it, the workbench and inbox list it.
  await page.locator('[data-test="inbox-bell"] .el-badge__content').waitFor();
  await page.locator('[data-test="inbox-card"]').getByText(riskNo).first().waitFor();
  await page.locator('[data-test="inbox-bell"]').click();
  await page.locator('[data-test="inbox-page"]').waitFor();
  const unreadBefore = await page.locator('[data-test="inbox-unread"]').innerText();
  await page.locator('[data-test="inbox-table"] .el-table__row', { hasText: '重大风险' }).first().waitFor();
  await screenshot(page, 'inbox');
  await page.locator('[data-test="inbox-table"] .el-table__row', { hasText: riskNo }).first().locator('button.title').click();
  await page.locator('[data-test="risk-list-page"]').waitFor();
  await page.goto('/inbox');
  await page.waitForFunction(
    (before) => document.querySelector('[data-test="inbox-unread"]')?.textContent !== before,
    unreadBefore,
  );
  await page.goto('/meetings');
  await page.locator('[data-test="meeting-list-page"]').waitFor();
  await page.locator('[data-test="meeting-create"]').click();
  const convene = page.locator('[data-test="meeting-create-dialog"]');
  await convene.waitFor();
  await setPicker(convene.locator('.el-date-editor'), beijing(Date.now() + 2 * 86_400_000));
  await convene.locator('[data-test="meeting-create-submit"]').click();
  await page.locator('[data-test="meeting-detail-page"]').waitFor();
  const agenda = page.locator('[data-test="meeting-agenda"]');
  await agenda.getByText(`重大风险：${riskNo}`).waitFor();
  const meetingUrl = page.url();

  // ... and raises it again by hand from the risk page (提请联席会议).
  await page.goto('/risks');
  await page.locator('[data-test="risk-table"]').getByText(riskNo).click();
  await page.locator('[data-test="risk-to-agenda"]').click();
  const pick = page.locator('[data-test="risk-agenda-dialog"]');
  await pick.waitFor();
  // The scheduler may have convened a regular meeting too: choose the one created above.
  const meetingId = new URL(meetingUrl).pathname.split('/').pop();
  await pick.locator(`[data-test="agenda-meeting-${meetingId}"]`).click();
  await pick.locator('[data-test="risk-agenda-submit"]').click();
  await page.waitForURL(meetingUrl);
  await agenda.getByText(`风险提请：${riskNo}`).waitFor();
  await agenda.getByText('召集人增补').waitFor();

  // Minutes, attendance and a decision owned by labour inspection, linked to the risk.
  await page.locator('.attendance .el-checkbox', { hasText: '区治欠办' }).click();
  await page.locator('.attendance .el-checkbox', { hasText: '区人社局' }).click();
  await page.locator('[data-test="meeting-minutes"]').fill('会议研究了滨江路项目欠薪风险。');
  await page.locator('[data-test="meeting-minutes-save"]').click();
  await page.getByText('已勾选出席的单位请填写出席人姓名').waitFor();
  await page.locator('[data-test="attendee-wage_office"]').fill('刘协调');
  await page.locator('[data-test="attendee-hrss"]').fill('闫志强');
  await page.locator('[data-test="meeting-minutes"]').fill('会议研究了滨江路项目欠薪风险，要求人社局三日内约谈总承包单位，督促足额支付。');
  await page.locator('[data-test="meeting-minutes-save"]').click();
  await page.locator('.el-tag', { hasText: '已召开' }).first().waitFor();
  // The signed minutes as a file of the meeting.
  await attachThroughEvidencePanel(page, '会议纪要', { name: '联席会议纪要.pdf', mimeType: 'application/pdf', buffer: samplePdf('minutes') });
  await page.locator('[data-test="decision-text"]').fill('约谈总承包单位，督促三日内足额支付工资');
  await chooseOption(page, page.locator('[data-test="decision-owner"]'), '区人社局');
  await page.locator('[data-test="decision-add"]').click();
  await page.locator('[data-test="action-items"]').getByText('约谈总承包单位').waitFor();
  // The decision form starts over for the next item: text, owner and linked risk are cleared.
  assert.equal(await page.locator('[data-test="decision-text"]').inputValue(), '');
  assert.doesNotMatch(await page.locator('[data-test="decision-owner"]').innerText(), /区人社局/);
  await page.locator('[data-test="action-items"]').scrollIntoViewIfNeeded();
  await screenshot(page, 'meeting-decisions');
  await page.locator('[data-test="meeting-detail-page"] .hero').scrollIntoViewIfNeeded();
  await screenshot(page, 'meeting-detail');
  office.assertNoConsoleErrors();

  // ---- labour inspection completes its action item with evidence ----
  page = handler.page;
  await page.goto('/workbench');
  await page.locator('[data-test="action-items-card"]').getByText('约谈总承包单位').waitFor();
  await page.goto('/meetings');
  await page.getByRole('tab', { name: '督办事项' }).click();
  const items = page.locator('[data-test="action-items"]');
  await items.getByText('约谈总承包单位').waitFor();
  await items.locator('[data-test^="action-complete-"]').first().click();
  await answerPrompt(page, '已于约谈当日由总承包单位代付，支付凭证已存档。');
  await page.getByRole('tab', { name: '会议日历' }).click();
  await page.locator('.cell__meeting').first().waitFor();
  await screenshot(page, 'meeting-calendar');
  handler.assertNoConsoleErrors();

  // ---- the office closes the risk with evidence ----
  page = office.page;
  await page.goto('/risks');
  await page.locator('[data-test="risk-table"]').getByText(riskNo).click();
  await page.locator('[data-test="risk-close"]').click();
  await answerPrompt(page, '工资已足额支付（支付凭证见督办事项）。');
  await page.locator('[data-test="risk-reopen"]').waitFor();
  await page.getByText('工资已足额支付').first().waitFor();
  office.assertNoConsoleErrors();
  await handler.close();
  await office.close();

  // ---- the district leader reads the written report generated at the escalation ----
  const leader = await newPage(browser);
  await loginAndWait(leader.page, 'leader');
  await leader.page.goto('/risks');
  await leader.page.locator('.el-radio-button', { hasText: '已销号' }).click();
  await leader.page.locator('[data-test="risk-table"]').getByText(riskNo).click();
  await leader.page.locator('[data-test="risk-report-view"]').click();
  const paper = leader.page.locator('[data-test="risk-written-report"]');
  await paper.locator('.paper__title').waitFor();
  await screenshot(leader.page, 'risk-written-report');
  await leader.close();
});
