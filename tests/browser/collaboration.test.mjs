// Browser tests of the collaboration pages (account.html, contribute.html, review.html,
// requests.html) against agora-searchd: a contributor submits a resource (with a field
// error first), a reviewer approves it and the search finds it; a learner asks for what
// the search does not find and sees the answer a contributor gives; duplicates, changes
// requested and an edit; languages, right to left and phone width. axe-core runs on
// every page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { agoraSearchd } from '../http/server_harness.mjs';
import {
  assertAccessible, newContext, screenshot, startAgoraAndBrowser, stopAgoraAndBrowser, strings,
} from './browser_harness.mjs';

const en = strings('en');
const fr = strings('fr');
const de = strings('de');
const PASSWORD = 'seven tired owls sing';

let agora, browser, base;

/** `agora-searchd admin create-account`, the password on standard input. */
function createAccount(username, role) {
  const run = spawnSync(agoraSearchd, ['admin', '--db', agora.db, 'create-account', '--username', username,
    '--role', role, '--password-stdin'], { input: `${PASSWORD}\n`, encoding: 'utf8' });
  assert.equal(run.status, 0, `create-account ${username}: ${run.stderr}${run.stdout}`);
}

before(async () => {
  ({ agora, browser, base } = await startAgoraAndBrowser());
  createAccount('carla', 'contributor');
  createAccount('rui', 'reviewer');
});
after(() => stopAgoraAndBrowser({ agora, browser }));

// What the first scenario publishes and the second one answers a request with.
const BREWERY = {
  title: 'Brewing together: running a member-owned brewery',
  url: 'https://brewing.example.org/member-owned-brewery',
  description: 'How members share the work, the zymurgy and the profits of a cooperative brewery.',
};
let published = null;       // { id, title, url } once approved

// ------------------------------------------------------------------ helpers

const pathOf = (response) => new URL(response.url()).pathname;

/** Runs `action` and resolves to the answer to the first `method` request on `path`. */
async function answered(page, method, path, action) {
  const matches = (r) => r.request().method() === method &&
    (typeof path === 'string' ? pathOf(r) === path : path.test(pathOf(r)));
  const [response] = await Promise.all([page.waitForResponse(matches), action()]);
  // The page shows the answer once it has read the body, after the response
  // arrives: a form stays aria-busy until then.
  await page.waitForFunction(() => !document.querySelector('form[aria-busy]'));
  return response;
}

async function searched(page, action) {
  const response = await answered(page, 'GET', '/api/search', action);
  await page.waitForFunction(() => !document.querySelector('#agora-results')?.hasAttribute('aria-busy'));
  return response;
}

/** Fills the sign-in form of account.html (already open) and waits to be signed in. */
async function submitSignIn(page, username) {
  await page.locator('#account-signed-out').waitFor();
  await page.fill('#sign-in-username', username);
  await page.fill('#sign-in-password', PASSWORD);
  const response = await answered(page, 'POST', '/api/session', () => page.click('#sign-in-form button[type="submit"]'));
  assert.equal(response.status(), 200, `sign-in of ${username}`);
}

async function signIn(page, username) {
  await page.goto(`${base}/account.html`);
  await submitSignIn(page, username);
  await page.locator('#account-signed-in').waitFor();
  assert.match(await page.locator('#account-me').textContent(), new RegExp(username));
}

async function signOut(page) {
  await page.goto(`${base}/account.html`);
  await page.locator('#account-signed-in').waitFor();
  const response = await answered(page, 'DELETE', '/api/session', () => page.click('#account-sign-out'));
  assert.ok(response.ok(), `sign-out answered ${response.status()}`);
  await page.locator('#account-signed-out').waitFor();
  assert.equal(await page.locator('#account-status').textContent(), en['account.signed_out']);
  assert.equal(await page.locator('#collab-who a[href="account.html"]').textContent(), en['collab.who.sign_in']);
}

