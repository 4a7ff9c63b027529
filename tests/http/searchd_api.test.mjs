// HTTP integration tests of agora-searchd on the sample corpus: parameters, filters,
// facets, query syntax, suggestions, ranking, escaping, errors, CORS, OpenAPI conformance.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { buildIndex, scratch, startServer, webRoot } from './server_harness.mjs';

const openapi = JSON.parse(
  readFileSync(path.join(path.dirname(new URL(import.meta.url).pathname), '../../docs/openapi.json'), 'utf8'),
);
const ajv = new Ajv2020({ strict: false, allErrors: true });
ajv.addSchema(openapi, 'openapi');
const conforms = (schemaName, body) => {
  const validate = ajv.getSchema(`openapi#/components/schemas/${schemaName}`);
  assert.ok(validate(body), `${schemaName}: ${ajv.errorsText(validate.errors)}`);
};

const hostile = {
  id: 'hostile-page',
  url: 'https://x.example.org/hostile',
  title: 'Zanzibarian <img src=x onerror=alert(1)> tricks',
  inLanguage: 'en',
  text: '<script>alert("x")</script> zanzibarian method & "quotes" <b>bold</b>.',
};

let space, server, base;
before(async () => {
  space = scratch();
  const db = buildIndex(space.dir, [hostile]);
  server = await startServer(['--db', db, '--web', webRoot,
    '--cors-origin', 'https://partner.example.org', '--threads', '2']);
  base = server.url;
});
after(async () => {
  await server?.stop();
  space?.cleanup();
});

const get = async (pathAndQuery, headers = {}) => {
  const response = await fetch(base + pathAndQuery, { headers });
  const text = await response.text();
  let body = text;
  try { body = JSON.parse(text); } catch {}
  return { status: response.status, headers: response.headers, body };
};

test('a search answers in the documented shape', async () => {
  const { status, headers, body } = await get('/api/search?q=cooperative&lang=en');
  assert.equal(status, 200);
  assert.match(headers.get('content-type'), /application\/json/);
  conforms('SearchResponse', body);
  assert.ok(body.total > 0);
  assert.equal(body.lang, 'en');
  for (const facet of ['language', 'type', 'license', 'level', 'subject', 'collection']) {
    assert.ok(Array.isArray(body.facets[facet]), facet);
  }
});

test('the learner language comes from lang, else Accept-Language', async () => {
  const french = await get('/api/search?q=coop%C3%A9rative&lang=fr');
  assert.equal(french.body.hits[0].language, 'fr');
  const spanish = await get('/api/search?q=cooperativa', { 'Accept-Language': 'es-ES,es;q=0.9,en;q=0.5' });
  assert.equal(spanish.body.lang, 'es');
  assert.equal(spanish.body.hits[0].language, 'es');
  assert.ok(spanish.body.hits[0].in_learner_language);
});

test('translations collapse into one hit that links to the others', async () => {
  const { body } = await get('/api/search?q=nextcloud&lang=es');
  const first = body.hits[0];
  assert.equal(first.language, 'es');
  assert.ok(first.translations.length >= 2);
  const ids = body.hits.flatMap((hit) => [hit.id, ...hit.translations.map((t) => t.id)]);
  assert.equal(new Set(ids).size, ids.length, 'no resource appears twice');
});

test('each filter narrows the results and facet counts agree', async () => {
  const all = await get('/api/search?lang=en&per_page=50');
  for (const facet of ['language', 'type', 'license', 'level', 'subject', 'collection']) {
    const top = all.body.facets[facet][0];
    assert.ok(top, `facet ${facet} has values`);
    const filtered = await get(`/api/search?lang=en&per_page=50&${facet}=${encodeURIComponent(top.value)}`);
    assert.equal(filtered.status, 200);
    assert.ok(filtered.body.total > 0 && filtered.body.total <= all.body.total, facet);
    assert.deepEqual(filtered.body.filters[facet], [top.value]);
  }
  const japanese = await get('/api/search?lang=en&language=ja');
  assert.ok(japanese.body.hits.every((hit) => hit.language.startsWith('ja')));
  const count = all.body.facets.language.find((f) => f.value === 'ja').count;
  assert.equal(japanese.body.total, count);
  const two = await get('/api/search?lang=en&language=ja,ko');
  assert.ok(two.body.total > japanese.body.total);
});

test('paging and sorting', async () => {
  const first = await get('/api/search?lang=en&per_page=5&page=1');
  const second = await get('/api/search?lang=en&per_page=5&page=2');
  assert.equal(first.body.hits.length, 5);
  assert.equal(second.body.page, 2);
  const firstIds = new Set(first.body.hits.map((h) => h.id));
  assert.ok(second.body.hits.every((h) => !firstIds.has(h.id)));
  const byDate = await get('/api/search?lang=en&sort=date&per_page=20');
  assert.equal(byDate.body.sort, 'date');
  const dates = [];
  for (const hit of byDate.body.hits) {
    const record = await get(`/api/resources/${encodeURIComponent(hit.id)}`);
    dates.push(record.body.datePublished ?? '');
  }
  assert.deepEqual([...dates].sort().reverse(), dates);
});

