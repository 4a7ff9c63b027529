// /oai harvested by agora-index harvest into an empty index: the same resources come back,
// deletions (agora-index remove) are reported, and protocol errors carry OAI-PMH codes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { agoraIndex, buildIndex, scratch, startServer } from './server_harness.mjs';

function run(args) {
  const result = spawnSync(agoraIndex, args, { encoding: 'utf8', maxBuffer: 64 << 20 });
  return result;
}

function exportedByUrl(db) {
  const result = run(['export', '--db', db]);
  assert.equal(result.status, 0, result.stderr);
  const records = result.stdout.trim().split('\n').map((line) => JSON.parse(line));
  return new Map(records.map((r) => [r.url, r]));
}

test('our own harvester harvests /oai into an empty index: the same resources', async () => {
  const space = scratch();
  const db = buildIndex(space.dir);
  const server = await startServer(['--db', db, '--no-access-log', '--oai-page-size', '7', '--oai-identifier', 'agora.test']);
  try {
    const copy = path.join(space.dir, 'copy');
    const harvested = run(['harvest', '--db', copy, `${server.url}/oai`]);
    assert.equal(harvested.status, 0, harvested.stderr);
    assert.match(harvested.stderr, /done: \d+ pages/);
    const original = exportedByUrl(db);
    const copied = exportedByUrl(copy);
    assert.equal(copied.size, original.size);
    for (const [url, record] of original) {
      const back = copied.get(url);
      assert.ok(back, `${url} was not harvested`);
      assert.equal(back.id, `oai:agora.test:${record.id}`);  // namespaced by the repository
      assert.equal(back.title, record.title, url);
      assert.equal(back.inLanguage, record.inLanguage, url);
      assert.equal(back.license, record.license, url);
    }

    // Protocol errors are OAI-PMH errors (HTTP 200 with a code).
    const bad = await fetch(`${server.url}/oai?verb=ListRecords&metadataPrefix=marc21`);
    assert.equal(bad.status, 200);
    assert.match(await bad.text(), /<error code="cannotDisseminateFormat">/);
    const noVerb = await (await fetch(`${server.url}/oai?verb=Harvest`)).text();
    assert.match(noVerb, /<error code="badVerb">/);
    const extra = await (await fetch(`${server.url}/oai?verb=Identify&set=x`)).text();
    assert.match(extra, /<error code="badArgument">/);
    const token = await (await fetch(`${server.url}/oai?verb=ListRecords&resumptionToken=nonsense`)).text();
    assert.match(token, /<error code="badResumptionToken">/);
    const unknown = await (await fetch(`${server.url}/oai?verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:agora.test:nothing`)).text();
    assert.match(unknown, /<error code="idDoesNotExist">/);
  } finally {
    await server.stop();
    space.cleanup();
  }
});

test('a record removed from the index is reported deleted, persistently', async () => {
  const space = scratch();
  const db = buildIndex(space.dir);
  const ids = [...exportedByUrl(db).values()].map((r) => r.id);
  const removed = run(['remove', '--db', db, ids[0]]);
  assert.equal(removed.status, 0, removed.stderr);
  const server = await startServer(['--db', db, '--no-access-log', '--oai-identifier', 'agora.test']);
  try {
    const answer = await (await fetch(`${server.url}/oai?verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:agora.test:${ids[0]}`)).text();
    assert.match(answer, /<header status="deleted">/);
    const identify = await (await fetch(`${server.url}/oai?verb=Identify`)).text();
    assert.match(identify, /<deletedRecord>persistent<\/deletedRecord>/);
  } finally {
    await server.stop();
    space.cleanup();
  }
});
