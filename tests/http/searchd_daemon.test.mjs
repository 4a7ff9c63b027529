// agora-searchd as a daemon: live index updates, configuration, start-up errors, SIGTERM.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { addToIndex, agoraSearchd, buildIndex, scratch, startServer } from './server_harness.mjs';

test('a running agora-index add shows up without a restart', async () => {
  const space = scratch();
  try {
    const db = buildIndex(space.dir);
    const server = await startServer(['--db', db, '--no-access-log']);
    const search = async () =>
      (await (await fetch(`${server.url}/api/search?q=quokkaology&lang=en`)).json()).total;
    assert.equal(await search(), 0);
    const extra = path.join(space.dir, 'new.jsonl');
    writeFileSync(extra, JSON.stringify({
      id: 'quokka', url: 'https://x.example.org/q', title: 'Quokkaology for co-ops', inLanguage: 'en',
    }) + '\n');
    addToIndex(db, [extra]);
    assert.equal(await search(), 1);
    assert.equal(await server.stop(), 0, 'SIGTERM stops the daemon cleanly');
  } finally {
    space.cleanup();
  }
});

test('a config file sets what flags do; flags win', async () => {
  const space = scratch();
  try {
    const db = buildIndex(space.dir);
    const config = path.join(space.dir, 'searchd.json');
    writeFileSync(config, JSON.stringify({ db, cors_origins: ['https://a.example.org'], access_log: false }));
    const server = await startServer(['--config', config, '--cors-origin', 'https://b.example.org']);
    for (const origin of ['https://a.example.org', 'https://b.example.org']) {
      const response = await fetch(`${server.url}/api/stats`, { headers: { Origin: origin } });
      assert.equal(response.headers.get('access-control-allow-origin'), origin);
    }
    assert.equal(server.log.stdout, '', 'access_log: false in the file');
    await server.stop();
  } finally {
    space.cleanup();
  }
});

test('bad flags, bad config and a missing index fail at start-up with a message', () => {
  const space = scratch();
  try {
    const missing = spawnSync(agoraSearchd, ['--db', path.join(space.dir, 'none'), '--port', '0'], { encoding: 'utf8' });
    assert.notEqual(missing.status, 0);
    assert.match(missing.stderr, /no index at/);
    const flag = spawnSync(agoraSearchd, ['--bogus'], { encoding: 'utf8' });
    assert.equal(flag.status, 2);
    assert.match(flag.stderr, /unknown option '--bogus'/);
    const config = path.join(space.dir, 'bad.json');
    writeFileSync(config, '{"port": "eighty"}');
    const bad = spawnSync(agoraSearchd, ['--config', config], { encoding: 'utf8' });
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /port/);
    const proxy = spawnSync(agoraSearchd, ['--trusted-proxy', '127.0.0.1,proxy.example'], { encoding: 'utf8' });
    assert.equal(proxy.status, 2);
    assert.match(proxy.stderr, /--trusted-proxy: 'proxy\.example' is not an IP address/);
    const timeout = spawnSync(agoraSearchd, ['--header-timeout', '0'], { encoding: 'utf8' });
    assert.equal(timeout.status, 2);
    assert.match(timeout.stderr, /--header-timeout: '0' must be a number from 0\.1 to 3600/);
    writeFileSync(config, '{"max_connections_per_address": 0}');
    const cap = spawnSync(agoraSearchd, ['--config', config], { encoding: 'utf8' });
    assert.equal(cap.status, 2);
    assert.match(cap.stderr, /max_connections_per_address/);
    const help = spawnSync(agoraSearchd, ['--help'], { encoding: 'utf8' });
    assert.equal(help.status, 0);
    assert.match(help.stdout, /--cors-origin/);
    assert.match(help.stdout, /--trusted-proxy/);
  } finally {
    space.cleanup();
  }
});

test('--access-log minimal keeps the request line but not who searched what', async () => {
  const space = scratch();
  try {
    const db = buildIndex(space.dir);
    const lines = async (args) => {
      const server = await startServer(['--db', db, ...args]);
      await fetch(`${server.url}/api/search?q=minimalword&lang=en`);
      await new Promise((resolve) => setTimeout(resolve, 100));
      await server.stop();
      return server.log.stdout.trim().split('\n').filter(Boolean).map((line) => JSON.parse(line));
    };
    const [full] = await lines([]);
    assert.equal(full.q, 'minimalword');
    assert.equal(full.remote, '127.0.0.1');
    const [minimal] = await lines(['--access-log', 'minimal']);
    assert.equal(minimal.path, '/api/search');
    assert.equal(minimal.status, 200);
    assert.ok(!('q' in minimal) && !('remote' in minimal), JSON.stringify(minimal));
    assert.deepEqual(await lines(['--access-log', 'off']), []);
    const config = path.join(space.dir, 'minimal.json');
    writeFileSync(config, JSON.stringify({ access_log_mode: 'minimal' }));
    const [fromFile] = await lines(['--config', config]);
    assert.ok(!('q' in fromFile), 'access_log_mode in the config file');
    const refused = spawnSync(agoraSearchd, ['--db', db, '--access-log', 'everything'], { encoding: 'utf8' });
    assert.equal(refused.status, 2);
    assert.match(refused.stderr, /--access-log: 'everything' is not full, minimal or off/);
  } finally {
    space.cleanup();
  }
});
