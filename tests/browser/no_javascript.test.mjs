// The search works without JavaScript: agora-searchd renders GET /search itself, facets
// are plain links and the form submits to it (scenario 6).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { api, newContext, screenshot, startAgoraAndBrowser, stopAgoraAndBrowser, strings } from './browser_harness.mjs';

let agora, browser, base, context;
before(async () => {
  ({ agora, browser, base } = await startAgoraAndBrowser());
  context = await newContext(browser, { javaScriptEnabled: false });
});
after(async () => {
  await context?.close();
  await stopAgoraAndBrowser({ agora, browser });
});

const hits = (page) => page.locator('ol#agora-results > li.agora-hit');
const searchURL = (params) => `${base}/search?${new URLSearchParams(params)}`;

/** Clicks a link or button and waits for the page it leads to. */
async function follow(page, locator) {
  const before = page.url();
  await Promise.all([page.waitForURL((url) => url.href !== before), locator.click()]);
  await page.waitForLoadState('domcontentloaded');
}

test('without JavaScript, /search renders results, facet links narrow them, the form submits', async () => {
  const page = await context.newPage();
  const q = 'coopérative';
  await page.goto(searchURL({ q, lang: 'fr' }));
  assert.equal(await page.getAttribute('#q', 'role'), null, 'agora.js did not run');
  assert.equal(await page.getAttribute('html', 'lang'), 'fr');
  assert.equal(await page.inputValue('#q'), q);
  assert.equal(await page.locator('label[for="q"]').textContent(), strings('fr')['search.label']);

  const expected = await api(base, '/api/search', { q, lang: 'fr' });
  assert.equal(await hits(page).count(), expected.hits.length);
  assert.deepEqual(await hits(page).evaluateAll((items) => items.map((li) => li.dataset.id)),
    expected.hits.map((hit) => hit.id));
  const first = hits(page).first();
  assert.equal(await first.getAttribute('lang'), 'fr');
  assert.ok(await first.locator('.agora-snippet mark').count() > 0);
  assert.ok(await first.locator('.agora-also a[hreflang]').count() > 0, 'translation links');
  const status = (await page.locator('#agora-status[role="status"]').textContent()).trim();
  assert.ok(status.includes(String(expected.total)), `status "${status}"`);
  await screenshot(page, 'no-js');

  // Facets are links that work.
  const guide = page.locator('#agora-facets section[data-facet="type"] a[data-value="guide"]');
  const facetCount = expected.facets.type.find((v) => v.value === 'guide').count;
  await follow(page, guide);
  let url = new URL(page.url());
  assert.equal(url.pathname, '/search');
  assert.equal(url.searchParams.get('type'), 'guide');
  assert.equal(url.searchParams.get('q'), q);
  assert.equal(await hits(page).count(), facetCount);
  assert.ok(facetCount < expected.hits.length, 'fewer results after the facet');
  // The selected value is marked and links back to the unfiltered results.
  const selected = page.locator('#agora-facets section[data-facet="type"] a[data-value="guide"]');
  assert.equal(await selected.getAttribute('aria-current'), 'true');

  // A second facet keeps the first.
  const english = page.locator('#agora-facets section[data-facet="language"] a[data-value="en"]');
  await follow(page, english);
  url = new URL(page.url());
  assert.equal(url.searchParams.get('type'), 'guide');
  assert.equal(url.searchParams.get('language'), 'en');
  for (const lang of await hits(page).evaluateAll((items) => items.map((li) => li.lang))) assert.equal(lang, 'en');

  // Unselecting the type brings the other types back.
  await follow(page, page.locator('#agora-facets section[data-facet="type"] a[data-value="guide"]'));
  assert.equal(new URL(page.url()).searchParams.get('type'), null);

  // The form submits: a new query in another language (the chooser sits outside the form
  // and joins it through form="agora-search-form").
  await page.fill('#q', 'cooperativa');
  await page.selectOption('#lang', 'es');
  await follow(page, page.locator('form#agora-search-form button[type="submit"]'));
  url = new URL(page.url());
  assert.equal(url.pathname, '/search');
  assert.equal(url.searchParams.get('q'), 'cooperativa');
  assert.equal(url.searchParams.get('lang'), 'es');
  assert.equal(await page.getAttribute('html', 'lang'), 'es');
  assert.ok(await hits(page).count() > 0);
  assert.equal(await hits(page).first().getAttribute('lang'), 'es');
  await page.close();
});

