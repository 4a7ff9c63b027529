// Who may do what in the collaboration API: every endpoint without credentials, with a
// role too low, by the author of the work under review; sessions, CSRF, bearer tokens,
// revocation, expiry, wrong passwords and the sign-in throttle.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  Client, PASSWORD, accountWithToken, addToIndex, buildIndex, createAccount, createToken, record,
  runAdmin, scratch, signedIn, startServer,
} from './server_harness.mjs';
import { conforms, isProblem } from './openapi_contract.mjs';

const ROLES = ['learner', 'contributor', 'reviewer', 'admin'];
const below = (role) => ROLES.slice(0, ROLES.indexOf(role));

let space, db, server, base;
const users = {};
let requestId;

before(async () => {
  space = scratch();
  db = buildIndex(space.dir);
  server = await startServer(['--db', db, '--no-access-log']);
  base = server.url;
  for (const role of ROLES) users[role] = accountWithToken(db, `auth-${role}`, role).client(base);
  // A second contributor, so that "not the author" and "role too low" are not confused.
  users.other = accountWithToken(db, 'auth-other', 'contributor').client(base);

  const published = await users.contributor.post('/api/resources', record('auth-pub'));
  assert.equal(published.status, 201, published.text);
  const approved = await users.reviewer.post('/api/resources/auth-pub/reviews', { verdict: 'approve' });
  assert.ok([200, 201].includes(approved.status), approved.text);
  for (const [who, id] of [['contributor', 'auth-pend'], ['reviewer', 'auth-self']]) {
    const pending = await users[who].post('/api/resources', record(id));
    assert.equal(pending.status, 201, pending.text);
  }
  const request = await new Client(base).post('/api/requests', { topic: 'Bookkeeping for housing co-ops', language: 'en' });
  assert.equal(request.status, 201, request.text);
  requestId = request.body.id;
});

after(async () => {
  await server?.stop();
  space?.cleanup();
});

// Every endpoint that needs an account, with the lowest role that may use it (null: any
// signed-in account). Bodies are valid, so only the credentials decide.
const guarded = () => [
  ['GET', '/api/me', undefined, null],
  ['DELETE', '/api/session', undefined, null],
  ['DELETE', '/api/me/sessions', undefined, null],
  ['GET', '/api/me/submissions', undefined, null],
  ['POST', '/api/resources', record('auth-new'), 'contributor'],
  ['PUT', '/api/resources/auth-pub', record('auth-pub', { description: 'Rewritten.' }), 'contributor'],
  ['PATCH', '/api/resources/auth-pub', { description: 'Patched.' }, 'contributor'],
  ['DELETE', '/api/resources/auth-pub', undefined, 'admin'],
  ['POST', '/api/resources/auth-pub/restore', undefined, 'admin'],
  ['GET', '/api/reviews', undefined, 'reviewer'],
  ['POST', '/api/resources/auth-pend/reviews', { verdict: 'approve' }, 'reviewer'],
  ['POST', '/api/resources/auth-pub/ratings', { stars: 4 }, 'learner'],
  ['POST', '/api/resources/auth-pub/comments', { body: 'Useful, thanks.' }, 'learner'],
  ['POST', `/api/requests/${requestId}/answer`, { resourceId: 'auth-pub', note: 'Here.' }, 'contributor'],
  ['GET', '/api/audit?limit=10', undefined, 'admin'],
];

const call = (client, method, url, json) => client.request(method, url, json === undefined ? {} : { json });

async function assertUnchanged() {
  const anonymous = new Client(base);
  assert.equal((await anonymous.get('/api/resources/auth-pub')).body.description, record('auth-pub').description);
  assert.equal((await anonymous.get('/api/resources/auth-pend')).status, 404);
  assert.equal((await anonymous.get('/api/resources/auth-new')).status, 404);
  assert.equal((await anonymous.get(`/api/requests/${requestId}`)).body.status, 'open');
  assert.equal((await users.contributor.get('/api/resources/auth-pend?view=submission')).body.status, 'pending');
}

