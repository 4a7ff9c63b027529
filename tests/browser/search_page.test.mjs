// Browser tests of the JavaScript search page (web/index.html + web/agora.js) served by
// agora-searchd: multilingual searches, facets and history, translation links,
// keyboard autocomplete, the right-to-left interface, phone width and page weight.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { api, newContext, screenshot, startAgoraAndBrowser, stopAgoraAndBrowser, strings } from './browser_harness.mjs';

let agora, browser, base;
before(async () => ({ agora, browser, base } = await startAgoraAndBrowser()));
after(() => stopAgoraAndBrowser({ agora, browser }));

// ------------------------------------------------------------------ page helpers

/** Opens the home page and waits until agora.js has enhanced it. */
async function openHome(context, path = '/') {
  const page = await context.newPage();
  await page.goto(base + path);
  await page.waitForSelector('#q[role="combobox"]', { state: 'attached' });
  return page;
}

const isSearchResponse = (response) => new URL(response.url()).pathname === '/api/search';

/** Runs `action` and waits for the search it triggers to be answered and rendered. */
async function searched(page, action) {
  const [response] = await Promise.all([page.waitForResponse(isSearchResponse), action()]);
  await page.waitForFunction(() => !document.querySelector('#agora-results')?.hasAttribute('aria-busy'));
  return response;
}

async function chooseLanguage(page, code) {
  await page.selectOption('#lang', code);
  await page.waitForFunction((c) => document.documentElement.lang === c, code);
}

async function submitSearch(page, q) {
  await page.fill('#q', q);
  return searched(page, () => page.press('#q', 'Enter'));
}

const hits = (page) => page.locator('#agora-results > li.agora-hit');
const facetButton = (page, facet, value) =>
  page.locator(`#agora-facets section.agora-facet[data-facet="${facet}"] button.agora-facet-value[data-value="${value}"]`);

// ------------------------------------------------------------------ 1. multilingual search

test('searches in French, Spanish and Chinese render hits in the chosen language', async () => {
  const cases = [
    { lang: 'fr', q: 'coopérative', count: /^\d+ résultats?$/, shot: 'results-fr' },
    { lang: 'es', q: 'cooperativa', count: /^\d+ resultados?$/ },
    { lang: 'zh', q: '合作社', count: /^共 \d+ 条结果$/, shot: 'results-zh' },
  ];
  const context = await newContext(browser);
  try {
    for (const { lang, q, count, shot } of cases) {
      const page = await openHome(context);
      await chooseLanguage(page, lang);
      assert.equal(await page.locator('label[for="q"]').textContent(), strings(lang)['search.label']);
      // A live region is only announced reliably when it is already rendered (not inside
      // display: none) before its text changes.
      assert.ok(await page.locator('#agora-status[role="status"]').evaluate((node) => node.checkVisibility()),
        'the status live region is rendered before the first search');
      assert.ok(await page.locator('#agora-sort').isHidden(), 'no sort control before there are results');
      const response = await submitSearch(page, q);
      const url = new URL(response.url());
      assert.equal(url.searchParams.get('q'), q);
      assert.equal(url.searchParams.get('lang'), lang);

      const expected = await api(base, '/api/search', { q, lang });
      assert.ok(expected.total > 0, `the corpus has ${lang} results for ${q}`);
      assert.equal(await hits(page).count(), expected.hits.length);
      const first = hits(page).first();
      assert.equal((await first.getAttribute('lang')).split('-')[0], lang, `first ${lang} hit is in ${lang}`);
      assert.equal(await first.getAttribute('data-id'), expected.hits[0].id);
      assert.equal(await first.locator('a.agora-title').textContent(), expected.hits[0].title);
      assert.ok(await first.locator('.agora-snippet mark').count() > 0, 'the snippet highlights the match');
      assert.match(await first.locator('.agora-snippet').innerHTML(), /<mark>[^<]+<\/mark>/);

      const status = page.locator('#agora-status[role="status"]');
      assert.equal(await status.getAttribute('aria-live'), 'polite');
      assert.ok(await status.isVisible(), 'the status is on screen');
      const announced = (await status.textContent()).trim();
      assert.match(announced, count);
      assert.ok(announced.includes(String(expected.total)), `"${announced}" announces ${expected.total}`);
      assert.ok(await page.locator('#agora-sort').isVisible(), 'the sort control comes with the results');
      assert.equal(await page.title(), `${q} – Agora`);
      assert.equal(new URL(page.url()).searchParams.get('q'), q);
      if (shot) await screenshot(page, shot);
      await page.close();
    }
    assert.deepEqual(context.offLoopback, []);
  } finally {
    await context.close();
  }
});

