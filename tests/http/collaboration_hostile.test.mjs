// Hostile input to the collaboration API: markup stored as text and escaped in pages,
// oversized and malformed bodies, wrong content types, odd JSON, SQL-looking strings.
// Whatever arrives, answers stay valid JSON (or escaped HTML) and the daemon keeps serving.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import zlib from 'node:zlib';
import { Client, PASSWORD, record, serveWithAccounts } from './server_harness.mjs';
import { conforms, errorFields, isProblem } from './openapi_contract.mjs';

const MiB = 1024 * 1024;
const SCRIPT = '<script>alert("x")</script>';
const SQL = "Robert'); DROP TABLE submissions;-- ' OR '1'='1";

let served, server, base, anonymous, author, reviewer, learner;

before(async () => {
  // Many registrations and anonymous requests come from one address here: lift the limits.
  served = await serveWithAccounts({
    'hostile-author': 'contributor', 'hostile-reviewer': 'reviewer', 'hostile-learner': 'learner',
  }, ['--registrations-per-hour', '1000', '--anonymous-requests-per-hour', '1000']);
  ({ server, base, anonymous } = served);
  ({ 'hostile-author': author, 'hostile-reviewer': reviewer, 'hostile-learner': learner } = served.clients);
});

after(() => served?.stop());

/**
 * One request with node:http, so that a body can be any bytes, chunked, or cut short by a
 * server that answers 413 before reading it all. Resolves to { status, headers, text, body }.
 */
function raw(method, url, { headers = {}, body, chunks } = {}) {
  return new Promise((resolve, reject) => {
    const request = http.request(base + url, { method, headers }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk) => (text += chunk));
      response.on('end', () => {
        let parsed = text;
        if (/json/.test(response.headers['content-type'] ?? '')) parsed = JSON.parse(text);
        resolve({ status: response.statusCode, headers: new Headers(response.headers), text, body: parsed });
      });
    });
    // A server may close the connection once it has refused the body: that is not a failure.
    request.on('error', (error) => (request.answered ? undefined : reject(error)));
    request.on('response', () => (request.answered = true));
    if (chunks) {
      const next = (i) => {
        if (i === chunks.length) return request.end();
        if (request.destroyed || request.answered) return request.end();
        // After the first chunk, give a server that refuses without reading the body the
        // time to say so, rather than writing into a socket it is closing.
        request.write(chunks[i], () => (i === 0 ? setTimeout(() => next(1), 300) : next(i + 1)));
      };
      next(0);
    } else {
      request.end(body);
    }
  });
}

const bearer = (client) => ({ Authorization: `Bearer ${client.token}` });
const json = { 'Content-Type': 'application/json' };

async function stillServing() {
  const health = await anonymous.get('/healthz');
  assert.equal(health.status, 200, 'the daemon still answers');
  assert.equal(server.process.exitCode, null);
}

test('markup in every field of a record is stored as text and escaped in the HTML pages', async () => {
  const hostile = record('hostile-markup', {
    title: `${SCRIPT} Xylophonic co-op <img src=x onerror=alert(1)>`,
    description: '<img src=x onerror=alert(2)> description',
    text: '</textarea><svg onload=alert(3)> xylophonic body',
    keywords: ['<iframe src=javascript:alert(4)>'],
    author: { name: '<b onmouseover=alert(5)>Mallory</b>' },
    publisher: '<marquee>Publisher</marquee>',
    collection: '"><script>alert(6)</script>',
    about: ['<u>subject</u>'],
    learningResourceType: ['<em>type</em>'],
    unknownField: { '<script>': '</script>' },
  });
  const created = await author.post('/api/resources', hostile);
  assert.equal(created.status, 201, created.text);
  for (const field of ['title', 'description', 'text', 'publisher', 'collection']) {
    assert.equal(created.body.record[field], hostile[field], `${field} stored as typed`);
  }
  assert.deepEqual(created.body.record.unknownField, hostile.unknownField);
  const approved = await reviewer.post('/api/resources/hostile-markup/reviews', { verdict: 'approve' });
  assert.ok([200, 201].includes(approved.status), approved.text);

  const stored = await anonymous.get('/api/resources/hostile-markup');
  assert.equal(stored.body.title, hostile.title);
  assert.deepEqual(stored.body.author, hostile.author);
  const api = await anonymous.get('/api/search?q=xylophonic&lang=en');
  assert.equal(api.body.hits[0].title, hostile.title, 'JSON carries text; clients escape it');
  assert.ok(!api.body.hits[0].snippet.includes('<svg'), 'snippets are HTML and escaped');

  for (const url of ['/search?q=xylophonic&lang=en', `/search?q=${encodeURIComponent(SCRIPT)}&lang=en`]) {
    const page = await anonymous.get(url);
    assert.equal(page.status, 200);
    for (const raw of ['<script>alert', '<img src=x', '<svg onload', '<iframe', '<b onmouseover', '<marquee>', '"><script>', '<u>subject', '<em>type']) {
      assert.ok(!page.text.includes(raw), `${url} contains ${raw}`);
    }
  }
  const page = await anonymous.get('/search?q=xylophonic&lang=en');
  assert.ok(page.text.includes('&lt;script&gt;alert('), 'the title is shown, escaped');
});

