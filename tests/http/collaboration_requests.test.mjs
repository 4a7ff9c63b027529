// Resource requests: anonymous and registered, validation, listing and filters, answers
// by contributors, the no-JavaScript form and the offer to ask on a search that finds nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { record, serveWithAccounts } from './server_harness.mjs';
import { conforms, errorFields, isProblem } from './openapi_contract.mjs';

const ANSWER = 'volunteer-management-en';  // a corpus resource, published by agora-index add

let served, base, anonymous, learner, learner2, contributor;

before(async () => {
  served = await serveWithAccounts({
    'req-learner': 'learner', 'req-learner2': 'learner', 'req-contributor': 'contributor',
  });
  ({ base, anonymous } = served);
  ({ 'req-learner': learner, 'req-learner2': learner2, 'req-contributor': contributor } = served.clients);
});

after(() => served?.stop());

async function ask(client, body) {
  const response = await client.post('/api/requests', body);
  assert.equal(response.status, 201, `${JSON.stringify(body).slice(0, 80)}: ${response.text}`);
  conforms('Request', response.body);
  return response.body;
}

const html = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

test('anyone may ask; a registered requester sees the request as theirs', async () => {
  const asked = { topic: 'Com gestionar una cooperativa d\'habitatge', details: 'Guia per a sòcies noves.', language: 'ca', level: 'beginner' };
  const open = await ask(anonymous, asked);
  assert.equal(typeof open.id, 'number');
  assert.deepEqual([open.topic, open.details, open.language, open.level, open.status, open.answer],
    [asked.topic, asked.details, 'ca', 'beginner', 'open', null]);
  const again = await anonymous.get(`/api/requests/${open.id}`);
  assert.equal(again.status, 200);
  conforms('Request', again.body);
  assert.equal(again.body.topic, asked.topic);

  const mine = await ask(learner, { topic: 'Teaching bookkeeping to volunteers', details: 'For a small charity shop.', language: 'en' });
  assert.equal(mine.mine, true);
  assert.equal(mine.level, null, 'level is optional');
  assert.equal((await learner.get(`/api/requests/${mine.id}`)).body.mine, true);
  assert.equal((await anonymous.get(`/api/requests/${mine.id}`)).body.mine, false);
  assert.equal((await learner2.get(`/api/requests/${mine.id}`)).body.mine, false);
  isProblem(await anonymous.get('/api/requests/999999'), 404, 'no such request');
});

test('invalid requests are 422 with every bad field named', async () => {
  const cases = [
    [{ topic: 'ab', details: 'x', language: 'en' }, ['topic']],
    [{ topic: 'x'.repeat(201), details: 'x', language: 'en' }, ['topic']],
    [{ details: 'No topic at all.', language: 'en' }, ['topic']],
    [{ topic: 42, details: 'x', language: 'en' }, ['topic']],
    [{ topic: 'Tenancy law basics', details: 'x', language: 'not a tag!' }, ['language']],
    [{ topic: 'Tenancy law basics', details: 'x', language: 'en', level: 'expert' }, ['level']],
    [{ topic: 'x', details: 'x', language: '!!', level: 'guru' }, ['topic', 'language', 'level']],
  ];
  for (const [body, fields] of cases) {
    const response = await anonymous.post('/api/requests', body);
    isProblem(response, 422, JSON.stringify(body).slice(0, 60));
    for (const field of fields) assert.ok(errorFields(response).includes(field), `${field} in ${response.text}`);
  }
  // The limit counts characters, not bytes.
  const wide = await ask(anonymous, { topic: 'é'.repeat(200), details: 'Two hundred characters.', language: 'fr' });
  assert.equal(wide.topic, 'é'.repeat(200));
});

test('listing: newest first, filtered by words, language and status', async () => {
  const rota = await ask(anonymous, { topic: 'Volunteer rota templates for food banks', details: 'Shifts and cover.', language: 'en', level: 'intermediate' });
  const statutes = await ask(anonymous, { topic: 'Statuts d\'une coopérative d\'activité', details: 'Modèles commentés.', language: 'fr' });
  const all = await anonymous.get('/api/requests?status=all');
  assert.equal(all.status, 200, all.text);
  conforms('RequestList', all.body);
  assert.equal(all.body.total, all.body.requests.length);
  const ids = all.body.requests.map((r) => r.id);
  assert.deepEqual([...ids].sort((a, b) => b - a), ids, 'newest first');
  assert.equal(ids[0], statutes.id);
  const created = all.body.requests.map((r) => r.createdAt);
  assert.deepEqual([...created].sort().reverse(), created);

  const volunteering = await anonymous.get('/api/requests?q=volunteering&language=en&status=all');
  const topics = volunteering.body.requests.map((r) => r.topic);
  assert.ok(topics.includes(rota.topic), 'English stemming: volunteering finds Volunteer');
  assert.ok(topics.includes('Teaching bookkeeping to volunteers'));
  assert.equal(volunteering.body.total, 2);
  const details = await anonymous.get('/api/requests?q=shifts&status=all');
  assert.deepEqual(details.body.requests.map((r) => r.id), [rota.id], 'q matches details too');
  const catalan = await anonymous.get('/api/requests?q=habitatges&language=ca&status=all');
  assert.equal(catalan.body.total, 1, 'Catalan analyzer: habitatges finds habitatge');
  const french = await anonymous.get('/api/requests?language=fr&status=all');
  assert.ok(french.body.requests.length >= 2 && french.body.requests.every((r) => r.language === 'fr'));
  assert.ok(!(await anonymous.get('/api/requests?q=volunteering&language=fr&status=all')).body.requests.length);
  const open = await anonymous.get('/api/requests?status=open');
  assert.ok(open.body.requests.every((r) => r.status === 'open'));
  assert.equal(open.body.total, all.body.total, 'nothing answered yet');
  isProblem(await anonymous.get('/api/requests?status=closed'), 400, 'unknown status');
});