test('no credentials, an unknown token or a malformed header: 401 on every guarded endpoint', async () => {
  const strangers = [
    ['anonymous', new Client(base)],
    ['unknown token', new Client(base, { token: `agora_${'A'.repeat(43)}` })],
    ['not an agora token', new Client(base, { token: 'xyz' })],
  ];
  for (const [who, client] of strangers) {
    for (const [method, url, json] of guarded()) {
      // Signing out without a session has nothing to end: the contract leaves it open.
      if (method === 'DELETE' && url === '/api/session') continue;
      isProblem(await call(client, method, url, json), 401, `${who}: ${method} ${url}`);
    }
  }
  const signOut = await new Client(base).delete('/api/session');
  assert.ok([204, 401].includes(signOut.status), `anonymous sign-out: ${signOut.status}`);
  await assertUnchanged();
});

test('a role below the one an endpoint needs: 403', async () => {
  for (const [method, url, json, role] of guarded()) {
    if (!role) continue;
    for (const lower of below(role)) {
      // The author of published work is not enough to delete it: that takes an admin.
      const client = lower === 'contributor' && url.includes('auth-pend') ? users.other : users[lower];
      isProblem(await call(client, method, url, json), 403, `${lower}: ${method} ${url}`);
    }
  }
  await assertUnchanged();
});

test('the author of a revision cannot review it, even as a reviewer', async () => {
  for (const verdict of ['approve', 'changes', 'reject']) {
    const response = await users.reviewer.post('/api/resources/auth-self/reviews', { verdict, comment: 'Mine.' });
    isProblem(response, 403, `self-review ${verdict}`);
  }
  const queue = await users.reviewer.get('/api/reviews');
  assert.equal(queue.status, 200);
  conforms('ReviewQueue', queue.body);
  const ids = queue.body.pending.map((s) => s.id);
  assert.ok(ids.includes('auth-pend'), 'others\' work is in the queue');
  assert.ok(!ids.includes('auth-self'), 'one\'s own work is not');
  assert.equal((await users.reviewer.get('/api/resources/auth-self?view=submission')).body.status, 'pending');
});

test('pending work is 404 to those who may not see it', async () => {
  for (const [who, client] of [['anonymous', new Client(base)], ['learner', users.learner], ['other contributor', users.other]]) {
    isProblem(await client.get('/api/resources/auth-pend'), 404, who);
    isProblem(await client.get('/api/resources/auth-pend?view=submission'), 404, `${who} view=submission`);
  }
  for (const who of ['contributor', 'reviewer', 'admin']) {
    const response = await users[who].get('/api/resources/auth-pend?view=submission');
    assert.equal(response.status, 200, `${who}: ${response.text}`);
    conforms('Submission', response.body, who);
    assert.equal(response.body.status, 'pending');
  }
});

test('public endpoints answer anonymous callers', async () => {
  const anonymous = new Client(base);
  for (const url of ['/api/resources/auth-pub', '/api/resources/auth-pub/history', '/api/resources/auth-pub/comments',
    '/api/requests', `/api/requests/${requestId}`, '/api/search?q=coop']) {
    assert.equal((await anonymous.get(url)).status, 200, url);
  }
});

test('sign-in: the cookie is HttpOnly, SameSite=Lax, Path=/, not Secure; /api/me repeats the CSRF token', async () => {
  const client = new Client(base);
  const response = await client.signIn('auth-admin');
  assert.equal(response.status, 200, response.text);
  conforms('Session', response.body);
  assert.equal(response.body.account.username, 'auth-admin');
  assert.equal(response.body.account.role, 'admin');
  const cookie = response.headers.getSetCookie().find((line) => line.startsWith('agora_session='));
  assert.ok(cookie, 'sets agora_session');
  assert.match(cookie, /;\s*HttpOnly/i);
  assert.match(cookie, /;\s*SameSite=Lax/i);
  assert.match(cookie, /;\s*Path=\/(;|$)/i);
  assert.doesNotMatch(cookie, /;\s*Secure/i, 'Secure only with --secure-cookies');
  const me = await client.get('/api/me');
  assert.equal(me.status, 200);
  conforms('Session', me.body);
  assert.equal(me.body.csrfToken, client.csrfToken);
  assert.ok(!/password|hash/i.test(JSON.stringify(me.body)), 'no password material in the answer');
});

