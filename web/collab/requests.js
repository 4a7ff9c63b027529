// requests.html: ask for a missing resource (filled in from ?topic=&language=&level=),
// browse and search the requests, follow one's own (?mine=true), and, for contributors,
// answer a request with a published resource.

import { $, $$, el, fill, focusOn, link } from '../lib/dom.js';
import {
  availableLanguages, capitalisedLanguageName, codeLabel, currentLanguage, formatDate, languageOption, onLanguageChange, t,
} from '../lib/page-language.js';
import { matchLanguage } from '../lib/languages.js';
import { ApiError } from '../lib/api.js';
import { currentAccount, hasRole, onSessionChange, request } from './api.js';
import { clearErrors, formValues, requireFields, showError, whileBusy } from './forms.js';
import { personName } from './submission.js';
import { start } from './shell.js';

const status = $('#requests-status');
const list = $('#requests-list');
const requestForm = $('#request-form');
const filter = $('#requests-filter');
let requests = [];
let total = 0;
let myResources = [];        // the contributor's published resources, offered as answers
// ?id=N (where the no-JavaScript confirmation page links to) shows that one request until
// the list is asked for again.
let onlyId = new URLSearchParams(location.search).get('id')?.match(/^\d+$/)?.[0] ?? null;

// ------------------------------------------------------------------ language selects

function languageOptions(select, { keepFirst = false } = {}) {
  const chosen = select.value;
  select.replaceChildren(...(keepFirst ? [select.options[0]] : []), ...availableLanguages().map(languageOption));
  select.value = chosen;
}

// A language asked for in the URL that the list lacks (e.g. a regional tag) gets an option.
function chooseLanguage(select, code) {
  if (!code) return;
  const tag = code.trim();
  const match = matchLanguage([tag], [...select.options].filter((o) => o.value).map((o) => ({ code: o.value })));
  if (match) {
    select.value = match;
  } else if (/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(tag)) {
    select.append(el('option', { value: tag, lang: tag }, capitalisedLanguageName(tag)));
    select.value = tag;
  }
}

// ------------------------------------------------------------------ making a request

function prefill() {
  const params = new URLSearchParams(location.search);
  const topic = params.get('topic');
  if (topic) requestForm.elements.topic.value = topic.slice(0, 200);
  if (params.get('details')) requestForm.elements.details.value = params.get('details');
  const level = params.get('level');
  if (['beginner', 'intermediate', 'advanced'].includes(level)) requestForm.elements.level.value = level;
  chooseLanguage(requestForm.elements.language, params.get('language') || currentLanguage());
  if (params.get('mine') === 'true') $('#requests-mine').checked = true;
}

function setupRequestForm() {
  requestForm.noValidate = true;   // errors are shown next to the fields, in the page's language
  requestForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(requestForm);
    if (!requireFields(requestForm, ['topic'])) return;
    const { topic, details, language, level } = formValues(requestForm);
    const body = { topic, language, ...(details ? { details } : {}), ...(level ? { level } : {}) };
    try {
      const created = await whileBusy(requestForm, () => request('POST', 'requests', { body }));
      requestForm.elements.topic.value = '';
      requestForm.elements.details.value = '';
      status.textContent = t('request.sent', { topic });
      await showAll();
      if (created && !requests.some((r) => r.id === created.id)) {
        requests.unshift(created);   // the list's filters hide it: show it anyway, it is the answer to what they did
        render();
      }
      focusOn($(`#requests-list li[data-id="${CSS.escape(String(created?.id ?? ''))}"] h3`) || $('#requests-list-heading'));
    } catch (error) {
      showError(requestForm, error);
    }
  });
}

// ------------------------------------------------------------------ the list

function answerBlock(answer) {
  return el('div', { class: 'collab-answer' },
    el('h4', { class: 'collab-subheading' }, t('request.answer.heading')),
    el('p', {}, link(answer.title || answer.resourceId, answer.url, { dir: 'auto', class: 'collab-answer-link' })),
    answer.note ? el('p', { class: 'collab-comment', dir: 'auto' }, answer.note) : null,
    el('p', { class: 'collab-meta' }, t('request.answer.by', { name: personName(answer.by) }),
      answer.answeredAt ? [' · ', el('time', { datetime: answer.answeredAt }, formatDate(answer.answeredAt))] : null));
}

function answerForm(req) {
  const key = String(req.id).replace(/[^A-Za-z0-9_-]/g, '_');
  const ids = { resource: `answer-resource-${key}`, hint: `answer-resource-${key}-hint`, note: `answer-note-${key}` };
  return el('details', { class: 'collab-disclosure' },
    el('summary', {}, t('request.answer.open')),
    el('form', { id: `answer-form-${key}`, class: 'collab-form collab-answer-form', novalidate: true },
      el('div', { class: 'collab-problem', role: 'alert', hidden: true }),
      el('div', { class: 'collab-field' },
        el('label', { for: ids.resource }, t('request.answer.resource')),
        el('p', { id: ids.hint, class: 'collab-hint' }, t('request.answer.resource.hint')),
        el('input', { id: ids.resource, name: 'resourceId', list: 'answer-resources', autocomplete: 'off',
          autocapitalize: 'none', spellcheck: 'false', dir: 'ltr', required: true, 'aria-describedby': ids.hint })),
      el('div', { class: 'collab-field' },
        el('label', { for: ids.note }, t('request.answer.note')),
        el('textarea', { id: ids.note, name: 'note', rows: 2, maxlength: 2000, dir: 'auto' })),
      el('div', { class: 'collab-actions' },
        el('button', { type: 'submit', class: 'agora-submit' }, t('request.answer.submit')))));
}

