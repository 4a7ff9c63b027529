// The published record schema and agora-index agree: the corpus, every export (native
// records and records read from AMB JSON-LD) conform to corpus/schema/record.schema.json,
// and records at the edges of its rules get the same verdict from both.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { agoraIndex, scratch } from './server_harness.mjs';

const root = path.join(path.dirname(new URL(import.meta.url).pathname), '../..');
const schema = JSON.parse(readFileSync(path.join(root, 'corpus/schema/record.schema.json'), 'utf8'));
// "format": "uri" is left to the schema's own pattern (^https?://), as agora-index does.
const validate = new Ajv2020({ strict: false, allErrors: true, validateFormats: false }).compile(schema);

function run(args) {
  const result = spawnSync(agoraIndex, args, { encoding: 'utf8', maxBuffer: 64 << 20 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function exported(db) {
  const result = run(['export', '--db', db]);
  assert.equal(result.status, 0, result.stderr);
  return result.stdout.trim().split('\n').filter(Boolean).map((line) => JSON.parse(line));
}

function assertConforms(records, where) {
  assert.ok(records.length > 0, `${where}: no records`);
  for (const record of records) {
    assert.ok(validate(record), `${where}: ${record.id}: ${JSON.stringify(validate.errors)}`);
  }
}

test('every record the corpus exports conforms to the schema', () => {
  const space = scratch();
  try {
    const db = path.join(space.dir, 'index');
    const added = run(['add', '--db', db, '--quiet', path.join(root, 'corpus')]);
    assert.equal(added.status, 0, added.stderr);
    assertConforms(exported(db), 'corpus export');
  } finally {
    space.cleanup();
  }
});

test('records read from AMB JSON-LD export as schema-valid native records', () => {
  const space = scratch();
  try {
    const db = path.join(space.dir, 'index');
    const added = run(['add', '--db', db, '--quiet', path.join(root, 'tests/fixtures/amb')]);
    assert.equal(added.status, 0, added.stderr);
    const records = exported(db);
    assertConforms(records, 'AMB export');
    const amb = records.find((r) => r.id === 'https://oer.example.org/kurs/lineare-algebra');
    assert.equal(amb.about[0].prefLabel.de, 'Mathematik');
    assert.equal(amb.learningResourceType[0].id, 'https://w3id.org/kim/hcrt/course');
  } finally {
    space.cleanup();
  }
});

// Each record is judged by the schema and by agora-index; they must agree.
const base = { id: 'edge', url: 'https://edge.example.org/a', inLanguage: 'zh', title: 'T' };
const edges = [
  ['a 500-character CJK title (1,500 bytes)', { title: '合'.repeat(500) }, true],
  ['a 501-character title', { title: '合'.repeat(501) }, false],
  ['a 10,000-character description', { description: 'é'.repeat(10000) }, true],
  ['a 10,001-character description', { description: 'a'.repeat(10001) }, false],
  ['a level in the enum', { educationalLevel: 'advanced' }, true],
  ['a level in capitals', { educationalLevel: 'Advanced' }, false],
  ['a level that is a concept', { educationalLevel: { id: 'https://w3id.org/kim/educationalLevel/level_06', prefLabel: { de: 'Bachelor' } } }, true],
  ['a subject concept without an id', { about: [{ prefLabel: { en: 'Maths' } }] }, false],
  ['isAccessibleForFree as text', { isAccessibleForFree: 'yes' }, false],
  ['an id with a space', { id: 'two words' }, false],
  ['an ftp url', { url: 'ftp://edge.example.org/a' }, false],
  ['a publisher list', { publisher: [{ name: 'Lernwerkstatt eG' }] }, true],
];

test('the schema and agora-index give the same verdict at the edges of the rules', () => {
  const space = scratch();
  try {
    for (const [what, change, valid] of edges) {
      const record = { ...base, ...change };
      assert.equal(validate(record), valid, `schema on ${what}: ${JSON.stringify(validate.errors)}`);
      const file = path.join(space.dir, 'edge.jsonl');
      writeFileSync(file, JSON.stringify(record) + '\n');
      const added = run(['add', '--db', path.join(space.dir, 'index'), '--quiet', file]);
      assert.equal(added.status === 0, valid, `agora-index on ${what}: ${added.stderr}`);
    }
  } finally {
    space.cleanup();
  }
});