// ------------------------------------------------------------------ 2. facets and history

test('a facet narrows the results, updates the URL, and Back restores them', async () => {
  const context = await newContext(browser);
  try {
    const page = await openHome(context);
    await chooseLanguage(page, 'fr');
    await submitSearch(page, 'coopérative');
    const before = await hits(page).count();
    const beforeStatus = await page.locator('#agora-status').textContent();
    const beforeURL = page.url();
    assert.ok(before > 3, `${before} hits before filtering`);

    const guide = facetButton(page, 'type', 'guide');
    assert.equal(await guide.getAttribute('aria-pressed'), 'false');
    const facetCount = Number(await guide.locator('.agora-count').textContent());
    await searched(page, () => guide.click());
    const after = await hits(page).count();
    assert.ok(after < before, `${after} hits after the type filter, ${before} before`);
    assert.equal(after, facetCount, 'the facet count predicted the number of hits');
    assert.equal(new URL(page.url()).searchParams.get('type'), 'guide');
    assert.equal(await facetButton(page, 'type', 'guide').getAttribute('aria-pressed'), 'true');
    const types = await hits(page).evaluateAll((items) =>
      items.map((li) => [...li.querySelectorAll('.agora-badge-type')].map((b) => b.textContent)));
    for (const list of types) assert.ok(list.includes(strings('fr')['type.guide']), `every hit is a guide: ${list}`);

    // A second facet (language) narrows further.
    const english = facetButton(page, 'language', 'en');
    if (await english.count()) {
      await searched(page, () => english.click());
      const url = new URL(page.url());
      assert.equal(url.searchParams.get('type'), 'guide');
      assert.equal(url.searchParams.get('language'), 'en');
      assert.ok(await hits(page).count() <= after);
      for (const lang of await hits(page).evaluateAll((items) => items.map((li) => li.lang))) assert.equal(lang, 'en');
      await searched(page, () => page.goBack());
      assert.equal(new URL(page.url()).searchParams.get('language'), null);
    }
    await screenshot(page, 'facets-narrowed');

    await searched(page, () => page.goBack());
    assert.equal(page.url(), beforeURL);
    assert.equal(await hits(page).count(), before);
    assert.equal(await page.locator('#agora-status').textContent(), beforeStatus);
    assert.equal(await facetButton(page, 'type', 'guide').getAttribute('aria-pressed'), 'false');
    assert.equal(await page.inputValue('#q'), 'coopérative');

    await searched(page, () => page.goForward());
    assert.equal(new URL(page.url()).searchParams.get('type'), 'guide');
    assert.equal(await hits(page).count(), after);
  } finally {
    await context.close();
  }
});

// ------------------------------------------------------------------ 3. translations

test('a hit found through another version says so, in the interface language', async () => {
  const context = await newContext(browser);
  try {
    const page = await openHome(context);
    // English words typed by a French, then a Spanish learner: their own version is shown.
    for (const [code, english] of [['fr', 'anglais'], ['es', 'inglés']]) {
      await chooseLanguage(page, code);
      await submitSearch(page, 'community shares neighbours');
      const hit = page.locator('#agora-results > li.agora-hit[data-id="community-shares-' + code + '"]');
      assert.ok(await hit.isVisible(), `the ${code} version is the hit`);
      const label = strings(code)['hit.matched_in'].replace('{language}', english);
      assert.equal(await hit.locator('.agora-matched').textContent(), label);
      assert.equal(await hit.locator('.agora-matched').getAttribute('lang'), code);
    }
  } finally {
    await context.close();
  }
});

