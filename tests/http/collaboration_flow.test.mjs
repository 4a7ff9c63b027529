// The life of a contribution: submit, review, publish, edit, ask for changes, reject,
// delete and restore; duplicates and field errors; several approvals; ratings, comments,
// the audit log, and the open-data export that rebuilds the same index.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  Client, accountWithToken, addToIndex, agoraIndex, buildIndex, indexStats, record, scratch, startServer,
} from './server_harness.mjs';
import { conforms, errorFields, isProblem } from './openapi_contract.mjs';

let space, db, server, base, anonymous;
let author, reviewer, reviewer2, admin, learner, learner2;

before(async () => {
  space = scratch();
  db = buildIndex(space.dir);
  server = await startServer(['--db', db, '--no-access-log']);
  base = server.url;
  anonymous = new Client(base);
  const make = (name, role) => accountWithToken(db, name, role).client(base);
  author = make('flow-author', 'contributor');
  reviewer = make('flow-reviewer', 'reviewer');
  reviewer2 = make('flow-reviewer2', 'reviewer');
  admin = make('flow-admin', 'admin');
  learner = make('flow-learner', 'learner');
  learner2 = make('flow-learner2', 'learner');
});

after(async () => {
  await server?.stop();
  space?.cleanup();
});

const ok = (response, where) =>
  assert.ok(response.status >= 200 && response.status < 300, `${where}: ${response.status} ${response.text.slice(0, 400)}`);

/** Ids that /api/search finds for `q`, anonymous, English learner. */
async function found(q) {
  const response = await anonymous.request('GET', `/api/search?q=${encodeURIComponent(q)}&lang=en&per_page=50`);
  assert.equal(response.status, 200, response.text);
  return response.body.hits.flatMap((hit) => [hit.id, ...hit.translations.map((t) => t.id)]);
}

async function submit(id, overrides = {}, query = '') {
  const response = await author.post(`/api/resources${query}`, record(id, overrides));
  assert.equal(response.status, 201, `submit ${id}: ${response.text}`);
  conforms('Submission', response.body, `submit ${id}`);
  return response.body;
}

async function review(client, id, verdict, comment, extra = {}) {
  const body = { verdict, ...(comment === undefined ? {} : { comment }), ...extra };
  return client.post(`/api/resources/${encodeURIComponent(id)}/reviews`, body);
}

const submissionOf = async (id, client = author) => {
  const response = await client.get(`/api/resources/${id}?view=submission`);
  assert.equal(response.status, 200, `${id}: ${response.text}`);
  conforms('Submission', response.body, id);
  return response.body;
};

