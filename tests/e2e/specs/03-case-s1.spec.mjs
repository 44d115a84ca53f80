// Scenario S1 in the browser (SCENARIOS.md): a construction subcontractor absconds, labour inspection
// registers the complaint, orders payment, screens, forms the case group and reports; the head
// approves; the transfer goes to the police with a complete package; the police sign the receipt
// and file the case — every clock met, each step by the right user. The court cannot see the case.
//
// The demo server runs on real time and refuses steps dated in the future, so the story is told
// over the last nine days: the complaint, its acceptance and the order are dated back (办理时间),
// everything from the unpaid deadline on happens "now".
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { chooseOption, launchBrowser, loginAndWait, newPage, screenshot, setPicker } from '../support/browser.mjs';
import { attachThroughEvidencePanel, attachToPackageItem, sampleJpeg, samplePdf, takeStep } from '../support/case_page.mjs';
import { DAY, beijing, beijingDay } from '../support/beijing_time.mjs';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});


// S1's workers (tests/support/scenarios.cpp) with the ID numbers the server accepts; row 3 is
// first pasted with a wrong check digit to see the form refuse it in that very cell.
const WORKERS = [
  ['张建国', '110101198001011005', '13910000000', '21,300', '7'],
  ['李卫东', '110101198002021010', '13910000001', '15200', '7'],
  ['王海军', '110101198003031020', '13910000002', '14800', '7'],
  ['刘志强', '110101198004041031', '13910000003', '14100', '7'],
  ['陈宝山', '110101198005051047', '13910000004', '13900', '7'],
  ['杨永刚', '110101198006061052', '13910000005', '13500', '7'],
  ['赵铁柱', '110101198007071068', '13910000006', '13200', '7'],
  ['黄德明', '110101198008081073', '13910000007', '12800', '7'],
  ['周长江', '110101198009091089', '13910000008', '12600', '7'],
  ['吴春生', '110101198010101096', '13910000009', '12400', '7'],
  ['徐国庆', '110101198011111106', '13910000010', '11500', '7'],
  ['孙立新', '110101198012121111', '13910000011', '11000', '7'],
  ['马占山', '11010119800113112X', '13910000012', '10200', '7'],
  ['朱红旗', '110101198002141135', '13910000013', '9900', '7'],
];

/** Waits until the success toasts have gone, so a screenshot shows the page, not the notices. */
async function quiet(page) {
  await page.locator('.el-message').first().waitFor({ state: 'detached', timeout: 10000 }).catch(() => undefined);
}

async function expectState(page, text) {
  await page.locator('[data-test="case-state"]', { hasText: text }).waitFor();
}

const now = Date.now();
const received = now - 9 * DAY;
let caseUrl = '';
let caseNo = '';

