// Serving on the open internet: slow and idle clients, the per-address cap, overload,
// trusted proxies, byte-range abuse, compression and cache validators.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import http from 'node:http';
import zlib from 'node:zlib';
import { buildIndex, scratch, startServer, webRoot } from './server_harness.mjs';

let work, db;

before(() => {
  work = scratch();
  db = buildIndex(work.dir);
});

after(() => work?.cleanup());

const portOf = (url) => Number(new URL(url).port);

/** A raw TCP connection from `localAddress`; resolves once connected. */
function connect(url, localAddress = '127.0.0.1') {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: '127.0.0.1', port: portOf(url), localAddress });
    socket.received = '';
    socket.on('data', (chunk) => (socket.received += chunk));
    socket.ended = new Promise((done) => socket.on('close', done));
    socket.once('connect', () => resolve(socket));
    socket.once('error', reject);
  });
}

/** One GET over a fresh connection from `localAddress`: { status, headers, body (Buffer), ms }. */
function request(url, path, { headers = {}, localAddress = '127.0.0.1' } = {}) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const req = http.get({ host: '127.0.0.1', port: portOf(url), path, headers, localAddress, agent: false },
      (response) => {
        const chunks = [];
        response.on('data', (chunk) => chunks.push(chunk));
        response.on('end', () => resolve({
          status: response.statusCode, headers: response.headers, body: Buffer.concat(chunks),
          ms: performance.now() - started,
        }));
      });
    req.on('error', reject);
  });
}

const search = (url, localAddress) =>
  request(url, '/api/search?q=cooperative&lang=en', { localAddress });

test('a thousand slow connections from one address do not keep another client waiting', async () => {
  const server = await startServer(['--db', db, '--no-access-log', '--max-connections-per-address', '2000']);
  try {
    const unloaded = [];
    for (let i = 0; i < 20; i++) unloaded.push((await search(server.url, '127.0.0.2')).ms);
    // Half hold a partial request line, half trickle a header byte at a time.
    const slow = [];
    for (let i = 0; i < 1000; i++) {
      const socket = await connect(server.url);
      socket.write(i % 2 ? 'GET /api/search?q=co' : 'GET / HTTP/1.1\r\nX-Slow: ');
      slow.push(socket);
    }
    const trickle = setInterval(() => {
      for (let i = 0; i < slow.length; i += 2) if (!slow[i].destroyed) slow[i].write('a');
    }, 200);
    try {
      const loaded = [];
      for (let i = 0; i < 20; i++) {
        const answer = await search(server.url, '127.0.0.2');
        assert.equal(answer.status, 200);
        loaded.push(answer.ms);
      }
      // The bound is generous: it says "answered while the slow clients wait", not a benchmark.
      assert.ok(Math.max(...loaded) < 2000, `searches took ${loaded.map(Math.round)} ms`);
      const metrics = await request(server.url, '/metrics', { localAddress: '127.0.0.2' });
      const open = Number(/agora_connections_open (\d+)/.exec(metrics.body.toString())[1]);
      assert.ok(open >= 1000, `${open} connections open`);
    } finally {
      clearInterval(trickle);
      for (const socket of slow) socket.destroy();
    }
  } finally {
    await server.stop();
  }
});

test('over the per-address cap a connection is refused at once; other addresses still connect', async () => {
  const server = await startServer(['--db', db, '--no-access-log', '--max-connections-per-address', '3']);
  try {
    const held = [];
    for (let i = 0; i < 3; i++) held.push(await connect(server.url));
    const refused = await connect(server.url);
    await refused.ended;
    assert.match(refused.received, /^HTTP\/1\.1 429 /);
    assert.match(refused.received, /Retry-After: \d+/);
    assert.match(refused.received, /application\/problem\+json/);
    assert.equal((await search(server.url, '127.0.0.2')).status, 200);
    held[0].destroy();
    await held[0].ended;
    await new Promise((done) => setTimeout(done, 50));
    assert.equal((await search(server.url)).status, 200, 'a freed place can be taken again');
    for (const socket of held) socket.destroy();
  } finally {
    await server.stop();
  }
});

test('a request head that does not arrive in time gets 408; an idle connection is closed', async () => {
  const server = await startServer(['--db', db, '--no-access-log', '--header-timeout', '0.4',
    '--keep-alive-timeout', '0.4']);
  try {
    const partial = await connect(server.url);
    partial.write('GET /api/search?q=coop HTTP/1.1\r\nHost: x\r\n');
    const started = performance.now();
    await partial.ended;
    assert.match(partial.received, /^HTTP\/1\.1 408 /);
    assert.match(partial.received, /did not arrive within 0\.4 s/);
    assert.ok(performance.now() - started < 3000);

    const idle = await connect(server.url);
    idle.write('GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n');
    await idle.ended;
    assert.match(idle.received, /^HTTP\/1\.1 200 /);
    assert.match(idle.received, /"status":"ok"/);
  } finally {
    await server.stop();
  }
});

