// Each role sees its own menus and pages (三员分立: system admin, security admin, auditor).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, login, loginAndWait, newPage, screenshot, sideMenuTexts } from '../support/browser.mjs';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

test('auditor sees 审计日志 and 登录日志 but not 用户管理, and verifies the audit chain', async () => {
  const { page, close, assertNoConsoleErrors } = await newPage(browser);
  await loginAndWait(page, 'auditor');
  const menu = (await sideMenuTexts(page)).join('|');
  assert.match(menu, /审计日志/);
  assert.match(menu, /登录日志/);
  assert.doesNotMatch(menu, /用户管理/);
  assert.doesNotMatch(menu, /联络员名册/);

  await page.locator('[data-test="side-menu"] .el-menu-item', { hasText: '审计日志' }).click();
  await page.waitForURL('**/audit/log');
  await page.locator('[data-test="audit-table"] .el-table__row').first().waitFor();
  await page.locator('[data-test="audit-verify"]').click();
  const result = page.locator('[data-test="audit-verify-result"]');
  await result.waitFor();
  assert.match(await result.innerText(), /审计链完整/);
  await screenshot(page, '05-audit-log');

  // Searching by action shows only that action's entries, and the export carries the same search.
  const totalOf = async () => Number((await page.locator('[data-test="paged-table-total"]').innerText()).replace(/\D/g, ''));
  const everything = await totalOf();
  await page.locator('[data-test="audit-action-select"]').click();
  await page.locator('.el-select-dropdown__item:visible', { hasText: /^登录$/ }).click();
  await page.locator('[data-test="audit-search-submit"]').click();
  await page.waitForFunction(
    (before) => Number(document.querySelector('[data-test="paged-table-total"]')?.textContent?.replace(/\D/g, '')) < before,
    everything,
  );
  const actions = await page.locator('[data-test="audit-table"] [data-test="audit-action"]').allInnerTexts();
  assert.ok(actions.length > 0);
  assert.ok(actions.every((a) => a === '登录'), actions.join('|'));
  assert.match(await page.locator('[data-test="audit-export"]').getAttribute('href'), /export\.csv\?action=auth\.login$/);
  assert.match(await page.locator('[data-test="audit-table"]').innerText(), /登录/);
  await screenshot(page, '05b-audit-log-search');

  await page.locator('[data-test="side-menu"] .el-menu-item', { hasText: '登录日志' }).click();
  await page.locator('[data-test="login-log-table"] .el-table__row').first().waitFor();
  await page.locator('[data-test="login-log-result"]').click();
  await page.locator('.el-select-dropdown__item:visible', { hasText: /^成功$/ }).click();
  await page.locator('[data-test="login-log-search-submit"]').click();
  await page.waitForFunction(() => document.querySelector('[data-test="login-log-export"]')?.getAttribute('href')?.includes('success=true'));
  await page.locator('[data-test="login-log-table"] .el-table__row').first().waitFor();
  assert.doesNotMatch(await page.locator('[data-test="login-log-table"] .el-table__body').innerText(), /失败/);
  await screenshot(page, '06-login-log');

  // A page the role may not open shows 403, not the page.
  await page.goto('/system/users');
  await page.locator('[data-test="forbidden"]').waitFor();
  assert.match(page.url(), /\/forbidden/);
  assertNoConsoleErrors();
  await close();
});

test('三员分立: the system administrator creates an account, the security administrator grants its role, the user sets a password', async () => {
  const admin = await newPage(browser);
  await loginAndWait(admin.page, 'sysadmin');
  const menu = (await sideMenuTexts(admin.page)).join('|');
  assert.match(menu, /用户管理/);
  assert.doesNotMatch(menu, /审计日志/);
  await admin.page.goto('/system/users');
  await admin.page.locator('[data-test="users-table"] .el-table__row', { hasText: 'handler' }).first().waitFor();
  await screenshot(admin.page, '07-users');

  await admin.page.locator('[data-test="user-add"]').click();
  const dialog = admin.page.locator('.el-dialog', { hasText: '新建用户' });
  await dialog.waitFor();
  await dialog.locator('[data-test="user-username"]').fill('e2e_clerk');
  await dialog.locator('[data-test="user-display-name"]').fill('测试书记员');
  await dialog.locator('[data-test="user-body"]').click();
  await admin.page.locator('.el-select-dropdown__item:visible', { hasText: '区人民法院' }).click();
  await dialog.locator('[data-test="user-password"]').fill('Court#Clerk2026');
  await dialog.locator('[data-test="user-save"]').click();
  await dialog.waitFor({ state: 'hidden' });
  await admin.page.locator('[data-test="users-table"] .el-table__row', { hasText: 'e2e_clerk' }).waitFor();
  assert.equal(await admin.page.locator('[data-test="user-roles"]').count(), 0, 'the system administrator grants no roles');
  admin.assertNoConsoleErrors();
  await admin.close();

  const security = await newPage(browser);
  await loginAndWait(security.page, 'secadmin');
  await security.page.locator('[data-test="side-menu"] .el-menu-item', { hasText: '角色授权' }).click();
  const row = security.page.locator('[data-test="users-table"] .el-table__row', { hasText: 'e2e_clerk' });
  await row.locator('[data-test="user-roles"]').click();
  const roles = security.page.locator('[data-test="role-picker"]');
  await roles.waitFor();
  // Two administrator roles at once is refused before the request is sent.
  await roles.locator('.el-checkbox', { hasText: '系统管理员' }).click();
  await roles.locator('.el-checkbox', { hasText: '安全审计员' }).click();
  await security.page.locator('.el-form-item__error', { hasText: '三员分立' }).waitFor();
  await roles.locator('.el-checkbox', { hasText: '系统管理员' }).click();
  await roles.locator('.el-checkbox', { hasText: '安全审计员' }).click();
  await roles.locator('.el-checkbox', { hasText: '法官/书记员' }).click();
  await screenshot(security.page, '14-role-assignment');
  await security.page.locator('[data-test="user-save"]').click();
  await row.locator('.el-tag', { hasText: '法官/书记员' }).waitFor();
  security.assertNoConsoleErrors();
  await security.close();

  // The new user must set a password of their own before anything else.
  const clerk = await newPage(browser);
  await login(clerk.page, 'e2e_clerk', 'Court#Clerk2026');
  await clerk.page.waitForURL('**/change-password');
  await clerk.page.locator('[data-test="change-password-title"]', { hasText: '首次登录须修改密码' }).waitFor();
  await clerk.page.goto('/workbench');
  await clerk.page.waitForURL('**/change-password');
  await clerk.page.locator('[data-test="old-password"]').fill('Court#Clerk2026');
  await clerk.page.locator('[data-test="new-password"]').fill('Clerk#Green2026');
  await clerk.page.locator('[data-test="confirm-password"]').fill('Clerk#Green2026');
  await screenshot(clerk.page, '12-change-password-forced');
  await clerk.page.locator('[data-test="change-password-submit"]').click();
  await clerk.page.waitForURL(/\/(workbench|login)/);
  if (clerk.page.url().includes('/login')) await loginAndWait(clerk.page, 'e2e_clerk', 'Clerk#Green2026');
  await clerk.page.locator('[data-test="workbench-roles"]', { hasText: '法官/书记员' }).waitFor();
  clerk.assertNoConsoleErrors();
  await clerk.close();
});

