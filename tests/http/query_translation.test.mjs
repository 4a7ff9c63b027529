// Query translation over HTTP, with the dictionaries scripts/build.sh compiles from the
// installed FreeDict packages: pages that no link joins, found across languages through
// the query's translation; what the answer and the no-JavaScript page say; translate=off;
// a server without dictionaries.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { conforms, isProblem } from './openapi_contract.mjs';
import { addToIndex, scratch, startServer, webRoot } from './server_harness.mjs';

const SITE = 'https://coop.example.org';

// A community garden in English and in French, unlinked, among pages of each language
// that give the index its vocabulary.
function writeRecords(dir) {
  const records = [
    { id: 'garden-en', url: `${SITE}/en/garden`, inLanguage: 'en', title: 'Community garden', text: 'Grow vegetables together on shared land.' },
    { id: 'garden-fr', url: `${SITE}/fr/jardin`, inLanguage: 'fr', title: 'Jardin partagé', text: 'Cultiver des légumes ensemble dans un jardin commun.' },
  ];
  for (let i = 0; i < 6; i++) {
    records.push({ id: `en-${i}`, url: `${SITE}/en/n${i}`, inLanguage: 'en', title: `Meeting notes ${i}`, text: 'The members plan the year and the spending together.' });
    records.push({ id: `fr-${i}`, url: `${SITE}/fr/n${i}`, inLanguage: 'fr', title: `Compte rendu ${i}`, text: "Les membres planifient l'année et les dépenses ensemble." });
  }
  const file = path.join(dir, 'records.jsonl');
  writeFileSync(file, records.map((r) => JSON.stringify(r)).join('\n') + '\n');
  return file;
}

let space, server, db;
before(async () => {
  space = scratch();
  db = path.join(space.dir, 'index');
  addToIndex(db, [writeRecords(space.dir)]);
  server = await startServer(['--db', db, '--web', webRoot, '--threads', '2']);
});
after(async () => {
  await server?.stop();
  space?.cleanup();
});

const get = async (query) => {
  const response = await fetch(`${server.url}/api/search?${query}`);
  return { status: response.status, body: await response.json() };
};

test('the server says at start-up which dictionaries it mapped', () => {
  assert.match(server.log.stderr, /translation: \d+ dictionaries, \d+ MB mapped/);
});

test('English words find the French page through their translation, and say so', async () => {
  const { status, body } = await get('q=garden&lang=fr');
  assert.equal(status, 200);
  conforms('SearchResponse', body);
  assert.equal(body.translate, true);
  assert.equal(body.query_language, 'en');
  assert.equal(body.translated[0].language, 'fr');
  assert.match(body.translated[0].query, /jardin/);
  const [first, second] = body.hits;
  assert.equal(first.id, 'garden-fr');
  assert.equal(first.in_learner_language, true);
  assert.equal(first.through_translation, true);
  assert.match(first.snippet, /<mark>/);
  assert.equal(second.id, 'garden-en');
  assert.equal(second.through_translation, false);
});

test('translate=off searches the words as typed', async () => {
  const { body } = await get('q=garden&lang=fr&translate=off');
  assert.equal(body.translate, false);
  assert.deepEqual(body.translated, []);
  assert.deepEqual(body.hits.map((hit) => hit.id), ['garden-en']);
});

test('translate takes on or off, nothing else', async () => {
  const response = await fetch(`${server.url}/api/search?q=garden&translate=maybe`);
  const body = await response.json();
  isProblem({ status: response.status, headers: response.headers, body }, 400);
  assert.match(body.detail, /translate: 'maybe' is not one of on, off/);
});

test('French words find the English page, translated into English', async () => {
  const { body } = await get('q=jardin&lang=en');
  assert.equal(body.query_language, 'fr');
  assert.ok(body.translated.some((t) => t.language === 'en' && /garden/.test(t.query)), JSON.stringify(body.translated));
  assert.equal(body.hits[0].id, 'garden-en');
  assert.equal(body.hits[0].through_translation, true);
});

test('the no-JavaScript page names what was also searched, in the interface language', async () => {
  const french = await (await fetch(`${server.url}/search?q=garden&lang=fr`)).text();
  assert.match(french, /class="agora-translated">Recherché aussi en français : <span dir="auto" lang="fr">[^<]*jardin/);
  assert.match(french, /class="agora-through-translation">Trouvé grâce à une traduction de votre recherche</);
  const english = await (await fetch(`${server.url}/search?q=jardin&lang=en`)).text();
  assert.match(english, /class="agora-translated">Also searched in English: <span dir="auto" lang="en">[^<]*garden/);
  const off = await (await fetch(`${server.url}/search?q=garden&lang=fr&translate=off`)).text();
  assert.doesNotMatch(off, /agora-translated/);
});

test('without dictionaries the server says so at start-up and searches as typed', async () => {
  const bare = await startServer(['--db', db, '--threads', '2', '--dictionaries', path.join(space.dir, 'none.agora')]);
  try {
    assert.match(bare.log.stderr, /none\.agora: no compiled dictionaries \(make them with agora-index dictionaries\)/);
    assert.match(bare.log.stderr, /no dictionaries found; queries are searched as typed/);
    const body = await (await fetch(`${bare.url}/api/search?q=garden&lang=fr`)).json();
    assert.deepEqual(body.translated, []);
    assert.deepEqual(body.hits.map((hit) => hit.id), ['garden-en']);
  } finally {
    await bare.stop();
  }
});
