// What an association's admin does for its members from the command line, and what members
// do for themselves: new passwords, resets without mail, signing out everywhere, the audit
// log, and exporting or erasing what Agora holds about a person.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  Client, PASSWORD, accountWithToken, createAccount, record, runAdmin, scratch, signedIn, startServer,
  buildIndex,
} from './server_harness.mjs';
import { conforms, errorFields, isProblem } from './openapi_contract.mjs';

const NEW_PASSWORD = 'a fresh and longer passphrase';

let space, db, server, base;

before(async () => {
  space = scratch();
  db = buildIndex(space.dir);
  server = await startServer(['--db', db, '--no-access-log']);
  base = server.url;
});

after(async () => {
  await server?.stop();
  space?.cleanup();
});

test('set-password: the new password signs in, the old one and its sessions are gone', async () => {
  createAccount(db, 'setpw-ana', 'contributor');
  const before = await signedIn(base, 'setpw-ana');

  const weak = runAdmin(db, ['set-password', '--username', 'setpw-ana'], 'short\n');
  assert.equal(weak.status, 2, weak.stderr);
  assert.match(weak.stderr, /password: must be 10 to 1024 bytes/);
  assert.equal((await before.get('/api/me')).status, 200, 'a refused change leaves the session');

  const unknown = runAdmin(db, ['set-password', '--username', 'setpw-nobody'], `${NEW_PASSWORD}\n`);
  assert.equal(unknown.status, 1);
  assert.match(unknown.stderr, /no account named 'setpw-nobody'/);

  const changed = runAdmin(db, ['set-password', '--username', 'setpw-ana'], `${NEW_PASSWORD}\n`);
  assert.equal(changed.status, 0, changed.stderr);
  isProblem(await before.get('/api/me'), 401, 'the session from before');
  isProblem(await new Client(base).signIn('setpw-ana', PASSWORD), 401, 'the old password');
  const after = await new Client(base).signIn('setpw-ana', NEW_PASSWORD);
  assert.equal(after.status, 200, after.text);
});

/** Runs admin reset-token; the token it prints once on standard output. */
function resetToken(username, hours) {
  const run = runAdmin(db, ['reset-token', '--username', username, ...(hours ? ['--hours', String(hours)] : [])]);
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stderr, /shown only this once/);
  const token = run.stdout.trim();
  assert.match(token, /^reset_[A-Za-z0-9_-]{43}$/);
  return token;
}

const resetPassword = (token, password = NEW_PASSWORD) =>
  new Client(base).post('/api/password-reset', { token, password });

test('a reset token sets a new password once; used, expired and unknown tokens are refused', async () => {
  createAccount(db, 'reset-ben', 'learner');
  const before = await signedIn(base, 'reset-ben');
  const token = resetToken('reset-ben');

  const weak = await resetPassword(token, 'short');
  isProblem(weak, 422, 'a weak new password');
  assert.deepEqual(errorFields(weak), ['password']);
  assert.equal((await before.get('/api/me')).status, 200, 'a refused reset changes nothing');

  const reset = await resetPassword(token);
  assert.equal(reset.status, 204, reset.text);
  isProblem(await before.get('/api/me'), 401, 'the session from before the reset');
  isProblem(await new Client(base).signIn('reset-ben', PASSWORD), 401, 'the old password');
  assert.equal((await new Client(base).signIn('reset-ben', NEW_PASSWORD)).status, 200);

  const again = await resetPassword(token, 'one more new passphrase');
  isProblem(again, 400, 'a used token');
  assert.match(again.body.detail, /has been used/);
  const unknown = await resetPassword(`reset_${'A'.repeat(43)}`);
  isProblem(unknown, 400, 'an unknown token');
  assert.match(unknown.body.detail, /unknown password reset token/);

  const shortLived = resetToken('reset-ben', 0.0001);
  await new Promise((resolve) => setTimeout(resolve, 2100));
  const expired = await resetPassword(shortLived);
  isProblem(expired, 400, 'an expired token');
  assert.match(expired.body.detail, /has expired/);
  assert.equal((await new Client(base).signIn('reset-ben', NEW_PASSWORD)).status, 200, 'still the reset password');

  const missing = await new Client(base).post('/api/password-reset', { password: NEW_PASSWORD });
  isProblem(missing, 422, 'no token');
  const unknownUser = runAdmin(db, ['reset-token', '--username', 'reset-nobody']);
  assert.equal(unknownUser.status, 1);
  assert.match(unknownUser.stderr, /no account named 'reset-nobody'/);
});

test('failed password resets are limited per client address', async () => {
  createAccount(db, 'reset-cy', 'learner');
  // Three failures so far from this address (used, unknown, expired): two more reach five.
  for (let i = 0; i < 2; i += 1) isProblem(await resetPassword(`reset_guess${i}`), 400, `guess ${i}`);
  const token = resetToken('reset-cy');
  const throttled = await resetPassword(token);
  isProblem(throttled, 429, 'a good token after five failures');
  assert.ok(throttled.headers.get('retry-after'));
  assert.equal((await new Client(base).signIn('reset-cy', PASSWORD)).status, 200, 'the password is unchanged');
});