test('phrases, exclusions and fields', async () => {
  const words = await get('/api/search?lang=fr&q=coop%C3%A9rative');
  const excluded = await get('/api/search?lang=fr&q=coop%C3%A9rative%20-parts');
  assert.ok(excluded.body.total < words.body.total);
  const phrase = await get('/api/search?lang=fr&q=%22une%20coop%C3%A9rative%22');
  assert.ok(phrase.body.total > 0);
  assert.ok(phrase.body.hits.some((h) => /<mark>une<\/mark> <mark>coopérative<\/mark>/i.test(h.snippet)));
  const typed = await get('/api/search?lang=en&q=type:video');
  assert.ok(typed.body.hits.every((h) => h.types.includes('video')));
  const broken = await get('/api/search?lang=en&q=%22unclosed%20(((%20OR');
  assert.equal(broken.status, 200);
});

test('did-you-mean and autocomplete', async () => {
  const typo = await get('/api/search?lang=en&q=cooperativs');
  assert.equal(typo.body.suggestion, 'cooperatives');
  const suggest = await get('/api/suggest?q=coop&lang=fr');
  assert.equal(suggest.status, 200);
  conforms('SuggestResponse', suggest.body);
  assert.equal(suggest.body.suggestions[0].kind, 'title');
  assert.equal(suggest.body.suggestions[0].language, 'fr');
  const opensearch = await get('/api/suggest?q=gover&lang=en&format=opensearch');
  assert.equal(opensearch.body[0], 'gover');
  assert.ok(opensearch.body[1].includes('governance'));
});

test('hostile HTML in a record is escaped in snippets; titles stay data', async () => {
  const { body } = await get('/api/search?lang=en&q=zanzibarian');
  const hit = body.hits.find((h) => h.id === 'hostile-page');
  assert.ok(hit);
  assert.ok(!hit.snippet.includes('<script>'));
  assert.ok(!hit.snippet.includes('<b>'));
  assert.ok(hit.snippet.includes('&lt;script&gt;'));
  assert.ok(hit.snippet.includes('<mark>zanzibarian</mark>'));
  assert.equal(hit.title, hostile.title);  // JSON carries the title as text; clients escape it
});

test('resources, stats, health, metrics and OpenSearch', async () => {
  const resource = await get('/api/resources/hostile-page');
  assert.equal(resource.status, 200);
  conforms('Resource', resource.body);
  const stats = await get('/api/stats');
  conforms('Stats', stats.body);
  assert.ok(stats.body.documents >= 89);
  const health = await get('/healthz');
  conforms('Health', health.body);
  const fields = await get('/api/fields');
  conforms('Fields', fields.body);
  const names = fields.body.fields.map((field) => field.name);
  assert.deepEqual(names, ['language', 'type', 'level', 'subject', 'license', 'collection']);
  // Each field is a facet of every search answer and a filter the search accepts.
  const searched = await get('/api/search?q=cooperative&lang=en');
  assert.deepEqual(Object.keys(searched.body.facets).sort(), [...names].sort());
  for (const name of names) assert.equal((await get(`/api/search?q=coop&${name}=x`)).status, 200, name);
  const ready = await get('/readyz');
  conforms('Ready', ready.body);
  assert.ok(ready.body.documents >= 89);
  const metrics = await get('/metrics');
  assert.match(metrics.headers.get('content-type'), /text\/plain/);
  assert.match(metrics.body, /agora_requests_total\{route="\/api\/search",status="200"\} \d+/);
  assert.match(metrics.body, /agora_request_duration_seconds_bucket\{route="\/api\/search",le="0.01"\}/);
  assert.match(metrics.body, /agora_index_documents \d+/);
  assert.match(metrics.body, /agora_connections_open \d+/);
  const opensearch = await get('/opensearch.xml');
  assert.match(opensearch.headers.get('content-type'), /opensearchdescription\+xml/);
  assert.match(opensearch.body, /template="http:\/\/127\.0\.0\.1:\d+\/search\?q=\{searchTerms\}"/);
});

