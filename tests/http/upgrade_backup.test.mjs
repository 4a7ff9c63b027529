// Upgrades and backups as the volunteer running a server meets them: an index of an older
// schema refused with the commands that rebuild it (and those commands working), backups
// taken while records and accounts are being written, and restores that give back exactly
// what was backed up.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import {
  scratch, startServer, agoraIndex, agoraSearchd, buildIndex, runAdmin, createAccount, record, webRoot,
} from './server_harness.mjs';

const work = scratch();
after(() => work.cleanup());

function exportOf(db) {
  const run = spawnSync(agoraIndex, ['export', '--db', db], { encoding: 'utf8', maxBuffer: 1 << 28 });
  assert.equal(run.status, 0, run.stderr);
  return run.stdout.split('\n').filter(Boolean);
}

function admin(db, args) {
  const run = runAdmin(db, args);
  assert.equal(run.status, 0, `admin ${args.join(' ')}: ${run.stderr}`);
  return run;
}

function usernames(db) {
  return admin(db, ['list-accounts']).stdout.split('\n').filter(Boolean).map((line) => line.split('\t')[1]);
}

test('searchd refuses an index of an older schema with commands that rebuild it', async () => {
  const dir = path.join(work.dir, 'old-schema');
  spawnSync('mkdir', ['-p', dir]);
  const db = buildIndex(dir);
  const before = exportOf(db);
  // What an index written by an agora-index of schema version 2 carries.
  const stamp = spawnSync('xapian-metadata', ['set', db, 'agora.schema', '2'], { encoding: 'utf8' });
  assert.equal(stamp.status, 0, stamp.stderr);

  await assert.rejects(startServer(['--db', db, '--web', webRoot]), (error) => {
    assert.match(error.message, /has schema version 2; this build reads \d+/);
    assert.match(error.message, /agora-index export --db /);
    return true;
  });
  const refused = spawnSync(agoraIndex, ['add', '--db', db, path.join(dir, 'extra.jsonl')], { encoding: 'utf8' });
  assert.notEqual(refused.status, 0);
  assert.match(refused.stderr, /has schema version 2/);

  // The commands, run as printed, rebuild an index that serves the same records.
  const started = spawnSync(agoraSearchd, ['--db', db, '--port', '0'], { encoding: 'utf8' });
  const commands = started.stderr.split('\n').filter((line) => /^ {2}\S/.test(line)).map((line) => line.trim());
  assert.equal(commands.length, 3, started.stderr);
  for (const command of commands) {
    const ran = spawnSync('sh', ['-c', command], {
      encoding: 'utf8',
      env: { ...process.env, PATH: `${path.dirname(agoraIndex)}:${process.env.PATH}` },
    });
    assert.equal(ran.status, 0, `${command}: ${ran.stderr}`);
  }
  assert.deepEqual(exportOf(db).sort(), before.sort());
  const server = await startServer(['--db', db, '--web', webRoot, '--no-access-log']);
  try {
    const stats = await (await fetch(`${server.url}/api/stats`)).json();
    assert.equal(stats.documents, before.length);
  } finally {
    await server.stop();
  }
});