test('requests pipelined on one connection are all answered, up to the per-connection limit', async () => {
  const server = await startServer(['--db', db, '--no-access-log', '--max-requests-per-connection', '3']);
  try {
    const socket = await connect(server.url);
    socket.write('GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n'.repeat(5));
    await socket.ended;
    const answers = socket.received.match(/HTTP\/1\.1 200 OK/g) ?? [];
    assert.equal(answers.length, 3);
    assert.match(socket.received, /Connection: close/);
  } finally {
    await server.stop();
  }
});

test('when every worker is busy and the queue is full, 503 with Retry-After at once', async () => {
  const server = await startServer(['--db', db, '--no-access-log', '--threads', '1', '--queue-length', '1',
    '--body-timeout', '5']);
  try {
    // The one worker reads a body that arrives slowly.
    const busy = await connect(server.url);
    busy.write('POST /api/requests HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n' +
      'Content-Length: 100\r\n\r\n{');
    await new Promise((done) => setTimeout(done, 200));
    const queued = await connect(server.url);
    queued.write('GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
    await new Promise((done) => setTimeout(done, 200));
    const started = performance.now();
    const refused = await connect(server.url);
    refused.write('GET /api/stats HTTP/1.1\r\nHost: x\r\n\r\n');
    await refused.ended;
    assert.ok(performance.now() - started < 1000, 'refused at once, not queued');
    assert.match(refused.received, /^HTTP\/1\.1 503 /);
    assert.match(refused.received, /Retry-After: 1/);
    assert.match(refused.received, /"status":503/);
    // Liveness still answers: a busy daemon is alive.
    const alive = await connect(server.url);
    alive.write('GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n');
    await alive.ended;
    assert.match(alive.received, /^HTTP\/1\.1 200 /);
    assert.match(alive.received, /"status":"ok","version":"\d+\.\d+\.\d+"/);
    busy.destroy();
    await queued.ended;
    assert.match(queued.received, /^HTTP\/1\.1 200 /, 'the queued request is answered once the worker is free');
    const metrics = await request(server.url, '/metrics');
    assert.match(metrics.body.toString(), /agora_connections_refused_total\{reason="overload"\} 1/);
  } finally {
    await server.stop();
  }
});

test('slow request bodies hold at most half the workers; searches still get through', async () => {
  const server = await startServer(['--db', db, '--no-access-log', '--threads', '4', '--body-timeout', '10']);
  try {
    // Eight bodies that never finish: two workers may wait for them, the rest fail at once.
    const slow = [];
    for (let i = 0; i < 8; i++) {
      const socket = await connect(server.url);
      socket.write('POST /api/requests HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n' +
        'Content-Length: 100\r\n\r\n{');
      slow.push(socket);
    }
    await new Promise((done) => setTimeout(done, 300));
    const refused = slow.filter((socket) => /^HTTP\/1\.1 4\d\d /.test(socket.received));
    assert.equal(refused.length, 6, 'all but two slow bodies are refused at once');
    for (let i = 0; i < 10; i++) {
      const answer = await search(server.url, '127.0.0.2');
      assert.equal(answer.status, 200);
      assert.ok(answer.ms < 2000);
    }
    for (const socket of slow) socket.destroy();
  } finally {
    await server.stop();
  }
});

test('X-Forwarded-For is believed from a trusted proxy only, for the access log and rate limits', async () => {
  const ask = (url, forwardedFor) => fetch(`${url}/api/requests`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': forwardedFor },
    body: JSON.stringify({ topic: `Guide to worker cooperatives ${forwardedFor}`, language: 'en' }),
  });
  const trusting = await startServer(['--db', db, '--state', `${work.dir}/trusting.sqlite`,
    '--trusted-proxy', '127.0.0.1', '--anonymous-requests-per-hour', '1']);
  try {
    assert.equal((await ask(trusting.url, '203.0.113.7')).status, 201);
    assert.equal((await ask(trusting.url, '203.0.113.8')).status, 201, 'another client behind the proxy');
    const again = await ask(trusting.url, '198.51.100.1, 203.0.113.7');
    assert.equal(again.status, 429, 'the rightmost untrusted hop is the client');
    assert.match(again.headers.get('retry-after'), /^\d+$/);
    await new Promise((done) => setTimeout(done, 100));
    assert.match(trusting.log.stdout, /"remote":"203\.0\.113\.8"/);
  } finally {
    await trusting.stop();
  }
  const untrusting = await startServer(['--db', db, '--state', `${work.dir}/untrusting.sqlite`,
    '--anonymous-requests-per-hour', '1']);
  try {
    assert.equal((await ask(untrusting.url, '203.0.113.7')).status, 201);
    assert.equal((await ask(untrusting.url, '203.0.113.8')).status, 429, 'a made-up header changes nothing');
  } finally {
    await untrusting.stop();
  }
});

