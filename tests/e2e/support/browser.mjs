// Debian's chromium driven by playwright-core (no browser download), one fresh context per test.
import { createRequire } from 'node:module';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import assert from 'node:assert/strict';
import { repoRoot } from './server.mjs';

// playwright-core is a dev dependency of web/ (installed by `npm ci` there).
const require = createRequire(join(repoRoot, 'web', 'package.json'));
const { chromium } = require('playwright-core');

export const baseUrl = process.env.WAGELINK_E2E_BASE_URL;
export const artifacts = process.env.WAGELINK_E2E_ARTIFACTS || join(repoRoot, 'tests', 'e2e', 'artifacts');
export const DEMO_PASSWORD = 'WageLink#2026';

if (!baseUrl) throw new Error('WAGELINK_E2E_BASE_URL is not set: run the suite with `node tests/e2e/run.mjs`');
mkdirSync(artifacts, { recursive: true });

/** Launches chromium (Playwright gives every launch a fresh temporary profile directory). */
export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * A new isolated context (own cookies and storage) and page. The browser runs in UTC on purpose:
 * the UI must show Beijing time whatever the machine's zone. Console errors are collected;
 * `assertNoConsoleErrors()` checks them mid-test and `close()` checks them at the end.
 */
export async function newPage(browser, { width = 1440, height = 900, locale = 'zh-CN' } = {}) {
  const context = await browser.newContext({ baseURL: baseUrl, viewport: { width, height }, locale, timezoneId: 'UTC' });
  const page = await context.newPage();
  page.setDefaultTimeout(15000);
  const errors = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    // The browser itself logs every 4xx answer (the 401 of the session probe, a wrong password);
    // those are expected protocol outcomes, not application errors.
    if (/Failed to load resource: the server responded with a status of 4\d\d/.test(message.text())) return;
    errors.push(`console: ${message.text()}`);
  });
  return {
    context,
    page,
    assertNoConsoleErrors: () => assert.deepEqual(errors, [], 'browser console errors'),
    // Closing checks too, so a test that forgets to ask still fails on a console error.
    close: async () => {
      await context.close();
      assert.deepEqual(errors, [], 'browser console errors');
    },
  };
}

export async function login(page, username, password = DEMO_PASSWORD) {
  await page.goto('/login');
  await page.locator('[data-test="login-username"]').fill(username);
  await page.locator('[data-test="login-password"]').fill(password);
  await page.locator('[data-test="login-submit"]').click();
}

/**
 * Signs in and waits for the landing page: the workbench, or the dashboard (驾驶舱) for the leader. The server allows 20 sign-in attempts per minute from one
 * address and the earlier specs sign in many times from this machine, so a "too many attempts"
 * answer is waited out (the server's own Retry-After of a minute) instead of failing the test.
 */
export async function loginAndWait(page, username, password = DEMO_PASSWORD) {
  for (let attempt = 0; attempt < 8; attempt += 1) {
    await login(page, username, password);
    const outcome = await Promise.race([
      page.waitForURL(/\/(workbench|dashboard)$/, { timeout: 20000 }).then(
        () => 'in',
        () => 'timeout',
      ),
      page
        .locator('[data-test="login-error"]', { hasText: '过于频繁' })
        .waitFor({ timeout: 20000 })
        .then(
          () => 'throttled',
          () => 'timeout',
        ),
    ]);
    if (outcome === 'in') {
      await page.locator('[data-test="workbench"], [data-test="dashboard-page"]').first().waitFor();
      return;
    }
    if (outcome === 'timeout') break;
    await page.waitForTimeout(10_000); // the server's per-minute sign-in budget refills
  }
  throw new Error(`could not sign in as ${username}`);
}

/** The session's user as the server reports it (to compare the UI with the source of truth). */
export async function currentUser(page) {
  return page.evaluate(async () => {
    const response = await fetch('/api/v1/auth/me', { credentials: 'same-origin' });
    return response.ok ? (await response.json()).user : null;
  });
}

export async function screenshot(page, name) {
  // Let fonts load and running CSS transitions/animations finish (their own end events, not a fixed delay).
  await page.evaluate(async () => {
    await document.fonts.ready;
    await Promise.all(document.getAnimations().map((animation) => animation.finished.catch(() => undefined)));
    await new Promise((done) => requestAnimationFrame(() => done()));
  });
  await page.screenshot({ path: join(artifacts, `${name}.png`), fullPage: false });
}

/** A screenshot without the success toasts of the steps just taken (they cover the page title). */
export async function cleanScreenshot(page, name) {
  await page.evaluate(() => document.querySelectorAll('.el-message').forEach((toast) => toast.remove()));
  await screenshot(page, name);
}

/** Signs out through the user menu, as a person does before handing over to another role. */
export async function signOut(page) {
  await page.locator('[data-test="user-menu"]').click();
  await page.locator('[data-test="logout"]').click();
  await page.locator('.el-message-box__btns .el-button--primary').click();
  await page.waitForURL('**/login?reason=user');
}

export async function sideMenuTexts(page) {
  const menu = page.locator('[data-test="side-menu"]');
  await menu.waitFor();
  return menu.locator('.el-menu-item, .el-sub-menu__title').allInnerTexts();
}

/** Picks an option of an Element Plus select by its visible text. */
export async function chooseOption(page, trigger, text) {
  await trigger.click();
  await page.locator('.el-select-dropdown__item:visible', { hasText: text }).first().click();
}

export async function setPicker(scope, value) {
  const input = scope.locator('input').first();
  await input.click();
  await input.fill(value);
  await input.press('Enter');
}