test('without JavaScript, the home page form leads to the results page', async () => {
  const page = await context.newPage();
  await page.goto(base + '/');
  await page.fill('#q', 'nextcloud');
  await page.selectOption('#lang', 'de');
  await follow(page, page.locator('button.agora-submit'));
  const url = new URL(page.url());
  assert.equal(url.pathname, '/search');
  assert.equal(url.searchParams.get('q'), 'nextcloud');
  assert.equal(url.searchParams.get('lang'), 'de');
  assert.ok(await hits(page).count() > 0);
  assert.equal(await hits(page).first().getAttribute('lang'), 'de');
  await page.close();
});

test('without JavaScript, did-you-mean, broader search and paging are links', async () => {
  const page = await context.newPage();
  await page.goto(searchURL({ q: 'cooperatve', lang: 'en', type: 'video' }));
  assert.equal(await hits(page).count(), 0);
  assert.ok(await page.locator('#agora-empty').isVisible());
  const didYouMean = page.locator('#agora-did-you-mean a');
  assert.equal(await didYouMean.textContent(), 'cooperative');
  const broader = page.locator('#agora-broader a');
  assert.ok(await broader.isVisible());
  await follow(page, broader);
  assert.equal(new URL(page.url()).searchParams.get('type'), null);

  await follow(page, page.locator('#agora-did-you-mean a'));
  assert.equal(new URL(page.url()).searchParams.get('q'), 'cooperative');
  assert.ok(await hits(page).count() > 0);

  await page.goto(searchURL({ q: '', lang: 'en' }));
  const firstPage = await hits(page).evaluateAll((items) => items.map((li) => li.dataset.id));
  assert.equal(firstPage.length, 10);
  await follow(page, page.locator('nav#agora-pages a[rel="next"]'));
  assert.equal(new URL(page.url()).searchParams.get('page'), '2');
  const secondPage = await hits(page).evaluateAll((items) => items.map((li) => li.dataset.id));
  assert.ok(secondPage.length > 0);
  assert.ok(!secondPage.some((id) => firstPage.includes(id)), 'page 2 shows other resources');
  await page.close();
});

test('without JavaScript, a hit leads to its resource page, whose versions link to each other', async () => {
  const page = await context.newPage();
  await page.goto(searchURL({ q: 'gründen Genossenschaft', lang: 'de' }));
  const hit = hits(page).first();
  const id = await hit.getAttribute('data-id');
  await follow(page, hit.locator('.agora-details a'));
  assert.equal(new URL(page.url()).pathname, `/resource/${id}`);
  assert.equal(await page.getAttribute('html', 'lang'), 'de');
  assert.equal(await page.locator('#agora-open').textContent(), strings('de')['resource.open']);

  // The JSON-LD is what a crawler reads: one LearningResource naming the page's resource.
  const jsonLd = await page.locator('script[type="application/ld+json"]').evaluateAll(
    (scripts) => scripts.map((script) => JSON.parse(script.textContent)));
  assert.equal(jsonLd.length, 1);
  assert.equal(jsonLd[0]['@type'], 'LearningResource');
  assert.equal(jsonLd[0].identifier, id);
  assert.equal(jsonLd[0].name, await page.locator('#agora-resource-title').textContent());

  const versions = page.locator('#agora-versions a');
  assert.ok(await versions.count() > 0);
  const language = await versions.first().getAttribute('hreflang');
  await follow(page, versions.first());
  assert.equal(await page.locator('article').getAttribute('lang'), language);
  assert.ok(await page.locator(`#agora-versions a[href^="/resource/${id}?"]`).count() === 1, 'and back');
  await page.close();
});