test('cookie sessions: a change without the CSRF token, or with a wrong one, is 403', async () => {
  const admin = await signedIn(base, 'auth-admin');
  const foreign = (await signedIn(base, 'auth-reviewer')).csrfToken;
  const changes = guarded().filter(([method]) => method !== 'GET').concat([
    ['POST', '/api/requests', { topic: 'Cooperative bakery recipes', language: 'en' }],
  ]);
  for (const [method, url, json] of changes) {
    isProblem(await admin.request(method, url, { json, csrf: false }), 403, `no CSRF: ${method} ${url}`);
    isProblem(await admin.request(method, url, { json, csrf: 'not-the-token' }), 403, `wrong CSRF: ${method} ${url}`);
    // The token of another session is as wrong as any other.
    isProblem(await admin.request(method, url, { json, csrf: foreign }), 403, `foreign CSRF: ${method} ${url}`);
  }
  await assertUnchanged();
  assert.equal((await admin.get('/api/me')).status, 200, 'reads need no token and the session is still valid');
  const comment = await admin.post('/api/resources/auth-pub/comments', { body: 'With the token it works.' });
  assert.ok([200, 201].includes(comment.status), comment.text);
});

test('the no-JavaScript form takes the CSRF token as the csrf_token field', async () => {
  const learner = new Client(base);
  const registered = await learner.register('auth-formuser', PASSWORD, 'Form User');
  assert.equal(registered.status, 201, registered.text);
  conforms('Session', registered.body);
  assert.equal(registered.body.account.role, 'learner');
  const form = (fields) => learner.request('POST', '/requests', {
    body: new URLSearchParams(fields).toString(),
    contentType: 'application/x-www-form-urlencoded',
    csrf: false,
  });
  const fields = { topic: 'Worker co-op onboarding checklist', language: 'en' };
  const refused = await form(fields);
  assert.equal(refused.status, 403, refused.text);
  const wrong = await form({ ...fields, csrf_token: 'guess' });
  assert.equal(wrong.status, 403, wrong.text);
  const accepted = await form({ ...fields, csrf_token: learner.csrfToken });
  assert.ok(accepted.status >= 200 && accepted.status < 300, `${accepted.status}: ${accepted.text.slice(0, 200)}`);
  const mine = await learner.get('/api/requests?mine=true&status=all');
  assert.deepEqual(mine.body.requests.map((r) => r.topic), [fields.topic], 'exactly one request was made');
});

test('bearer tokens need no CSRF token; revoked tokens are refused', async () => {
  const { token, id } = createToken(db, 'auth-other', 'to revoke');
  const client = new Client(base, { token });
  const made = await client.post('/api/resources', record('auth-bearer'));
  assert.equal(made.status, 201, made.text);
  conforms('Submission', made.body);
  assert.equal(made.headers.get('location'), '/api/resources/auth-bearer');
  const me = await client.get('/api/me');
  assert.equal(me.status, 200);
  assert.equal(me.body.account.username, 'auth-other');
  const revoked = runAdmin(db, ['revoke-token', '--id', String(id)]);
  assert.equal(revoked.status, 0, revoked.stderr);
  isProblem(await client.get('/api/me'), 401, 'revoked token');
  isProblem(await client.post('/api/resources', record('auth-bearer-2')), 401, 'revoked token');
  assert.equal((await users.other.get('/api/me')).status, 200, 'the account\'s other token still works');
});

test('signing out ends the session on the server', async () => {
  const client = await signedIn(base, 'auth-learner');
  const cookie = client.cookieHeader();
  isProblem(await client.delete('/api/session', { csrf: false }), 403, 'sign-out without CSRF');
  const out = await client.delete('/api/session');
  assert.ok([200, 204].includes(out.status), out.text);
  const replayed = await fetch(`${base}/api/me`, { headers: { Cookie: cookie } });
  assert.equal(replayed.status, 401, 'the old cookie is dead');
});

