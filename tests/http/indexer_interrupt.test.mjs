// agora-index add interrupted by SIGINT or killed outright: the index stays readable and
// holds only whole documents, from the batches committed before the interruption.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { agoraIndex, scratch } from './server_harness.mjs';

const RECORDS = 20000;
const BATCH = 100;

function writeFeed(dir) {
  const feed = path.join(dir, 'big.jsonl');
  const lines = [];
  for (let i = 0; i < RECORDS; i++) {
    lines.push(JSON.stringify({
      id: `bulk-${i}`, url: `https://bulk.example.org/${i}`, inLanguage: 'en',
      title: `Co-operative practice note ${i}`,
      text: 'Members meet, decide together and share the surplus. '.repeat(40),
    }));
  }
  writeFileSync(feed, lines.join('\n') + '\n');
  return feed;
}

function stats(db) {
  const run = spawnSync(agoraIndex, ['stats', '--db', db, '--json'], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  return JSON.parse(run.stdout);
}

async function interrupted(signal) {
  const space = scratch();
  try {
    const feed = writeFeed(space.dir);
    const db = path.join(space.dir, 'index');
    const child = spawn(agoraIndex, ['add', '--db', db, '--batch', String(BATCH), feed], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    // Interrupt once the first batches are committed (a sanitizer build starts slowly).
    for (let waited = 0; waited < 120000; waited += 200) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      if (child.exitCode !== null) break;
      const run = spawnSync(agoraIndex, ['stats', '--db', db, '--json'], { encoding: 'utf8' });
      if (run.status === 0 && JSON.parse(run.stdout).documents >= 2 * BATCH) break;
    }
    assert.equal(child.exitCode, null, 'the import is still running when interrupted');
    const code = await new Promise((resolve) => {
      child.once('exit', (exitCode, exitSignal) => resolve(exitCode ?? exitSignal));
      child.kill(signal);
    });
    const counted = stats(db);
    assert.ok(counted.documents > 0 && counted.documents < RECORDS, `${counted.documents} documents`);
    return { code, output, documents: counted.documents };
  } finally {
    space.cleanup();
  }
}

test('SIGINT: the run stops between records, commits what it has, exits 130', async () => {
  const { code, output, documents } = await interrupted('SIGINT');
  assert.equal(code, 130);
  assert.match(output, /interrupted, committed work kept/);
  assert.match(output, new RegExp(`${documents} documents`));
});

test('SIGKILL: the index opens with whole batches only', async () => {
  const { code, documents } = await interrupted('SIGKILL');
  assert.equal(code, 'SIGKILL');
  assert.equal(documents % BATCH, 0, `${documents} is a whole number of committed batches`);
});