test('signing out everywhere ends every session of the caller, the current one too', async () => {
  createAccount(db, 'everywhere-di', 'learner');
  createAccount(db, 'everywhere-ed', 'learner');
  const phone = await signedIn(base, 'everywhere-di');
  const laptop = await signedIn(base, 'everywhere-di');
  const someoneElse = await signedIn(base, 'everywhere-ed');

  isProblem(await new Client(base).delete('/api/me/sessions'), 401, 'nobody signed in');
  isProblem(await laptop.delete('/api/me/sessions', { csrf: false }), 403, 'without the CSRF token');
  const ended = await laptop.delete('/api/me/sessions');
  assert.equal(ended.status, 204, ended.text);
  assert.match(ended.headers.get('set-cookie') ?? '', /agora_session=;.*Max-Age=0/i);
  isProblem(await laptop.get('/api/me'), 401, 'the session that asked');
  isProblem(await phone.get('/api/me'), 401, 'another session of the same account');
  assert.equal((await someoneElse.get('/api/me')).status, 200, 'other accounts stay signed in');

  const again = await signedIn(base, 'everywhere-di');
  const run = runAdmin(db, ['end-sessions', '--username', 'everywhere-di']);
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout, /ended 1 session\b/);
  isProblem(await again.get('/api/me'), 401, 'ended by the admin');
  const unknown = runAdmin(db, ['end-sessions', '--username', 'everywhere-nobody']);
  assert.equal(unknown.status, 1);
});

test('audit-log lists the newest entries one a line, with the actions above', async () => {
  const run = runAdmin(db, ['audit-log', '--limit', '200']);
  assert.equal(run.status, 0, run.stderr);
  const lines = run.stdout.trim().split('\n').map((line) => line.split('\t'));
  for (const fields of lines) {
    assert.ok(fields.length >= 4, `time, actor, action, subject: ${fields.join(' | ')}`);
    assert.match(fields[0], /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  }
  const has = (actor, action, subject) =>
    lines.some(([, who, what, about]) => who === actor && what === action && about === subject);
  assert.ok(has('command line', 'account.password', 'account:setpw-ana'), 'set-password');
  assert.ok(has('command line', 'account.reset_token', 'account:reset-ben'), 'reset-token');
  assert.ok(has('reset-ben', 'account.password_reset', 'account:reset-ben'), 'the reset itself');
  assert.ok(has('everywhere-di', 'session.end_all', 'account:everywhere-di'), 'sign out everywhere');
  assert.ok(has('command line', 'session.end_all', 'account:everywhere-di'), 'end-sessions');
  assert.ok(!run.stdout.includes(NEW_PASSWORD) && !run.stdout.includes(PASSWORD), 'no password is logged');

  const newest = runAdmin(db, ['audit-log', '--limit', '1']);
  assert.equal(newest.stdout.trim().split('\n').length, 1);
  assert.deepEqual(newest.stdout.split('\t').slice(1, 4), lines[0].slice(1, 4), 'newest first');
  const byDefault = runAdmin(db, ['audit-log']).stdout.trim().split('\n');
  assert.equal(byDefault.length, Math.min(50, lines.length));
  const bad = runAdmin(db, ['audit-log', '--limit', '0']);
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /--limit/);
});

/** Polls the published record of `id` until `ready(record)` holds (the index sync runs in
 * the background), for at most five seconds; the last record either way. */