test('a wrong password is 401; five failures in a row make the sixth attempt 429', async () => {
  createAccount(db, 'auth-locked', 'learner');
  const client = new Client(base);
  isProblem(await client.signIn('auth-nobody', PASSWORD), 401, 'unknown user');
  for (let attempt = 1; attempt <= 5; attempt++) {
    isProblem(await client.signIn('auth-locked', `wrong password ${attempt}`), 401, `attempt ${attempt}`);
  }
  isProblem(await client.signIn('auth-locked', 'wrong password 6'), 429, 'sixth failure');
  // Otherwise a guesser would still learn the password from the one 200 among the 429s.
  isProblem(await client.signIn('auth-locked', PASSWORD), 429, 'right password while throttled');
  assert.equal((await client.signIn('auth-reviewer')).status, 200, 'other usernames are not throttled');
});

test('a disabled account can use neither its sessions nor its tokens', async () => {
  const { token } = accountWithToken(db, 'auth-disabled', 'contributor');
  const session = await signedIn(base, 'auth-disabled');
  const bearer = new Client(base, { token });
  assert.equal((await bearer.get('/api/me')).status, 200);
  const disabled = runAdmin(db, ['disable-account', '--username', 'auth-disabled']);
  assert.equal(disabled.status, 0, disabled.stderr);
  // disable-account ends the sessions and revokes the tokens: as good as signed out.
  isProblem(await session.get('/api/me'), 401, 'session after disable-account');
  isProblem(await bearer.get('/api/me'), 401, 'token after disable-account');
  isProblem(await new Client(base).signIn('auth-disabled'), 401, 'sign-in after disable-account');
});

test('role changes by set-role apply to running sessions and tokens', async () => {
  const { client } = accountWithToken(db, 'auth-promoted', 'learner');
  const promoted = client(base);
  isProblem(await promoted.get('/api/reviews'), 403, 'as learner');
  assert.equal(runAdmin(db, ['set-role', '--username', 'auth-promoted', '--role', 'reviewer']).status, 0);
  assert.equal((await promoted.get('/api/reviews')).status, 200, 'as reviewer');
  const listed = runAdmin(db, ['list-accounts']);
  assert.equal(listed.status, 0, listed.stderr);
  assert.match(listed.stdout, /auth-promoted/);
  assert.doesNotMatch(listed.stdout, /\$argon2id\$/, 'no password hashes in the listing');
});

test('sessions expire after --session-hours; --no-registration and --secure-cookies', async () => {
  const small = scratch();
  let short;
  try {
    const feed = path.join(small.dir, 'one.jsonl');
    writeFileSync(feed, JSON.stringify(record('expiry-one')) + '\n');
    const smallDb = path.join(small.dir, 'index');
    addToIndex(smallDb, [feed]);
    createAccount(smallDb, 'expiring', 'contributor');
    // 0.0003 h is about one second.
    short = await startServer(['--db', smallDb, '--no-access-log', '--session-hours', '0.0003', '--no-registration', '--secure-cookies']);
    const client = new Client(short.url);
    const signIn = await client.signIn('expiring');
    assert.equal(signIn.status, 200, signIn.text);
    assert.match(signIn.headers.getSetCookie().find((line) => line.startsWith('agora_session=')), /;\s*Secure/i, '--secure-cookies');
    assert.equal((await client.get('/api/me')).status, 200, 'fresh session');
    await new Promise((resolve) => setTimeout(resolve, 2000));
    isProblem(await client.get('/api/me'), 401, 'expired session');
    isProblem(await client.post('/api/resources', record('expiry-two')), 401, 'expired session, change');
    const registration = await new Client(short.url).register('newcomer');
    assert.ok([403, 404].includes(registration.status), `registration with --no-registration: ${registration.status}`);
    isProblem(registration, registration.status, 'registration refused');
    assert.ok(!registration.headers.getSetCookie().length, 'no session for a refused registration');
  } finally {
    await short?.stop();
    small.cleanup();
  }
});