test('every error is a problem+json with a 4xx status and a message', async () => {
  const cases = [
    ['/api/search?page=0', 400, /page/],
    ['/api/search?page=abc', 400, /page/],
    ['/api/search?per_page=500', 400, /per_page/],
    ['/api/search?per_page=50&page=100', 400, /page/],
    ['/api/search?sort=popular', 400, /sort/],
    ['/api/search?lang=not!a!tag', 400, /lang/],
    ['/api/search?colour=red', 400, /unknown parameter 'colour'/],
    [`/api/search?q=${'x'.repeat(501)}`, 400, /q:/],
    [`/api/search?${Array.from({ length: 31 }, (_, i) => `_p${i}=1`).join('&')}`, 400, /too many/],
    ['/api/suggest?limit=99', 400, /limit/],
    ['/api/resources/no-such-id', 404, /no-such-id/],
    ['/api/nothing-here', 404, /nothing is served/],
  ];
  for (const [url, status, message] of cases) {
    const response = await get(url);
    assert.equal(response.status, status, url);
    assert.match(response.headers.get('content-type'), /application\/problem\+json/, url);
    conforms('Problem', response.body);
    assert.equal(response.body.status, status);
    assert.match(response.body.detail, message, url);
  }
  // Bytes that are not UTF-8 are refused, and never take the server down.
  for (const url of ['/api/search?q=%FF', '/api/search?lang=%FF', '/api/suggest?q=%C3', '/%FF', '/healthz?q=%FF']) {
    const response = await get(url);
    assert.ok(response.status < 500, `${url} answered ${response.status}`);
  }
  assert.equal((await get('/api/search?q=%FF')).status, 400);
  assert.equal((await get('/healthz')).status, 200, 'still serving');
  const cacheBuster = await get('/api/search?q=coop&_=12345');
  assert.equal(cacheBuster.status, 200);
});

test('CORS: allowed origins get the header, others do not', async () => {
  const allowed = await get('/api/search?q=coop', { Origin: 'https://partner.example.org' });
  assert.equal(allowed.headers.get('access-control-allow-origin'), 'https://partner.example.org');
  assert.match(allowed.headers.get('vary') ?? '', /Origin/);
  const refused = await get('/api/search?q=coop', { Origin: 'https://evil.example.com' });
  assert.equal(refused.headers.get('access-control-allow-origin'), null);
  const preflight = await fetch(`${base}/api/search?q=coop`, {
    method: 'OPTIONS',
    headers: { Origin: 'https://partner.example.org', 'Access-Control-Request-Method': 'GET' },
  });
  assert.equal(preflight.status, 204);
  assert.equal(preflight.headers.get('access-control-allow-origin'), 'https://partner.example.org');
  assert.match(preflight.headers.get('access-control-allow-methods'), /GET/);
});

test('static files are served and no path escapes the web folder', async () => {
  const page = await get('/');
  assert.equal(page.status, 200);
  assert.match(page.body, /<form id="agora-search-form"[^>]*role="search"/);
  const strings = await fetch(`${base}/i18n/fr.json`, { headers: { Origin: 'https://elsewhere.example' } });
  assert.equal(strings.headers.get('access-control-allow-origin'), '*', 'widget strings are public');
  for (const escape of ['/../../../../etc/passwd', '/%2e%2e/%2e%2e/%2e%2e/etc/passwd', '/..%2f..%2fetc/passwd']) {
    const response = await get(escape);
    assert.ok(response.status >= 400, escape);
    assert.ok(!String(response.body).includes('root:'), escape);
  }
});

test('the access log has one JSON line per request', async () => {
  await get('/api/search?q=logline');
  await new Promise((resolve) => setTimeout(resolve, 100));
  const line = server.log.stdout.trim().split('\n').map((l) => JSON.parse(l)).find((l) => l.q === 'logline');
  assert.ok(line);
  assert.equal(line.status, 200);
  assert.equal(line.path, '/api/search');
  assert.equal(typeof line.ms, 'number');
});

test('the no-JavaScript /search page: same results, escaped, translated, RTL', async () => {
  const api = await get('/api/search?q=coop%C3%A9rative&lang=fr');
  const page = await get('/search?q=coop%C3%A9rative&lang=fr');
  assert.equal(page.status, 200);
  assert.match(page.headers.get('content-type'), /text\/html/);
  assert.match(page.body, /<html lang="fr" dir="ltr">/);
  const ids = [...page.body.matchAll(/<li class="agora-hit" data-id="([^"]+)"/g)].map((m) => m[1]);
  assert.deepEqual(ids, api.body.hits.map((h) => h.id));
  assert.match(page.body, /role="status"[^>]*>\d+ résultats</);
  assert.match(page.body, /<section data-facet="language">/);

  const hostilePage = await get('/search?q=zanzibarian&lang=en');
  assert.ok(!hostilePage.body.includes('<img src=x'));
  assert.ok(hostilePage.body.includes('Zanzibarian &lt;img src=x onerror=alert(1)&gt; tricks'));
  assert.ok(!hostilePage.body.includes('<script>alert'));

  const arabic = await get('/search?q=cooperativs&lang=ar');
  assert.match(arabic.body, /<html lang="ar" dir="rtl">/);
  assert.match(arabic.body, /id="agora-did-you-mean"/);
  const echoed = await get('/search?q=%22%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E&lang=en');
  assert.ok(!echoed.body.includes('"><script>'), 'the query is escaped where it is echoed');
});
