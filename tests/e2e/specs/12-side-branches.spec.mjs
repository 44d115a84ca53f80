// The mechanism's side branches in the browser: the prosecutor joins a case early at screening
// (提前介入, 人民检察院刑事诉讼规则 §256) and gives an opinion that lands on the timeline and in labour
// inspection's inbox; the police record a 治安处罚 on a malicious wage claim referred to them
// (恶意讨薪, SCENARIOS.md S7), and the case says plainly that no arrears were found.
//
// The cases are brought to the step under test through the API as labour inspection (the earlier
// steps are the subject of 03-case-s1), dated in the past because the server refuses future steps.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, loginAndWait, newPage, screenshot } from '../support/browser.mjs';
import { DAY, beijingDay as day } from '../support/beijing_time.mjs';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

const iso = (ms) => new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');

/** POSTs inside the page's session with its CSRF token; returns the parsed answer or throws. */
function post(page, path, body) {
  return page.evaluate(
    async ({ path, body }) => {
      const { csrf_token: token } = await (await fetch('/api/v1/auth/me', { credentials: 'same-origin' })).json();
      const response = await fetch(`/api/v1${path}`, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': token },
        body: JSON.stringify(body),
      });
      const json = await response.json();
      if (!response.ok) throw new Error(`${path}: ${response.status} ${json.detail}`);
      return json;
    },
    { path, body },
  );
}

/** A complaint of `workers` people against a unit, registered `ago` ms back. */
function complaint(project, summary, ago, workers) {
  return {
    channel: 'petition',
    received_at: iso(Date.now() - ago),
    employer: { name: `${project}建设有限公司`, credit_code: '91110000MA0097531C', kind: 'unit', address: '某区环城路 9 号', legal_representative: '郑某' },
    project_name: project,
    summary,
    workers,
  };
}

async function takeStep(page, event, fill = async () => {}) {
  await page.locator(`[data-test="step-${event}"]`).click();
  const dialog = page.locator(`[data-test="step-dialog"][data-step="${event}"]`);
  await dialog.waitFor();
  await fill(dialog);
  await dialog.locator('[data-test="step-submit"]').click();
  await dialog.waitFor({ state: 'hidden' });
}

test('the prosecutor joins a case at screening and gives an opinion; labour inspection is told', async () => {
  const handler = await newPage(browser);
  await loginAndWait(handler.page, 'handler');
  const received = Date.now() - 6 * DAY;
  const workers = Array.from({ length: 12 }, (_, i) => ({ name: `工人${i + 1}`, owed_yuan: 9000, months_unpaid: 3, period_from: '2025-09', period_to: '2025-11' }));
  const created = await post(handler.page, '/cases', complaint('东湖苑三期', '12 名工人反映 3 个月工资未付。', 6 * DAY, workers));
  const steps = `/cases/${created.id}/steps`;
  await post(handler.page, steps, { event: 'accept_complaint', at: iso(received + 3_600_000) });
  await post(handler.page, steps, {
    event: 'issue_order',
    at: iso(received + DAY),
    payload: { document: 'rectification_order', deadline: day(received + 3 * DAY), service: 'served', served_at: iso(received + DAY) },
  });
  await post(handler.page, steps, { event: 'record_order_outcome', payload: { outcome: 'unpaid_after_deadline' } });

  const prosecutor = await newPage(browser);
  await loginAndWait(prosecutor.page, 'prosecutor');
  await prosecutor.page.goto(`/cases/${created.id}`);
  const page = prosecutor.page;
  await page.locator('[data-test="case-state"]', { hasText: '涉嫌犯罪甄别' }).waitFor();
  assert.doesNotMatch(await page.locator('[data-test="case-parties"]').innerText(), /区人民检察院/);
  await takeStep(page, 'join_early_intervention', async (dialog) => {
    assert.equal(await dialog.locator('.el-radio.is-checked').innerText(), '检察院认为确有必要（重大、疑难、复杂）');
    await dialog.locator('[data-test="step-reason"]').fill('12 名工人、用人单位称无力支付，定性疑难，本院认为确有必要提前介入。');
  });
  await page.locator('[data-test="intervention-tag"]', { hasText: '检察院提前介入中' }).waitFor();
  await page.locator('[data-test="case-parties"]', { hasText: '区人民检察院' }).waitFor();
  await page.locator('[data-test="case-state"]', { hasText: '涉嫌犯罪甄别' }).waitFor();

  await takeStep(page, 'give_intervention_opinion', async (dialog) => {
    await dialog.locator('.el-radio', { hasText: '收集、固定证据' }).click();
    await dialog.locator('[data-test="step-reason"]').fill('请调取用人单位同期银行流水，核实是否有能力支付。');
  });
  const opinion = page.locator('[data-test="timeline-event"][data-event="give_intervention_opinion"]');
  await opinion.waitFor();
  const text = await opinion.innerText();
  assert.match(text, /提出介入意见/);
  assert.match(text, /意见类别\s*收集、固定证据/);
  assert.match(text, /银行流水/);
  assert.doesNotMatch(text, /give_intervention_opinion|evidence/, 'no codes on the timeline');
  await page.locator('[data-test="intervention-tag"]', { hasText: '已提意见 1 条' }).waitFor();
  await screenshot(page, '60-early-intervention-opinion');

  // The procuratorate's workbench lists the intervention.
  await page.goto('/workbench');
  const listed = page.locator('[data-test="early-intervention"]', { hasText: created.case_no });
  await listed.waitFor();
  assert.match(await listed.innerText(), /介入中/);
  assert.match(await listed.innerText(), /已提意见 1 条/);
  await screenshot(page, '61-workbench-early-interventions');
  prosecutor.assertNoConsoleErrors();
  await prosecutor.close();

  // Labour inspection hears of the opinion and may reply.
  await handler.page.goto(`/cases/${created.id}`);
  await takeStep(handler.page, 'reply_intervention_opinion', async (dialog) => {
    await dialog.locator('[data-test="step-reason"]').fill('已调取银行流水，见补充材料。');
  });
  await handler.page.locator('[data-test="timeline-event"][data-event="reply_intervention_opinion"]').waitFor();
  const inbox = await handler.page.evaluate(async () => (await (await fetch('/api/v1/inbox?page_size=50', { credentials: 'same-origin' })).json()).items);
  assert.ok(inbox.some((n) => n.title_zh === `${created.case_no}：提出介入意见`), 'the opinion reached labour inspection');
  handler.assertNoConsoleErrors();
  await handler.close();
});