test('byte ranges: one is served; many get the file once instead of a copy per range', async () => {
  const server = await startServer(['--db', db, '--no-access-log', '--web', webRoot]);
  try {
    const one = await request(server.url, '/embed.js', { headers: { Range: 'bytes=0-9' } });
    assert.equal(one.status, 206);
    assert.equal(one.body.length, 10);
    const many = await request(server.url, '/embed.js',
      { headers: { Range: 'bytes=' + Array(500).fill('0-4999').join(',') } });
    const whole = await request(server.url, '/embed.js');
    assert.equal(many.status, 200);
    assert.equal(many.body.length, whole.body.length);
  } finally {
    await server.stop();
  }
});

test('JSON and pages are gzipped for clients that accept it, never Brotli; static files carry validators', async () => {
  const server = await startServer(['--db', db, '--no-access-log', '--web', webRoot]);
  try {
    const plain = await request(server.url, '/api/search?q=cooperative&lang=en');
    const zipped = await request(server.url, '/api/search?q=cooperative&lang=en',
      { headers: { 'Accept-Encoding': 'gzip' } });
    assert.equal(zipped.headers['content-encoding'], 'gzip');
    assert.match(zipped.headers.vary, /Accept-Encoding/);
    assert.match(zipped.headers.vary, /Accept-Language/);
    assert.ok(zipped.body.length * 2 < plain.body.length, `${zipped.body.length} vs ${plain.body.length} bytes`);
    const hits = (body) => JSON.parse(body).hits.map((hit) => hit.id);
    assert.deepEqual(hits(zlib.gunzipSync(zipped.body)), hits(plain.body));
    assert.equal(plain.headers['content-encoding'], undefined);

    const page = await request(server.url, '/search?q=cooperative&lang=en', { headers: { 'Accept-Encoding': 'gzip' } });
    assert.equal(page.headers['content-encoding'], 'gzip');

    // What browsers send: gzip is chosen over Brotli, whose slowest setting httplib uses
    // (about 8 ms of CPU per search answer); Brotli alone gets the body as it is.
    const browser = await request(server.url, '/api/search?q=cooperative&lang=en',
      { headers: { 'Accept-Encoding': 'gzip, deflate, br' } });
    assert.equal(browser.headers['content-encoding'], 'gzip');
    assert.deepEqual(hits(zlib.gunzipSync(browser.body)), hits(plain.body));
    const brotliOnly = await request(server.url, '/api/search?q=cooperative&lang=en', { headers: { 'Accept-Encoding': 'br' } });
    assert.equal(brotliOnly.headers['content-encoding'], undefined);
    assert.deepEqual(hits(brotliOnly.body), hits(plain.body));
    const style = await request(server.url, '/agora.css', { headers: { 'Accept-Encoding': 'br, gzip' } });
    assert.equal(style.headers['content-encoding'], 'gzip');

    const first = await request(server.url, '/');
    assert.equal(first.status, 200);
    assert.match(first.headers.etag, /^"[0-9a-f]{32}"$/);
    assert.ok(first.headers['last-modified']);
    assert.equal(first.headers['cache-control'], 'no-cache');
    const script = await request(server.url, '/embed.js');
    assert.match(script.headers['cache-control'], /max-age=\d+/);
    const byTag = await request(server.url, '/', { headers: { 'If-None-Match': first.headers.etag } });
    assert.equal(byTag.status, 304);
    assert.equal(byTag.body.length, 0);
    const byDate = await request(server.url, '/', { headers: { 'If-Modified-Since': first.headers['last-modified'] } });
    assert.equal(byDate.status, 304);
    const changed = await request(server.url, '/', { headers: { 'If-None-Match': '"other"' } });
    assert.equal(changed.status, 200);
    assert.ok(changed.body.length > 1000);
  } finally {
    await server.stop();
  }
});