/** Fills the contribution form; `record` holds the fields to set. */
async function fillResource(page, record) {
  for (const [name, value] of Object.entries(record)) {
    const control = page.locator(`#contribute-form [name="${name}"]`).first();
    if (name === 'about') {
      for (const subject of value) await page.check(`#contribute-form input[name="about"][value="${subject}"]`);
    } else if (await control.evaluate((node) => node.tagName === 'SELECT')) {
      await control.selectOption(value);
    } else {
      await control.fill(value);
    }
  }
}

async function openContribute(page) {
  await page.goto(`${base}/contribute.html`);
  await page.locator('#contribute-section').waitFor();
  await page.waitForFunction(() => document.querySelector('#submissions')?.children.length > 0 ||
    !document.querySelector('#submissions-empty')?.hidden);
}

async function widths(page) {
  return page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
}

// ------------------------------------------------------------------ 1. submit, review, publish

test('a contributor submits a resource, a reviewer approves it, and the search finds it', async () => {
  const context = await newContext(browser);
  try {
    const page = await context.newPage();

    // Signed out, the contribution page says why there is no form and links to sign in,
    // and signing in comes back here.
    await page.goto(`${base}/contribute.html`);
    const gate = page.locator('#contribute-gate');
    await gate.waitFor();
    assert.ok(await page.locator('#contribute-section').isHidden());
    assert.match(await gate.textContent(), new RegExp(en['contribute.gate.signed_out']));
    await assertAccessible(page, 'contribute.html signed out');
    await gate.locator('a').click();
    await page.waitForURL(/\/account\.html\?next=contribute\.html$/);
    await page.locator('#account-signed-out').waitFor();
    await assertAccessible(page, 'account.html signed out');
    await screenshot(page, 'collab-account-signed-out');
    await submitSignIn(page, 'carla');
    await page.waitForURL(/\/contribute\.html$/);
    await page.locator('#contribute-section').waitFor();
    assert.match(await page.locator('#collab-who').textContent(), /carla/);
    assert.equal(await page.locator('#contribute-language').inputValue(), 'en', 'the language defaults to the interface language');
    await page.waitForFunction(() => !document.querySelector('#submissions-empty')?.hidden);
    assert.equal(await page.locator('#contribute-type option[value="guide"]').textContent(), en['type.guide']);
    assert.equal(await page.locator('label[for="about-cooperatives"]').textContent(), en['subject.cooperatives']);
    await assertAccessible(page, 'contribute.html, empty form');

    // An address that is not http(s): the server's 422 is shown next to the URL field.
    await fillResource(page, {
      ...BREWERY, url: 'brewing.example.org', inLanguage: 'en', learningResourceType: 'guide',
      educationalLevel: 'beginner', license: 'CC-BY-4.0', keywords: 'brewery, fermentation', about: ['cooperatives'],
    });
    let response = await answered(page, 'POST', '/api/resources', () => page.click('#contribute-submit'));
    assert.equal(response.status(), 422);
    const problem = await response.json();
    assert.ok(problem.errors.some((e) => e.field === 'url'), `422 names the url field: ${JSON.stringify(problem.errors)}`);
    const url = page.locator('#contribute-url');
    assert.equal(await url.getAttribute('aria-invalid'), 'true');
    const urlError = page.locator('#contribute-form-url-error');
    assert.ok(await urlError.isVisible(), 'the error is shown');
    assert.ok((await url.getAttribute('aria-describedby')).split(' ').includes('contribute-form-url-error'),
      'the field is described by its error');
    assert.equal(await urlError.evaluate((node) => node.closest('.collab-field')?.querySelector('input')?.id), 'contribute-url',
      'the error sits next to the URL field');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'contribute-url', 'focus moves to the field in error');
    assert.equal(await page.locator('#contribute-title').getAttribute('aria-invalid'), null, 'valid fields are not marked');
    // Both boxes at once: the page may still be scrolling the field into view.
    const gap = await page.evaluate(() => document.querySelector('#contribute-form-url-error').getBoundingClientRect().top -
      document.querySelector('#contribute-url').getBoundingClientRect().bottom);
    assert.ok(gap >= -1 && gap < 40, `the message is right under the field (${gap} px)`);
    await screenshot(page, 'collab-contribute-422');
    await assertAccessible(page, 'contribute.html with a field error');

    // Corrected, it is accepted and listed among "my submissions", waiting for review.
    await url.fill(BREWERY.url);
    response = await answered(page, 'POST', '/api/resources', () => page.click('#contribute-submit'));
    assert.equal(response.status(), 201, await response.text());
    const submission = await response.json();
    assert.equal(submission.status, 'pending');
    assert.equal(await url.getAttribute('aria-invalid'), null, 'the error is gone');
    assert.equal(await page.locator('#contribute-form-url-error').count(), 0);
    assert.equal(await page.locator('#contribute-status').textContent(),
      en['contribute.sent'].replace('{title}', BREWERY.title));
    const card = page.locator(`#submissions li[data-id="${submission.id}"]`);
    await card.waitFor();
    assert.equal(await card.getAttribute('data-status'), 'pending');
    assert.equal(await card.locator('.collab-badge').textContent(), en['status.pending']);
    assert.equal(await card.locator('h3').textContent(), BREWERY.title);
    assert.equal(await page.locator('#contribute-title').inputValue(), '', 'the form is ready for the next resource');
    await screenshot(page, 'collab-contribute-submitted');
    await assertAccessible(page, 'contribute.html with a submission');

    await signOut(page);

    // The reviewer finds it in the queue, with its record, and approves it.
    await signIn(page, 'rui');
    await page.goto(`${base}/review.html`);
    const item = page.locator(`#review-queue li[data-id="${submission.id}"]`);
    await item.waitFor();
    assert.equal(await item.locator('h3').textContent(), BREWERY.title);
    assert.equal(await item.locator('.collab-record a').getAttribute('href'), BREWERY.url);
    assert.match(await item.locator('.collab-meta').first().textContent(), /carla/i);
    await screenshot(page, 'collab-review-queue');
    await assertAccessible(page, 'review.html with a pending submission');
    response = await answered(page, 'POST', `/api/resources/${submission.id}/reviews`,
      () => item.locator('button[value="approve"]').click());
    assert.ok([200, 201].includes(response.status()), `approval answered ${response.status()}: ${await response.text()}`);
    const after = await response.json();
    assert.equal(after.status, 'published');
    await item.waitFor({ state: 'detached' });
    assert.equal(await page.locator('#review-status').textContent(),
      en['review.done.published'].replace('{title}', BREWERY.title));
    published = { id: submission.id, title: BREWERY.title, url: BREWERY.url };

    // Anyone searching finds it.
    const learner = await newContext(browser);
    try {
      const search = await learner.newPage();
      await searched(search, () => search.goto(`${base}/?q=brewery&lang=en`));
      const hit = search.locator(`#agora-results > li.agora-hit[data-id="${submission.id}"]`);
      assert.equal(await hit.count(), 1, 'the published resource is a search result');
      assert.equal(await hit.locator('a.agora-title').textContent(), BREWERY.title);
      assert.equal(await hit.locator('a.agora-title').getAttribute('href'), BREWERY.url);
      await screenshot(search, 'collab-published-in-search');
      assert.deepEqual(learner.offLoopback, []);
    } finally {
      await learner.close();
    }
    assert.deepEqual(context.offLoopback, []);
  } finally {
    await context.close();
  }
});