test('markup and SQL in comments, display names and requests come back as typed', async () => {
  for (const body of [SCRIPT, SQL, '\u0000 nul, \u202e right-to-left override, \ud83d\ude00 emoji']) {
    const response = await learner.post('/api/resources/hostile-markup/comments', { body });
    if (body.includes('\u0000') && [400, 422].includes(response.status)) continue;  // refusing NUL is fine
    assert.ok([200, 201].includes(response.status), response.text);
    assert.equal(response.body.body, body);
  }
  const comments = await anonymous.get('/api/resources/hostile-markup/comments');
  assert.ok(comments.body.comments.some((c) => c.body === SCRIPT));
  assert.ok(comments.body.comments.some((c) => c.body === SQL));

  const newcomer = new Client(base);
  const registered = await newcomer.register('hostile-newcomer', PASSWORD, `${SCRIPT} ${SQL}`);
  assert.equal(registered.status, 201, registered.text);
  assert.equal(registered.body.account.displayName, `${SCRIPT} ${SQL}`);
  const comment = await newcomer.post('/api/resources/hostile-markup/comments', { body: 'Hello.' });
  assert.ok([200, 201].includes(comment.status), comment.text);
  assert.equal(comment.body.author.displayName, `${SCRIPT} ${SQL}`);

  const request = await anonymous.post('/api/requests', { topic: `${SQL} ${SCRIPT}`, details: SQL, language: 'en' });
  assert.equal(request.status, 201, request.text);
  assert.equal(request.body.topic, `${SQL} ${SCRIPT}`);
  const listed = await anonymous.get(`/api/requests?status=all&q=${encodeURIComponent("' OR 1=1 --")}`);
  assert.equal(listed.status, 200, 'SQL in q is just words');
  const all = await anonymous.get('/api/requests?status=all');
  assert.ok(all.body.requests.some((r) => r.details === SQL), 'stored literally');
});

test('usernames: only 2–40 letters, digits, . _ -; unique regardless of case', async () => {
  const bad = ['<script>', "x' OR 1=1 --", 'a', 'x'.repeat(41), 'two words', 'semi;colon', '../admin', ''];
  for (const username of bad) {
    const response = await new Client(base).register(username);
    isProblem(response, 422, `username ${JSON.stringify(username)}`);
    assert.ok(errorFields(response).includes('username'));
  }
  const short = await new Client(base).register('hostile-short', '123456789');
  isProblem(short, 422, 'nine-character password');
  assert.ok(errorFields(short).includes('password'));
  const taken = await new Client(base).register('HOSTILE-Newcomer');
  assert.ok([409, 422].includes(taken.status), `the same name in other letter case: ${taken.status}`);
  isProblem(taken, taken.status, 'username taken');
  for (const [username, password] of [["x' OR 1=1 --", PASSWORD], ['hostile-newcomer', "' OR '1'='1"]]) {
    isProblem(await new Client(base).signIn(username, password), 401, `sign-in ${username}`);
  }
  const giant = await new Client(base).signIn('u'.repeat(10000), 'p'.repeat(100000));
  assert.ok([401, 422].includes(giant.status), `giant sign-in: ${giant.status}`);
  isProblem(await new Client(base, { token: "agora_' OR 1=1 --" }).get('/api/me'), 401, 'SQL as a token');
});