test('S7: the police accept the malicious claim and record a 治安处罚; the case shows the finding', async () => {
  const handler = await newPage(browser);
  await loginAndWait(handler.page, 'handler');
  const received = Date.now() - 5 * DAY;
  const created = await post(
    handler.page,
    '/cases',
    complaint('环湖路改造工程', '一名自称工人者持考勤表带人围堵区政府大门，要求支付 6 万元工资。', 5 * DAY, [
      { name: '李某', owed_yuan: 60000, months_unpaid: 4, period_from: '2025-08', period_to: '2025-11' },
    ]),
  );
  const steps = `/cases/${created.id}/steps`;
  await post(handler.page, steps, { event: 'accept_complaint', at: iso(received + 3_600_000) });
  await post(handler.page, steps, {
    event: 'refer_malicious_claim',
    at: iso(received + 2 * DAY),
    payload: { findings: { no_arrears: true, forged_records: true, blocking_offices: true } },
    reason: '所持考勤表系伪造，不存在欠薪事实；带人围堵区政府大门，移送公安机关依法处置。',
  });
  handler.assertNoConsoleErrors();
  await handler.close();

  const police = await newPage(browser);
  await loginAndWait(police.page, 'police');
  const page = police.page;
  await page.goto(`/cases/${created.id}`);
  const banner = page.locator('[data-test="malicious-claim"]');
  await banner.waitFor();
  assert.match(await banner.innerText(), /经查无欠薪事实/);
  assert.match(await banner.innerText(), /项目真实劳动者的工资支付不受本认定影响/);
  await page.locator('[data-test="malicious-stage"]', { hasText: '公安机关待受理' }).waitFor();
  await takeStep(page, 'accept_malicious_claim');
  await page.locator('[data-test="malicious-stage"]', { hasText: '公安机关已受理' }).waitFor();

  await page.locator('[data-test="step-decide_malicious_claim"]').click();
  const dialog = page.locator('[data-test="step-dialog"][data-step="decide_malicious_claim"]');
  await dialog.waitFor();
  assert.equal(await dialog.locator('[data-test="step-field-penalty"]').count(), 0, 'asked only once the outcome is chosen');
  await dialog.locator('.el-radio', { hasText: '治安处罚' }).click();
  assert.equal(await dialog.locator('[data-test="step-field-charge"]').count(), 0, 'a penalty has no charge');
  await dialog.locator('[data-test="step-text-penalty"]').fill('对为首者以扰乱机关秩序处行政拘留十日');
  await dialog.locator('[data-test="step-submit"]').click();
  await dialog.waitFor({ state: 'hidden' });
  await page.locator('[data-test="malicious-stage"]', { hasText: '公安机关已作出治安处罚' }).waitFor();
  assert.match(await page.locator('[data-test="malicious-stage"]').innerText(), /行政拘留十日/);
  const decided = page.locator('[data-test="timeline-event"][data-event="decide_malicious_claim"]');
  assert.match(await decided.innerText(), /处理结果\s*治安处罚/);
  assert.match(await decided.innerText(), /治安处罚决定\s*对为首者/);
  await page.locator('[data-test="no-steps"]').waitFor();
  await screenshot(page, '62-malicious-claim-penalty');

  // The demo's own S7 went the same way and says so.
  const s7 = await page.evaluate(async () => (await (await fetch('/api/v1/cases?q=%E7%8E%AF%E5%9F%8E%E8%B7%AF', { credentials: 'same-origin' })).json()).items[0]);
  await page.goto(`/cases/${s7.id}`);
  await page.locator('[data-test="malicious-stage"]', { hasText: '公安机关已作出治安处罚' }).waitFor();
  police.assertNoConsoleErrors();
  await police.close();
});