test('a submission waits unseen for review; one approval publishes it for the very next search', async () => {
  const created = await author.post('/api/resources', record('flow-quokka', {
    title: 'Quokkaology for housing co-operatives',
    keywords: ['housing', 'members'],
  }));
  assert.equal(created.status, 201, created.text);
  assert.equal(created.headers.get('location'), '/api/resources/flow-quokka');
  conforms('Submission', created.body);
  const submission = created.body;
  assert.equal(submission.id, 'flow-quokka');
  assert.equal(submission.status, 'pending');
  assert.equal(submission.revision, 1);
  assert.equal(submission.publishedRevision, null);
  assert.equal(submission.approvals, 0);
  assert.equal(submission.approvalsRequired, 1);
  assert.deepEqual(submission.reviews, []);
  assert.equal(submission.author.username, 'flow-author');
  assert.equal(submission.record.title, 'Quokkaology for housing co-operatives');

  assert.deepEqual(await found('quokkaology'), [], 'pending work is not searchable');
  isProblem(await anonymous.get('/api/resources/flow-quokka'), 404, 'pending, anonymous');

  const queue = await reviewer.get('/api/reviews');
  assert.equal(queue.status, 200, queue.text);
  conforms('ReviewQueue', queue.body);
  assert.ok(queue.body.pending.some((s) => s.id === 'flow-quokka'));
  assert.ok((await reviewer.get('/api/reviews?lang=en')).body.pending.some((s) => s.id === 'flow-quokka'));
  assert.ok(!(await reviewer.get('/api/reviews?lang=fr')).body.pending.some((s) => s.id === 'flow-quokka'));
  const mine = await author.get('/api/me/submissions');
  assert.equal(mine.status, 200, mine.text);
  conforms('SubmissionList', mine.body);
  assert.ok(mine.body.submissions.some((s) => s.id === 'flow-quokka' && s.status === 'pending'));

  const started = performance.now();
  const approved = await review(reviewer, 'flow-quokka', 'approve');
  const hits = await found('quokkaology');
  const elapsed = performance.now() - started;
  ok(approved, 'approve');
  conforms('Submission', approved.body);
  assert.equal(approved.body.status, 'published');
  assert.equal(approved.body.publishedRevision, 1);
  assert.equal(approved.body.approvals, 1);
  assert.deepEqual(hits, ['flow-quokka'], 'the search right after the approval finds it');
  assert.ok(elapsed < 1000, `approve + search took ${elapsed.toFixed(0)} ms`);

  const published = await anonymous.get('/api/resources/flow-quokka');
  assert.equal(published.status, 200);
  conforms('Resource', published.body);
  assert.equal(published.body.title, 'Quokkaology for housing co-operatives');
  assert.ok(!(await reviewer.get('/api/reviews')).body.pending.some((s) => s.id === 'flow-quokka'), 'left the queue');
  isProblem(await review(reviewer2, 'flow-quokka', 'approve'), 409, 'approving a published revision');
});

test('an edit is reviewed while the published revision stays searchable; history keeps both', async () => {
  const patched = await author.request('PATCH', '/api/resources/flow-quokka', {
    json: { title: 'Wombatology for housing co-operatives', description: null, educationalLevel: 'beginner' },
    contentType: 'application/merge-patch+json',
  });
  ok(patched, 'PATCH');
  conforms('Submission', patched.body);
  assert.equal(patched.body.status, 'published');
  assert.equal(patched.body.publishedRevision, 1);
  assert.equal(patched.body.pendingRevision, 2);

  assert.deepEqual(await found('quokkaology'), ['flow-quokka'], 'the published revision is still served');
  assert.deepEqual(await found('wombatology'), [], 'the edit is not');
  assert.equal((await anonymous.get('/api/resources/flow-quokka')).body.title, 'Quokkaology for housing co-operatives');

  const history = await author.get('/api/resources/flow-quokka/history');
  assert.equal(history.status, 200, history.text);
  conforms('History', history.body);
  assert.deepEqual(history.body.revisions.map((r) => r.revision).sort(), [1, 2]);
  const second = history.body.revisions.find((r) => r.revision === 2);
  assert.equal(second.record.title, 'Wombatology for housing co-operatives');
  assert.equal(second.record.description, undefined, 'null in a merge patch removes the field');
  assert.equal(second.record.educationalLevel, 'beginner');
  assert.deepEqual(second.record.keywords, ['housing', 'members'], 'fields the patch leaves alone are kept');
  assert.ok(history.body.reviews.some((r) => r.verdict === 'approve' && r.revision === 1));
  const publicHistory = await anonymous.get('/api/resources/flow-quokka/history');
  assert.deepEqual(publicHistory.body.revisions.map((r) => r.revision), [1], 'the unpublished edit is hidden');

  const approved = await review(reviewer, 'flow-quokka', 'approve');
  ok(approved, 'approve the edit');
  assert.equal(approved.body.publishedRevision, 2);
  assert.ok(approved.body.pendingRevision == null);
  assert.deepEqual(await found('wombatology'), ['flow-quokka']);
  assert.deepEqual(await found('quokkaology'), []);
  assert.equal((await anonymous.get('/api/resources/flow-quokka')).body.title, 'Wombatology for housing co-operatives');
  const after = await anonymous.get('/api/resources/flow-quokka/history');
  assert.deepEqual(after.body.revisions.map((r) => r.revision).sort(), [1, 2]);
});

