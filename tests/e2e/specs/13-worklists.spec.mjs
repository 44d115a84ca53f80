// Each body's work in one call (GET /api/v1/worklist, issue 14): every role lands on its page — the
// leadership on the dashboard (驾驶舱), the others on the workbench with their worklist — and a
// screenshot of each landing page is kept. The prosecutor opens 立案监督 on the demo's S9, whose
// filing decision the police let run out (L11 overdue), from the 立案监督 page; the judge follows the
// green channel's five priorities against the district's LOCAL targets on S4 and records execution on
// S8 with a payment that reaches each worker.
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

/** The worklist as the server serves it, inside the page's session. */
function worklist(page) {
  return page.evaluate(async () => (await fetch('/api/v1/worklist', { credentials: 'same-origin' })).json());
}

// One demo account per role (data/demo/district.json); the three administrators (三员分立) hold no
// case work, so their workbench has no worklist.
const ROLES = [
  { user: 'handler', landing: '/workbench' },
  { user: 'head', landing: '/workbench' },
  { user: 'liaison', landing: '/workbench' },
  { user: 'coordinator', landing: '/workbench' },
  { user: 'police', landing: '/workbench' },
  { user: 'prosecutor', landing: '/workbench' },
  { user: 'judge', landing: '/workbench' },
  { user: 'legalaid', landing: '/workbench' },
  { user: 'leader', landing: '/dashboard' },
  { user: 'sysadmin', landing: '/workbench', administrator: true },
  { user: 'secadmin', landing: '/workbench', administrator: true },
  { user: 'auditor', landing: '/workbench', administrator: true },
];

test('every role lands on its own page; the workbench lists the worklist the server decided', async () => {
  for (const { user, landing, administrator = false } of ROLES) {
    const { page, close, assertNoConsoleErrors } = await newPage(browser);
    await loginAndWait(page, user);
    assert.equal(new URL(page.url()).pathname, landing, `${user} lands on ${landing}`);
    if (landing === '/workbench' && !administrator) {
      const served = await worklist(page);
      await page.locator('[data-test="worklist-total"]', { hasText: String(served.total) }).waitFor();
      if (served.items.length > 0) {
        // The first item the server put first is on the list, with its reasons in Chinese.
        const first = served.items[0];
        const row = page.locator(`[data-test="todo-item"][data-case-no="${first.case_no}"]`);
        await row.waitFor();
        assert.match(await row.innerText(), new RegExp(first.reasons[0].name_zh));
      }
    }
    if (landing === '/dashboard') await page.locator('[data-test="dashboard-tiles"]').waitFor();
    await screenshot(page, `landing-${user}`);
    assertNoConsoleErrors();
    await close();
  }
});

test('the prosecutor opens 立案监督 on a filing decision the police let run out', async () => {
  const { page, close, assertNoConsoleErrors } = await newPage(browser);
  await loginAndWait(page, 'prosecutor');
  // On the workbench: S9 with why it is there.
  const todo = page.locator('[data-test="todo-item"]', { hasText: '城北仓储中心' });
  await todo.waitFor();
  assert.match(await todo.innerText(), /可启动立案监督/);
  assert.match(await todo.innerText(), /依职权启动立案监督/);

  await page.locator('[data-test="side-menu"] .el-menu-item', { hasText: '立案监督' }).click();
  await page.locator('[data-test="supervision-page"]').waitFor();
  await page.locator('[data-test="worklist-tabs"] .el-tabs__item', { hasText: '可启动立案监督' }).click();
  const item = page.locator('[data-test="work-item"]', { hasText: '城北仓储中心' });
  await item.waitFor();
  // The overdue filing decision it supervises, with the law in words and the due date in Chinese.
  const clock = item.locator('[data-test="work-item-clock"]', { hasText: '国务院令第310号第8条' });
  await clock.waitFor();
  assert.match(await clock.innerText(), /已超期|逾期/);
  assert.match(await clock.innerText(), /\d{4}年\d{1,2}月\d{1,2}日/);
  await screenshot(page, 'prosecutor-supervision');

  await item.locator('[data-test="work-item-next"] a[data-step="open_supervision"]').click();
  const dialog = page.locator('[data-test="step-dialog"][data-step="open_supervision"]');
  await dialog.waitFor();
  await dialog.locator('[data-test="step-reason"]').fill('公安机关收到移送后逾期未作出是否立案的决定，依职权启动立案监督，要求说明理由。');
  await dialog.locator('[data-test="step-submit"]').click();
  await dialog.waitFor({ state: 'hidden' });
  await page.locator('[data-test="case-state"]', { hasText: '立案监督' }).waitFor();
  // Next: require the police's reasons (规则 §559), now on offer.
  await page.locator('[data-test="step-request_reasons"]').waitFor();

  await page.goto('/cases/supervision');
  await page.locator('[data-test="worklist-tabs"] .el-tabs__item', { hasText: '立案监督办理中' }).click();
  await page.locator('[data-test="work-item"]', { hasText: '城北仓储中心' }).waitFor();
  assertNoConsoleErrors();
  await close();

  // The police find it in their inbox.
  const police = await newPage(browser);
  await loginAndWait(police.page, 'police');
  const inbox = await police.page.evaluate(async () => (await fetch('/api/v1/inbox?page_size=50', { credentials: 'same-origin' })).json());
  assert.ok(inbox.items.some((n) => n.title_zh.includes('依职权启动立案监督')));
  police.assertNoConsoleErrors();
  await police.close();
});

