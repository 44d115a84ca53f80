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

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

const USERS = [
  'handler',
  'handler2',
  'head',
  'liaison',
  'coordinator',
  'police',
  'prosecutor',
  'judge',
  'legalaid',
  'leader',
  'sysadmin',
  'secadmin',
  'auditor',
];

/**
 * Text that is legitimately shown although it looks like machine text. Each entry is removed from
 * the page text before the checks run; keep it short and say why.
 */
const ALLOWED = [
  // The published demo password, quoted by the banner that warns about it on every page (README).
  'WageLink#2026',
  // The product's name in the footer and on the sign-in page.
  'WageLink',
];

/**
 * Where a login name is the thing shown: account management lists accounts by login name, the
 * sessions page shows whose session it is, and the login log records the name that was typed
 * (which may belong to nobody). There, the cells of the 用户名/账号 columns may hold login names,
 * and so may an element marked data-login-name (the user's own account card on the workbench:
 * the name they sign in with). Likewise an element marked data-rule-id: the key of a time-limit
 * rule (L08) in the system administrator's catalogue of the district's rule files (系统设置), shown
 * beside the rule's name for the one person who maintains those files.
 */
const LOGIN_NAME_COLUMNS = /^(用户名|账号|登录名|登录账号)$/;

const DEMO_LOGIN_NAMES = USERS.join('|');

/** Each rule: a name for the report and a pattern; the matched token is reported. */
const RULES = [
  { name: 'snake_case code', pattern: /\b[a-z]+(?:_[a-z0-9]+)+\b/g },
  { name: 'ISO timestamp', pattern: /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/g },
  { name: 'LEGAL.md', pattern: /LEGAL\.md/gi },
  // a.b or a.bC.d: an i18n key (menu.caseList) or an audit action (auth.login). URLs, e-mail
  // addresses, domain names and file names are removed before this rule runs.
  { name: 'dotted key', pattern: /\b[a-z][a-zA-Z0-9]*(?:\.[a-z][a-zA-Z0-9_]*)+\b/g },
  { name: 'status tag', pattern: /\b(?:CONFIRMED|SECONDARY|UNCONFIRMED|LOCAL|DERIVED|PLATFORM_SETTING)\b/g },
  { name: 'raw id', pattern: /#\s?\d+/g },
  { name: 'rule id', pattern: /\bRL-[A-Z][A-Z-]*/g },
  { name: 'clock id', pattern: /\bL\d{1,2}\b/g },
  { name: 'login name', pattern: new RegExp(`\\b(?:${DEMO_LOGIN_NAMES})\\b`, 'g') },
  // Any other lower-case English word in the Chinese UI ("ok", "(red)", "walk_in"'s parts).
  { name: 'English word', pattern: /(?<![A-Za-z0-9])[a-z]{2,}(?![A-Za-z0-9])/g },
  { name: 'machine deadline', pattern: /\d{4}-\d{2}-\d{2} 24:00/g },
];

/** URLs, e-mail addresses, domain names and file names are shown as they are. */
const SHOWN_AS_IS = [
  /\b(?:https?|ftp):\/\/[^\s，。）)]+/g,
  /\bwww\.[^\s，。）)]+/g,
  /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g,
  /[\w\u4e00-\u9fa5（）()-]*\.(?:pdf|docx?|xlsx?|zip|csv|json|png|jpe?g|txt|ofd)\b/gi,
  /\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:cn|com|org|net)\b/g,
];

function machineTokens(text) {
  let rest = text;
  for (const allowed of ALLOWED) rest = rest.split(allowed).join(' ');
  for (const pattern of SHOWN_AS_IS) rest = rest.replace(pattern, ' ');
  const found = [];
  for (const { name, pattern } of RULES) {
    for (const match of rest.matchAll(pattern)) {
      const start = Math.max(0, match.index - 20);
      const context = rest.slice(start, match.index + match[0].length + 20).replace(/\s+/g, ' ');
      found.push(`${name}: "${match[0]}" in "…${context}…"`);
    }
  }
  return found;
}

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

/**
 * The text a person sees: the body, minus exactly the login names allowed above (those elements are
 * hidden while the text is read, so the same word elsewhere on the page is still checked).
 */
async function visibleText(page) {
  return page.evaluate((columnSource) => {
    const column = new RegExp(columnSource);
    const hidden = [...document.querySelectorAll('[data-login-name], [data-rule-id]')];
    for (const table of document.querySelectorAll('.el-table')) {
      const headers = [...table.querySelectorAll('.el-table__header-wrapper th')].map((th) => th.innerText.trim());
      for (const row of table.querySelectorAll('.el-table__body-wrapper tr')) {
        [...row.children].forEach((cell, index) => {
          if (column.test(headers[index] ?? '')) hidden.push(cell);
        });
      }
    }
    const before = hidden.map((element) => element.style.display);
    for (const element of hidden) element.style.display = 'none';
    const text = document.body.innerText;
    hidden.forEach((element, index) => (element.style.display = before[index]));
    return text;
  }, LOGIN_NAME_COLUMNS.source);
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