test('changes requested: a comment is required, and the author\'s PUT makes a new pending revision', async () => {
  await submit('flow-changes', { title: 'Axolotl bookkeeping for food co-ops' });
  const bare = await review(reviewer, 'flow-changes', 'changes');
  isProblem(bare, 422, 'changes without a comment');
  assert.ok(errorFields(bare).includes('comment'));
  const asked = await review(reviewer, 'flow-changes', 'changes', 'Please add a licence and a summary.');
  ok(asked, 'changes');
  conforms('Submission', asked.body);
  assert.equal(asked.body.status, 'changes_requested');
  assert.deepEqual(asked.body.reviews.map((r) => [r.verdict, r.comment, r.revision, r.reviewer.username]),
    [['changes', 'Please add a licence and a summary.', 1, 'flow-reviewer']]);
  isProblem(await review(reviewer, 'flow-changes', 'approve'), 409, 'a second verdict on one revision');
  assert.ok(!(await reviewer2.get('/api/reviews')).body.pending.some((s) => s.id === 'flow-changes'),
    'work sent back is not waiting for review');

  const put = await author.put('/api/resources/flow-changes', record('flow-changes', {
    title: 'Axolotl bookkeeping for food co-ops', description: 'Double-entry books for a food co-op.', license: 'CC0-1.0',
  }));
  ok(put, 'PUT');
  conforms('Submission', put.body);
  assert.equal(put.body.status, 'pending');
  assert.equal(put.body.revision, 2);
  assert.equal(put.body.publishedRevision, null);
  assert.ok((await reviewer2.get('/api/reviews')).body.pending.some((s) => s.id === 'flow-changes' && s.revision === 2));
  const approved = await review(reviewer, 'flow-changes', 'approve');
  ok(approved, 'the first reviewer may judge the new revision');
  assert.equal(approved.body.publishedRevision, 2);
  assert.deepEqual(await found('axolotl'), ['flow-changes']);
});

test('a resource rejected before it was ever published never reaches the index', async () => {
  await submit('flow-rejected', { title: 'Platypusology of bulk buying clubs' });
  isProblem(await review(reviewer, 'flow-rejected', 'reject'), 422, 'reject without a comment');
  const rejected = await review(reviewer, 'flow-rejected', 'reject', 'Out of scope.');
  ok(rejected, 'reject');
  assert.equal(rejected.body.status, 'rejected');
  isProblem(await review(reviewer2, 'flow-rejected', 'approve'), 409, 'approving a rejected revision');
  assert.deepEqual(await found('platypusology'), []);
  isProblem(await anonymous.get('/api/resources/flow-rejected'), 404, 'rejected, anonymous');
  assert.equal((await submissionOf('flow-rejected')).status, 'rejected');
});

test('soft delete by an admin takes a resource out of search; restore brings it back', async () => {
  const deleted = await admin.delete('/api/resources/flow-quokka');
  ok(deleted, 'DELETE');
  assert.deepEqual(await found('wombatology'), []);
  isProblem(await anonymous.get('/api/resources/flow-quokka'), 404, 'deleted, anonymous');
  assert.equal((await submissionOf('flow-quokka', admin)).status, 'deleted');
  const history = await admin.get('/api/resources/flow-quokka/history');
  assert.equal(history.body.revisions.length, 2, 'the history stays');
  const restored = await admin.post('/api/resources/flow-quokka/restore');
  ok(restored, 'restore');
  assert.deepEqual(await found('wombatology'), ['flow-quokka']);
  assert.equal((await anonymous.get('/api/resources/flow-quokka')).status, 200);
  assert.equal((await submissionOf('flow-quokka', admin)).status, 'published');

  // Nothing of it published yet: the author may withdraw it.
  await submit('flow-withdrawn', { title: 'Narwhal budgeting for tenant unions' });
  ok(await author.delete('/api/resources/flow-withdrawn'), 'the author deletes unpublished work');
  assert.equal((await submissionOf('flow-withdrawn')).status, 'deleted');
  assert.ok(!(await reviewer.get('/api/reviews')).body.pending.some((s) => s.id === 'flow-withdrawn'));
});