test('S1: the handler registers the complaint (pasted from Excel) and takes it to the head with a written report', async () => {
  const { page, close, assertNoConsoleErrors } = await newPage(browser);
  await loginAndWait(page, 'handler');
  await page.locator('[data-test="side-menu"] .el-menu-item', { hasText: '案件列表' }).click();
  await page.waitForURL('**/cases');
  await page.locator('[data-test="case-register"]').click();
  await page.waitForURL('**/cases/new');

  await chooseOption(page, page.locator('[data-test="complaint-channel"]'), '全国欠薪线索反映平台');
  await setPicker(page.locator('[data-field="received_at"]'), beijing(received));
  await chooseOption(page, page.locator('[data-test="complaint-conduct"]'), '逃匿');
  await page.locator('[data-test="complaint-project"]').fill('滨海花园二期');
  await page.locator('[data-test="complaint-summary"]').fill('14 名劳务分包队工人投诉 2025 年 5 月至 11 月工资未付，包工头无法联系。');
  await page.locator('[data-test="employer-kind"] .el-radio-button', { hasText: '不具备用工主体资格' }).click();
  await page.locator('[data-test="employer-name"]').fill('某劳务分包队（包工头 王某）');
  await page.locator('[data-test="employer-legal-rep"]').fill('王某');
  await page.locator('[data-test="contractor-toggle"]').click();
  await page.locator('[data-test="general_contractor-name"]').fill('某建工集团有限公司');
  // A credit code with a wrong check character is refused here, and the form says what it must be.
  await page.locator('[data-test="general_contractor-credit-code"]').fill('91110000MA0012345');
  await page.locator('[data-field="general_contractor.credit_code"]', { hasText: '校验码应为 C' }).waitFor();
  await page.locator('[data-test="general_contractor-credit-code"]').fill('91110000MA0012345C');
  // The message goes once the code is right; the form below it moves up, so wait for that before clicking there.
  await page.locator('[data-field="general_contractor.credit_code"]', { hasText: '校验码应为 C' }).waitFor({ state: 'hidden' });

  // The worker list comes from Excel: tab-separated rows with a header row.
  await page.locator('[data-test="paste-open"]').click();
  const header = '姓名\t身份证号\t手机号\t拖欠金额（元）\t拖欠月数\t起始月份\t截止月份';
  const rows = WORKERS.map((w) => [...w, '2025-05', '2025-11'].join('\t'));
  await page.locator('[data-test="paste-text"]').fill([header, ...rows].join('\n'));
  await page.locator('[data-test="paste-preview"]', { hasText: '识别到 14 行' }).waitFor();
  await page.locator('[data-test="paste-append"]').click();
  await page.locator('[data-test="worker-row-13"]').waitFor();
  assert.match(await page.locator('[data-test="worker-totals"]').innerText(), /186,400\.00 元/);

  // Submitting shows the bad ID number in its own cell; nothing is sent until it is fixed.
  await page.locator('[data-test="complaint-submit"]').click();
  const badCell = page.locator('[data-field="workers[2].id_number"] .cell__error');
  await badCell.waitFor();
  assert.match(await badCell.innerText(), /校验码错误/);
  await screenshot(page, '20-case-register');
  await page.locator('[data-test="worker-2-id_number"]').fill('110101198003031026');
  await badCell.waitFor({ state: 'detached' });
  await page.locator('[data-test="complaint-submit"]').click();

  await page.waitForURL(/\/cases\/\d+$/);
  caseUrl = new URL(page.url()).pathname;
  await expectState(page, '已收到投诉');
  caseNo = (await page.locator('[data-test="case-no"]').innerText()).trim();
  assert.match(caseNo, /^WL-\d{4}-\d{5}$/);
  assert.match(await page.locator('[data-test="money-owed"]').innerText(), /186,400\.00 元/);
  // Personal data is masked in the page.
  assert.match(await page.locator('[data-test="worker-id-number"]').first().innerText(), /^1101\*{10}1005$/);

  // Accepted within the hour, order posted at the site two days later with a three-day deadline.
  await takeStep(page, 'accept_complaint', async (dialog) => {
    await setPicker(dialog.locator('[data-test="step-field-at"]'), beijing(received + 3_600_000));
  });
  await expectState(page, '已立案调查');
  const served = received + 2 * DAY;
  await takeStep(page, 'issue_order', async (dialog) => {
    await setPicker(dialog.locator('[data-test="step-field-served_at"]'), beijing(served));
    await chooseOption(page, dialog.locator('[data-test="step-field-service"] .el-select'), '张贴');
    await setPicker(dialog.locator('[data-test="step-field-deadline"]'), beijingDay(served + 3 * DAY));
    await dialog.locator('[data-test="step-field-service_evidence_recorded"] .el-switch').click();
    await setPicker(dialog.locator('[data-test="step-field-at"]'), beijing(served));
  });
  await expectState(page, '责令支付期限内');

  // The deadline passed unpaid (now): screening, prefilled from the assessment.
  await takeStep(page, 'record_order_outcome', async (dialog) => {
    await dialog.locator('.el-radio', { hasText: '期限届满仍未支付' }).click();
  });
  await expectState(page, '涉嫌犯罪甄别');
  await page.locator('[data-test="assessment-recommendation"]', { hasText: '移送公安机关' }).waitFor();
  await takeStep(page, 'complete_screening', async (dialog) => {
    assert.equal(await dialog.locator('.el-radio.is-checked').innerText(), '移送公安机关');
  });
  await expectState(page, '移送准备');
  await takeStep(page, 'form_case_group', async (dialog) => {
    const tags = dialog.locator('[data-test="step-tags-officers"]');
    await tags.click();
    // Picked from the body's colleagues by name (the server refuses anyone else).
    await page.keyboard.type('王协办');
    await page.keyboard.press('Enter');
    await dialog.locator('.el-tag', { hasText: '王协办' }).waitFor();
  });
  await takeStep(page, 'submit_transfer_report');
  await expectState(page, '移送待负责人审批');
  // The handler may not approve: the action bar offers nothing now.
  await page.locator('[data-test="no-steps"]').waitFor();
  assert.equal(await page.locator('[data-test="step-approve_transfer"]').count(), 0);
  assertNoConsoleErrors();
  await close();
});

