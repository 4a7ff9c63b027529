// axe-core (WCAG 2.0/2.1 A and AA rules) on every state of the search page (scenario 8):
// home, results, narrowed by a facet, zero results with did-you-mean, Arabic RTL, the
// no-JavaScript page, 320 px phone width, resource pages, and the iframe widget page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { assertAccessible, newContext, screenshot, startAgoraAndBrowser, stopAgoraAndBrowser, strings } from './browser_harness.mjs';

let agora, browser, base;
before(async () => ({ agora, browser, base } = await startAgoraAndBrowser()));
after(() => stopAgoraAndBrowser({ agora, browser }));

const isSearchResponse = (response) => new URL(response.url()).pathname === '/api/search';
async function searched(page, action) {
  await Promise.all([page.waitForResponse(isSearchResponse), action()]);
  await page.waitForFunction(() => !document.querySelector('#agora-results')?.hasAttribute('aria-busy'));
}
const enhanced = (page) => page.waitForSelector('#q[role="combobox"]', { state: 'attached' });
const hits = (page) => page.locator('#agora-results > li.agora-hit');

/** A JS page in a fresh context, opened at `path` (a search runs when the URL has one). */
async function open(path, options = {}) {
  const context = await newContext(browser, options);
  const page = await context.newPage();
  if (new URLSearchParams(path.split('?')[1] || '').has('q')) {
    await searched(page, () => page.goto(base + path));
  } else {
    await page.goto(base + path);
  }
  await enhanced(page);
  return { context, page };
}

test('axe-core finds no WCAG 2.1 A/AA violations in any page state', async (t) => {
  await t.test('home', async () => {
    const { context, page } = await open('/');
    try {
      await assertAccessible(page, 'home');
    } finally {
      await context.close();
    }
  });

  await t.test('results, then narrowed by a facet', async () => {
    const { context, page } = await open(`/?q=${encodeURIComponent('coopérative')}&lang=fr`);
    try {
      assert.ok(await hits(page).count() > 0);
      await assertAccessible(page, 'results (fr)');
      const before = await hits(page).count();
      await searched(page, () => page.click('#agora-facets [data-facet="type"] button[data-value="guide"]'));
      assert.ok(await hits(page).count() < before);
      await assertAccessible(page, 'facets narrowed');
    } finally {
      await context.close();
    }
  });

  await t.test('zero results with did-you-mean', async () => {
    const { context, page } = await open('/?q=cooperatve&lang=en');
    try {
      assert.equal(await hits(page).count(), 0);
      assert.ok(await page.locator('#agora-empty').isVisible());
      assert.equal(await page.locator('#agora-empty .agora-none').textContent(), strings('en')['results.none']);
      const suggestion = page.locator('#agora-did-you-mean a');
      assert.equal(await suggestion.textContent(), 'cooperative');
      await screenshot(page, 'zero-results');
      await assertAccessible(page, 'zero results');
      // The suggestion is a working link.
      await searched(page, () => suggestion.click());
      assert.equal(new URL(page.url()).searchParams.get('q'), 'cooperative');
      assert.ok(await hits(page).count() > 0);
      assert.equal(await page.locator('#agora-did-you-mean').count(), 0);
    } finally {
      await context.close();
    }
  });

  await t.test('Arabic, right to left', async () => {
    const { context, page } = await open(`/?q=${encodeURIComponent('تعاونية')}&lang=ar`);
    try {
      assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
      assert.ok(await hits(page).count() > 0);
      await assertAccessible(page, 'Arabic RTL');
    } finally {
      await context.close();
    }
  });

  await t.test('phone width, 320 px', async () => {
    const { context, page } = await open(`/?q=${encodeURIComponent('coopérative')}&lang=fr`,
      { viewport: { width: 320, height: 640 }, isMobile: true, hasTouch: true });
    try {
      await assertAccessible(page, '320 px, filters closed');
      await page.locator('#agora-facets details.agora-facets-panel > summary').click();
      await assertAccessible(page, '320 px, filters open');
    } finally {
      await context.close();
    }
  });

  await t.test('no-JavaScript results page', async () => {
    // The page exactly as a browser without JavaScript gets it: agora.js is not loaded
    // (axe itself needs scripts, so the context keeps them and only our module is dropped).
    const context = await newContext(browser);
    try {
      const page = await context.newPage();
      await page.route('**/agora.js', (route) => route.abort('blockedbyclient'));
      await page.goto(`${base}/search?q=${encodeURIComponent('coopérative')}&lang=fr`);
      assert.equal(await page.getAttribute('#q', 'role'), null, 'agora.js did not run');
      assert.ok(await hits(page).count() > 0);
      await assertAccessible(page, 'no-JS results');
      await page.goto(`${base}/search?q=cooperatve&lang=en&type=video`);
      assert.ok(await page.locator('#agora-did-you-mean a').count() > 0);
      await assertAccessible(page, 'no-JS zero results');
    } finally {
      await context.close();
    }
  });

  await t.test('resource pages, left to right and right to left, with and without agora.js', async () => {
    const context = await newContext(browser);
    try {
      const page = await context.newPage();
      const errors = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(`${base}/resource/start-a-coop-en?lang=en`);
      await page.locator('#agora-resource-title').waitFor();
      await assertAccessible(page, 'resource page (en)');
      await page.goto(`${base}/resource/coop-governance-zh?lang=ar`);
      assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
      await assertAccessible(page, 'resource page (ar, RTL)');
      await page.goto(`${base}/resource/no-such-resource?lang=el`);
      await assertAccessible(page, 'missing resource page (el)');
      assert.deepEqual(errors, [], 'agora.js runs on resource pages without errors');
      await page.route('**/agora.js', (route) => route.abort('blockedbyclient'));
      await page.goto(`${base}/resource/start-a-coop-de?lang=de`);
      await assertAccessible(page, 'no-JS resource page (de)');
    } finally {
      await context.close();
    }
  });

  await t.test('iframe widget page', async () => {
    const context = await newContext(browser);
    try {
      const page = await context.newPage();
      await page.goto(`${base}/embed.html?collection=coop-academy&lang=fr&q=${encodeURIComponent('coopérative')}`);
      await page.locator('agora-search li[data-id]').first().waitFor();
      await assertAccessible(page, 'embed.html');
    } finally {
      await context.close();
    }
  });
});