test('duplicate URLs are refused with a link to the existing resource, whatever the spelling', async () => {
  const variants = [
    'https://www.commons.example.org/flow-quokka',
    'http://commons.example.org/flow-quokka/',
    'https://COMMONS.Example.ORG/flow-quokka',
    'https://commons.example.org/flow-quokka#members',
    'http://WWW.Commons.Example.org/flow-quokka/',
  ];
  for (const [n, url] of variants.entries()) {
    for (const query of ['', '?allowSimilarTitle=true']) {
      const response = await author.post(`/api/resources${query}`, record(`flow-dup-url-${n}`, { url }));
      isProblem(response, 409, `${url}${query}`);
      conforms('DuplicateProblem', response.body, url);
      const [duplicate] = response.body.duplicates;
      assert.equal(duplicate.id, 'flow-quokka');
      assert.equal(duplicate.reason, 'url');
      assert.match(duplicate.href, /\/api\/resources\/flow-quokka$|\/resources\/flow-quokka/);
    }
  }
  // Pending work counts as well.
  await submit('flow-pending-url', { url: 'https://tools.example.net/Ledger', title: 'Capybara ledgers for sharing fleets' });
  const pendingDuplicate = await author.post('/api/resources', record('flow-dup-pending', { url: 'https://www.TOOLS.example.net/Ledger/' }));
  isProblem(pendingDuplicate, 409, 'duplicate of pending work');
  assert.equal(pendingDuplicate.body.duplicates[0].id, 'flow-pending-url');
  // Letter case is ignored in the path too (two addresses that differ only so are nearly
  // always one page), but another path is another resource.
  const casedPath = await author.post('/api/resources', record('flow-cased-path', { url: 'https://tools.example.net/ledger' }));
  isProblem(casedPath, 409, 'same path in other letter case');
  await submit('flow-other-path', { url: 'https://tools.example.net/ledger-2', title: 'Tapir rota planning in repair cafés' });
});

test('near-identical titles in one language are refused unless confirmed', async () => {
  await submit('flow-seeds', { title: 'Running a seed library as a cooperative' });
  const near = [
    'running a SEED library as a coöperative',
    'Running a seed library as a cooperative!',
    'Running a tool library as a cooperative',
  ];
  for (const [n, title] of near.entries()) {
    const response = await author.post('/api/resources', record(`flow-near-${n}`, { title }));
    isProblem(response, 409, title);
    conforms('DuplicateProblem', response.body, title);
    assert.equal(response.body.duplicates[0].id, 'flow-seeds');
    assert.equal(response.body.duplicates[0].reason, 'title');
  }
  await submit('flow-near-confirmed', { title: near[2] }, '?allowSimilarTitle=true');
  await submit('flow-near-spanish', { title: 'Running a seed library as a cooperative', inLanguage: 'es' });
  await submit('flow-two-words', { title: 'Running a tool shed as a collective' });
});

test('an invalid record is 422 with one error per field, named', async () => {
  const response = await author.post('/api/resources', {
    id: 'not valid!', url: 'ftp://files.example.org/x', title: '', inLanguage: 'not a tag!!',
    educationalLevel: 'expert', license: 'some licence?', datePublished: 'yesterday', keywords: 42,
  });
  isProblem(response, 422, 'invalid record');
  const fields = errorFields(response);
  for (const field of ['id', 'url', 'title', 'inLanguage', 'educationalLevel', 'license', 'datePublished', 'keywords']) {
    assert.ok(fields.includes(field), `${field} in ${JSON.stringify(response.body.errors)}`);
  }
  const missing = await author.post('/api/resources', { inLanguage: 'en' });
  isProblem(missing, 422, 'missing fields');
  assert.ok(errorFields(missing).includes('url') && errorFields(missing).includes('title'));

  const generated = await author.post('/api/resources', { url: 'https://commons.example.org/okapi', title: 'Okapi guide de la coopérative', inLanguage: 'fr' });
  assert.equal(generated.status, 201, generated.text);
  assert.match(generated.body.id, /^[A-Za-z0-9][A-Za-z0-9._:/-]{0,199}$/, 'an id is made from the title');
  assert.match(generated.body.id, /okapi/i);
  assert.equal(generated.headers.get('location'), `/api/resources/${generated.body.id}`);
});