test('S1: the head approves; the transfer is refused while the package is incomplete, then sent', async () => {
  assert.ok(caseUrl, 'the case was registered');
  const head = await newPage(browser);
  await loginAndWait(head.page, 'head');
  await head.page.goto(caseUrl);
  await takeStep(head.page, 'approve_transfer');
  await expectState(head.page, '已批准移送');
  head.assertNoConsoleErrors();
  await head.close();

  const { page, close, assertNoConsoleErrors } = await newPage(browser);
  await loginAndWait(page, 'handler');
  // The approved transfer is on the handler's workbench, with its 24-hour clock (L07) running.
  const todo = page.locator('[data-test="todo-item"]', { hasText: caseNo });
  await todo.waitFor();
  await page.locator('[data-test="work-clock"][data-rule="L07"]', { hasText: caseNo }).waitFor();
  await screenshot(page, '24-workbench-handler-cases');
  await todo.click();
  await page.waitForURL(`**${caseUrl}`);
  // Sending with the package incomplete: the server's refusal (409) is shown in the dialog.
  await page.locator('[data-test="step-send_transfer"]').click();
  const dialog = page.locator('[data-test="step-dialog"][data-step="send_transfer"]');
  await dialog.waitFor();
  await dialog.locator('[data-test="step-submit"]').click();
  const refusal = dialog.locator('[data-test="step-refusal"]');
  await refusal.waitFor();
  assert.match(await refusal.innerText(), /涉案物品清单/);
  assert.doesNotMatch(await refusal.innerText(), /调查报告/, 'the sending step issues the report itself');
  await dialog.getByRole('button', { name: '取消' }).click();
  await dialog.waitFor({ state: 'hidden' });

  // The package is files: a photo of the posted order and a 询问笔录 through the evidence panel …
  const panel = page.locator('[data-test="evidence-panel"]');
  for (const [kind, file] of [
    ['张贴照片/录像', { name: '张贴照片.jpg', mimeType: 'image/jpeg', buffer: sampleJpeg('posted order at the site') }],
    ['询问笔录', { name: '询问笔录-张建国.pdf', mimeType: 'application/pdf', buffer: samplePdf('interview of the worker') }],
  ]) {
    await attachThroughEvidencePanel(page, kind, file);
  }
  // … a disguised page is refused by its content, whatever its name …
  await panel.locator('[data-test="evidence-upload"]').click();
  const upload = page.locator('.el-dialog', { hasText: '上传证据材料' });
  await upload.locator('[data-test="evidence-file-input"]').setInputFiles({ name: '照片.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('<html><script>alert(1)</script></html>') });
  await upload.locator('[data-test="evidence-upload-submit"]').click();
  assert.match(await upload.locator('[data-test="evidence-upload-error"]').innerText(), /文件内容判断/);
  await upload.getByRole('button', { name: '取消' }).click();
  await upload.waitFor({ state: 'hidden' });
  // … and the other items uploaded in place in the transfer dialog.
  await page.locator('[data-test="step-send_transfer"]').click();
  const sending = page.locator('[data-test="step-dialog"][data-step="send_transfer"]');
  await sending.waitFor();
  const inDialog = sending.locator('[data-test="step-transfer-package"]');
  await attachToPackageItem(inDialog, 'items_list', { name: '涉案物品清单.pdf', mimeType: 'application/pdf', buffer: samplePdf('items') });
  await attachToPackageItem(inDialog, 'employment_evidence', { name: '工资表.pdf', mimeType: 'application/pdf', buffer: samplePdf('payroll') });
  await inDialog.locator('[data-test="package-summary"]', { hasText: '必备材料已齐全' }).waitFor();
  assert.equal(await sending.locator('[data-test="step-field-copy_to_procuratorate"] .el-switch.is-checked').count(), 1);
  await sending.locator('[data-test="step-submit"]').click();
  await sending.waitFor({ state: 'hidden' });
  await expectState(page, '已移送公安机关');
  await page.locator('[data-test="case-parties"]', { hasText: '区公安分局' }).waitFor();

  // Sending issued the transfer letter (涉嫌犯罪案件移送书): numbered in labour inspection's own series,
  // signed by the body's full name, dated in Chinese; no code, login name or machine time is shown.
  const doc = page.locator('[data-test="document-item"]', { hasText: '涉嫌犯罪案件移送书' });
  await doc.waitFor();
  const docText = await doc.innerText();
  assert.match(docText, /示劳监移〔\d{4}〕\d+号/);
  assert.match(docText, /示范区人力资源和社会保障局/);
  assert.match(docText, /\d{4}年\d{1,2}月\d{1,2}日/);
  assert.doesNotMatch(docText, /handler|transfer_letter|T\d{2}:\d{2}|SHA-256/);
  await page.locator('[data-test="document-item"]', { hasText: '涉嫌犯罪案件情况的调查报告' }).waitFor();
  assert.equal(await page.locator('[data-test="document-issue"]').count(), 0, 'documents are issued by steps, not by hand');
  assertNoConsoleErrors();
  await close();
});

test('S1: the police find the transfer in their list, sign the receipt and file the case; every clock is met', async () => {
  const { page, close, assertNoConsoleErrors } = await newPage(browser);
  await loginAndWait(page, 'police');
  await page.locator('[data-test="side-menu"] .el-menu-item', { hasText: '接收移送' }).click();
  await page.waitForURL('**/cases/incoming');
  const row = page.locator('[data-test="case-table"] .el-table__row', { hasText: caseNo });
  await row.waitFor();
  await page.locator('[data-test="case-tab-transferred"]').click();
  await row.waitFor();
  // The tab's badge (all tabs counted by one request) says as many as the tab's list holds.
  await page.waitForFunction(() => {
    const badge = document.querySelector('[data-test="case-tab-transferred"] .tabs__count')?.textContent ?? '';
    const total = document.querySelector('[data-test="paged-table-total"]')?.textContent ?? '';
    return /^[1-9][\d,]*$/.test(badge) && total.replace(/\D/g, '') === badge.replace(/\D/g, '');
  });
  await screenshot(page, '21-police-incoming');
  await row.click();
  await page.waitForURL(`**${caseUrl}`);

  // The police open the package: one archive with a manifest; the receipt is on the timeline.
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-test="evidence-package-download"]').click()]);
  assert.match(download.suggestedFilename(), /\.zip$/);
  await page.reload();
  await page.locator('[data-test="timeline-event"][data-event="evidence_package_received"]').waitFor();
  await takeStep(page, 'sign_receipt');
  await expectState(page, '公安立案审查');
  await takeStep(page, 'file_case');
  await expectState(page, '公安侦查中');

  for (const rule of ['L01', 'L02', 'L06', 'L07', 'L11']) {
    const status = page.locator(`[data-test="clock"][data-rule="${rule}"] [data-test="clock-status"]`);
    assert.equal(await status.getAttribute('data-status'), 'met', `${rule} is met`);
    assert.equal((await status.innerText()).trim(), '按时履行');
  }
  // The timeline carries every step, the complaint first.
  const events = await page.locator('[data-test="timeline-event"]').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-event')));
  for (const event of ['register_complaint', 'accept_complaint', 'issue_order', 'approve_transfer', 'send_transfer', 'sign_receipt', 'file_case']) {
    assert.ok(events.includes(event), `timeline has ${event}`);
  }
  await quiet(page);
  await page.locator('[data-test="case-header"]').scrollIntoViewIfNeeded();
  await screenshot(page, '22-case-detail-top');
  await page.locator('[data-test="case-clocks"]').scrollIntoViewIfNeeded();
  await screenshot(page, '23-case-detail-clocks');
  assertNoConsoleErrors();
  await close();
});

test('S1: lists and the workbench show the case to the bodies involved; the court may not view it', async () => {
  const handler = await newPage(browser);
  await loginAndWait(handler.page, 'handler');
  // Filed by the police, the case still waits for labour inspection to hand over the materials (L15).
  await handler.page.locator('[data-test="todo-item"]', { hasText: caseNo }).waitFor();
  await handler.page.locator('[data-test="work-clock"][data-rule="L15"]', { hasText: caseNo }).waitFor();
  await handler.page.goto('/cases');
  await handler.page.locator('[data-test="case-table"] .el-table__row', { hasText: caseNo }).waitFor();
  await screenshot(handler.page, '25-case-list');
  // The filters live in the address bar: the police's share of the cases.
  await handler.page.goto('/cases?party=police');
  await handler.page.locator('[data-test="case-table"] .el-table__row', { hasText: caseNo }).waitFor();

  // The general contractor pays 120,000 元 from the wage special account, spread over the workers.
  await handler.page.goto(caseUrl);
  await handler.page.locator('[data-test="payment-open"]').click();
  const pay = handler.page.locator('[data-test="payment-dialog"]');
  await pay.waitFor();
  await pay.locator('[data-test="payment-amount"]').fill('120,000');
  await chooseOption(handler.page, pay.locator('[data-test="payment-payer"]'), '总承包单位');
  await pay.locator('[data-test="payment-submit"]').click();
  await pay.waitFor({ state: 'hidden' });
  await handler.page.locator('[data-test="money-outstanding"]', { hasText: '66,400.00 元' }).waitFor();
  assert.match(await handler.page.locator('[data-test="money-paid"]').innerText(), /120,000\.00 元/);

  // The rest in one action: the payer is remembered from the last payment, and each worker's
  // outstanding amount is listed before it is confirmed.
  await handler.page.locator('[data-test="payment-open"]').click();
  await pay.waitFor();
  assert.match(await pay.locator('[data-test="payment-payer"]').innerText(), /总承包单位/);
  await pay.locator('[data-test="payment-mode-all"]').click();
  const shares = pay.locator('[data-test="payment-all-table"] .el-table__body-wrapper .el-table__row');
  await shares.first().waitFor();
  assert.equal(await shares.count(), 14, 'every worker still owed is listed');
  assert.equal(await pay.locator('[data-test="payment-amount"]').inputValue(), '66400.00');
  await pay.locator('[data-test="payment-submit"]').click();
  await pay.waitFor({ state: 'hidden' });
  await handler.page.locator('[data-test="money-outstanding"]', { hasText: '0.00 元' }).waitFor();
  assert.match(await handler.page.locator('[data-test="money-paid"]').innerText(), /186,400\.00 元/);

  // The full ID number only with a stated purpose, for 30 seconds; the head sees the access receipt.
  await handler.page.locator('[data-test^="reveal-"]').first().click();
  const reveal = handler.page.locator('[data-test="reveal-dialog"]');
  await reveal.waitFor();
  await reveal.locator('[data-test="reveal-confirm"]').click();
  await reveal.locator('.el-form-item__error', { hasText: '请选择查看事由' }).waitFor();
  await reveal.locator('.el-form-item__error', { hasText: '请填写查看用途' }).waitFor();
  await reveal.locator('[data-test="reveal-reason-identity_check"]').click();
  await reveal.locator('[data-test="reveal-purpose"]').fill('核对身份以制作询问笔录');
  await reveal.locator('[data-test="reveal-confirm"]').click();
  await reveal.waitFor({ state: 'hidden' });
  await handler.page.locator('[data-test="worker-id-number"]', { hasText: '110101198001011005' }).waitFor();
  handler.assertNoConsoleErrors();
  await handler.close();

  const head = await newPage(browser);
  await loginAndWait(head.page, 'head');
  await head.page.locator('[data-test="side-menu"] .el-menu-item', { hasText: '个人信息访问记录' }).click();
  await head.page.locator('[data-test="receipts-table"] .el-table__row', { hasText: '核对身份以制作询问笔录' }).waitFor();
  head.assertNoConsoleErrors();
  await head.close();

  const prosecutor = await newPage(browser);
  await loginAndWait(prosecutor.page, 'prosecutor');
  await prosecutor.page.locator('[data-test="work-counters"]').waitFor();
  await prosecutor.page.goto(caseUrl);
  await expectState(prosecutor.page, '公安侦查中');
  prosecutor.assertNoConsoleErrors();
  await prosecutor.close();

  const judge = await newPage(browser);
  await loginAndWait(judge.page, 'judge');
  await judge.page.goto(caseUrl);
  const missing = judge.page.locator('[data-test="case-not-found"]');
  await missing.waitFor();
  assert.match(await missing.innerText(), /无权查看/);
  const listed = judge.page.waitForResponse((r) => r.url().includes('/api/v1/cases?') && r.request().method() === 'GET');
  await judge.page.goto('/cases');
  await listed;
  await judge.page.locator('[data-test="case-list-page"]').waitFor();
  assert.equal(await judge.page.locator('[data-test="case-table"] .el-table__row', { hasText: caseNo }).count(), 0);
  judge.assertNoConsoleErrors();
  await judge.close();
});