test('security administrator forces a session out, and sees the password policy', async () => {
  const leader = await newPage(browser);
  await loginAndWait(leader.page, 'leader');

  const { page, close, assertNoConsoleErrors } = await newPage(browser);
  await loginAndWait(page, 'secadmin');
  await page.goto('/security/sessions');
  await page.locator('[data-test="sessions-table"] .el-table__row', { hasText: 'secadmin' }).first().waitFor();
  await page.locator('[data-test="sessions-page"] canvas').first().waitFor();
  await screenshot(page, '08-sessions');

  const leaderRow = page.locator('[data-test="sessions-table"] .el-table__row', { hasText: 'leader' });
  await leaderRow.getByRole('button', { name: '强制下线' }).click();
  await page.locator('.el-message-box__btns .el-button--primary').click();
  await leaderRow.waitFor({ state: 'detached' });

  // The leader's next request finds the session gone and lands on the login page.
  await leader.page.locator('[data-test="side-menu"] .el-menu-item', { hasText: '联络员名册' }).click();
  await leader.page.waitForURL('**/login**');
  await leader.page.locator('[data-test="login-notice"]', { hasText: '登录已失效' }).waitFor();
  leader.assertNoConsoleErrors();
  await leader.close();

  await page.goto('/security/password-policy');
  await page.locator('[data-test="policy-save"]:not([disabled])').waitFor();
  await screenshot(page, '09-password-policy');
  assertNoConsoleErrors();
  await close();
});

test('the coordinator edits the liaison roster; a case handler only reads it', async () => {
  const coordinator = await newPage(browser);
  await loginAndWait(coordinator.page, 'coordinator');
  await coordinator.page.goto('/roster');
  await coordinator.page.locator('[data-test="roster-table"] .el-table__row', { hasText: '闫志强' }).waitFor();
  await screenshot(coordinator.page, '10-roster-coordinator');

  // Add a liaison officer, then remove the entry again.
  await coordinator.page.locator('[data-test="roster-add"]').click();
  const dialog = coordinator.page.locator('[data-test="roster-dialog"]');
  await dialog.waitFor();
  await dialog.locator('[data-test="roster-body"]').click();
  await coordinator.page.locator('.el-select-dropdown__item:visible', { hasText: '区司法局' }).click();
  await dialog.locator('[data-test="roster-name"]').fill('测试联络员');
  await dialog.locator('[data-test="roster-title"]').fill('区司法局法律援助中心副主任');
  await dialog.locator('[data-test="roster-phone"]').fill('13812345678');
  await dialog.locator('[data-test="roster-save"]').click();
  await dialog.waitFor({ state: 'hidden' });
  const added = coordinator.page.locator('[data-test="roster-table"] .el-table__row', { hasText: '测试联络员' });
  await added.waitFor();
  assert.match(await added.innerText(), /区司法局法律援助中心副主任/);
  await added.getByRole('button', { name: '删除' }).click();
  await coordinator.page.locator('.el-message-box__btns .el-button--primary').click();
  await added.waitFor({ state: 'detached' });
  coordinator.assertNoConsoleErrors();
  await coordinator.close();

  const handler = await newPage(browser);
  await loginAndWait(handler.page, 'handler');
  await handler.page.goto('/roster');
  await handler.page.locator('[data-test="roster-table"] .el-table__row', { hasText: '闫志强' }).waitFor();
  assert.equal(await handler.page.locator('[data-test="roster-add"]').count(), 0);
  handler.assertNoConsoleErrors();
  await handler.close();
});

test('the layout fits a 1280-pixel laptop screen without horizontal scrolling', async () => {
  const { page, close, assertNoConsoleErrors } = await newPage(browser, { width: 1280, height: 720 });
  await loginAndWait(page, 'liaison');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `page is ${overflow}px wider than the window`);
  await screenshot(page, '11-workbench-1280');
  assertNoConsoleErrors();
  await close();
});
