// The district's case rules in the browser: the system administrator may not choose a province whose
// 数额较大 figures are unconfirmed until entering them (the server's refusal is shown at the field),
// enters Hebei's figures and chooses Hebei; a case handler then sees every case assessed against
// 河北省. Other users read the rules but cannot change them. The shipped rules are restored at the end
// so later specs see the defaults.
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

/** GET or PUT /settings/case-rules inside the page's session (PUT with the session's CSRF token). */
function caseRules(page, change) {
  return page.evaluate(async (body) => {
    if (!body) return (await fetch('/api/v1/settings/case-rules', { credentials: 'same-origin' })).json();
    const { csrf_token: token } = await (await fetch('/api/v1/auth/me', { credentials: 'same-origin' })).json();
    const response = await fetch('/api/v1/settings/case-rules', {
      method: 'PUT',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': token },
      body: JSON.stringify(body),
    });
    return response.status;
  }, change ?? null);
}

async function openCaseRules(page) {
  await page.goto('/system/settings');
  await page.locator('[data-test="case-rules-profiles"]').waitFor();
}

test('the sysadmin enters Hebei figures and chooses Hebei; a handler sees the assessment use 河北省', async () => {
  const admin = await newPage(browser);
  await loginAndWait(admin.page, 'sysadmin');
  const shipped = await caseRules(admin.page);
  await openCaseRules(admin.page);
  const page = admin.page;
  const hebei = page.locator('[data-test="case-rules-profiles"] [data-profile="hebei"]');
  // Hebei ships without figures: tagged 待核实 and marked as the operator's to enter.
  await hebei.getByText('待核实', { exact: true }).waitFor();
  await hebei.getByText('填写本省数额前，介于全国幅度之间的数额为“无法判断”', { exact: false }).waitFor();
  // The economic-crime switch shows its citation and that it is unconfirmed.
  const economic = page.locator('[data-test="case-rules-economic"]');
  await economic.getByText('《公安机关办理经济犯罪案件的若干规定》§16').waitFor();
  await economic.getByText('待核实', { exact: true }).waitFor();

  // A fresh install has chosen no province. Choosing Hebei without figures is allowed: amounts between
  // the national bounds then stay "unknown → consult" (never a firm "no") until the figures are entered.
  assert.equal(shipped.threshold_profile, 'unset');
  await hebei.click();
  await page.locator('[data-test="case-rules-override"]').getByText('填写本省高级人民法院确定的单人数额', { exact: false }).waitFor();
  await page.locator('[data-test="case-rules-save"]').click();
  await page.getByText('办案规则已保存').first().waitFor();
  assert.equal((await caseRules(page)).threshold_profile, 'hebei');
  await hebei.getByText('待核实', { exact: true }).waitFor();
  await screenshot(page, 'case-rules-hebei-unconfirmed');
  await page.getByText('办案规则已保存').first().waitFor({ state: 'detached' });

  // With the figures entered it is accepted and tagged 本地设定 (the operator vouches for them).
  await page.locator('[data-test="override-per-worker"] input').fill('10000');
  await page.locator('[data-test="override-aggregate"] input').fill('50000');
  await page.locator('[data-test="override-document"]').fill('河北省高级人民法院 数额标准通知（运营方录入）');
  await page.locator('[data-test="case-rules-save"]').click();
  await page.getByText('办案规则已保存').waitFor();
  await hebei.getByText('本地设定', { exact: true }).waitFor();
  await page.locator('[data-test="case-rules-profile-item"] .el-form-item__error').waitFor({ state: 'detached' });
  const saved = await caseRules(page);
  assert.equal(saved.threshold_profile, 'hebei');
  assert.deepEqual(
    { per: saved.threshold_overrides.hebei.per_worker_yuan, total: saved.threshold_overrides.hebei.aggregate_yuan },
    { per: 10000, total: 50000 },
  );
  await screenshot(page, 'case-rules-saved');

  // A handler's case is now assessed against Hebei's figures.
  const handler = await newPage(browser);
  await loginAndWait(handler.page, 'handler');
  const list = await handler.page.evaluate(async () => (await fetch('/api/v1/cases', { credentials: 'same-origin' })).json());
  assert.ok(list.items.length > 0, 'the demo has cases');
  await handler.page.goto(`/cases/${list.items[0].id}`);
  const threshold = handler.page.locator('[data-test="assessment-threshold"]');
  await threshold.getByText('河北省', { exact: true }).waitFor();
  await threshold.getByText('10,000').first().waitFor();
  await threshold.scrollIntoViewIfNeeded();
  await screenshot(handler.page, 'case-rules-assessment-hebei');

  // Only settings.manage may change the rules: the handler's PUT is refused.
  assert.equal(await caseRules(handler.page, { threshold_profile: 'national-max' }), 403);
  await handler.close();

  assert.equal(
    await caseRules(page, { threshold_profile: shipped.threshold_profile, economic_crime_rules: shipped.economic_crime_rules, threshold_overrides: shipped.threshold_overrides }),
    200,
  );
  await admin.close();
});