async function publishedRecord(id, ready) {
  let body;
  for (let waited = 0; waited <= 5000; waited += 250) {
    body = (await new Client(base).get(`/api/resources/${id}`)).body;
    if (ready(body)) break;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return body;
}

test('export-user, then delete-user: personal data goes, published work stays anonymous', async () => {
  const fay = accountWithToken(db, 'gdpr-fay', 'contributor');
  const reviewer = accountWithToken(db, 'gdpr-rev', 'reviewer').client(base);
  const learner = accountWithToken(db, 'gdpr-gus', 'learner').client(base);
  const faySession = await signedIn(base, 'gdpr-fay');
  const fayApi = fay.client(base);

  assert.equal((await fayApi.post('/api/resources', record('gdpr-work'))).status, 201);
  assert.ok([200, 201].includes((await reviewer.post('/api/resources/gdpr-work/reviews', { verdict: 'approve' })).status));
  assert.equal((await fayApi.post('/api/resources/gdpr-work/ratings', { stars: 5 })).status, 200);
  assert.equal((await learner.post('/api/resources/gdpr-work/ratings', { stars: 2 })).status, 200);
  assert.equal((await fayApi.post('/api/resources/gdpr-work/comments', { body: 'Written by me, for our co-op.' })).status, 201);
  assert.equal((await learner.post('/api/resources/gdpr-work/comments', { body: 'Thanks, Fay!' })).status, 201);
  const request = await fayApi.post('/api/requests', { topic: 'Minutes templates for assemblies', language: 'en' });
  assert.equal(request.status, 201, request.text);
  const rated = await publishedRecord('gdpr-work', (r) => r.aggregateRating?.ratingCount === 2);
  assert.equal(rated.aggregateRating?.ratingCount, 2, 'both ratings in the index');

  const exported = runAdmin(db, ['export-user', '--username', 'gdpr-fay']);
  assert.equal(exported.status, 0, exported.stderr);
  const data = JSON.parse(exported.stdout);
  assert.equal(data.account.username, 'gdpr-fay');
  assert.equal(data.account.role, 'contributor');
  assert.deepEqual(data.submissions.map((s) => [s.id, s.status]), [['gdpr-work', 'published']]);
  assert.equal(data.revisions[0].record.title, record('gdpr-work').title);
  assert.deepEqual(data.ratings.map((r) => [r.resourceId, r.stars]), [['gdpr-work', 5]]);
  assert.deepEqual(data.comments.map((c) => c.body), ['Written by me, for our co-op.']);
  assert.deepEqual(data.requests.map((r) => r.topic), ['Minutes templates for assemblies']);
  assert.equal(data.apiTokens.length, 1);
  assert.equal(data.sessions.length, 1);
  assert.ok(data.auditEntries.some((e) => e.action === 'resource.submit'));
  assert.doesNotMatch(exported.stdout, /argon2|password_hash|passwordHash|digest/i, 'no password or token hash');
  assert.ok(!exported.stdout.includes(fay.token), 'no token');

  const unconfirmed = runAdmin(db, ['delete-user', '--username', 'gdpr-fay']);
  assert.equal(unconfirmed.status, 2);
  assert.match(unconfirmed.stderr, /--confirm/);
  assert.equal((await faySession.get('/api/me')).status, 200, 'nothing erased without --confirm');

  const erased = runAdmin(db, ['delete-user', '--username', 'gdpr-fay', '--confirm']);
  assert.equal(erased.status, 0, erased.stderr);
  assert.match(erased.stdout, /deleted 1 ratings, 1 comments, 1 sessions, 1 tokens; kept 1 submissions/);

  isProblem(await new Client(base).signIn('gdpr-fay', PASSWORD), 401, 'sign-in after erasure');
  isProblem(await faySession.get('/api/me'), 401, 'the session from before');
  isProblem(await fayApi.get('/api/me'), 401, 'the API token from before');
  const again = runAdmin(db, ['export-user', '--username', 'gdpr-fay']);
  assert.equal(again.status, 1);
  assert.match(again.stderr, /no account named 'gdpr-fay'/);
  assert.equal(again.stdout, '');

  // What others made stays; the resource stays published, by a former member.
  const comments = await new Client(base).get('/api/resources/gdpr-work/comments');
  conforms('CommentList', comments.body);
  assert.deepEqual(comments.body.comments.map((c) => c.body), ['Thanks, Fay!']);
  const after = await publishedRecord('gdpr-work', (r) => r.aggregateRating?.ratingCount === 1);
  assert.equal(after.title, record('gdpr-work').title);
  assert.deepEqual([after.aggregateRating?.ratingCount, after.aggregateRating?.ratingValue], [1, 2],
    'only the other rating is left');
  const submission = await reviewer.get('/api/resources/gdpr-work?view=submission');
  assert.equal(submission.status, 200, submission.text);
  conforms('Submission', submission.body);
  assert.equal(submission.body.status, 'published');
  assert.equal(submission.body.author.displayName, 'former member');
  assert.match(submission.body.author.username, /^erased:\d+$/);
  const requestNow = await new Client(base).get(`/api/requests/${request.body.id}`);
  assert.equal(requestNow.status, 200, 'the request stays, without its requester');
  const audit = runAdmin(db, ['audit-log', '--limit', '500']).stdout;
  assert.match(audit, /\tcommand line\taccount\.erase\taccount:erased:\d+\t/);
  assert.doesNotMatch(audit, /gdpr-fay/, 'the audit log no longer names her');

  // The name can be taken again, by a new account with nothing of hers.
  createAccount(db, 'gdpr-fay', 'learner');
  const fresh = JSON.parse(runAdmin(db, ['export-user', '--username', 'gdpr-fay']).stdout);
  assert.deepEqual([fresh.submissions, fresh.ratings, fresh.comments], [[], [], []]);
});

test('admin --config reads the index and state from the daemon\'s config file', () => {
  createAccount(db, 'config-ana', 'learner');
  const config = path.join(space.dir, 'searchd.json');
  writeFileSync(config, JSON.stringify({ db, access_log: false }));
  const listed = runAdmin({ config }, ['list-accounts']);
  assert.equal(listed.status, 0, listed.stderr);
  assert.match(listed.stdout, /config-ana/);
  writeFileSync(config, JSON.stringify({ db, colour: 'blue' }));
  const bad = runAdmin({ config }, ['list-accounts']);
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /searchd\.json: colour: unknown setting/);
});