test('the page names the translations the query was also searched in', async () => {
  const context = await newContext(browser);
  try {
    const page = await openHome(context);
    for (const [code, name] of [['fr', 'français'], ['es', 'español']]) {
      await chooseLanguage(page, code);
      const q = 'community shares neighbours';
      await submitSearch(page, q);
      const expected = await api(base, '/api/search', { q, lang: code });
      assert.equal(expected.translated[0].language, code, 'English words are translated into the learner\'s language first');
      const line = page.locator('#agora-translated');
      const label = strings(code)['results.also_searched'].replace('{language}', name);
      assert.ok((await line.textContent()).trim().startsWith(`${label} ${expected.translated[0].query}`),
        `${code}: ${await line.textContent()}`);
      assert.equal(await line.getAttribute('lang'), code);
      assert.equal(await line.locator('span[lang]').first().getAttribute('lang'), code);
      // A hit found only through the translation says so, in the interface language.
      for (const hit of expected.hits.filter((h) => h.through_translation)) {
        const note = page.locator(`#agora-results > li.agora-hit[data-id="${hit.id}"] .agora-through-translation`);
        assert.equal(await note.textContent(), strings(code)['hit.through_translation']);
        assert.equal(await note.getAttribute('lang'), code);
      }
    }
  } finally {
    await context.close();
  }
});

test('a translated work links to its other language versions with hreflang', async () => {
  const context = await newContext(browser);
  try {
    const page = await openHome(context);
    await chooseLanguage(page, 'fr');
    await submitSearch(page, 'coopérative');
    const expected = await api(base, '/api/search', { q: 'coopérative', lang: 'fr' });
    const translated = expected.hits.find((hit) => hit.translations.length >= 2);
    assert.ok(translated, 'the sample corpus has a translated work among the hits');

    const hit = page.locator(`#agora-results > li.agora-hit[data-id="${translated.id}"]`);
    const also = hit.locator('.agora-also');
    assert.ok(await also.isVisible());
    assert.ok((await also.textContent()).startsWith(strings('fr')['hit.also']));
    const links = await also.locator('a[hreflang]').evaluateAll((anchors) =>
      anchors.map((a) => ({ language: a.hreflang, url: a.href, text: a.textContent })));
    assert.deepEqual(links.map((l) => [l.language, l.url]).sort(),
      translated.translations.map((tr) => [tr.language, tr.url]).sort());
    assert.ok(!links.some((l) => l.language === translated.language), 'no link to the language shown');
    const english = links.find((l) => l.language === 'en');
    assert.ok(english, 'an English version is linked');
    assert.equal(english.text, 'anglais', 'language names are in the interface language');

    // Each hit's own title carries its language too.
    assert.equal(await hit.locator('a.agora-title').getAttribute('hreflang'), translated.language);

    // And its own page on this server, in the interface language, is one link away.
    const details = hit.locator('.agora-details a');
    assert.equal(await details.textContent(), strings('fr')['resource.details']);
    assert.equal(await details.getAttribute('href'), `/resource/${translated.id}?lang=fr`);
  } finally {
    await context.close();
  }
});

// ------------------------------------------------------------------ 4. autocomplete

async function typeAndOpen(page, text) {
  await page.fill('#q', '');
  const suggested = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/suggest');
  await page.locator('#q').pressSequentially(text, { delay: 20 });
  await suggested;
  await page.waitForSelector('#agora-suggestions[role="listbox"]:not([hidden]) > li[role="option"]');
}

test('autocomplete works with the keyboard: arrows, Enter and Escape', async () => {
  const context = await newContext(browser);
  try {
    const page = await openHome(context);
    const input = page.locator('#q');
    const list = page.locator('#agora-suggestions');
    await input.focus();
    await typeAndOpen(page, 'coop');
    assert.equal(await input.getAttribute('aria-expanded'), 'true');
    assert.equal(await input.getAttribute('aria-controls'), 'agora-suggestions');
    assert.equal(await input.getAttribute('aria-activedescendant'), null);
    const options = list.locator('li[role="option"]');
    assert.ok(await options.count() >= 2, 'several suggestions for "coop"');

    await page.keyboard.press('ArrowDown');
    const firstId = await options.nth(0).getAttribute('id');
    assert.equal(await input.getAttribute('aria-activedescendant'), firstId);
    assert.equal(await options.nth(0).getAttribute('aria-selected'), 'true');
    await page.keyboard.press('ArrowDown');
    assert.equal(await input.getAttribute('aria-activedescendant'), await options.nth(1).getAttribute('id'));
    assert.equal(await options.nth(0).getAttribute('aria-selected'), 'false');
    await page.keyboard.press('ArrowUp');
    assert.equal(await input.getAttribute('aria-activedescendant'), firstId);
    assert.ok(await page.evaluate(() => document.activeElement.id === 'q'), 'focus stays in the input');

    const picked = (await options.nth(0).evaluate((li) => li.firstChild.textContent)).trim();
    const response = await searched(page, () => page.keyboard.press('Enter'));
    assert.equal(new URL(response.url()).searchParams.get('q'), picked);
    assert.ok(await list.isHidden(), 'the list closes after a pick');
    assert.equal(await input.getAttribute('aria-expanded'), 'false');
    assert.equal(await input.inputValue(), picked);
    assert.equal(new URL(page.url()).searchParams.get('q'), picked);
    assert.ok(await hits(page).count() > 0);
    assert.equal(await hits(page).first().locator('a.agora-title').textContent(), picked,
      'the picked title is the first hit');

    await typeAndOpen(page, 'coop');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Escape');
    assert.ok(await list.isHidden(), 'Escape closes the list');
    assert.equal(await input.getAttribute('aria-expanded'), 'false');
    assert.equal(await input.getAttribute('aria-activedescendant'), null);
    assert.equal(await input.inputValue(), 'coop', 'Escape keeps what was typed');
  } finally {
    await context.close();
  }
});