// ------------------------------------------------------------------ 2. request and answer

test('a learner requests what the search does not find, and sees the answer a contributor gives', async () => {
  assert.ok(published, 'the first scenario published a resource');
  const learner = await newContext(browser);
  const contributor = await newContext(browser);
  try {
    // A learner registers on the web.
    const page = await learner.newPage();
    await page.goto(`${base}/account.html`);
    await page.locator('#account-signed-out').waitFor();
    // A username already in use is said next to the username field.
    await page.fill('#register-username', 'carla');
    await page.fill('#register-password', PASSWORD);
    const taken = await answered(page, 'POST', '/api/accounts', () => page.click('#register-form button[type="submit"]'));
    assert.equal(taken.status(), 409);
    assert.equal(await page.getAttribute('#register-username', 'aria-invalid'), 'true');
    assert.equal(await page.locator('#register-form-username-error').textContent(), en['account.error.taken']);
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'register-username');

    await page.fill('#register-username', 'lena');
    await page.fill('#register-display-name', 'Lena');
    await page.fill('#register-password', PASSWORD);
    const registered = await answered(page, 'POST', '/api/accounts', () => page.click('#register-form button[type="submit"]'));
    assert.equal(registered.status(), 201, await registered.text());
    await page.locator('#account-signed-in').waitFor();
    assert.match(await page.locator('#account-me').textContent(), new RegExp(en['role.learner']));
    // The session survives a page load (GET /api/me).
    await page.reload();
    await page.locator('#account-signed-in').waitFor();
    assert.match(await page.locator('#collab-who').textContent(), /Lena/);
    await screenshot(page, 'collab-account-signed-in');
    await assertAccessible(page, 'account.html signed in');

    // Nothing about kombucha: the search offers to request it.
    await page.goto(`${base}/`);
    await page.waitForSelector('#q[role="combobox"]', { state: 'attached' });
    await page.fill('#q', 'kombucha');
    await searched(page, () => page.press('#q', 'Enter'));
    assert.equal(await page.locator('#agora-results > li.agora-hit').count(), 0);
    const offer = page.locator('#agora-empty #agora-request-offer a');
    assert.equal(await offer.textContent(), en['request.offer.link']);
    await assertAccessible(page, 'search page offering a request');
    await screenshot(page, 'collab-request-offer');
    await offer.click();
    await page.waitForURL((url) => url.pathname === '/requests.html');
    const params = new URL(page.url()).searchParams;
    assert.equal(params.get('topic'), 'kombucha');
    assert.equal(params.get('language'), 'en');

    // The form is filled in from the link; the learner adds details and sends it.
    await page.waitForFunction(() => document.querySelector('#requests-count')?.textContent !== '');
    assert.equal(await page.inputValue('#request-topic'), 'kombucha');
    assert.equal(await page.inputValue('#request-language'), 'en');
    await assertAccessible(page, 'requests.html from the offer');
    await page.fill('#request-details', 'Brewing it together as a small cooperative, for beginners.');
    await page.selectOption('#request-level', 'beginner');
    const sent = await answered(page, 'POST', '/api/requests', () => page.click('#request-form button[type="submit"]'));
    assert.equal(sent.status(), 201, await sent.text());
    const made = await sent.json();
    assert.equal(made.status, 'open');
    assert.equal(made.language, 'en');
    assert.equal(await page.locator('#requests-status').textContent(), en['request.sent'].replace('{topic}', 'kombucha'));
    const mine = page.locator(`#requests-list li[data-id="${made.id}"]`);
    await mine.waitFor();
    assert.equal(await mine.getAttribute('data-status'), 'open');
    assert.equal(await mine.locator('h3').textContent(), 'kombucha');
    assert.equal(await mine.locator('.collab-mine').textContent(), en['request.mine']);
    assert.equal(await mine.locator('details.collab-disclosure').count(), 0, 'a learner cannot answer');
    assert.equal(await page.inputValue('#request-topic'), '', 'the form is emptied');
    await screenshot(page, 'collab-request-sent');

    // A contributor answers it with the published resource.
    const answerer = await contributor.newPage();
    await signIn(answerer, 'carla');
    await answerer.goto(`${base}/requests.html`);
    const open = answerer.locator(`#requests-list li[data-id="${made.id}"]`);
    await open.waitFor();
    assert.equal(await open.locator('.collab-mine').count(), 0, 'not the contributor’s request');
    await open.locator('details.collab-disclosure > summary').click();
    await open.locator('input[name="resourceId"]').fill(published.id);
    await open.locator('textarea[name="note"]').fill('A start: the fermentation chapter applies to kombucha too.');
    await assertAccessible(answerer, 'requests.html with the answer form open');
    const answer = await answered(answerer, 'POST', `/api/requests/${made.id}/answer`,
      () => open.locator('form button[type="submit"]').click());
    assert.ok([200, 201].includes(answer.status()), `answer: ${answer.status()} ${await answer.text()}`);
    await answerer.waitForFunction((id) => document.querySelector(`#requests-list li[data-id="${id}"]`)?.dataset.status === 'answered', made.id);
    const done = answerer.locator(`#requests-list li[data-id="${made.id}"]`);
    assert.equal(await done.locator('a.collab-answer-link').textContent(), published.title);
    assert.equal(await answerer.locator('#requests-status').textContent(), en['request.answer.done'].replace('{topic}', 'kombucha'));
    await screenshot(answerer, 'collab-request-answered-contributor');

    // The learner sees it answered among their own requests.
    await page.goto(`${base}/requests.html?mine=true`);
    const own = page.locator(`#requests-list li[data-id="${made.id}"]`);
    await own.waitFor();
    assert.ok(await page.locator('#requests-mine').isChecked());
    assert.equal(await own.getAttribute('data-status'), 'answered');
    assert.equal(await own.locator('.collab-badge').textContent(), en['request.status.answered']);
    const link = own.locator('a.collab-answer-link');
    assert.equal(await link.textContent(), published.title);
    assert.equal(await link.getAttribute('href'), published.url);
    assert.match(await own.locator('.collab-answer').textContent(), /fermentation chapter/);
    for (const id of await page.locator('#requests-list > li').evaluateAll((items) => items.map((li) => li.dataset.id))) {
      assert.equal(id, String(made.id), 'mine=true lists only the learner’s requests');
    }
    await screenshot(page, 'collab-request-answered');
    await assertAccessible(page, 'requests.html, my answered request');

    assert.deepEqual(learner.offLoopback, []);
    assert.deepEqual(contributor.offLoopback, []);
  } finally {
    await learner.close();
    await contributor.close();
  }
});