test('bodies over 1 MiB are 413; chunked bodies 411 and compressed ones 415', async () => {
  const big = JSON.stringify(record('hostile-big', { text: 'x'.repeat(MiB) }));
  assert.ok(Buffer.byteLength(big) > MiB);
  const targets = [
    ['/api/resources', bearer(author)],
    ['/api/requests', {}],
    ['/api/session', {}],
    ['/api/resources/hostile-markup/comments', bearer(learner)],
  ];
  const wrong = [];
  for (const [url, auth] of targets) {
    const sized = await raw('POST', url, { headers: { ...json, ...auth, 'Content-Length': Buffer.byteLength(big) }, body: big });
    isProblem(sized, 413, `${url} with Content-Length`);
    const chunked = [];
    for (let at = 0; at < big.length; at += 64 * 1024) chunked.push(big.slice(at, at + 64 * 1024));
    const streamed = await raw('POST', url, { headers: { ...json, ...auth, 'Transfer-Encoding': 'chunked' }, chunks: chunked });
    // Refused before the body is read: a chunked body has no length to check beforehand.
    if (streamed.status !== 411) wrong.push(`${url} chunked: ${streamed.status}`);
  }
  const form = `topic=${'y'.repeat(MiB)}&language=en`;
  const formAnswer = await raw('POST', '/requests', { headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: form });
  assert.equal(formAnswer.status, 413, 'the form too');
  // Just under the limit is fine.
  const fits = JSON.stringify(record('hostile-fits', { text: 'a '.repeat((MiB - 1000) / 2) }));
  assert.ok(Buffer.byteLength(fits) < MiB);
  const accepted = await raw('POST', '/api/resources', { headers: { ...json, ...bearer(author) }, body: fits });
  assert.equal(accepted.status, 201, accepted.text.slice(0, 300));
  await stillServing();
  assert.deepEqual(wrong, [], 'a body sent without Content-Length is refused too');
  // A compressed body would be inflated in memory before any limit applied.
  const gzipped = await raw('POST', '/api/requests', {
    headers: { ...json, 'Content-Encoding': 'gzip' }, body: zlib.gzipSync(JSON.stringify({ topic: 'zipped', language: 'en' })),
  });
  isProblem(gzipped, 415, 'gzip body');
  assert.equal((await author.get('/api/resources/hostile-big?view=submission')).status, 404, 'nothing of the big one kept');
});

test('bytes that are not UTF-8 are 400 with a message that says so', async () => {
  const wrap = (bytes) => Buffer.concat([Buffer.from('{"topic":"Bad bytes '), Buffer.from(bytes), Buffer.from(' here","details":"x","language":"en"}')]);
  const sequences = [[0xff, 0xfe], [0xc3], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xe2, 0x82]];
  for (const bytes of sequences) {
    const label = bytes.map((b) => b.toString(16)).join(' ');
    const requestAnswer = await raw('POST', '/api/requests', { headers: json, body: wrap(bytes) });
    isProblem(requestAnswer, 400, `request with ${label}`);
    assert.match(requestAnswer.body.detail, /UTF-?8/i, label);
    const recordBody = Buffer.concat([Buffer.from('{"id":"hostile-bytes","url":"https://x.example.org/b","title":"T'), Buffer.from(bytes), Buffer.from('"}')]);
    const recordAnswer = await raw('POST', '/api/resources', { headers: { ...json, ...bearer(author) }, body: recordBody });
    isProblem(recordAnswer, 400, `record with ${label}`);
    assert.match(recordAnswer.body.detail, /UTF-?8/i, label);
  }
  const form = await raw('POST', '/requests', {
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: 'topic=Bad%FFbytes%20here&language=en',
  });
  assert.equal(form.status, 400, `form with %FF: ${form.status}`);
  // A lone surrogate written as a JSON escape is valid UTF-8 on the wire but no character.
  const surrogate = await raw('POST', '/api/requests', { headers: json, body: '{"topic":"Lone \\ud800 surrogate","details":"x","language":"en"}' });
  assert.ok([400, 422].includes(surrogate.status), `lone surrogate escape: ${surrogate.status}`);
  await stillServing();
});

