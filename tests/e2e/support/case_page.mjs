// The case page as the browser specs drive it, and the evidence panel it shares with the risk and
// meeting pages.
import { chooseOption } from './browser.mjs';

/** Opens a step from the case's action bar, lets `fill` complete the dialog, submits, waits for it to close. */
export async function takeStep(page, event, fill = async () => {}) {
  await page.locator(`[data-test="step-${event}"]`).click();
  const dialog = page.locator(`[data-test="step-dialog"][data-step="${event}"]`);
  await dialog.waitFor();
  await fill(dialog);
  await dialog.locator('[data-test="step-submit"]').click();
  await dialog.waitFor({ state: 'hidden' });
}

/** Small files whose first bytes are what they claim: the server reads the type from the content. */
export function samplePdf(text) {
  return Buffer.from(`%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% ${text}\n%%EOF\n`);
}
export function sampleJpeg(text) {
  return Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00]), Buffer.from(text)]);
}

/** Uploads `file` as `kind` (its Chinese name) through the page's evidence panel and waits for it to be listed. */
export async function attachThroughEvidencePanel(page, kind, file) {
  const panel = page.locator('[data-test="evidence-panel"]');
  await panel.locator('[data-test="evidence-upload"]').click();
  const upload = page.locator('.el-dialog', { hasText: '上传证据材料' });
  await upload.waitFor();
  await chooseOption(page, upload.locator('[data-test="evidence-kind"]'), kind);
  await upload.locator('[data-test="evidence-file-input"]').setInputFiles(file);
  await upload.locator('[data-test="evidence-upload-submit"]').click();
  await upload.waitFor({ state: 'hidden' });
  return panel.locator('.file', { hasText: file.name }).waitFor();
}

/** Attaches a file to one transfer package item in place (the item's upload link on the case page or in the dialog). */
export async function attachToPackageItem(scope, item, file) {
  const row = scope.locator(`[data-test="package-${item}"]`).first();
  await row.locator('input[type="file"]').setInputFiles(file);
  await row.locator('.item__files li', { hasText: file.name }).waitFor();
}

/** Files for every required item of the transfer package but the letter and report the sending step issues. */
export async function attachWholePackage(scope) {
  await attachToPackageItem(scope, 'items_list', { name: '涉案物品清单.pdf', mimeType: 'application/pdf', buffer: samplePdf('items') });
  await attachToPackageItem(scope, 'worker_interviews', { name: '询问笔录.pdf', mimeType: 'application/pdf', buffer: samplePdf('interview') });
  await attachToPackageItem(scope, 'employment_evidence', { name: '工资表.pdf', mimeType: 'application/pdf', buffer: samplePdf('payroll') });
  await attachToPackageItem(scope, 'order_and_service', { name: '张贴照片.jpg', mimeType: 'image/jpeg', buffer: sampleJpeg('posting') });
}
