// The public exposure page (强化曝光警示), opened by a visitor who never logs in: publications of major
// violations with the six fields of 人社部令第29号, the blacklist with search by name or credit code,
// legal-publicity articles as text, the legal basis — and nothing internal reachable from it.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { baseUrl, currentUser, launchBrowser, loginAndWait, newPage, screenshot, sideMenuTexts } from '../support/browser.mjs';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

test('a visitor without login sees the public page in Chinese with the demo listing, publication and article', async () => {
  const { page, close, assertNoConsoleErrors } = await newPage(browser);
  const apiCalls = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname.startsWith('/api/')) apiCalls.push(url.pathname);
  });
  await page.goto('/public');
  await page.locator('[data-test="public-page"]').waitFor();
  assert.equal(new URL(page.url()).pathname, '/public', 'no redirect to the login page');
  assert.equal(await currentUser(page), null, 'nobody is signed in');
  assert.match(await page.locator('h1').innerText(), /曝光警示/);

  const listings = page.locator('[data-test="public-listings"]');
  await listings.locator('.el-table__row').first().waitFor();
  assert.match(await listings.innerText(), /某精密机械制造有限公司/);
  assert.match(await listings.innerText(), /法定代表人：孙某/);

  const publications = page.locator('[data-test="public-publications"]');
  const publicationText = await publications.innerText();
  for (const label of ['统一社会信用代码', '地址', '法定代表人或负责人', '主要违法事实', '相关处理情况']) {
    assert.match(publicationText, new RegExp(label));
  }
  assert.doesNotMatch(publicationText, /1[3-9]\d{9}/, 'no phone number is published');

  const article = page.locator('[data-test="public-article"]').first();
  assert.match(await article.innerText(), /典型案例/);
  assert.equal(await article.locator('script, img, iframe').count(), 0);
  assert.match(await page.locator('[data-test="public-legal-basis"]').innerText(), /人力资源社会保障部令第29号/);
  await screenshot(page, '04-public-page');

  assert.deepEqual(
    [...new Set(apiCalls)].filter((path) => path !== '/api/v1/auth/me').sort(),
    ['/api/v1/public/exposure'],
    'the public page reads only the public feed',
  );
  assertNoConsoleErrors();
  await close();
});

test('searching by credit code or a name that is not listed filters the public lists', async () => {
  const { page, close, assertNoConsoleErrors } = await newPage(browser);
  await page.goto('/public');
  const rows = page.locator('[data-test="public-listings"] .el-table__row');
  await rows.first().waitFor();
  await page.locator('input[data-test="public-search"], [data-test="public-search"] input').fill('91110000MA00678909');
  await Promise.all([
    page.waitForResponse((r) => r.url().includes('/api/v1/public/exposure?q=91110000MA00678909')),
    page.locator('[data-test="public-search-submit"]').click(),
  ]);
  await rows.first().waitFor();
  assert.equal(await rows.count(), 1);
  await page.locator('input[data-test="public-search"], [data-test="public-search"] input').fill('不存在的单位');
  await page.locator('[data-test="public-search-submit"]').click();
  await page.locator('[data-test="public-listings"] .el-empty').waitFor();
  assert.equal(await rows.count(), 0);
  assertNoConsoleErrors();
  await close();
});

test('internal pages and APIs stay closed to the anonymous visitor of the public page', async () => {
  const { page, close } = await newPage(browser);
  await page.goto('/public');
  await page.locator('[data-test="public-page"]').waitFor();
  const statuses = await page.evaluate(async () => {
    const paths = ['/api/v1/blacklist', '/api/v1/publications', '/api/v1/cases', '/api/v1/risks', '/api/v1/employers/1/exposure'];
    return Promise.all(paths.map(async (path) => (await fetch(path, { credentials: 'same-origin' })).status));
  });
  assert.deepEqual(statuses, [401, 401, 401, 401, 401]);
  await page.goto('/workbench');
  await page.waitForURL((url) => url.pathname === '/login');
  assert.ok(baseUrl);
  await close();
});

test('the labour-inspection head reaches the exposure desk; the police do not', async () => {
  const { page, close, assertNoConsoleErrors } = await newPage(browser);
  await loginAndWait(page, 'head');
  assert.match((await sideMenuTexts(page)).join('|'), /曝光警示/);
  await page.goto('/exposure');
  const listings = page.locator('[data-test="exposure-listings"]');
  await listings.locator('.el-table__row').first().waitFor();
  assert.doesNotMatch(await listings.innerText(), /exposurePage\./, 'no untranslated label');
  const demoRow = listings.locator('.el-table__row', { hasText: '某精密机械制造有限公司' });
  assert.match(await demoRow.innerText(), /已列入/);
  assert.match(await demoRow.innerText(), /2026年3月19日/, 'the defence period’s last day, in Chinese');
  assert.match(await demoRow.innerText(), /未确认，须由运营方确认/, 'the period’s status tag');
  assert.match(await demoRow.innerText(), /2026年3月23日/, 'listed from the decision date');
  assert.match(await demoRow.innerText(), /提前移出/, 'the decision maker is offered early removal');
  await demoRow.locator('.el-table__expand-icon').click();
  const detail = listings.locator('[data-test="exposure-listing-detail"]').first();
  await detail.waitFor();
  assert.match(await detail.innerText(), /人社部令第45号第五条第（一）项/, 'the criterion relied on, with its citation');
  assert.match(await detail.innerText(), /陈述申辩期已于/, 'the decision’s reasons');
  await screenshot(page, '04-exposure-desk');
  assertNoConsoleErrors();
  await close();

  const police = await newPage(browser);
  await loginAndWait(police.page, 'police');
  assert.doesNotMatch((await sideMenuTexts(police.page)).join('|'), /曝光警示/);
  await police.close();
});