test('the judge follows the green channel through execution; each worker is paid', async () => {
  const { page, close, assertNoConsoleErrors } = await newPage(browser);
  await loginAndWait(page, 'judge');
  await page.locator('[data-test="side-menu"] .el-menu-item', { hasText: '绿色通道' }).click();
  await page.locator('[data-test="green-channel-page"]').waitFor();
  // The district's targets are its own (LOCAL) and say they can be changed.
  const targets = page.locator('[data-test="green-targets"]');
  await targets.waitFor();
  assert.match(await targets.innerText(), /地方标准/);
  assert.match(await targets.innerText(), /可由系统管理员/);
  // S4 (the civil route): all five priorities tracked as dates, each met.
  const s4 = page.locator('[data-test="work-item"]', { hasText: '某信息科技有限公司' });
  await s4.waitFor();
  for (const priority of ['priority_mediation', 'priority_acceptance', 'priority_filing', 'priority_trial', 'priority_execution']) {
    const tag = s4.locator(`[data-priority="${priority}"]`);
    await tag.waitFor();
    assert.equal(await tag.getAttribute('data-status'), 'met', priority);
  }
  assert.match(await s4.locator('[data-test="green-track"]').innerText(), /2026年3月23日/);
  await screenshot(page, 'court-green-channel');

  // S8 (a criminal judgment): record an execution step and the money it brought in.
  const s8 = page.locator('[data-test="work-item"]', { hasText: '东湖学校改造工程' });
  await s8.waitFor();
  const before = (await worklist(page)).items.find((i) => i.project_name === '东湖学校改造工程');
  const paidBefore = before.execution.reduce((sum, w) => sum + w.paid_by_execution.fen, 0);
  await s8.locator('[data-test="work-item-next"] a[data-step="record_execution"]').click();
  const dialog = page.locator('[data-test="step-dialog"][data-step="record_execution"]');
  await dialog.waitFor();
  await dialog.locator('[data-test="step-reason"]').fill('续行执行：拍卖被告单位车辆。');
  await dialog.locator('[data-test="step-submit"]').click();
  await dialog.waitFor({ state: 'hidden' });
  await page.locator('[data-test="payment-open"]').click();
  const pay = page.locator('[data-test="payment-dialog"]');
  await pay.waitFor();
  await pay.locator('[data-test="payment-amount"]').fill('24,000');
  await chooseOption(page, pay.locator('[data-test="payment-payer"]'), '法院执行');
  await pay.locator('[data-test="payment-submit"]').click();
  await pay.waitFor({ state: 'hidden' });

  await page.goto('/cases/green-channel');
  await page.locator('[data-test="worklist-tabs"] .el-tabs__item', { hasText: '执行' }).first().click();
  const executed = page.locator('[data-test="work-item"]', { hasText: '东湖学校改造工程' });
  await executed.locator('[data-test="execution"]').waitFor();
  const after = (await worklist(page)).items.find((i) => i.project_name === '东湖学校改造工程');
  const paidAfter = after.execution.reduce((sum, w) => sum + w.paid_by_execution.fen, 0);
  assert.equal(paidAfter - paidBefore, 2_400_000, 'the 24,000 元 reached the workers');
  assert.equal(after.execution.length, 12);
  assert.ok(after.execution.every((w) => w.paid_by_execution.fen > 0), 'each worker received a share');
  await executed.locator('[data-test="paid-by-execution"]').first().waitFor();
  await executed.scrollIntoViewIfNeeded();
  await screenshot(page, 'court-execution');
  assertNoConsoleErrors();
  await close();
});
