// Settings that change without a restart (SIGHUP), and --check-config, which tells whether
// a start would succeed before the service is restarted or reloaded.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { agoraSearchd, buildIndex, scratch, startServer } from './server_harness.mjs';

const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

async function allowedOrigin(url, origin) {
  const response = await fetch(`${url}/api/search?q=cooperative`, { headers: { Origin: origin } });
  assert.equal(response.status, 200);
  return response.headers.get('access-control-allow-origin');
}

/** Waits until the daemon's standard error has logged a line matching `pattern`. */
async function logged(server, pattern) {
  for (let waited = 0; waited < 10000; waited += 50) {
    if (pattern.test(server.log.stderr)) return;
    await sleep(50);
  }
  throw new Error(`nothing logged matches ${pattern}: ${server.log.stderr}`);
}

/** A keep-alive connection that sends a request and resolves with the whole answer. */
function keptConnection(url) {
  const { hostname, port } = new URL(url);
  const socket = net.connect({ host: hostname, port: Number(port) });
  let received = '';
  let closed = false;
  socket.on('data', (chunk) => (received += chunk));
  socket.on('close', () => (closed = true));
  return {
    async get(target) {
      received = '';
      socket.write(`GET ${target} HTTP/1.1\r\nHost: ${hostname}\r\n\r\n`);
      for (let waited = 0; waited < 5000 && !closed; waited += 20) {
        const head = received.indexOf('\r\n\r\n');
        const length = /content-length: (\d+)/i.exec(received);
        if (head >= 0 && length && received.length >= head + 4 + Number(length[1])) return received;
        await sleep(20);
      }
      throw new Error(`no answer on the kept connection (closed: ${closed}): ${received}`);
    },
    end: () => socket.destroy(),
  };
}

test('SIGHUP changes CORS origins and rate limits without a restart or a dropped connection', async () => {
  const space = scratch();
  try {
    const db = buildIndex(space.dir);
    const config = path.join(space.dir, 'searchd.json');
    const settings = { db, cors_origins: ['https://one.example.org'], access_log: false, threads: 8 };
    writeFileSync(config, JSON.stringify(settings));
    const server = await startServer(['--config', config]);
    try {
      assert.equal(await allowedOrigin(server.url, 'https://one.example.org'), 'https://one.example.org');
      assert.equal(await allowedOrigin(server.url, 'https://two.example.org'), null);
      const kept = keptConnection(server.url);
      assert.match(await kept.get('/healthz'), /"status":"ok"/);

      writeFileSync(config, JSON.stringify({
        ...settings, cors_origins: ['https://two.example.org'], registrations_per_hour: 1, threads: 9,
      }));
      server.process.kill('SIGHUP');
      await logged(server, /reload: cors_origins/);
      assert.equal(await allowedOrigin(server.url, 'https://two.example.org'), 'https://two.example.org');
      assert.equal(await allowedOrigin(server.url, 'https://one.example.org'), null);
      assert.match(server.log.stderr, /reload: cors_origins: \["https:\/\/one.example.org"\] -> \["https:\/\/two.example.org"\]/);
      assert.match(server.log.stderr, /reload: registrations_per_hour: 5 -> 1/);
      assert.match(server.log.stderr, /reload: threads: 8 -> 9 \(takes effect at the next start\)/);
      assert.match(await kept.get('/healthz'), /"status":"ok"/, 'the connection opened before the reload still answers');
      kept.end();

      // The new registration limit holds: one account from this address in the hour.
      const register = (username) => fetch(`${server.url}/api/accounts`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ username, password: 'correct horse battery staple' }),
      });
      assert.equal((await register('first')).status, 201);
      assert.equal((await register('second')).status, 429);

      // A file that does not check changes nothing, and the daemon keeps serving.
      writeFileSync(config, JSON.stringify({ ...settings, cors_origins: ['https://three.example.org'], colour: 'blue' }));
      server.process.kill('SIGHUP');
      await logged(server, /reload refused/);
      assert.match(server.log.stderr, /reload refused, the settings stay as they were: .*colour: unknown setting/);
      assert.equal(await allowedOrigin(server.url, 'https://two.example.org'), 'https://two.example.org');
      assert.equal(await allowedOrigin(server.url, 'https://three.example.org'), null);
    } finally {
      assert.equal(await server.stop(), 0, 'SIGTERM still stops it cleanly after reloads');
    }
  } finally {
    space.cleanup();
  }
});