test('backups taken during writes restore to consistent copies; a quiet one to an identical export', async () => {
  const dir = path.join(work.dir, 'backups');
  spawnSync('mkdir', ['-p', dir]);
  const db = buildIndex(dir);
  const corpusCount = exportOf(db).length;
  createAccount(db, 'before-writes', 'admin');
  const server = await startServer(['--db', db, '--web', webRoot, '--no-access-log']);

  // A failed check must not leave the daemon running and the test runner waiting on it.
  let final;
  try {
    // 3,000 records committed 10 at a time by agora-index while the daemon serves.
    const total = 3000;
    const batch = 10;
    const records = path.join(dir, 'writes.jsonl');
    writeFileSync(records, Array.from({ length: total }, (_, i) => JSON.stringify(record(`write-${String(i).padStart(5, '0')}`))).join('\n') + '\n');
    const writer = spawn(agoraIndex, ['add', '--db', db, '--quiet', '--no-compact', '--jobs', '1', '--batch', String(batch), records], { stdio: 'ignore' });
    const finished = new Promise((resolve) => writer.once('exit', resolve));

    const taken = [];
    let accounts = 0;
    let writerDone = false;
    finished.then(() => (writerDone = true));
    while (!writerDone && taken.length < 6) {
      createAccount(db, `during-${accounts}`, 'learner');
      accounts += 1;
      const target = path.join(dir, `backup-${taken.length}`);
      admin(db, ['backup', target]);
      taken.push({ target, accountsBefore: accounts });
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
    assert.equal(await finished, 0, 'the writer finished');
    assert.ok(taken.length >= 2, 'backups were taken while the writer ran');

    final = exportOf(db);
    const finalLines = new Set(final);
    let sawPartial = false;
    for (const [n, { target, accountsBefore }] of taken.entries()) {
      const manifest = JSON.parse(readFileSync(path.join(target, 'backup.json'), 'utf8'));
      const restoredDb = path.join(dir, `restored-${n}`, 'index');
      admin(restoredDb, ['restore', target]);
      const restored = exportOf(restoredDb);
      assert.equal(restored.length, manifest.index.documents, 'the manifest counts what was copied');
      // Every record is whole and as finally written, and the writes form whole batches in
      // their order: one committed revision, never a torn one.
      for (const line of restored) assert.ok(finalLines.has(line), `restored record ${line.slice(0, 80)} is one that was written`);
      const written = restored.map((line) => JSON.parse(line).id).filter((id) => id.startsWith('write-')).sort();
      assert.equal(restored.length - written.length, corpusCount);
      assert.deepEqual(written, Array.from({ length: written.length }, (_, i) => `write-${String(i).padStart(5, '0')}`));
      assert.equal(written.length % batch, 0, `backup ${n} holds whole batches (${written.length} writes)`);
      if (written.length > 0 && written.length < total) sawPartial = true;
      // The state: every account made before the backup started, none made after it ended.
      const names = usernames(restoredDb);
      assert.ok(names.includes('before-writes'));
      for (let i = 0; i < accountsBefore; i += 1) assert.ok(names.includes(`during-${i}`), `backup ${n} has during-${i}`);
      assert.ok(!names.includes(`during-${accountsBefore}`));
    }
    assert.ok(sawPartial, 'at least one backup caught the writer half-way');

  } catch (error) {
    await server.stop();
    throw error;
  }

  // Quiet now: a backup restores to the same export, byte for byte, and the same accounts.
  const quiet = path.join(dir, 'backup-quiet');
  admin(db, ['backup', quiet]);
  await server.stop();
  const restoredDb = path.join(dir, 'restored-quiet', 'index');
  admin(restoredDb, ['restore', quiet]);
  assert.equal(exportOf(restoredDb).join('\n'), final.join('\n'));
  assert.deepEqual(usernames(restoredDb), usernames(db));

  // The restored copy serves.
  const again = await startServer(['--db', restoredDb, '--web', webRoot, '--no-access-log']);
  try {
    const stats = await (await fetch(`${again.url}/api/stats`)).json();
    assert.equal(stats.documents, final.length);
  } finally {
    await again.stop();
  }
});

test('restore moves what was there aside and refuses what is not a backup', () => {
  const dir = path.join(work.dir, 'restore-aside');
  spawnSync('mkdir', ['-p', dir]);
  const db = buildIndex(dir);
  createAccount(db, 'kept', 'admin');
  const backup = path.join(dir, 'backup');
  admin(db, ['backup', backup]);

  const notEmpty = runAdmin(db, ['backup', backup]);
  assert.equal(notEmpty.status, 2);
  assert.match(notEmpty.stderr, /is not empty: back up into a new folder/);
  const notBackup = runAdmin(db, ['restore', dir]);
  assert.equal(notBackup.status, 2);
  assert.match(notBackup.stderr, /is not an Agora backup \(it has no backup\.json\)/);

  createAccount(db, 'made-later', 'learner');
  const restored = admin(db, ['restore', backup]);
  assert.match(restored.stdout, /moved the index that was there to .*\.replaced-/);
  assert.match(restored.stdout, /moved the state database that was there to .*\.replaced-/);
  assert.deepEqual(usernames(db), ['kept']);
  // Nothing was lost: the replaced state still holds the later account.
  const replacedState = readdirSync(dir).find((name) => /^index\.state\.sqlite\.replaced-[0-9TZ-]+$/.test(name));
  assert.ok(replacedState, readdirSync(dir).join(' '));
  assert.ok(usernames({ state: path.join(dir, replacedState) }).includes('made-later'));
  assert.ok(existsSync(path.join(dir, replacedState.replace('.state.sqlite', ''))));
});