// Element Plus passes data-test through to the inner <input>/<textarea> or keeps it on the wrapper.
function fieldOf(page, name) {
  const t = `[data-test="${name}"]`;
  return page.locator(`input${t}, textarea${t}, ${t} input, ${t} textarea`).first();
}

// The demo's S1 case by its number: other specs on the same server create more cases of the same
// employer (03-case-s1), which must not be picked instead.
async function pickCase(page, text) {
  await page.locator('[data-test="exposure-form-case"]').click();
  await page.locator('.el-select-dropdown__item:visible').filter({ hasText: 'WL-2025-00001' }).filter({ hasText: text }).click();
}

test('S6 in the browser: the handler proposes S1 and serves the notice; no decision and nothing public while the period runs; the coordinator’s draft with a phone number is refused on save', async () => {
  const handler = await newPage(browser);
  await loginAndWait(handler.page, 'handler');
  await handler.page.goto('/exposure');
  await handler.page.locator('[data-test="exposure-propose"]').click();
  await pickCase(handler.page, '劳务分包队');
  await fieldOf(handler.page, 'exposure-form-grounds').fill('经责令限期支付，逾期仍未支付农民工工资，数额达到刑事立案标准。');
  await fieldOf(handler.page, 'exposure-form-person-0').fill('王某');
  // The §5 criterion relied on, shown with its citation.
  await handler.page.locator('[data-test="exposure-form-criterion"]').click();
  const amount = handler.page.locator('.el-select-dropdown__item:visible', { hasText: '第五条第（一）项' });
  assert.match(await amount.innerText(), /人社部令第45号第五条第（一）项/);
  await amount.click();
  await handler.page.locator('[data-test="exposure-form-submit"]').click();
  const listings = handler.page.locator('[data-test="exposure-listings"]');
  await listings.locator('.el-table__row', { hasText: '劳务分包队' }).waitFor();
  assert.match(await listings.innerText(), /拟列入/);
  assert.match(await listings.innerText(), /送达告知书/, 'the handler may serve the notice');
  const row = listings.locator('.el-table__row', { hasText: '劳务分包队' });
  assert.doesNotMatch(await row.innerText(), /决定列入/);

  // Service of the prior notice opens the 陈述申辩 period, counted in working days from today.
  await row.locator('[data-test="exposure-step-serve_notice"]').click();
  const stepDialog = handler.page.locator('[data-test="exposure-step-dialog"]');
  await stepDialog.locator('.el-alert').waitFor();
  assert.match(await stepDialog.innerText(), /个工作日，自告知书送达之日起算/);
  assert.match(await stepDialog.innerText(), /未确认，须由运营方确认/);
  await handler.page.locator('[data-test="exposure-step-submit"]').click();
  await row.locator('[data-test="exposure-stage"]', { hasText: '告知中' }).waitFor();
  assert.match(await row.locator('[data-test="exposure-defence-due"]').innerText(), /\d{4}年\d{1,2}月\d{1,2}日/);
  // The party's statement is recorded with its text.
  await row.locator('[data-test="exposure-step-record_defence"]').click();
  assert.equal(await handler.page.locator('[data-test="exposure-step-submit"]').isDisabled(), true, 'the statement is required');
  await fieldOf(handler.page, 'exposure-step-note').fill('当事人书面陈述：资金周转困难，请求暂缓列入。');
  await handler.page.locator('[data-test="exposure-step-submit"]').click();
  await handler.page.locator('.el-message--success').first().waitFor();
  handler.assertNoConsoleErrors();
  await handler.close();

  const head = await newPage(browser);
  await loginAndWait(head.page, 'head');
  await head.page.goto('/exposure');
  const headRow = head.page.locator('[data-test="exposure-listings"] .el-table__row', { hasText: '劳务分包队' });
  await headRow.waitFor();
  assert.match(await headRow.innerText(), /陈述申辩期届满后方可决定/);
  assert.doesNotMatch(await headRow.innerText(), /决定列入|不予列入/, 'no decision while the period runs');
  await screenshot(head.page, '04-exposure-period-running');
  head.assertNoConsoleErrors();
  await head.close();

  const visitor = await newPage(browser);
  await visitor.page.goto('/public');
  await visitor.page.locator('[data-test="public-listings"] .el-table__row').first().waitFor();
  assert.doesNotMatch(await visitor.page.locator('[data-test="public-listings"]').innerText(), /劳务分包队/, 'a proposal is not public');
  await visitor.close();

  const coordinator = await newPage(browser);
  await loginAndWait(coordinator.page, 'coordinator');
  await coordinator.page.goto('/exposure');
  await coordinator.page.locator('[data-test="exposure-draft"]').click();
  await pickCase(coordinator.page, '劳务分包队');
  await fieldOf(coordinator.page, 'exposure-form-facts').fill('拖欠工资，工人电话１３６ ２０００ １０００。');
  await fieldOf(coordinator.page, 'exposure-form-handling').fill('已移送公安机关。');
  await coordinator.page.getByPlaceholder('不填则取案件中的用人单位信息').fill('无（自然人包工头）');
  await coordinator.page.locator('[data-test="exposure-form-submit"]').click();
  // Free text may not carry a phone number at all: the draft is refused on save, with a masked excerpt.
  const refusal = coordinator.page.locator('.el-message--error, .el-form-item__error, .el-alert--error').first();
  await refusal.waitFor();
  const refusalText = await refusal.innerText();
  assert.match(refusalText, /手机号码/);
  assert.doesNotMatch(refusalText, /13620001000/, 'the officer sees a masked excerpt only');
  assert.doesNotMatch(refusalText, /main_facts/, 'no field codes in front of people');
  await screenshot(coordinator.page, '04-privacy-blocked');
  await coordinator.close();
});
