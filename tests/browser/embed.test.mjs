// The embeddable widget on a partner page of ANOTHER origin (scenario 7): the script tag
// variant against an agora-searchd that allows the partner's origin (results, shielded
// from hostile host CSS) and one that does not (refusal message), the <agora-search>
// element with theme properties, and the iframe variant (no CORS needed).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { api, launchBrowser, newContext, screenshot, startAgora, strings } from './browser_harness.mjs';

const fr = strings('fr');
const HOSTILE_CSS = `
  * { color: red !important; font-size: 40px; font-family: serif; line-height: 3; letter-spacing: 4px;
      text-transform: uppercase; background: yellow; }
  li, ol { list-style: square; }
  input, button, label, p { display: inline; border: 5px dotted red; }
`;

let host, hostOrigin, allowed, refusing, browser;

// The partner's pages, made per request because they name the searchd ports.
function hostPage(pathname) {
  const page = (body, head = '') => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Partner site</title>
<style>${HOSTILE_CSS}</style>${head}</head>
<body><h1>Our partner library</h1>${body}<p>Footer of the partner site.</p></body></html>`;
  switch (pathname) {
    case '/script':
      return page(`<script src="${allowed.url}/embed.js" data-collection="coop-academy" data-lang="fr" async></script>`);
    case '/script-refused':
      return page(`<script src="${refusing.url}/embed.js" data-collection="coop-academy" data-lang="fr" async></script>`);
    case '/element':
      return page(`<agora-search collection="coop-academy" lang="fr" q="coopérative" target="_blank"
          style="--agora-accent: #5b2a86; --agora-accent-text: #ffffff; --agora-radius: 0"></agora-search>
        <script src="${allowed.url}/embed.js" async></script>`);
    case '/iframe':
      return page(`<iframe src="${refusing.url}/embed.html?collection=coop-academy&amp;lang=fr" title="Agora search"
          width="100%" height="480"></iframe>`);
    default:
      return null;
  }
}

before(async () => {
  host = http.createServer((request, response) => {
    const html = hostPage(new URL(request.url, 'http://x').pathname);
    response.writeHead(html ? 200 : 404, { 'Content-Type': 'text/html; charset=utf-8' });
    response.end(html ?? 'not found');
  });
  await new Promise((resolve) => host.listen(0, '127.0.0.1', resolve));
  hostOrigin = `http://127.0.0.1:${host.address().port}`;
  [allowed, refusing, browser] = await Promise.all([
    startAgora(['--cors-origin', hostOrigin]),
    startAgora(['--cors-origin', 'https://partner.example.org']),   // allows someone else only
    launchBrowser(),
  ]);
});
after(async () => {
  await browser?.close();
  await Promise.all([allowed?.stop(), refusing?.stop()]);
  await new Promise((resolve) => (host ? host.close(resolve) : resolve()));
});

const widget = (scope) => scope.locator('agora-search');

/** Waits for the widget's French strings, then searches from its own form. */
async function searchInWidget(scope, q) {
  const w = widget(scope);
  await w.locator('label').filter({ hasText: fr['search.label'] }).waitFor();
  await w.locator('input[type="search"]').fill(q);
  await w.locator('input[type="search"]').press('Enter');
}