function requestCard(req) {
  const headingId = `request-${String(req.id).replace(/[^A-Za-z0-9_-]/g, '_')}`;
  const canAnswer = req.status === 'open' && hasRole(currentAccount(), 'contributor');
  return el('li', { class: 'collab-card', 'data-id': req.id, 'data-status': req.status },
    el('article', { 'aria-labelledby': headingId },
      el('h3', { id: headingId, lang: req.language || null, dir: 'auto' }, req.topic),
      el('p', { class: 'collab-meta' },
        el('span', { class: `collab-badge collab-status-${req.status}`, 'data-status': req.status }, t(`request.status.${req.status}`)),
        req.mine ? [' · ', el('span', { class: 'collab-mine' }, t('request.mine'))] : null,
        req.language ? [' · ', capitalisedLanguageName(req.language)] : null,
        req.level ? [' · ', codeLabel('level', req.level)] : null,
        req.createdAt ? [' · ', el('time', { datetime: req.createdAt }, formatDate(req.createdAt))] : null),
      req.details ? el('p', { class: 'collab-comment', lang: req.language || null, dir: 'auto' }, req.details) : null,
      req.answer ? answerBlock(req.answer) : null,
      canAnswer ? answerForm(req) : null));
}

function render() {
  const opened = new Set($$('details.collab-disclosure[open]', list).map((d) => d.closest('li').dataset.id));
  fill(list, requests.map(requestCard));
  for (const details of $$('details.collab-disclosure', list)) if (opened.has(details.closest('li').dataset.id)) details.open = true;
  $('#requests-count').textContent = t('requests.count', { count: total });
}

async function loadRequests() {
  const { q, language, status: state } = formValues(filter);
  const mine = $('#requests-mine').checked && currentAccount() ? 'true' : undefined;
  $('#requests-one').hidden = !onlyId;
  try {
    if (onlyId) {
      requests = [await request('GET', `requests/${onlyId}`)];
      total = 1;
    } else {
      const data = await request('GET', 'requests', { params: { q, language, status: state, mine } });
      requests = data?.requests || [];
      total = data?.total ?? requests.length;
    }
  } catch (error) {
    requests = [];
    total = 0;
    render();
    $('#requests-count').textContent = t(error instanceof ApiError ? 'requests.error' : 'collab.error.network');
    return;
  }
  render();
}

async function answer(form) {
  const id = form.closest('li[data-id]').dataset.id;
  clearErrors(form);
  if (!requireFields(form, ['resourceId'])) return;
  const { resourceId, note } = formValues(form);
  try {
    const updated = await whileBusy(form, () => request('POST', `requests/${encodeURIComponent(id)}/answer`, {
      body: { resourceId, ...(note ? { note } : {}) },
    }));
    const index = requests.findIndex((r) => String(r.id) === id);
    if (updated && index >= 0) requests[index] = { ...requests[index], ...updated };
    else if (index >= 0) requests[index] = { ...requests[index], status: 'answered' };
    render();
    status.textContent = t('request.answer.done', { topic: requests[index]?.topic ?? '' });
    focusOn($(`#requests-list li[data-id="${CSS.escape(id)}"] h3`));
  } catch (error) {
    showError(form, error, { messages: { 404: 'request.answer.error.404', 409: 'request.answer.error.409' } });
  }
}

function showAll() {
  if (onlyId) {
    onlyId = null;
    const params = new URLSearchParams(location.search);
    params.delete('id');
    const rest = params.toString();
    history.replaceState(null, '', rest ? `${location.pathname}?${rest}` : location.pathname);
  }
  return loadRequests();
}

// What a contributor published is what they are most likely to answer with.
async function loadMyResources() {
  if (!hasRole(currentAccount(), 'contributor')) return;
  try {
    const data = await request('GET', 'me/submissions');
    const all = Array.isArray(data) ? data : data?.submissions || [];
    myResources = all.filter((s) => s.status === 'published');
  } catch {
    myResources = [];
  }
  let datalist = $('#answer-resources');
  if (!datalist) list.after(datalist = el('datalist', { id: 'answer-resources' }));
  fill(datalist, myResources.map((s) => el('option', { value: s.id }, s.record?.title || s.id)));
}

function renderForAccount() {
  $('#requests-mine-field').hidden = !currentAccount();
  render();
}

async function main() {
  setupRequestForm();
  filter.hidden = false;
  filter.addEventListener('submit', (event) => {
    event.preventDefault();
    showAll();
  });
  $('#requests-show-all').addEventListener('click', async () => {
    await showAll();
    focusOn($('#requests-list-heading'));
  });
  list.addEventListener('submit', (event) => {
    event.preventDefault();
    if (event.target.matches('.collab-answer-form')) answer(event.target);
  });
  const { failed } = await start();
  if (failed) status.textContent = t('collab.error.server');
  languageOptions(requestForm.elements.language);
  languageOptions($('#requests-language'), { keepFirst: true });
  prefill();
  $('#requests-mine-field').hidden = !currentAccount();
  await Promise.all([loadRequests(), loadMyResources()]);
  onLanguageChange(() => {
    languageOptions(requestForm.elements.language);
    languageOptions($('#requests-language'), { keepFirst: true });
    render();
  });
  onSessionChange(renderForAccount);
}

main();