test('ratings: 1 to 5 stars, rating again replaces, bad values are 422', async () => {
  const rate = (client, stars, id = 'flow-quokka') => client.post(`/api/resources/${id}/ratings`, { stars });
  const first = await rate(learner, 5);
  ok(first, 'rate');
  conforms('Rating', first.body);
  assert.deepEqual(first.body, { ratingValue: 5, ratingCount: 1, yours: 5 });
  assert.deepEqual((await rate(learner2, 4)).body, { ratingValue: 4.5, ratingCount: 2, yours: 4 });
  assert.deepEqual((await rate(learner, 3)).body, { ratingValue: 3.5, ratingCount: 2, yours: 3 });
  for (const stars of [0, 6, 4.5, '5', null, -1, 1e9]) {
    const response = await rate(learner, stars);
    isProblem(response, 422, `stars ${JSON.stringify(stars)}`);
    assert.ok(errorFields(response).includes('stars'));
  }
  const empty = await learner.post('/api/resources/flow-quokka/ratings', {});
  isProblem(empty, 422, 'no stars');
  isProblem(await rate(learner, 4, 'flow-seeds'), 404, 'rating pending work');
  isProblem(await rate(learner, 4, 'flow-no-such'), 404, 'rating nothing');
  // The contract does not say how soon ratings reach the index; a few seconds is plenty.
  let rating;
  for (let waited = 0; waited <= 5000; waited += 250) {
    rating = (await anonymous.get('/api/resources/flow-quokka')).body.aggregateRating;
    // The second rating alone also gives a count of 2: wait for the third to arrive too.
    if (rating?.ratingCount === 2 && rating?.ratingValue === 3.5) break;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  assert.deepEqual({ value: rating?.ratingValue, count: rating?.ratingCount }, { value: 3.5, count: 2 },
    'ratings reach the record as aggregateRating');
});

test('comments: listed in order, at most 2,000 characters', async () => {
  const long = 'é'.repeat(2000);
  for (const body of ['Used it with our members: clear.', long]) {
    const response = await learner.post('/api/resources/flow-quokka/comments', { body });
    ok(response, 'comment');
    conforms('Comment', response.body);
    assert.equal(response.body.body, body);
    assert.equal(response.body.author.username, 'flow-learner');
  }
  for (const body of ['x'.repeat(2001), '', 12]) {
    const response = await learner.post('/api/resources/flow-quokka/comments', { body });
    isProblem(response, 422, `comment ${String(body).slice(0, 10)}`);
    assert.ok(errorFields(response).includes('body'));
  }
  const list = await anonymous.get('/api/resources/flow-quokka/comments');
  assert.equal(list.status, 200);
  conforms('CommentList', list.body);
  assert.deepEqual(list.body.comments.map((c) => c.body), ['Used it with our members: clear.', long]);
  isProblem(await learner.post('/api/resources/flow-seeds/comments', { body: 'Pending.' }), 404, 'commenting pending work');
});

test('an approved edit of a rated resource reaches the index at once', async () => {
  const patched = await author.patch('/api/resources/flow-quokka', { description: 'Now with a numbatological appendix.' });
  ok(patched, 'PATCH after ratings');
  ok(await review(reviewer2, 'flow-quokka', 'approve'), 'approve');
  assert.deepEqual(await found('numbatological'), ['flow-quokka']);
  assert.equal((await anonymous.get('/api/resources/flow-quokka')).body.description, 'Now with a numbatological appendix.');
});

test('--approvals 2: one approval does not publish, the second does', async () => {
  const small = scratch();
  let strict;
  try {
    const smallDb = path.join(small.dir, 'index');
    const feed = path.join(small.dir, 'one.jsonl');
    writeFileSync(feed, JSON.stringify(record('approvals-seed')) + '\n');
    addToIndex(smallDb, [feed]);
    strict = await startServer(['--db', smallDb, '--no-access-log', '--approvals', '2']);
    const make = (name, role) => accountWithToken(smallDb, name, role).client(strict.url);
    const [writer, first, second] = [make('ap-writer', 'contributor'), make('ap-first', 'reviewer'), make('ap-second', 'reviewer')];
    const submitted = await writer.post('/api/resources', record('approvals-two', { title: 'Pangolin minutes for assemblies' }));
    assert.equal(submitted.status, 201, submitted.text);
    assert.equal(submitted.body.approvalsRequired, 2);
    const one = await first.post('/api/resources/approvals-two/reviews', { verdict: 'approve' });
    ok(one, 'first approval');
    assert.equal(one.body.status, 'pending');
    assert.equal(one.body.approvals, 1);
    assert.equal(one.body.publishedRevision, null);
    const search = async () => (await (await fetch(`${strict.url}/api/search?q=pangolin&lang=en`)).json()).total;
    assert.equal(await search(), 0);
    isProblem(await first.post('/api/resources/approvals-two/reviews', { verdict: 'approve' }), 409, 'same reviewer twice');
    assert.ok((await second.get('/api/reviews')).body.pending.some((s) => s.id === 'approvals-two'), 'still waiting');
    const two = await second.post('/api/resources/approvals-two/reviews', { verdict: 'approve' });
    ok(two, 'second approval');
    assert.equal(two.body.status, 'published');
    assert.equal(two.body.approvals, 2);
    assert.equal(await search(), 1);
  } finally {
    await strict?.stop();
    small.cleanup();
  }
});

test('the audit log lists the changes newest first, in the order they happened', async () => {
  const response = await admin.get('/api/audit?limit=100');
  assert.equal(response.status, 200, response.text);
  conforms('AuditLog', response.body);
  const entries = response.body.entries;
  assert.ok(entries.length > 0 && entries.length <= 100);
  for (let i = 1; i < entries.length; i++) {
    assert.ok(entries[i - 1].id > entries[i].id, 'ids decrease');
    assert.ok(entries[i - 1].at >= entries[i].at, 'times do not increase');
  }
  assert.equal((await admin.get('/api/audit?limit=3')).body.entries.length, 3);
  const about = (id) => entries
    .filter((e) => JSON.stringify([e.subject, e.detail]).includes(id))
    .reverse()
    .map((e) => e.action);
  const expect = (actions, steps, what) => {
    let at = 0;
    for (const step of steps) {
      const next = actions.findIndex((action, i) => i >= at && step.test(action));
      assert.ok(next >= 0, `${what}: no ${step} after position ${at} in ${JSON.stringify(actions)}`);
      at = next + 1;
    }
  };
  expect(about('flow-quokka'), [/submi|creat/i, /approv|review/i, /publish/i, /edit|revis|patch|update/i,
    /approv|review/i, /publish/i, /delet/i, /restor/i, /rat/i, /comment/i], 'flow-quokka');
  expect(about('flow-changes'), [/submi|creat/i, /change|review/i, /edit|revis|put|update/i, /approv|review/i, /publish/i], 'flow-changes');
  expect(about('flow-rejected'), [/submi|creat/i, /reject|review/i], 'flow-rejected');
  assert.ok(!about('flow-rejected').some((a) => /publish/i.test(a)));
});

test('the export holds the published resources only, with their ratings', async () => {
  const run = spawnSync(agoraIndex, ['export', '--db', db], { encoding: 'utf8', maxBuffer: 64 << 20 });
  assert.equal(run.status, 0, run.stderr);
  const records = run.stdout.trim().split('\n').map((line) => JSON.parse(line));
  const ids = new Set(records.map((r) => r.id));
  for (const id of ['flow-quokka', 'flow-changes', 'start-a-coop-fr']) assert.ok(ids.has(id), `${id} exported`);
  for (const id of ['flow-rejected', 'flow-seeds', 'flow-withdrawn', 'flow-pending-url']) assert.ok(!ids.has(id), `${id} not exported`);
  const quokka = records.find((r) => r.id === 'flow-quokka');
  assert.equal(quokka.title, 'Wombatology for housing co-operatives', 'the published revision');
  assert.equal(indexStats(db).documents, records.length);
  assert.deepEqual([quokka.aggregateRating?.ratingValue, quokka.aggregateRating?.ratingCount], [3.5, 2],
    'ratings are exported as aggregateRating');
});

test('agora-index add of the export rebuilds the same index: same stats, same search results', async () => {
  const run = spawnSync(agoraIndex, ['export', '--db', db], { encoding: 'utf8', maxBuffer: 64 << 20 });
  assert.equal(run.status, 0, run.stderr);
  const copy = scratch();
  let second;
  try {
    const exported = path.join(copy.dir, 'commons.jsonl');
    writeFileSync(exported, run.stdout);
    const rebuilt = path.join(copy.dir, 'index');
    addToIndex(rebuilt, [exported]);
    // The file size depends on how the index was written over time; the content does not.
    const { size_bytes: _a, ...original } = indexStats(db);
    const { size_bytes: _b, ...again } = indexStats(rebuilt);
    assert.deepEqual(again, original);
    second = await startServer(['--db', rebuilt, '--no-access-log']);
    for (const query of ['q=wombatology&lang=en', 'q=cooperative&lang=en&per_page=50', 'q=coop%C3%A9rative&lang=fr',
      'q=axolotl&lang=en', 'q=governance&lang=en&per_page=50', 'q=nextcloud&lang=es&per_page=50',
      'q=housing&lang=en&sort=date&per_page=50']) {
      const [a, b] = await Promise.all([base, second.url].map(async (origin) =>
        (await fetch(`${origin}/api/search?${query}`)).json()));
      const comparable = (body) => ({
        total: body.total,
        facets: body.facets,
        suggestion: body.suggestion,
        // Equal scores may come in either order: documents were numbered differently.
        hits: body.hits.map(({ id, score, title, translations }) => ({ id, score, title, translations: translations.map((t) => t.id).sort() }))
          .sort((x, y) => y.score - x.score || x.id.localeCompare(y.id)),
      });
      assert.ok(a.total <= a.hits.length, `${query}: every hit on one page, so ties cannot change the page`);
      assert.deepEqual(comparable(b), comparable(a), query);
    }
  } finally {
    await second?.stop();
    copy.cleanup();
  }
});

test('If-Match makes a stale edit fail with 412 instead of overwriting', async () => {
  await submit('flow-etag', { title: 'Lemur ledger etiquette' });
  const seen = await author.get('/api/resources/flow-etag?view=submission');
  assert.equal(seen.headers.get('etag'), '"1"');
  const first = await author.request('PATCH', '/api/resources/flow-etag', { json: { description: 'One.' }, headers: { 'If-Match': '"1"' } });
  assert.equal(first.status, 200, first.text);
  assert.equal(first.headers.get('etag'), '"2"');
  const stale = await author.request('PATCH', '/api/resources/flow-etag', { json: { description: 'Two.' }, headers: { 'If-Match': '"1"' } });
  isProblem(stale, 412, 'stale If-Match');
  isProblem(await author.request('PATCH', '/api/resources/flow-etag', { json: {}, headers: { 'If-Match': 'yesterday' } }), 400, 'bad If-Match');
});
