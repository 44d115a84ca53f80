// Construction projects (工程建设项目) and their monthly feeds as the browser specs drive them: the
// registration dialog, the import page for a feed file, and the project page's paste dialog.
import assert from 'node:assert/strict';
import { chooseOption, setPicker } from './browser.mjs';

/**
 * Registers a project through the 工程项目 list's dialog and waits for its page. `project` holds the
 * dialog's fields; those left out stay empty. Returns the page's path and the project's number.
 */
export async function registerProject(page, project) {
  await page.locator('[data-test="side-menu"]').getByText('工程项目').click();
  await page.locator('[data-test="project-list-page"]').waitFor();
  await page.locator('[data-test="project-register"]').click();
  const dialog = page.locator('[data-test="project-form-dialog"]');
  await dialog.waitFor();
  await dialog.locator('[data-test="project-name"]').fill(project.name);
  await dialog.locator('[data-test="project-location"]').fill(project.location);
  await dialog.locator('[data-test="project-sector"]').fill(project.sector);
  await dialog.locator('[data-test="project-contract-sum"]').fill(project.contractSum);
  await setPicker(dialog.locator('[data-field="contract_signed_on"]'), project.signedOn);
  await dialog.locator('[data-test="project-builder-name"]').fill(project.builder.name);
  await dialog.locator('[data-test="project-builder-code"]').fill(project.builder.code);
  await dialog.locator('[data-test="project-contractor-name"]').fill(project.contractor.name);
  await dialog.locator('[data-test="project-contractor-code"]').fill(project.contractor.code);
  if (project.labourOfficer) await dialog.locator('[data-test="project-labour-officer"]').fill(project.labourOfficer);
  if (project.payDay) await dialog.locator('[data-test="project-pay-day"] input').fill(String(project.payDay));
  if (project.accountBank) await dialog.locator('[data-test="project-account-bank"]').fill(project.accountBank);
  if (project.accountOpenedOn) await setPicker(dialog.locator('[data-field="special_account_opened_on"]'), project.accountOpenedOn);
  if (project.deposit) {
    await chooseOption(page, dialog.locator('[data-test="project-deposit"]'), project.deposit);
    await dialog.locator('[data-test="project-deposit-amount"]').fill(project.depositAmount);
  }
  if (project.noticeBoard) await dialog.locator('[data-test="project-notice-board"]').click();
  await dialog.locator('[data-test="project-submit"]').click();
  await page.locator('[data-test="project-detail-page"]').waitFor();
  const registered = page.getByText(/已登记，项目编号 XM-\d{4}-\d{4}/);
  await registered.waitFor();
  const projectNo = /XM-\d{4}-\d{4}/.exec(await registered.innerText())[0];
  return { path: new URL(page.url()).pathname, projectNo };
}

/** A CSV file as a bank or the 住建 platform exports it: a header row, then the rows (UTF-8). */
export function csvFile(name, rows) {
  const text = rows.map((cells) => cells.map((cell) => (/[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell)).join(',')).join('\r\n');
  return { name, mimeType: 'text/csv', buffer: Buffer.from(`${text}\r\n`, 'utf8') };
}

/**
 * On the import page (its first step): chooses a feed kind and month (`month` from
 * beijingMonthBefore; the page's own choice of project stays), the file, and uploads it. Returns
 * when the column mapping the server proposes is shown.
 */
export async function uploadFeedFile(page, { kind, month, file }) {
  await page.locator('[data-test="imports-page"]').waitFor();
  await page.locator(`[data-test="import-kind-${kind}"]`).click();
  const monthInput = page.locator('[data-test="import-month"] input');
  if (month && (await monthInput.inputValue()) !== month.zh) {
    await setPicker(page.locator('[data-test="import-month"]'), month.zh);
    assert.equal(await monthInput.inputValue(), month.zh, 'the month picker took the month');
  }
  await page.locator('[data-test="import-file"] input[type="file"]').setInputFiles(file);
  await page.locator('[data-test="import-upload"]').click();
  await page.locator('[data-test="import-mapping"]').waitFor();
}

/** Validates the mapping as shown, commits, and returns the result in words the page gives. */
export async function commitImport(page) {
  await page.locator('[data-test="import-check"]').click();
  await page.locator('[data-test="import-valid"]').waitFor();
  await page.locator('[data-test="import-commit"]').click();
  const result = page.locator('[data-test="import-result"]');
  await result.waitFor();
  const feed = result.locator('[data-test="import-feed-result"]');
  return (await feed.count()) > 0 ? (await feed.innerText()).trim() : (await result.innerText()).trim();
}

/**
 * Reports a feed through the project page's paste dialog (报送数据): `text` pasted from Excel, or
 * `empty` for a special-account statement with no transaction that month. Waits for the dialog to close.
 */
export async function pasteFeed(page, { kind, month, text, empty = false }) {
  await page.locator('[data-test="project-feed"]').click();
  const dialog = page.locator('[data-test="feed-dialog"]');
  await dialog.waitFor();
  await dialog.locator(`[data-test="feed-kind-${kind}"]`).click();
  const monthInput = dialog.locator('[data-test="feed-month"] input');
  if ((await monthInput.inputValue()) !== month.zh) {
    await setPicker(dialog.locator('[data-test="feed-month"]'), month.zh);
    assert.equal(await monthInput.inputValue(), month.zh, 'the month picker took the month');
  }
  if (empty) await dialog.locator('[data-test="feed-empty"]').click();
  else await dialog.locator('[data-test="feed-paste"]').fill(text);
  await dialog.locator('[data-test="feed-submit"]').click();
  await dialog.waitFor({ state: 'hidden' });
}