// ------------------------------------------------------------------ 3. duplicates, changes, edit

test('duplicates are shown with links, and a submission sent back for changes can be edited', async () => {
  assert.ok(published, 'the first scenario published a resource');
  const context = await newContext(browser);
  const reviewerContext = await newContext(browser);
  try {
    const page = await context.newPage();
    await signIn(page, 'carla');
    await openContribute(page);

    // The same address: listed, and it cannot be submitted anyway.
    await fillResource(page, { title: 'Cider presses shared by a village', url: `${published.url}/` });
    let response = await answered(page, 'POST', '/api/resources', () => page.click('#contribute-submit'));
    assert.equal(response.status(), 409);
    const box = page.locator('#contribute-duplicates');
    await box.waitFor();
    const duplicate = box.locator(`li[data-id="${published.id}"]`);
    assert.equal(await duplicate.getAttribute('data-reason'), 'url');
    assert.equal(await duplicate.locator('a').getAttribute('href'), published.url);
    assert.equal(await duplicate.locator('a').textContent(), published.title);
    assert.equal(await page.locator('#contribute-anyway').count(), 0, 'an address duplicate cannot be confirmed');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'contribute-duplicates-heading');
    await assertAccessible(page, 'contribute.html, address duplicate');

    // A near-identical title: listed, and "submit anyway" retries with allowSimilarTitle.
    await page.fill('#contribute-title', 'Brewing together: running a member-owned microbrewery');
    await page.fill('#contribute-url', 'https://microbrewery.example.org/guide');
    await page.fill('#contribute-language', 'en');
    response = await answered(page, 'POST', '/api/resources', () => page.click('#contribute-submit'));
    assert.equal(response.status(), 409);
    assert.equal(await box.locator(`li[data-id="${published.id}"]`).getAttribute('data-reason'), 'title');
    await screenshot(page, 'collab-contribute-duplicate-title');
    await assertAccessible(page, 'contribute.html, title duplicate');
    response = await answered(page, 'POST', '/api/resources', () => page.click('#contribute-anyway'));
    assert.equal(new URL(response.url()).searchParams.get('allowSimilarTitle'), 'true');
    assert.equal(response.status(), 201, await response.text());
    const similar = await response.json();
    assert.ok(await box.isHidden());

    // The reviewer must say what to change; then asks for changes.
    const reviewer = await reviewerContext.newPage();
    await signIn(reviewer, 'rui');
    await reviewer.goto(`${base}/review.html`);
    const item = reviewer.locator(`#review-queue li[data-id="${similar.id}"]`);
    await item.waitFor();
    await item.locator('button[value="changes"]').click();
    const comment = item.locator('textarea[name="comment"]');
    assert.equal(await comment.getAttribute('aria-invalid'), 'true', 'a comment is required to ask for changes');
    assert.ok(await item.locator('.collab-field-error').isVisible());
    await comment.fill('Please give it a title that tells it apart from the brewery guide, and add a licence.');
    response = await answered(reviewer, 'POST', `/api/resources/${similar.id}/reviews`,
      () => item.locator('button[value="changes"]').click());
    assert.ok([200, 201].includes(response.status()), `changes: ${response.status()} ${await response.text()}`);
    assert.equal((await response.json()).status, 'changes_requested');

    // The author sees the comment and edits the submission (PUT), which waits for review again.
    await openContribute(page);
    const card = page.locator(`#submissions li[data-id="${similar.id}"]`);
    assert.equal(await card.getAttribute('data-status'), 'changes_requested');
    assert.match(await card.locator('.collab-reviews').textContent(), /add a licence/);
    assert.equal(await card.locator('.collab-badge').textContent(), en['status.changes_requested']);
    await screenshot(page, 'collab-changes-requested');
    await assertAccessible(page, 'contribute.html, changes requested');
    await card.locator('button[data-action="edit"]').click();
    assert.equal(await page.inputValue('#contribute-title'), 'Brewing together: running a member-owned microbrewery');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'contribute-title');
    assert.ok(await page.locator('#contribute-cancel').isVisible());
    await page.fill('#contribute-title', 'Microbrewery cooperatives: a handbook for members');
    await page.fill('#contribute-license', 'CC-BY-SA-4.0');
    await page.fill('#contribute-description', 'A microbrewery run by its members, unlike the larger brewery of the other guide.');
    response = await answered(page, 'PUT', `/api/resources/${similar.id}`, () => page.click('#contribute-submit'));
    assert.equal(response.status(), 200, await response.text());
    const edited = await response.json();
    assert.equal(edited.status, 'pending');
    assert.equal(edited.record.license, 'CC-BY-SA-4.0');
    assert.equal(edited.record.title, 'Microbrewery cooperatives: a handbook for members');
    assert.equal(edited.record.url, 'https://microbrewery.example.org/guide', 'fields not edited are kept');
    await page.waitForFunction((id) => document.querySelector(`#submissions li[data-id="${id}"]`)?.dataset.status === 'pending', similar.id);
    assert.ok(await page.locator('#contribute-cancel').isHidden(), 'back to a new resource');
  } finally {
    await context.close();
    await reviewerContext.close();
  }
});