test('a contributor answers with a published resource; the requester sees it answered', async () => {
  const [request] = (await learner.get('/api/requests?mine=true&status=all')).body.requests;
  assert.equal(request.topic, 'Teaching bookkeeping to volunteers');
  const published = (await anonymous.get(`/api/resources/${ANSWER}`)).body;

  const pending = await contributor.post('/api/resources', record('req-pending'));
  assert.equal(pending.status, 201, pending.text);
  for (const [resourceId, what] of [['req-no-such-resource', 'nonexistent'], ['req-pending', 'pending']]) {
    const response = await contributor.post(`/api/requests/${request.id}/answer`, { resourceId, note: 'x' });
    assert.ok([404, 422].includes(response.status), `${what} resource: ${response.status} ${response.text}`);
    isProblem(response, response.status, `${what} resource`);
    if (response.status === 422) assert.ok(errorFields(response).includes('resourceId'));
  }
  isProblem(await contributor.post(`/api/requests/${request.id}/answer`, { note: 'Forgot the id.' }), 422, 'no resourceId');
  isProblem(await contributor.post('/api/requests/999999/answer', { resourceId: ANSWER }), 404, 'no such request');
  assert.equal((await anonymous.get(`/api/requests/${request.id}`)).body.status, 'open', 'failed answers change nothing');

  const answered = await contributor.post(`/api/requests/${request.id}/answer`, { resourceId: ANSWER, note: 'Chapter 3 covers the books.' });
  assert.ok([200, 201].includes(answered.status), answered.text);
  conforms('Request', answered.body);
  assert.equal(answered.body.status, 'answered');
  const { answer } = answered.body;
  assert.deepEqual([answer.resourceId, answer.title, answer.url, answer.note, answer.by.username],
    [ANSWER, published.title, published.url, 'Chapter 3 covers the books.', 'req-contributor']);

  const mine = await learner.get('/api/requests?mine=true&status=all');
  assert.equal(mine.status, 200);
  conforms('RequestList', mine.body);
  assert.deepEqual(mine.body.requests.map((r) => [r.id, r.mine, r.status, r.answer?.resourceId]),
    [[request.id, true, 'answered', ANSWER]], 'only the learner\'s own request, answered');
  assert.deepEqual((await learner2.get('/api/requests?mine=true&status=all')).body.requests, []);
  const answeredList = await anonymous.get('/api/requests?status=answered');
  assert.deepEqual(answeredList.body.requests.map((r) => r.id), [request.id]);
  assert.ok(!(await anonymous.get('/api/requests?status=open')).body.requests.some((r) => r.id === request.id));
});

test('the no-JavaScript form: urlencoded POST /requests answers an HTML confirmation, escaped', async () => {
  const topic = '<script>alert(1)</script> co-op payroll & "wages"';
  const response = await anonymous.request('POST', '/requests', {
    body: new URLSearchParams({ topic, details: '<b>bold</b> details', language: 'en', level: 'advanced' }).toString(),
    contentType: 'application/x-www-form-urlencoded',
  });
  assert.ok([200, 201].includes(response.status), `${response.status}: ${response.text.slice(0, 300)}`);
  assert.match(response.headers.get('content-type'), /text\/html/);
  assert.match(response.text, /<html/i);
  assert.ok(response.text.includes(html(topic)) || response.text.includes(html(topic).replace(/&quot;/g, '&#34;')),
    'the topic is shown, escaped');
  assert.ok(!response.text.includes('<script>alert(1)'));
  assert.ok(!response.text.includes('<b>bold</b>'));
  const stored = await anonymous.get('/api/requests?q=payroll&status=all');
  assert.equal(stored.body.total, 1);
  assert.equal(stored.body.requests[0].topic, topic, 'stored as typed');
  assert.equal(stored.body.requests[0].level, 'advanced');

  const invalid = await anonymous.request('POST', '/requests', {
    body: new URLSearchParams({ topic: '<>', details: '<i>typed</i>', language: 'en' }).toString(),
    contentType: 'application/x-www-form-urlencoded',
  });
  assert.equal(invalid.status, 422, invalid.text.slice(0, 200));
  assert.ok(!invalid.text.includes('<i>typed'), 'what was typed is escaped where it is echoed');
  assert.equal((await anonymous.get('/api/requests?q=typed&status=all')).body.total, 0, 'nothing stored');
});

test('/search offers a request form, query filled in, when nothing is found', async () => {
  const formFor = async (query) => {
    const page = await anonymous.get(`/search?q=${encodeURIComponent(query)}&lang=en`);
    assert.equal(page.status, 200);
    assert.match(page.headers.get('content-type'), /text\/html/);
    const form = /<form\b[^>]*\baction="\/requests"[^>]*>[\s\S]*?<\/form>/.exec(page.text)?.[0];
    return { page: page.text, form };
  };
  const query = 'zzyzx qworbl flimbat';  // in no language, and in no dictionary
  const { form } = await formFor(query);
  assert.ok(form, 'a form that posts to /requests');
  assert.match(form, /^<form\b[^>]*\bmethod="post"/i);
  assert.match(form, /name="topic"/);
  assert.ok(form.includes(`value="${query}"`) || form.includes(`>${query}</textarea>`), `the query fills the topic: ${form}`);
  assert.match(form, /name="language"/);

  const hostile = '"><script>alert(1)</script>';
  const escaped = await formFor(hostile);
  assert.ok(escaped.form, 'a form for a hostile query too');
  assert.ok(!escaped.page.includes('"><script>'), 'the query is escaped in the form');
  assert.ok(escaped.form.includes('&lt;script&gt;'));
});
