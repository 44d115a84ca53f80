// The holiday calendar in the browser: 2027 has no State Council notice yet, so the settings page
// shows it on the statutory fallback (法定节假日, make-up days unknown). The system administrator
// enters the 2027 notice in the form (starting from the law's holidays, lengthening 春节 and adding a
// make-up Saturday); the year then shows as an entered notice with its document number and dates in
// Chinese. A case handler reads the calendar but has no entry button, and the server refuses the
// handler's notice.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, loginAndWait, newPage, screenshot } from '../support/browser.mjs';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

function calendar(page) {
  return page.evaluate(async () => (await fetch('/api/v1/settings/calendar', { credentials: 'same-origin' })).json());
}

async function openCalendarTab(page) {
  await page.goto('/system/settings');
  await page.getByRole('tab', { name: '节假日安排' }).click();
  await page.locator('[data-test="calendar-panel"]').waitFor();
}

/** Types a date into an Element Plus date input (shown as "2026年11月20日") and confirms it. */
async function typeDate(input, text) {
  await input.click();
  await input.fill(text);
  await input.press('Enter');
}

test('the sysadmin enters the 2027 holiday notice; the year leaves the statutory fallback', async () => {
  const admin = await newPage(browser);
  await loginAndWait(admin.page, 'sysadmin');
  const page = admin.page;
  const before = (await calendar(page)).years.find((y) => y.year === 2027);
  assert.equal(before.source, 'statutory');
  await openCalendarTab(page);
  await page.locator('[data-test="calendar-source-2027"]').getByText('法定节假日（待通知）').waitFor();
  await page.locator('[data-test="settings-calendars"]').getByText('2027年2月5日 – 2027年2月8日').first().waitFor();
  await screenshot(page, 'calendar-fallback');

  await page.locator('[data-test="calendar-edit-2027"]').click();
  const dialog = page.locator('[data-test="notice-dialog"]');
  await dialog.getByText('录入 2027 年放假通知').waitFor();
  await dialog.getByText('按法律，以下日期为法定节假日').waitFor();
  await dialog.locator('[data-test="notice-document"]').fill('国办发明电〔2026〕88号');
  await typeDate(dialog.locator('[data-test="notice-issued"] input'), '2026年11月20日');
  // 春节 runs to 02-12 in this notice (the second range, prefilled 02-05..02-08 from the law); its
  // inputs are the holiday select, then the range's start and end.
  const spring = dialog.locator('[data-test="notice-holiday-1"] input');
  await typeDate(spring.nth(2), '2027年2月12日');
  await dialog.locator('[data-test="notice-add-makeup"]').click();
  const makeUp = dialog.locator('[data-test="notice-makeup-0"]');
  await typeDate(makeUp.locator('input').first(), '2027年2月20日');
  await makeUp.locator('.el-select').click();
  await page.locator('.el-select-dropdown__item:visible', { hasText: '春节' }).click();
  await screenshot(page, 'calendar-notice-form');
  await dialog.locator('[data-test="notice-submit"]').click();
  await page.getByText('2027 年放假通知已保存').waitFor();

  await page.locator('[data-test="calendar-source-2027"]').getByText('已录入通知').waitFor();
  await page.locator('[data-test="settings-calendars"]').getByText('国办发明电〔2026〕88号').waitFor();
  await page.locator('[data-test="settings-calendars"]').getByText('2027年2月20日').waitFor();
  await screenshot(page, 'calendar-notice-entered');
  const entered = (await calendar(page)).years.find((y) => y.year === 2027);
  assert.equal(entered.source, 'notice');
  assert.equal(entered.issued, '2026-11-20');
  assert.deepEqual(entered.make_up_workdays.map((d) => d.date), ['2027-02-20']);
  assert.deepEqual(
    entered.holidays.find((h) => h.name_zh === '春节'),
    { name_zh: '春节', name_en: 'Spring Festival', from: '2027-02-05', to: '2027-02-12' },
  );

  // The configurable time limits sit in the case rules, each with its status tag and its roll-over's.
  await page.getByRole('tab', { name: '本区办案规则' }).click();
  const l06 = page.locator('[data-test="time-limit-overrides"] tr', { has: page.locator('[data-test="override-L06"]') });
  await l06.scrollIntoViewIfNeeded();
  await l06.getByText('已核实', { exact: true }).waitFor();
  await l06.getByText('刑事诉讼法§105 类推适用', { exact: false }).waitFor();
  await l06.getByText('待核实', { exact: true }).waitFor();
  await screenshot(page, 'calendar-time-limit-overrides');
  await admin.close();

  // A handler reads the calendar but cannot enter a notice.
  const handler = await newPage(browser);
  await loginAndWait(handler.page, 'handler');
  const status = await handler.page.evaluate(async () => {
    const { csrf_token: token } = await (await fetch('/api/v1/auth/me', { credentials: 'same-origin' })).json();
    const response = await fetch('/api/v1/settings/calendar/notices', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': token },
      body: JSON.stringify({ year: 2028, document: 'x', issued: '2026-11-20', holidays: [], make_up_workdays: [] }),
    });
    return response.status;
  });
  assert.equal(status, 403);
  await handler.close();
});