test('a JSON endpoint refuses other content types with 415', async () => {
  const body = JSON.stringify({ topic: 'Content type check', details: 'x', language: 'en' });
  const wrong = [];
  for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'application/jsonp', 'application/xml', undefined]) {
    const headers = type ? { 'Content-Type': type } : {};
    const asRequest = await raw('POST', '/api/requests', { headers, body });
    if (asRequest.status !== 415) wrong.push(`/api/requests as ${type}: ${asRequest.status} ${asRequest.text.slice(0, 120)}`);
    const asRecord = await raw('POST', '/api/resources', { headers: { ...headers, ...bearer(author) }, body: JSON.stringify(record('hostile-type')) });
    if (asRecord.status !== 415) wrong.push(`/api/resources as ${type}: ${asRecord.status} ${asRecord.text.slice(0, 120)}`);
  }
  assert.deepEqual(wrong, [], 'every other content type is 415');
  // A JSON body labelled as multipart cannot even be read as what it claims to be: the
  // server refuses it before any route, with 400 and a message saying why.
  const mislabelled = await raw('POST', '/api/requests', { headers: { 'Content-Type': 'multipart/form-data; boundary=x' }, body });
  isProblem(mislabelled, 400, 'malformed multipart');
  assert.match(mislabelled.body.detail, /Content-Type|body/);
  isProblem(await raw('POST', '/api/session', { headers: { 'Content-Type': 'text/plain' }, body: JSON.stringify({ username: 'hostile-learner', password: PASSWORD }) }), 415, 'session as text/plain');
  isProblem(await author.request('PATCH', '/api/resources/hostile-markup', { json: { description: 'x' }, contentType: 'text/plain' }), 415, 'PATCH as text/plain');
  const charset = await raw('POST', '/api/requests', { headers: { 'Content-Type': 'application/json; charset=utf-8' }, body });
  assert.equal(charset.status, 201, 'a charset parameter is fine');
});

test('JSON that is not an object is 400; wrong types are 422 with the field', async () => {
  for (const body of ['[]', '[{"topic":"Array","language":"en"}]', '"a string"', '42', 'null', 'true', '{"topic":', '', '{"topic":"x",}', "{'topic':'x'}", '['.repeat(100000)]) {
    const label = `body ${body.slice(0, 30)}`;
    isProblem(await raw('POST', '/api/requests', { headers: json, body }), 400, label);
    isProblem(await raw('POST', '/api/resources', { headers: { ...json, ...bearer(author) }, body }), 400, label);
  }
  const pending = await author.post('/api/resources', record('hostile-pending', { title: 'Theremin practice for tenant unions' }));
  assert.equal(pending.status, 201, pending.text);
  const typed = [
    ['/api/requests', anonymous, { topic: ['Array topic'], details: 'x', language: 'en' }, 'topic'],
    ['/api/requests', anonymous, { topic: 'Fine topic', details: 'x', language: 7 }, 'language'],
    ['/api/requests', anonymous, { topic: 'Fine topic', details: { nested: true }, language: 'en' }, 'details'],
    ['/api/requests', anonymous, { topic: 'Fine topic', details: 'x', language: 'en', level: 3 }, 'level'],
    ['/api/resources', author, record('hostile-typed', { title: { text: 'object' } }), 'title'],
    ['/api/resources', author, record('hostile-typed', { url: 12 }), 'url'],
    ['/api/resources/hostile-markup/ratings', learner, { stars: 'five' }, 'stars'],
    ['/api/resources/hostile-markup/comments', learner, { body: ['list'] }, 'body'],
    ['/api/resources/hostile-pending/reviews', reviewer, { verdict: 'maybe', comment: 'x' }, 'verdict'],
    ['/api/resources/hostile-pending/reviews', reviewer, { verdict: 'changes', comment: 42 }, 'comment'],
  ];
  for (const [url, client, body, field] of typed) {
    const response = await client.post(url, body);
    isProblem(response, 422, `${url} ${field}`);
    assert.ok(errorFields(response).includes(field), `${field} in ${response.text}`);
  }
  await stillServing();
});

