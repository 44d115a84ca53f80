// No machine text in front of people (issue 14). Every demo role signs in, opens every page of its
// own menu (and every tab on it), the detail pages reached from the first rows of its lists — a
// case, a risk with its written report, a construction project, a meeting, a bulletin, a 检察建议 — and the
// public page; the visible text of each is checked for what only a machine should read: snake_case
// codes, ISO timestamps, "LEGAL.md", untranslated i18n keys, LEGAL.md status tags, raw "#12" ids,
// rule ids, clock ids on their own, login names, English words, and deadlines written as
// "2026-03-23 24:00".
// The landing page of every role is kept as /tmp/landing-<user>.png for a person to look at.
// The public page is also opened on a 390-px phone: it must not scroll sideways.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, loginAndWait, newPage } from '../support/browser.mjs';
import { DEMO_USERS as USERS, machineTokens, visibleText } from '../support/plain_text.mjs';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

/** Watches the page's API requests so `settle` can wait until the data is in. */
function trackRequests(page) {
  const inflight = new Set();
  const done = (request) => inflight.delete(request);
  page.on('request', (request) => {
    const url = request.url();
    // The inbox's live stream stays open for as long as the page does.
    if (request.resourceType() === 'eventsource' || /\/stream|\/live|\/events/.test(url)) return;
    if (new URL(url).pathname.startsWith('/api/')) inflight.add(request);
  });
  page.on('requestfinished', done);
  page.on('requestfailed', done);
  return inflight;
}

/** Waits until no API request is running for a moment and no loading mask is left. */
async function settle(page, inflight) {
  const deadline = Date.now() + 15000;
  let quietSince = 0;
  while (Date.now() < deadline) {
    if (inflight.size === 0) {
      quietSince ||= Date.now();
      if (Date.now() - quietSince >= 400) break;
    } else {
      quietSince = 0;
    }
    await page.waitForTimeout(100);
  }
  await page
    .waitForFunction(
      () =>
        [...document.querySelectorAll('.el-loading-mask, .el-skeleton')].every(
          (element) => !(element instanceof HTMLElement) || element.offsetParent === null,
        ),
      null,
      { timeout: 10000 },
    )
    .catch(() => undefined);
  // Page transitions (out-in) and charts finish.
  await page.waitForTimeout(250);
}

/** Scans the page as it stands and every tab on it; findings are added to `findings`. */
async function scan(page, inflight, label, findings) {
  const record = async (where) => {
    for (const token of machineTokens(await visibleText(page))) findings.push(`${where} → ${token}`);
  };
  await record(label);
  const tabs = page.locator('.el-tabs__item:visible');
  const count = await tabs.count();
  for (let index = 1; index < count; index += 1) {
    const tab = tabs.nth(index);
    const name = (await tab.innerText()).trim();
    await tab.click();
    await settle(page, inflight);
    await record(`${label} [${name}]`);
  }
}

async function openAndScan(page, inflight, path, findings) {
  await page.goto(path);
  await settle(page, inflight);
  await scan(page, inflight, path, findings);
}

/** A JSON list from the API in the page's session ([] when the role may not read it). */
async function apiItems(page, path) {
  return page.evaluate(async (url) => {
    const response = await fetch(url, { credentials: 'same-origin' });
    if (!response.ok) return [];
    const body = await response.json();
    return body.items ?? [];
  }, `/api/v1${path}`);
}

/**
 * The demo district may hold no 检察建议 yet: the prosecutor issues one on the first open project
 * warning, so its page is read by every role after. The calls go through the context's own request
 * client (the session's cookies, none of the page's request events, so the crawl's wait for quiet
 * never sees them).
 */
async function ensureRecommendation(page) {
  const api = page.context().request;
  const list = await api.get('/api/v1/recommendations?page=1&page_size=1');
  if (!list.ok()) return;
  const { items, can_issue: canIssue } = await list.json();
  if (items.length > 0 || !canIssue) return;
  const warnings = await api.get('/api/v1/project-warnings?page=1&page_size=1');
  if (!warnings.ok()) return;
  const warning = (await warnings.json()).items?.[0];
  if (!warning) return;
  const { csrf_token: token } = await (await api.get('/api/v1/auth/me')).json();
  const issued = await api.post('/api/v1/recommendations', {
    headers: { 'X-CSRF-Token': token },
    data: {
      basis_kind: 'project_warning',
      basis_id: warning.id,
      addressee_body: 'hrss',
      problem: `${warning.project_name}：${warning.rule_zh}。`,
      measures: '建议依法督促整改。',
    },
  });
  assert.ok(issued.ok(), `the prosecutor could not issue a 检察建议 to crawl: ${issued.status()}`);
}

function report(user, findings) {
  const unique = [...new Set(findings)];
  assert.deepEqual(unique, [], `${user} sees machine text:\n  ${unique.join('\n  ')}`);
}

