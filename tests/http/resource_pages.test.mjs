// Being found on the web: /resource/{id} pages (no JavaScript, the learner's UI language,
// schema.org JSON-LD, hreflang alternates, ratings and comments), /sitemap.xml with
// alternates between translations, /robots.txt, noindex on result pages, and
// `agora-index export --format amb` read back by `agora-index add`.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { writeFileSync } from 'node:fs';
import {
  accountWithToken, addToIndex, agoraIndex, buildIndex, record, scratch, startServer, webRoot,
} from './server_harness.mjs';

const HOSTILE_TITLE = 'Careful </script><script>alert(1)</script> quoting';

let space, db, server, base, learner;
before(async () => {
  space = scratch();
  db = buildIndex(space.dir, [record('page-hostile', { title: HOSTILE_TITLE })]);
  server = await startServer(['--db', db, '--web', webRoot, '--no-access-log', '--sitemap-page-size', '10']);
  base = server.url;
  learner = accountWithToken(db, 'page-learner', 'learner').client(base);
});
after(async () => {
  await server?.stop();
  space?.cleanup();
});

const page = async (pathAndQuery, headers = {}) => {
  const response = await fetch(base + pathAndQuery, { headers });
  return { response, html: await response.text() };
};
const jsonLd = (html) => {
  const scripts = [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)];
  assert.equal(scripts.length, 1, 'one JSON-LD block');
  return JSON.parse(scripts[0][1]);
};
const alternates = (html) =>
  [...html.matchAll(/<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">/g)].map((m) => ({ lang: m[1], href: m[2] }));

function exportIndex(index, format) {
  const run = spawnSync(agoraIndex, ['export', '--db', index, ...(format ? ['--format', format] : [])], {
    encoding: 'utf8', maxBuffer: 64 << 20,
  });
  assert.equal(run.status, 0, run.stderr);
  return run.stdout.trim().split('\n').map((line) => JSON.parse(line));
}

test('a resource page: its facts in the UI language, the resource in its own', async () => {
  const { response, html } = await page('/resource/start-a-coop-en?lang=de');
  assert.equal(response.status, 200);
  assert.match(response.headers.get('content-type'), /^text\/html/);
  assert.match(response.headers.get('vary') ?? '', /Accept-Language/);
  assert.match(html, /<html lang="de" dir="ltr">/);
  assert.match(html, /<article lang="en" dir="auto">\n<h1 id="agora-resource-title">Starting a co-operative: a step-by-step guide<\/h1>/);
  assert.match(html, /<dt>Lizenz<\/dt><dd><a rel="license" href="https:\/\/creativecommons.org\/licenses\/by-sa\/4.0\/">CC-BY-SA-4.0<\/a><\/dd>/);
  assert.match(html, /<dt>Sprache<\/dt><dd>Englisch<\/dd>/, 'ICU names the language in German');
  assert.match(html, /<time datetime="2023-09-18">18\. September 2023<\/time>/);
  assert.match(html, /id="agora-open"[^>]*href="https:\/\/learn\.example\.org\/en\/start-a-cooperative"/);
  assert.doesNotMatch(html, /<script(?! type="(module|application\/ld\+json)")/, 'no script beyond the enhancement and JSON-LD');
  assert.doesNotMatch(html, /name="robots"/, 'resource pages may be indexed');

  // Without ?lang the browser's languages choose; an RTL language turns the page.
  const arabic = await page('/resource/start-a-coop-en', { 'Accept-Language': 'ar, en;q=0.5' });
  assert.match(arabic.html, /<html lang="ar" dir="rtl">/);
});

test('every version names all versions as hreflang alternates, absolute, itself included', async () => {
  const english = alternates((await page('/resource/start-a-coop-en')).html);
  const languages = english.map((a) => a.lang).sort();
  assert.deepEqual(languages, ['ca', 'de', 'en', 'es', 'fr', 'it', 'pl', 'pt']);
  for (const { href } of english) assert.match(href, new RegExp(`^${base}/resource/start-a-coop-`));
  const german = alternates((await page('/resource/start-a-coop-de')).html);
  assert.deepEqual(german.map((a) => a.href).sort(), english.map((a) => a.href).sort(), 'the same set from each version');
  assert.match((await page('/resource/start-a-coop-de')).html, new RegExp(`<link rel="canonical" href="${base}/resource/start-a-coop-de">`));

  // A resource alone has no alternates, and its page lists no other versions.
  const alone = await page('/resource/page-hostile');
  assert.deepEqual(alternates(alone.html), []);
  assert.doesNotMatch(alone.html, /id="agora-versions"/);
});

test('the JSON-LD is a schema.org LearningResource that survives hostile titles', async () => {
  const node = jsonLd((await page('/resource/start-a-coop-en?lang=fr')).html);
  assert.equal(node['@context'], 'https://schema.org');
  assert.equal(node['@type'], 'LearningResource');
  assert.equal(node.name, 'Starting a co-operative: a step-by-step guide');
  assert.equal(node.url, 'https://learn.example.org/en/start-a-cooperative');
  assert.equal(node.inLanguage, 'en');
  assert.equal(node.license, 'https://creativecommons.org/licenses/by-sa/4.0/');
  assert.equal(node.mainEntityOfPage, `${base}/resource/start-a-coop-en`);
  assert.equal(node.workTranslation.length, 7);
  assert.ok(node.workTranslation.every((t) => t['@type'] === 'LearningResource' && /^https:/.test(t.url) && t.inLanguage));

  const hostile = await page('/resource/page-hostile');
  assert.equal(jsonLd(hostile.html).name, HOSTILE_TITLE, 'the title comes back whole from the JSON-LD');
  assert.equal(hostile.html.split('<script>alert(1)').length, 1, 'and never as markup');
});

test('concepts show the label of the learner\'s language, on the page and in the JSON-LD', async () => {
  const local = scratch();
  try {
    const index = path.join(local.dir, 'index');
    addToIndex(index, [new URL('../fixtures/amb/oersi-style.json', import.meta.url).pathname]);
    const amb = await startServer(['--db', index, '--web', webRoot, '--no-access-log']);
    try {
      const id = encodeURIComponent('https://oer.example.org/kurs/lineare-algebra').replace(/%2F/g, '/');
      const german = await (await fetch(`${amb.url}/resource/${id}?lang=de`)).text();
      const english = await (await fetch(`${amb.url}/resource/${id}?lang=en`)).text();
      assert.match(german, /<dt>Thema<\/dt><dd>Mathematik<\/dd>/);
      assert.match(english, /<dt>Subject<\/dt><dd>Mathematics<\/dd>/);
      const about = jsonLd(english).about;
      assert.deepEqual(about, [{ '@type': 'DefinedTerm', '@id': 'https://w3id.org/kim/hochschulfaechersystematik/n105', name: 'Mathematics' }]);
      assert.deepEqual(jsonLd(english).creator.map((c) => [c['@type'], c.name]),
        [['Person', 'Jana Beispiel'], ['Organization', 'Lernwerkstatt eG']]);
    } finally {
      await amb.stop();
    }
  } finally {
    local.cleanup();
  }
});

test('ratings and comments by learners appear on the page', async () => {
  const before = await page('/resource/coop-governance-en?lang=en');
  assert.match(before.html, /<p id="agora-rating">Not rated yet\.<\/p>/);
  assert.match(before.html, /No comments yet\./);
  assert.equal((await learner.post('/api/resources/coop-governance-en/ratings', { stars: 4 })).status, 200);
  const said = 'Clear <b>and</b> useful for our board';
  assert.equal((await learner.post('/api/resources/coop-governance-en/comments', { body: said })).status, 201);

  // Comments are read from the state database at once; ratings reach the index shortly.
  let html = '';
  for (let attempt = 0; attempt < 50; attempt++) {
    html = (await page('/resource/coop-governance-en?lang=en')).html;
    if (/data-value="4.0"/.test(html)) break;
    await new Promise((done) => setTimeout(done, 100));
  }
  assert.match(html, /<p id="agora-rating" data-value="4.0">4.0 out of 5 · 1 rating<\/p>/);
  assert.match(html, /<ol id="agora-comments" class="agora-comments">\n<li><p class="agora-comment-by">page-learner · <time>/);
  assert.ok(html.includes('Clear &lt;b&gt;and&lt;/b&gt; useful for our board'), 'the comment is text, not markup');
  const rating = jsonLd(html).aggregateRating;
  assert.deepEqual([rating['@type'], rating.ratingValue, rating.ratingCount, rating.bestRating], ['AggregateRating', 4, 1, 5]);
});

test('an unknown resource is a 404 page in the learner\'s language, kept out of search engines', async () => {
  const { response, html } = await page('/resource/no-such-resource?lang=fr');
  assert.equal(response.status, 404);
  assert.match(response.headers.get('content-type'), /^text\/html/);
  assert.match(html, /<h1>Ressource introuvable<\/h1>/);
  assert.match(html, /<meta name="robots" content="noindex">/);
  const unknownParameter = await page('/resource/start-a-coop-en?colour=red');
  assert.equal(unknownParameter.response.status, 400);
  assert.match(unknownParameter.html, /colour/);
});

test('result pages say noindex; robots.txt points crawlers at the sitemap', async () => {
  const results = await page('/search?q=cooperative&lang=en');
  assert.equal(results.response.headers.get('x-robots-tag'), 'noindex');
  assert.match(results.html, /<meta name="robots" content="noindex">/);
  assert.match(results.html, /<p class="agora-details" lang="en"><a href="\/resource\/start-a-coop-en\?lang=en">About this resource<\/a><\/p>/);

  const robots = await page('/robots.txt');
  assert.equal(robots.response.status, 200);
  assert.match(robots.response.headers.get('content-type'), /^text\/plain/);
  assert.match(robots.html, /^User-agent: \*$/m);
  assert.match(robots.html, /^Disallow: \/search$/m);
  assert.match(robots.html, /^Disallow: \/api\/$/m);
  assert.match(robots.html, new RegExp(`^Sitemap: ${base}/sitemap.xml$`, 'm'));
});

test('sitemaps: an index of pages when the resources do not fit in one, alternates in each', async () => {
  const documents = exportIndex(db).length;
  const index = await page('/sitemap.xml');
  assert.equal(index.response.status, 200);
  assert.match(index.response.headers.get('content-type'), /^application\/xml/);
  const sitemaps = [...index.html.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
  assert.match(index.html, /<sitemapindex xmlns="http:\/\/www.sitemaps.org\/schemas\/sitemap\/0.9">/);
  assert.equal(sitemaps.length, Math.ceil(documents / 10));
  assert.equal(sitemaps[0], `${base}/sitemap-1.xml`);

  const listed = new Map();
  for (const address of sitemaps) {
    const xml = await (await fetch(address)).text();
    assert.match(xml, /xmlns:xhtml="http:\/\/www.w3.org\/1999\/xhtml"/);
    for (const [, entry] of xml.matchAll(/<url>([\s\S]*?)<\/url>/g)) {
      const loc = /<loc>([^<]+)<\/loc>/.exec(entry)[1];
      const links = [...entry.matchAll(/<xhtml:link rel="alternate" hreflang="([^"]+)" href="([^"]+)" \/>/g)];
      assert.ok(/<lastmod>\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ<\/lastmod>/.test(entry), loc);
      listed.set(loc, links.map((l) => l[2]));
    }
  }
  assert.equal(listed.size, documents, 'every resource once');
  const coop = listed.get(`${base}/resource/start-a-coop-fr`);
  assert.equal(coop.length, 8);
  assert.ok(coop.includes(`${base}/resource/start-a-coop-fr`), 'an entry names itself among its alternates');
  // Each alternate lists the same group back (hreflang must be reciprocal).
  for (const other of coop) assert.deepEqual([...listed.get(other)].sort(), [...coop].sort());

  assert.equal((await fetch(`${base}/sitemap-${sitemaps.length + 1}.xml`)).status, 404);
  assert.equal((await fetch(`${base}/sitemap-0.xml`)).status, 404);
});

test('sitemaps are well-formed XML', { skip: spawnSync('xmllint', ['--version']).error ? 'xmllint is not installed' : false }, async () => {
  const file = path.join(space.dir, 'sitemap-1.xml');
  writeFileSync(file, await (await fetch(`${base}/sitemap-1.xml`)).text());
  const check = spawnSync('xmllint', ['--noout', file], { encoding: 'utf8' });
  assert.equal(check.status, 0, check.stderr);
});

test('export --format amb: AMB LearningResources that agora-index reads back as the same resources', () => {
  const native = exportIndex(db);
  const amb = exportIndex(db, 'amb');
  assert.equal(amb.length, native.length);
  for (const node of amb) {
    assert.equal(node['@context'][0], 'https://w3id.org/kim/amb/context.jsonld');
    assert.ok(node.type.includes('LearningResource'));
    assert.match(node.id, /^https?:\/\//);
    assert.ok(node.name);
    if (node.license) assert.match(node.license.id, /^https:\/\//);
    for (const field of ['about', 'learningResourceType', 'educationalLevel']) {
      for (const concept of node[field] ?? []) assert.match(concept.id, /^https?:\/\//, `${field} holds concepts only`);
    }
  }
  const file = path.join(space.dir, 'amb.jsonl');
  writeFileSync(file, amb.map((n) => JSON.stringify(n)).join('\n') + '\n');
  const again = path.join(space.dir, 'from-amb');
  addToIndex(again, [file]);
  const back = new Map(exportIndex(again).map((r) => [r.id, r]));
  assert.equal(back.size, native.length);
  for (const original of native) {
    const read = back.get(original.id);
    assert.ok(read, `${original.id} comes back under its own id`);
    for (const field of ['title', 'url', 'inLanguage', 'license', 'work', 'description', 'datePublished']) {
      assert.deepEqual(read[field], original[field], `${original.id}: ${field}`);
    }
  }

  const bad = spawnSync(agoraIndex, ['export', '--db', db, '--format', 'csv'], { encoding: 'utf8' });
  assert.notEqual(bad.status, 0);
  assert.match(bad.stderr, /--format: 'csv' must be native or amb/);
});