test('the suggestion list holds no more than the 8 suggestions the page asks for', async () => {
  const context = await newContext(browser);
  try {
    const page = await openHome(context);
    await page.locator('#q').focus();
    const request = page.waitForRequest((r) => new URL(r.url()).pathname === '/api/suggest');
    await typeAndOpen(page, 'coop');
    assert.equal(new URL((await request).url()).searchParams.get('limit'), '8');
    // "coop" matches more than 8 titles and a subject in the sample corpus; /api/suggest
    // documents limit as the number of suggestions answered.
    const count = await page.locator('#agora-suggestions > li[role="option"]').count();
    assert.ok(count <= 8, `${count} suggestions shown for limit=8`);
  } finally {
    await context.close();
  }
});

// ------------------------------------------------------------------ 5. right to left

test('the Arabic interface is right-to-left and translated', async () => {
  const ar = strings('ar');
  const context = await newContext(browser);
  try {
    const page = await openHome(context);
    await chooseLanguage(page, 'ar');
    assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
    assert.equal(await page.getAttribute('html', 'lang'), 'ar');
    assert.equal(await page.locator('label[for="q"]').textContent(), ar['search.label']);
    assert.equal(await page.locator('label[for="lang"]').textContent(), ar['lang.label']);
    assert.equal(await page.locator('button.agora-submit').textContent(), ar['search.button']);
    assert.equal(await page.getAttribute('#q', 'placeholder'), ar['search.placeholder']);
    assert.equal(await page.locator('.agora-skip').textContent(), ar.skip);
    assert.equal(await page.title(), ar['page.title']);

    await submitSearch(page, 'تعاونية');
    assert.ok(await hits(page).count() > 0);
    assert.equal(await hits(page).first().getAttribute('lang'), 'ar');
    assert.match(await page.locator('#agora-status').textContent(), /[\u0600-\u06ff]/, 'the count is said in Arabic');
    assert.equal(await page.locator('#agora-facets-heading').textContent(), ar['filters.heading']);
    assert.equal(new URL(page.url()).searchParams.get('lang'), 'ar');

    // Mirrored layout: the brand sits at the right, the language chooser at the left,
    // the facet column at the right of the results.
    const box = async (selector) => page.locator(selector).first().boundingBox();
    assert.ok((await box('.agora-brand')).x > (await box('#lang')).x, 'brand right of the language chooser');
    assert.ok((await box('#agora-facets')).x > (await box('#agora-results')).x, 'facets right of the results');
    assert.equal(await page.locator('#q').evaluate((node) => getComputedStyle(node).direction), 'rtl');
    await screenshot(page, 'arabic-rtl');

    // The choice is remembered.
    await page.goto(base + '/');
    await page.waitForFunction(() => document.documentElement.dir === 'rtl');
    assert.equal(await page.getAttribute('html', 'lang'), 'ar');
  } finally {
    await context.close();
  }
});

// ------------------------------------------------------------------ 9. phone width

