// A case decided on its complete legal facts, in the browser (issue 11): the general contractor
// advances every worker's wages before the order's deadline — the workers are paid, but the actor did
// not pay, so the case cannot be closed as "paid within the deadline"; the investigation revises the
// conduct from "not established" to "absconded" on the case's facts card, the assessment turns to
// "transfer", and the case goes to the head and on to the police.
//
// The complaint, its acceptance and the order are registered through the API dated back (the demo
// server runs on real time and refuses steps dated in the future); everything else is done in the page.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { chooseOption, launchBrowser, loginAndWait, newPage, screenshot, setPicker } from '../support/browser.mjs';
import { attachWholePackage, takeStep } from '../support/case_page.mjs';
import { creditCode, idNumber } from '../support/ids.mjs';
import { DAY, beijingDay, pad } from '../support/beijing_time.mjs';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});


/** A JSON request inside the page's session, with its CSRF token. */
function api(page, method, path, body) {
  return page.evaluate(
    async ({ method, path, body }) => {
      const { csrf_token: token } = await (await fetch('/api/v1/auth/me', { credentials: 'same-origin' })).json();
      const response = await fetch(`/api/v1${path}`, {
        method,
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': token },
        body: JSON.stringify(body),
      });
      return { status: response.status, json: await response.json() };
    },
    { method, path, body },
  );
}

