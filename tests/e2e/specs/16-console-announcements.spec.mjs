// Issue 14, what users of RuoYi-style systems look for: 通知公告 with read receipts, 定时任务 with
// "run now", 服务监控, and 重置密码 in user management — each through the browser only.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { login, loginAndWait, newPage, launchBrowser, screenshot } from '../support/browser.mjs';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

const TITLE = '关于开展冬季根治欠薪专项行动的通知';

async function confirm(page) {
  await page.locator('.el-message-box__btns .el-button--primary').click();
}

test('the office publishes an announcement, the police read it from the inbox, the office sees who read it', async () => {
  const office = await newPage(browser);
  await loginAndWait(office.page, 'coordinator');
  await office.page.locator('[data-test="side-menu"]').getByText('通知公告').click();
  await office.page.locator('[data-test="announcements-page"]').waitFor();
  await office.page.locator('[data-test="announcement-new"]').click();
  await office.page.locator('[data-test="announcement-title"]').fill(TITLE);
  await office.page.locator('[data-test="announcement-body"]').fill('各成员单位：\n自12月10日起开展为期两个月的专项行动，请于每周五报送进展。');
  await office.page.locator('[data-test="announcement-publish"]').click();
  await office.page.locator('[data-test="announcements-table"] .el-table__row', { hasText: TITLE }).waitFor();

  const police = await newPage(browser);
  await loginAndWait(police.page, 'police');
  await police.page.goto('/inbox');
  await police.page.getByText(`通知公告：${TITLE}`).click();
  await police.page.locator('[data-test="announcements-page"]').waitFor();
  const row = police.page.locator('[data-test="announcements-table"] .el-table__row', { hasText: TITLE });
  await row.getByText('未读').waitFor();
  await row.getByText(TITLE).click();
  await police.page.locator('[data-test="announcement-text"]', { hasText: '每周五报送进展' }).waitFor();
  await screenshot(police.page, '16-announcement-read');
  await police.page.keyboard.press('Escape');
  await row.getByText('未读').waitFor({ state: 'detached' });
  assert.equal(await police.page.locator('[data-test="announcement-new"]').count(), 0, 'readers do not publish');
  await police.close();

  const officeRow = office.page.locator('[data-test="announcements-table"] .el-table__row', { hasText: TITLE });
  await officeRow.getByText('阅读情况').click();
  const receipts = office.page.locator('[data-test="announcement-receipts"] .el-table__row', { hasText: '公安' });
  await receipts.getByText(/^1 \/ \d+$/).waitFor();
  await screenshot(office.page, '16-announcement-receipts');
  await office.close();
});

test('the system administrator runs a scheduled job now, reads the monitor and resets a password', async () => {
  const admin = await newPage(browser);
  await loginAndWait(admin.page, 'sysadmin');
  const page = admin.page;
  await page.locator('[data-test="side-menu"]').getByText('定时任务').click();
  const sweep = page.locator('[data-test="jobs-table"] .el-table__row', { hasText: '法定时限逾期检查' });
  await sweep.waitFor();
  await page.locator('[data-test="run-deadline_sweep"]').click();
  await confirm(page);
  await page.getByText('“法定时限逾期检查”已运行完毕').waitFor();
  await sweep.getByText(/成功（用时 \d+ 毫秒）/).waitFor();
  await sweep.getByText('每 1 分钟').waitFor();
  await screenshot(page, '16-scheduled-jobs');

  await page.locator('[data-test="side-menu"]').getByText('服务监控').click();
  await page.locator('[data-test="monitor-database"]').getByText('正常').waitFor();
  await page.locator('[data-test="monitor-folders"]').getByText('上传暂存').waitFor();
  await screenshot(page, '16-service-monitor');

  await page.locator('[data-test="side-menu"]').getByText('用户管理').click();
  await page.locator('[data-test="user-import"]').click();
  const csv = '\uFEFF登录名,姓名,所属单位,初始密码\r\nzhaoliu,赵六,区公安分局,Chushi#Mima2026\r\nbad,坏行,区公安分局,123\r\n';
  await page.locator('[data-test="user-import-file"]').setInputFiles({ name: '用户.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.locator('[data-test="user-import-send"]').click();
  await page.locator('[data-test="user-import-errors"]').getByText('第 3 行').waitFor();
  const fixed = '\uFEFF登录名,姓名,所属单位,初始密码\r\nzhaoliu,赵六,区公安分局,Chushi#Mima2026\r\n';
  await page.locator('[data-test="user-import-file"]').setInputFiles({ name: '用户.csv', mimeType: 'text/csv', buffer: Buffer.from(fixed) });
  await page.locator('[data-test="user-import-send"]').click();
  await page.getByText('已导入 1 个账号').waitFor();
  await page.locator('[data-test="users-table"] .el-table__row', { hasText: '赵六' }).waitFor();
  const judge = page.locator('[data-test="users-table"] .el-table__row', { hasText: '付立红' });
  await judge.locator('[data-test="user-reset-password"]').click();
  await page.locator('[data-test="reset-password-input"]').fill('Linshi#Mima2026');
  await page.locator('[data-test="reset-password-save"]').click();
  await judge.getByText('待改密').waitFor();
  const admins = page.locator('[data-test="users-table"] .el-table__row', { hasText: '安全管理员' });
  assert.equal(await admins.locator('[data-test="user-reset-password"]').count(), 0, '三员分立');
  await admin.close();

  const judgeTab = await newPage(browser);
  await login(judgeTab.page, 'judge', 'Linshi#Mima2026');
  await judgeTab.page.waitForURL('**/change-password');
  await judgeTab.close();
});