test('the script-tag widget on another origin shows results, shielded from the host CSS', async () => {
  const context = await newContext(browser);
  try {
    const page = await context.newPage();
    const searches = [];
    page.on('request', (r) => { if (new URL(r.url()).pathname === '/api/search') searches.push(r); });
    await page.goto(hostOrigin + '/script');
    assert.equal(await widget(page).count(), 1, 'the script inserted one <agora-search>');
    assert.equal(await page.evaluate(() => !!document.querySelector('agora-search').shadowRoot), true);
    assert.equal(await page.evaluate(() => document.querySelector('agora-search').previousElementSibling.tagName), 'SCRIPT',
      'the widget sits where the script tag is');

    await searchInWidget(page, 'coopérative');
    await widget(page).locator('ol li[data-id]').first().waitFor();
    const expected = await api(allowed.url, '/api/search',
      { q: 'coopérative', lang: 'fr', per_page: 5, collection: 'coop-academy' });
    assert.ok(expected.total > 0);
    const items = widget(page).locator('ol li[data-id]');
    assert.deepEqual(await items.evaluateAll((lis) => lis.map((li) => li.dataset.id)), expected.hits.map((h) => h.id));
    assert.equal(await items.first().getAttribute('lang'), 'fr');
    assert.ok(await items.first().locator('.snippet mark').count() > 0);
    assert.equal((await widget(page).locator('.status').textContent()).trim(), `${expected.total} résultat${expected.total > 1 ? 's' : ''}`);
    const sent = new URL(searches.at(-1).url());
    assert.equal(sent.searchParams.get('collection'), 'coop-academy');
    assert.equal(sent.searchParams.get('lang'), 'fr');
    assert.equal(searches.at(-1).headers().origin, hostOrigin, 'a cross-origin request');

    // Host rules do not reach the widget's text: not the !important colour, not the rest.
    const styles = await page.evaluate(() => {
      const root = document.querySelector('agora-search').shadowRoot;
      const pick = (selector) => {
        const s = getComputedStyle(root.querySelector(selector));
        return { color: s.color, transform: s.textTransform, spacing: s.letterSpacing, family: s.fontFamily, display: s.display };
      };
      return { label: pick('label'), status: pick('.status'), snippet: pick('.snippet'), title: pick('.title'),
        button: pick('button'), input: pick('input'), hostText: getComputedStyle(document.querySelector('h1')).color };
    });
    assert.equal(styles.hostText, 'rgb(255, 0, 0)', 'the hostile CSS is in force on the host page');
    for (const [part, style] of Object.entries(styles)) {
      if (part === 'hostText') continue;
      assert.notEqual(style.color, 'rgb(255, 0, 0)', `${part} text is not the host's red`);
      assert.equal(style.transform, 'none', `${part} is not upper-cased by the host`);
      assert.notEqual(style.family, 'serif', `${part} keeps the widget font`);
    }
    assert.equal(styles.label.color, 'rgb(27, 31, 35)', 'the label has the widget text colour');
    assert.equal(styles.snippet.color, 'rgb(27, 31, 35)', 'the snippet has the widget text colour');
    assert.equal(styles.title.color, 'rgb(10, 92, 74)', 'titles have the widget accent');
    assert.equal(styles.label.display, 'block');
    assert.deepEqual(context.offLoopback, []);
    await screenshot(page, 'widget');
  } finally {
    await context.close();
  }
});

test('the script-tag widget says it was refused when the server does not allow the origin', async () => {
  const context = await newContext(browser);
  try {
    const page = await context.newPage();
    await page.goto(hostOrigin + '/script-refused');
    await searchInWidget(page, 'coopérative');
    const error = widget(page).locator('.status .error');
    await error.waitFor();
    assert.equal(await error.textContent(), fr['embed.refused']);
    assert.equal(await widget(page).locator('ol li').count(), 0);
    assert.equal(await widget(page).locator('.status').getAttribute('role'), 'status');
    await screenshot(page, 'widget-refused');
  } finally {
    await context.close();
  }
});

test('the <agora-search> element takes attributes and theme custom properties', async () => {
  const context = await newContext(browser);
  try {
    const page = await context.newPage();
    await page.goto(hostOrigin + '/element');
    assert.equal(await widget(page).count(), 1, 'no second widget is added next to the existing one');
    const items = widget(page).locator('ol li[data-id]');
    await items.first().waitFor();   // q="coopérative" searches at once
    assert.equal(await widget(page).locator('input').inputValue(), 'coopérative');
    assert.equal(await items.first().getAttribute('lang'), 'fr');
    const link = items.first().locator('a.title');
    assert.equal(await link.getAttribute('target'), '_blank');
    assert.equal(await link.getAttribute('rel'), 'noopener');
    const themed = await page.evaluate(() => {
      const root = document.querySelector('agora-search').shadowRoot;
      const button = getComputedStyle(root.querySelector('button'));
      return { background: button.backgroundColor, color: button.color, radius: button.borderTopLeftRadius,
        title: getComputedStyle(root.querySelector('.title')).color };
    });
    assert.deepEqual(themed, { background: 'rgb(91, 42, 134)', color: 'rgb(255, 255, 255)', radius: '0px',
      title: 'rgb(91, 42, 134)' });
  } finally {
    await context.close();
  }
});

test('the iframe widget works on another origin without any CORS permission', async () => {
  const context = await newContext(browser);
  try {
    const page = await context.newPage();
    await page.goto(hostOrigin + '/iframe');
    const frame = page.frameLocator('iframe[title="Agora search"]');
    await searchInWidget(frame, 'coopérative');
    const items = widget(frame).locator('ol li[data-id]');
    await items.first().waitFor();
    const expected = await api(refusing.url, '/api/search',
      { q: 'coopérative', lang: 'fr', per_page: 5, collection: 'coop-academy' });
    assert.deepEqual(await items.evaluateAll((lis) => lis.map((li) => li.dataset.id)), expected.hits.map((h) => h.id));
    assert.equal(await items.first().locator('a.title').getAttribute('target'), '_blank', 'links leave the frame');
    const inner = page.frames().find((f) => f.url().startsWith(refusing.url));
    assert.ok(inner, 'the frame comes from the Agora server');
    assert.equal(await inner.evaluate(() => document.documentElement.lang), 'fr');
    assert.equal(await widget(frame).locator('.error').count(), 0);
    await screenshot(page, 'widget-iframe');
  } finally {
    await context.close();
  }
});