test('an advance by the general contractor does not undo the refusal; the revised conduct leads to the transfer', async () => {
  const now = Date.now();
  const received = now - 10 * DAY;
  const served = now - 8 * DAY;
  const deadline = beijingDay(served + 3 * DAY);
  const { page, close, assertNoConsoleErrors } = await newPage(browser);
  await loginAndWait(page, 'handler');

  const workers = Array.from({ length: 12 }, (_, i) => ({
    name: `工人${i + 1}`,
    id_number: idNumber(`110101198501${pad(i + 10)}123`),
    owed_yuan: '12000',
    months_unpaid: 5,
  }));
  const created = await api(page, 'POST', '/cases', {
    channel: 'walk_in',
    received_at: new Date(received).toISOString().replace(/\.\d+Z$/, 'Z'),
    employer: { name: '某劳务班组（班组长 钱某）', kind: 'unqualified_contractor', legal_representative: '钱某' },
    general_contractor: { name: '某路桥建设有限公司', kind: 'unit', credit_code: creditCode('91110000MA00ABCD1') },
    project_name: '东环路改造工程',
    summary: '12 名工人投诉班组长拖欠 5 个月工资。',
    conduct: 'unknown',
    workers,
  });
  assert.equal(created.status, 201, JSON.stringify(created.json));
  const id = created.json.id;
  const iso = (ms) => new Date(ms).toISOString().replace(/\.\d+Z$/, 'Z');
  for (const [event, at, payload] of [
    ['accept_complaint', received + 3_600_000, {}],
    ['issue_order', served, { document: 'rectification_order', deadline, service: 'posted_at_premises', served_at: iso(served), service_evidence_recorded: true }],
  ]) {
    const r = await api(page, 'POST', `/cases/${id}/steps`, { event, at: iso(at), payload });
    assert.equal(r.status, 200, `${event}: ${JSON.stringify(r.json)}`);
  }

  await page.goto(`/cases/${id}`);
  await page.locator('[data-test="case-facts"] [data-test="fact-conduct"]', { hasText: '尚未查明' }).waitFor();
  // The demo district has not chosen its province yet: the assessment says so and why it matters.
  await page.locator('[data-test="threshold-unconfigured"]', { hasText: '尚未选择适用的省份数额标准' }).waitFor();

  // The general contractor advances all 144,000 yuan on the deadline day.
  await page.locator('[data-test="payment-open"]').click();
  const payment = page.locator('[data-test="payment-dialog"]');
  await payment.waitFor();
  await payment.locator('[data-test="payment-amount"]').fill('144000');
  await setPicker(payment.locator('[data-test="payment-paid-on"]'), deadline);
  await chooseOption(page, payment.locator('[data-test="payment-payer"]'), '总承包单位');
  await payment.locator('[data-test="payment-submit"]').click();
  await payment.waitFor({ state: 'hidden' });
  await page.locator('[data-test="money-outstanding"]', { hasText: '0.00' }).waitFor();

  // "Paid in full within the deadline" is refused: the advance was not the actor's payment.
  await page.locator('[data-test="step-record_order_outcome"]').click();
  const outcome = page.locator('[data-test="step-dialog"][data-step="record_order_outcome"]');
  await outcome.waitFor();
  await outcome.locator('.el-radio', { hasText: '期限内已足额支付' }).click();
  await outcome.locator('[data-test="step-submit"]').click();
  await outcome.locator('[data-test="step-refusal"]', { hasText: '垫付' }).waitFor();
  await outcome.locator('.el-radio', { hasText: '期限届满仍未支付' }).click();
  await outcome.locator('[data-test="step-submit"]').click();
  await outcome.waitFor({ state: 'hidden' });
  await page.locator('[data-test="case-state"]', { hasText: '涉嫌犯罪甄别' }).waitFor();
  await page.locator('[data-test="assessment-recommendation"]', { hasText: '个案征询' }).waitFor();

  // The investigation establishes that the team leader absconded.
  await page.locator('[data-test="record-finding"]').click();
  const form = page.locator('[data-test="finding-form"]');
  await form.waitFor();
  await form.locator('[data-test="finding-conduct"] .el-radio', { hasText: '以逃匿方法逃避支付' }).click();
  await form.locator('[data-test="finding-reason"]').fill('经短信通知限期到场，逾期未到且电话关机（人社部发〔2014〕100号 一(二)）');
  await page.locator('[data-test="finding-submit"]').click();
  await page.locator('[data-test="case-facts"] [data-test="fact-conduct"]', { hasText: '以逃匿方法逃避支付' }).waitFor();
  await page.locator('[data-test="assessment-recommendation"]', { hasText: '移送公安机关' }).waitFor();
  await page.locator('[data-test="timeline-event"][data-event="record_finding"]').first().waitFor();
  // ... and settles the first worker's remuneration: 1,000 yuan of overtime pay the complaint left out.
  await page.locator('[data-test="record-finding"]').click();
  await form.waitFor();
  await chooseOption(page, form.locator('[data-test="finding-kind"]'), '劳动者的劳动报酬');
  await form.locator('[data-test="finding-worker"]').click();
  await page.locator('.finding-worker-options .el-select-dropdown__item').first().click();
  const owed = Number((await form.locator('[data-test="finding-owed"]').inputValue()).replace(/,/g, ''));
  assert.ok(owed > 1000, `the worker's recorded claim is prefilled (${owed})`);
  await form.locator('[data-test="finding-owed"]').fill(String(owed + 1000));
  await form.locator('[data-test="finding-reason"]').fill('经核对考勤记录，另有加班费 1,000 元未计入投诉');
  await page.locator('[data-test="finding-submit"]').click();
  await form.waitFor({ state: 'hidden' });
  await page.locator('[data-test="timeline-event"][data-event="record_finding"]', { hasText: '劳动者的劳动报酬' }).first().waitFor();
  await page.locator('[data-test="assessment-recommendation"]', { hasText: '移送公安机关' }).waitFor();
  await page.locator('[data-test="case-facts"]').scrollIntoViewIfNeeded();
  await screenshot(page, '30-case-facts-revised');

  await takeStep(page, 'complete_screening', async (dialog) => {
    assert.equal(await dialog.locator('.el-radio.is-checked').innerText(), '移送公安机关');
  });
  await page.locator('[data-test="case-state"]', { hasText: '移送准备' }).waitFor();
  await takeStep(page, 'form_case_group', async (dialog) => {
    await dialog.locator('[data-test="step-tags-officers"]').click();
    // Picked from the body's colleagues by name (the server refuses anyone else).
    await page.keyboard.type('王协办');
    await page.keyboard.press('Enter');
    await dialog.locator('.el-tag', { hasText: '王协办' }).waitFor();
  });
  await takeStep(page, 'submit_transfer_report');
  await page.locator('[data-test="case-state"]', { hasText: '移送待负责人审批' }).waitFor();
  assertNoConsoleErrors();
  await close();

  const head = await newPage(browser);
  await loginAndWait(head.page, 'head');
  await head.page.goto(`/cases/${id}`);
  await takeStep(head.page, 'approve_transfer');
  await head.page.locator('[data-test="case-state"]', { hasText: '已批准移送' }).waitFor();
  await head.close();

  const sender = await newPage(browser);
  await loginAndWait(sender.page, 'handler');
  await sender.page.goto(`/cases/${id}`);
  await attachWholePackage(sender.page.locator('[data-test="transfer-package"]'));
  await takeStep(sender.page, 'send_transfer');
  await sender.page.locator('[data-test="case-state"]', { hasText: '已移送公安机关' }).waitFor();
  sender.assertNoConsoleErrors();
  await sender.close();
});