test('SIGHUP changes ranking weights and turns query translation on, without serving old pages', async () => {
  const space = scratch();
  try {
    const db = buildIndex(space.dir);
    const config = path.join(space.dir, 'searchd.json');
    const settings = { db, access_log: false, translation: false };
    writeFileSync(config, JSON.stringify(settings));
    const server = await startServer(['--config', config]);
    try {
      const search = async () => (await fetch(`${server.url}/api/search?q=cooperative+members&lang=fr`)).json();
      const before = await search();
      assert.ok(before.hits.length > 0);
      assert.deepEqual(before.translated, []);
      assert.deepEqual((await search()).hits, before.hits, 'the same page again, from the cache');

      writeFileSync(config, JSON.stringify({ ...settings, translation: true, bm25_k1: 3, bm25_b: 0.2 }));
      server.process.kill('SIGHUP');
      await logged(server, /reload: bm25_b/);
      assert.match(server.log.stderr, /reload: translation: false -> true/);
      assert.match(server.log.stderr, /reload: bm25_k1: 1.2 -> 3(\.0)?\n/);
      assert.match(server.log.stderr, /translation: \d+ dictionaries, \d+ MB mapped/, 'the dictionaries are mapped on the reload');
      const after = await search();
      assert.notDeepEqual(after.hits.map((hit) => hit.score), before.hits.map((hit) => hit.score),
        'scores follow the new BM25 parameters, not the cached page');
      assert.ok(after.translated.length > 0, JSON.stringify(after.translated));
    } finally {
      await server.stop();
    }
  } finally {
    space.cleanup();
  }
});

test('--check-config prints the settings and says whether a start would succeed', () => {
  const space = scratch();
  try {
    const db = buildIndex(space.dir);
    const config = path.join(space.dir, 'searchd.json');
    writeFileSync(config, JSON.stringify({ db, cors_origins: ['https://one.example.org'], access_log_mode: 'minimal' }));
    const good = spawnSync(agoraSearchd, ['--check-config', '--config', config], { encoding: 'utf8' });
    assert.equal(good.status, 0, good.stderr);
    const shown = JSON.parse(good.stdout);
    assert.equal(shown.db, db);
    assert.deepEqual(shown.cors_origins, ['https://one.example.org']);
    assert.equal(shown.access_log_mode, 'minimal');
    assert.equal(shown.port, 8080);
    assert.match(good.stderr, /the settings are usable/);

    writeFileSync(config, JSON.stringify({ db, oai_page_size: 0 }));
    const bad = spawnSync(agoraSearchd, ['--check-config', '--config', config], { encoding: 'utf8' });
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /searchd\.json: oai_page_size: '0' must be a whole number from 1/);

    const missing = path.join(space.dir, 'no-index');
    writeFileSync(config, JSON.stringify({ db: missing, web: path.join(space.dir, 'no-web') }));
    const unusable = spawnSync(agoraSearchd, ['--check-config', '--config', config], { encoding: 'utf8' });
    assert.equal(unusable.status, 1);
    assert.match(unusable.stderr, new RegExp(`db ${missing}: `));
    assert.match(unusable.stderr, /web .*no-web: not a folder/);
    assert.equal(JSON.parse(unusable.stdout).db, missing, 'the settings are printed even so');
  } finally {
    space.cleanup();
  }
});
