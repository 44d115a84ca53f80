// The case page as the browser specs drive it.

/** Opens a step from the case's action bar, lets `fill` complete the dialog, submits, waits for it to close. */
export async function takeStep(page, event, fill = async () => {}) {
  await page.locator(`[data-test="step-${event}"]`).click();
  const dialog = page.locator(`[data-test="step-dialog"][data-step="${event}"]`);
  await dialog.waitFor();
  await fill(dialog);
  await dialog.locator('[data-test="step-submit"]').click();
  await dialog.waitFor({ state: 'hidden' });
}