for (const user of USERS) {
  test(`${user} sees no machine text on any page of the menu or the details behind it`, async () => {
    const { page, close } = await newPage(browser);
    const inflight = trackRequests(page);
    const findings = [];
    await loginAndWait(page, user);
    if (user === 'prosecutor') await ensureRecommendation(page);
    await settle(page, inflight);
    await page.screenshot({ path: `/tmp/landing-${user}.png` });
    await scan(page, inflight, new URL(page.url()).pathname, findings);

    // Every page of the menu the role actually sees, in its order.
    const items = page.locator('[data-test="side-menu"] .el-menu-item');
    const count = await items.count();
    const visited = new Set();
    for (let index = 0; index < count; index += 1) {
      await items.nth(index).click();
      await settle(page, inflight);
      const path = new URL(page.url()).pathname;
      if (visited.has(path)) continue;
      visited.add(path);
      await scan(page, inflight, path, findings);
    }

    // The details behind the first rows of the lists the role reads.
    const cases = await apiItems(page, '/cases?page=1&page_size=1');
    if (cases[0]) await openAndScan(page, inflight, `/cases/${cases[0].id}`, findings);
    const risks = await apiItems(page, '/risks?page=1&page_size=50');
    if (risks[0]) await openAndScan(page, inflight, `/risks/${risks[0].id}`, findings);
    const projects = await apiItems(page, '/projects?page=1&page_size=1');
    if (projects[0]) await openAndScan(page, inflight, `/projects/${projects[0].id}`, findings);
    const meetings = await apiItems(page, '/meetings?page=1&page_size=1');
    if (meetings[0]) await openAndScan(page, inflight, `/meetings/${meetings[0].id}`, findings);
    const recommendations = await apiItems(page, '/recommendations?page=1&page_size=1');
    if (recommendations[0]) await openAndScan(page, inflight, `/recommendations/${recommendations[0].id}`, findings);
    const bulletins = await apiItems(page, '/bulletins?page=1&page_size=1');
    if (bulletins[0] && visited.has('/bulletins')) {
      await page.goto('/bulletins');
      await settle(page, inflight);
      const open = page.locator('[data-test="bulletin-table"] .el-table__row').first();
      if (await open.count()) {
        await open.click();
        await settle(page, inflight);
        await scan(page, inflight, '/bulletins (the first bulletin)', findings);
      }
    }
    report(user, findings);
    await close();
  });
}

test('every demo case, risk (with its written report), project and meeting reads as plain Chinese', async () => {
  const { page, close } = await newPage(browser);
  const inflight = trackRequests(page);
  const findings = [];
  // The wage-arrears office's coordinator reads every case, risk and meeting of the district.
  await loginAndWait(page, 'coordinator');
  for (const item of await apiItems(page, '/cases?page=1&page_size=100')) {
    await openAndScan(page, inflight, `/cases/${item.id}`, findings);
  }
  for (const item of await apiItems(page, '/risks?page=1&page_size=100')) {
    await openAndScan(page, inflight, `/risks/${item.id}`, findings);
    const open = page.locator('[data-test="risk-report-view"]');
    if (await open.count()) {
      await open.click();
      const paper = page.locator('[data-test="risk-written-report"]');
      await paper.locator('.paper__title').waitFor();
      await settle(page, inflight);
      for (const token of machineTokens(await paper.innerText())) findings.push(`/risks/${item.id} written report → ${token}`);
    }
  }
  for (const item of await apiItems(page, '/projects?page=1&page_size=100')) {
    await openAndScan(page, inflight, `/projects/${item.id}`, findings);
  }
  for (const item of await apiItems(page, '/meetings?page=1&page_size=100')) {
    await openAndScan(page, inflight, `/meetings/${item.id}`, findings);
  }
  for (const item of await apiItems(page, '/recommendations?page=1&page_size=100')) {
    await openAndScan(page, inflight, `/recommendations/${item.id}`, findings);
  }
  report('coordinator', findings);
  await close();
});

test('the public page reads as plain Chinese and fits a 390-px phone', async () => {
  const desktop = await newPage(browser);
  let inflight = trackRequests(desktop.page);
  const findings = [];
  await openAndScan(desktop.page, inflight, '/public', findings);
  await desktop.close();

  const phone = await newPage(browser, { width: 390, height: 844 });
  inflight = trackRequests(phone.page);
  await phone.page.goto('/public');
  await phone.page.locator('[data-test="public-page"]').waitFor();
  await settle(phone.page, inflight);
  await phone.page.screenshot({ path: '/tmp/public-390.png', fullPage: true });
  const width = await phone.page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 390, `the public page scrolls sideways on a 390-px phone (${width} px wide)`);
  await phone.close();
  report('a visitor', findings);
});