// ------------------------------------------------------------------ 4. languages and phone width

test('the collaboration pages follow the chosen language, right to left too, and fit 320 px', async () => {
  const context = await newContext(browser, { locale: 'de-DE', viewport: { width: 320, height: 640 }, isMobile: true, hasTouch: true });
  try {
    const page = await context.newPage();
    // German is complete, so the page is served a German file that lacks one key: English
    // fills in for that key, the rest stays German.
    const missing = 'account.sign_in.heading';
    assert.ok(missing in de, `de.json has ${missing}`);
    assert.notEqual(de[missing], en[missing]);
    const germanPath = '**/i18n/de.json';
    await page.route(germanPath, async (route) => {
      const response = await route.fetch();
      const german = await response.json();
      delete german[missing];
      await route.fulfill({ response, json: german });
    });
    await page.goto(`${base}/account.html`);
    await page.locator('#account-signed-out').waitFor();
    assert.equal(await page.getAttribute('html', 'lang'), 'de');
    assert.equal(await page.locator('label[for="lang"]').textContent(), de['lang.label']);
    assert.equal(await page.locator('#sign-in-heading').textContent(), en[missing]);
    assert.equal(await page.getAttribute('#sign-in-heading', 'lang'), 'en', 'English stand-ins are marked as English');
    const username = page.locator('label[for="sign-in-username"]');
    assert.equal(await username.textContent(), de['account.username'], 'translated keys show German');
    assert.equal(await username.getAttribute('lang'), null, 'German text is not marked as English');
    assert.equal(await page.locator('label[for="register-password"]').textContent(), de['account.password']);
    await page.unroute(germanPath);

    await page.selectOption('#lang', 'fr');
    await page.waitForFunction(() => document.documentElement.lang === 'fr');
    assert.equal(await page.locator('#sign-in-heading').textContent(), fr['account.sign_in.heading']);
    assert.equal(await page.getAttribute('#sign-in-heading', 'lang'), null);
    assert.equal(await page.locator('label[for="register-password"]').textContent(), fr['account.password']);
    assert.equal(await page.title(), fr['account.title']);
    assert.equal(await page.locator('.agora-nav a[href="requests.html"]').textContent(), fr['nav.requests']);

    for (const path of ['account.html', 'contribute.html', 'review.html', 'requests.html']) {
      await page.goto(`${base}/${path}`);
      await page.waitForFunction(() => document.documentElement.lang === 'fr');
      await page.waitForLoadState('networkidle');
      const w = await widths(page);
      assert.ok(w.scroll <= 320, `${path} at 320 px: scrollWidth ${w.scroll}`);
      assert.equal(await page.locator(`.agora-nav a[aria-current="page"]`).getAttribute('href'), path);
      await assertAccessible(page, `${path}, French, 320 px`);
    }
    await screenshot(page, 'collab-requests-fr-320px');

    await page.selectOption('#lang', 'ar');
    await page.waitForFunction(() => document.documentElement.dir === 'rtl');
    const brand = await page.locator('.agora-brand').boundingBox();
    assert.ok(brand.x + brand.width > 320 - 40, `the brand starts at the right edge (x ${brand.x})`);
    assert.equal(await page.locator('main').evaluate((node) => getComputedStyle(node).direction), 'rtl');
    await assertAccessible(page, 'requests.html, Arabic');
    await screenshot(page, 'collab-requests-ar');
    assert.deepEqual(context.offLoopback, []);
  } finally {
    await context.close();
  }
});

