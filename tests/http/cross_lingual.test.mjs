// The learner's version of a work over HTTP: pages linked by hreflang alone, the API's
// `matched` and `query_language`, the labels of the no-JavaScript page, works in stats.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { addToIndex, indexStats, scratch, startServer, webRoot } from './server_harness.mjs';

const SITE = 'https://coop.example.org';
const LANGUAGES = { en: 'Household budget spreadsheet', fr: 'Tableur du budget familial', de: 'Haushaltsplan als Tabelle' };
const BODIES = {
  en: 'Plan the spending of the year with the members.',
  fr: "Planifier les dépenses de l'année avec les membres.",
  de: 'Die Ausgaben des Jahres mit den Mitgliedern planen.',
};

// Each page names the others only through <link rel="alternate" hreflang>, relative to
// itself, as a multilingual site does; no record declares a work.
function writeSite(dir) {
  for (const [lang, title] of Object.entries(LANGUAGES)) {
    const alternates = Object.keys(LANGUAGES)
      .map((other) => `<link rel="alternate" hreflang="${other}" href="../${other}/budget.html">`)
      .join('\n');
    mkdirSync(path.join(dir, 'site', lang), { recursive: true });
    writeFileSync(path.join(dir, 'site', lang, 'budget.html'), `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><title>${title}</title>
<link rel="canonical" href="${SITE}/${lang}/budget.html">
${alternates}
</head><body><main><p>${BODIES[lang]}</p></main></body></html>`);
  }
  // Enough pages of each language for its vocabulary to count as evidence.
  const filler = [];
  for (let i = 0; i < 6; i++) {
    filler.push({ id: `en-${i}`, url: `${SITE}/en/n${i}`, inLanguage: 'en', title: `Meeting notes ${i}`, text: 'The members plan the year and the spending together.' });
    filler.push({ id: `fr-${i}`, url: `${SITE}/fr/n${i}`, inLanguage: 'fr', title: `Compte rendu ${i}`, text: "Les membres planifient l'année et les dépenses ensemble." });
  }
  writeFileSync(path.join(dir, 'notes.jsonl'), filler.map((r) => JSON.stringify(r)).join('\n') + '\n');
}

let space, server, db;
before(async () => {
  space = scratch();
  writeSite(space.dir);
  db = path.join(space.dir, 'index');
  // The French page first, so that its links resolve only when the others arrive.
  addToIndex(db, [path.join(space.dir, 'site', 'fr')]);
  addToIndex(db, [path.join(space.dir, 'site', 'en'), path.join(space.dir, 'site', 'de'), path.join(space.dir, 'notes.jsonl')]);
  server = await startServer(['--db', db, '--web', webRoot, '--threads', '2']);
});
after(async () => {
  await server?.stop();
  space?.cleanup();
});

const search = async (query) => (await fetch(`${server.url}/api/search?${query}`)).json();

test('hreflang alone makes one work of the three pages', () => {
  const stats = indexStats(db);
  assert.equal(stats.documents, 15);
  assert.deepEqual(stats.works_by_languages, { 1: 12, 2: 0, '3+': 1 });
  assert.equal(stats.works, 13);
});

test('English words, French learner: the French page is the hit and names the English one', async () => {
  const body = await search('q=household+spreadsheet&lang=fr');
  assert.equal(body.query_language, 'en');
  assert.equal(body.hits.length, 1);
  const [hit] = body.hits;
  assert.equal(hit.url, `${SITE}/fr/budget.html`);
  assert.equal(hit.title, LANGUAGES.fr);
  assert.equal(hit.in_learner_language, true);
  assert.equal(hit.matched.url, `${SITE}/en/budget.html`);
  assert.equal(hit.matched.language, 'en');
  assert.deepEqual(hit.translations.map((t) => t.language), ['de', 'en']);
});

test('a query in the learner\'s own words names no other version and no other language', async () => {
  const body = await search('q=tableur+familial&lang=fr');
  assert.equal(body.query_language, null);
  assert.equal(body.hits[0].url, `${SITE}/fr/budget.html`);
  assert.equal(body.hits[0].matched, null);
});

test('without a version in the learner\'s language the matching version stays the hit', async () => {
  const body = await search('q=household+spreadsheet&lang=es');
  assert.equal(body.hits[0].url, `${SITE}/en/budget.html`);
  assert.equal(body.hits[0].in_learner_language, false);
  assert.equal(body.hits[0].matched, null);
});

test('the no-JavaScript page says through which version a hit was found', async () => {
  // The page speaks the learner's language.
  const response = await fetch(`${server.url}/search?q=household+spreadsheet&lang=fr`);
  const html = await response.text();
  assert.equal(response.status, 200);
  assert.match(html, /class="agora-matched">Trouvé par sa version en anglais</);
});