test('the results page is readable 320 px wide without horizontal scrolling', async () => {
  const context = await newContext(browser, { viewport: { width: 320, height: 640 }, isMobile: true, hasTouch: true });
  try {
    const page = await context.newPage();
    const widths = async () => page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      body: document.body.scrollWidth,
      client: document.documentElement.clientWidth,
    }));
    await searched(page, () => page.goto(`${base}/?q=${encodeURIComponent('coopérative')}&lang=fr`));
    assert.ok(await hits(page).count() > 0);
    assert.equal(await page.evaluate(() => innerWidth), 320);
    let w = await widths();
    assert.ok(w.scroll <= 320 && w.body <= 320, `results: scrollWidth ${w.scroll}, body ${w.body}`);

    // Filters collapse on phones; opened they still fit.
    const panel = page.locator('#agora-facets details.agora-facets-panel');
    assert.equal(await panel.evaluate((d) => d.open), false, 'the filters start collapsed on a phone');
    await panel.locator(':scope > summary').click();
    assert.equal(await panel.evaluate((d) => d.open), true);
    w = await widths();
    assert.ok(w.scroll <= 320, `filters open: scrollWidth ${w.scroll}`);
    await panel.locator(':scope > summary').click();

    // Touch-sized controls and no clipped text in the search row.
    const submit = await page.locator('button.agora-submit').boundingBox();
    assert.ok(submit.x + submit.width <= 320, 'the search button is on screen');
    assert.ok(submit.height >= 24, 'the search button is a usable target');
    await screenshot(page, 'phone-320px');

    // Pagination and a long-title language (Greek) also fit.
    await searched(page, () => page.goto(`${base}/?q=&lang=el&per_page=5`));
    w = await widths();
    assert.ok(w.scroll <= 320, `browse all, Greek: scrollWidth ${w.scroll}`);
  } finally {
    await context.close();
  }
});

// ------------------------------------------------------------------ 10. page weight

test('the first page transfers under 100 KB and contacts no third party', async () => {
  const context = await newContext(browser);
  try {
    const page = await context.newPage();
    const requests = [];
    page.on('request', (request) => requests.push(request));
    await page.goto(base + '/', { waitUntil: 'networkidle' });
    await page.waitForSelector('#q[role="combobox"]', { state: 'attached' });
    await screenshot(page, 'home');

    const origin = new URL(base).origin;
    const urls = requests.map((r) => r.url());
    const foreign = urls.filter((url) => !url.startsWith('data:') && new URL(url).origin !== origin);
    assert.deepEqual(foreign, [], 'every request goes to the Agora server');
    assert.deepEqual(context.offLoopback, []);
    const paths = urls.filter((u) => !u.startsWith('data:')).map((u) => new URL(u).pathname);
    for (const needed of ['/', '/agora.css', '/agora.js', '/i18n/languages.json', '/i18n/en.json']) {
      assert.ok(paths.includes(needed), `${needed} was loaded (${paths.join(', ')})`);
    }

    let total = 0;
    for (const request of requests) {
      if (request.url().startsWith('data:')) continue;
      const response = await request.response();
      assert.ok(response, `${request.url()} was answered`);
      assert.equal(response.status(), 200, request.url());
      const sizes = await request.sizes();
      const body = sizes.responseBodySize || (await response.body()).length;
      total += body + sizes.responseHeadersSize + sizes.requestHeadersSize;
    }
    assert.ok(total > 10_000, `${total} bytes measured`);
    assert.ok(total < 100 * 1024, `the first page weighs ${total} bytes`);
  } finally {
    await context.close();
  }
});

// ------------------------------------------------------------------ fields from the daemon

test('the page takes its facets from /api/fields, in the order the daemon gives', async () => {
  const context = await newContext(browser);
  try {
    const page = await context.newPage();
    // A daemon whose schema had only two filter fields, the other way round.
    await page.route('**/api/fields', (route) => route.fulfill({
      contentType: 'application/json',
      body: JSON.stringify({ fields: [
        { name: 'type', query_field: 'type', multi_valued: true },
        { name: 'language', query_field: 'lang', multi_valued: false }] }),
    }));
    await page.goto(base + '/?q=cooperative&lang=en');
    await page.waitForSelector('#agora-results > li.agora-hit');
    const shown = await page.locator('#agora-facets section.agora-facet').evaluateAll(
      (sections) => sections.map((section) => section.dataset.facet));
    assert.deepEqual(shown, ['type', 'language']);
  } finally {
    await context.close();
  }
});