test('many fields, deep nesting and long strings: a clear answer, never a crash', async () => {
  const wide = record('hostile-wide');
  for (let i = 0; i < 20000; i++) wide[`extra${i}`] = i;
  const wideAnswer = await author.post('/api/resources', wide);
  assert.ok([201, 400, 413, 422].includes(wideAnswer.status), `20,000 fields: ${wideAnswer.status}`);
  const wideRequest = { topic: 'Twenty thousand fields', details: 'x', language: 'en' };
  for (let i = 0; i < 20000; i++) wideRequest[`f${i}`] = 'v';
  const wideRequestAnswer = await anonymous.post('/api/requests', wideRequest);
  assert.ok([201, 400, 422].includes(wideRequestAnswer.status), `request with 20,000 fields: ${wideRequestAnswer.status}`);
  // Written by hand: JSON.stringify itself runs out of stack at this depth.
  const deep = JSON.stringify(record('hostile-deep')).replace(/}$/, `,"nested":${'['.repeat(5000)}${']'.repeat(5000)}}`);
  const deepAnswer = await raw('POST', '/api/resources', { headers: { ...json, ...bearer(author) }, body: deep });
  isProblem(deepAnswer, 400, '5,000 levels');
  assert.match(deepAnswer.body.detail, /nested more than \d+ levels/);

  const long = [
    [record('hostile-long-title', { title: 't'.repeat(501) }), 'title'],
    [record(`hostile-${'i'.repeat(200)}`), 'id'],
    [record('hostile-long-url', { url: `https://x.example.org/${'u'.repeat(2000)} space` }), 'url'],
  ];
  for (const [body, field] of long) {
    const response = await author.post('/api/resources', body);
    isProblem(response, 422, `long ${field}`);
    assert.ok(errorFields(response).includes(field));
  }
  const longText = await author.post('/api/resources', record('hostile-long-text', { title: 'Marimba guide for choirs', text: 'word '.repeat(180000) }));
  assert.equal(longText.status, 201, 'a long body text is fine');
  const query = await anonymous.get(`/api/requests?q=${'q'.repeat(10000)}`);
  assert.ok([200, 400, 414].includes(query.status), `10,000-character q: ${query.status}`);
  await stillServing();
});

test('SQL-looking strings in a record are stored literally and nothing else is touched', async () => {
  const before = await author.get('/api/me/submissions');
  const sly = record('hostile-sql', {
    title: `${SQL} Yodelling for co-ops`,
    description: "1; DELETE FROM accounts WHERE 1=1; --",
    keywords: ["'; UPDATE accounts SET role='admin' --"],
  });
  const created = await author.post('/api/resources', sly);
  assert.equal(created.status, 201, created.text);
  const stored = await author.get('/api/resources/hostile-sql?view=submission');
  assert.equal(stored.body.record.title, sly.title);
  assert.equal(stored.body.record.description, sly.description);
  assert.deepEqual(stored.body.record.keywords, sly.keywords);
  const afterwards = await author.get('/api/me/submissions');
  assert.equal(afterwards.body.submissions.length, before.body.submissions.length + 1);
  assert.equal((await author.get('/api/me')).body.account.role, 'contributor');
  const queue = await reviewer.get('/api/reviews');
  conforms('ReviewQueue', queue.body);
  assert.ok(queue.body.pending.some((s) => s.id === 'hostile-sql'));
  const search = await anonymous.get(`/api/search?q=${encodeURIComponent("' OR 1=1 --")}&lang=en`);
  assert.equal(search.status, 200);
  await stillServing();
});

test('one address cannot register or ask anonymously without limit', async () => {
  const limited = await serveWithAccounts({}, ['--registrations-per-hour', '2', '--anonymous-requests-per-hour', '2']);
  try {
    const statuses = [];
    for (const name of ['limit-one', 'limit-two', 'limit-three']) {
      statuses.push((await new Client(limited.base).register(name, PASSWORD)).status);
    }
    assert.deepEqual(statuses, [201, 201, 429]);
    const asked = [];
    for (let i = 0; i < 3; i++) {
      asked.push((await limited.anonymous.post('/api/requests', { topic: `Limited topic ${i}`, language: 'en' })).status);
    }
    assert.deepEqual(asked, [201, 201, 429]);
    // A signed-in learner is not limited by the anonymous allowance.
    const learner = new Client(limited.base);
    await learner.signIn('limit-one', PASSWORD);
    assert.equal((await learner.post('/api/requests', { topic: 'Signed-in topic', language: 'en' })).status, 201);
  } finally {
    await limited.stop();
  }
});