// ------------------------------------------------------------------ 5. without JavaScript

test('without JavaScript the request form still posts, and its confirmation leads back to the request', async () => {
  const plain = await newContext(browser, { javaScriptEnabled: false });
  const scripted = await newContext(browser);
  try {
    const page = await plain.newPage();
    await page.goto(`${base}/requests.html`);
    await page.fill('#request-topic', 'worker-owned bakeries');
    await page.selectOption('#request-language', 'fr');
    await Promise.all([page.waitForURL((url) => url.pathname === '/requests'), page.click('#request-form button[type="submit"]')]);
    assert.equal(await page.locator('h1').textContent(), en['request.thanks']);
    const follow = page.locator('a[href^="/requests.html?id="]');
    assert.equal(await follow.textContent(), en['request.follow']);
    const id = new URL(await follow.getAttribute('href'), base).searchParams.get('id');
    await screenshot(page, 'collab-request-no-js');

    // The link shows that one request (with JavaScript), and the whole list is one click away.
    const js = await scripted.newPage();
    await js.goto(`${base}/requests.html?id=${id}`);
    const only = js.locator(`#requests-list li[data-id="${id}"]`);
    await only.waitFor();
    assert.equal(await js.locator('#requests-list > li').count(), 1);
    assert.equal(await only.locator('h3').textContent(), 'worker-owned bakeries');
    assert.equal(await only.locator('h3').getAttribute('lang'), 'fr');
    assert.ok(await js.locator('#requests-one').isVisible());
    await assertAccessible(js, 'requests.html?id=');
    await answered(js, 'GET', '/api/requests', () => js.click('#requests-show-all'));
    await js.waitForFunction(() => document.querySelectorAll('#requests-list > li').length > 1);
    assert.ok(await js.locator('#requests-one').isHidden());
    assert.equal(new URL(js.url()).searchParams.get('id'), null);
  } finally {
    await plain.close();
    await scripted.close();
  }
});
