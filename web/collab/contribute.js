// contribute.html: submit a resource for review, handle duplicates, list one's own
// submissions and edit those a reviewer sent back.

import { $, el, fill, focusOn, link } from '../lib/dom.js';
import { availableLanguages, codeLabel, currentLanguage, formatDate, onLanguageChange, t } from '../lib/page-language.js';
import { ApiError } from '../lib/api.js';
import { currentAccount, encodeId, hasRole, onSessionChange, request } from './api.js';
import { clearErrors, requireFields, showError, whileBusy } from './forms.js';
import { SUBJECTS, TYPES, recordFromForm, recordToForm } from './record.js';
import { personName, reviewsList, statusBadge } from './submission.js';
import { signInURL, start } from './shell.js';

const form = $('#contribute-form');
const status = $('#contribute-status');
const duplicatesBox = $('#contribute-duplicates');
let editing = null;          // the submission being edited, or null for a new resource
let submissions = [];

// ------------------------------------------------------------------ the form

function buildChoices() {
  const types = $('#contribute-type');
  const chosenType = types.value;
  types.replaceChildren(types.options[0], ...TYPES.map((type) => el('option', { value: type }, codeLabel('type', type))));
  types.value = chosenType;
  const checks = $('[data-field="about"] .collab-checks', form);
  const ticked = new Set([...form.querySelectorAll('input[name="about"]:checked')].map((box) => box.value));
  const extra = [...form.querySelectorAll('input[name="about"]')].map((box) => box.value).filter((v) => !SUBJECTS.includes(v));
  fill(checks, [...SUBJECTS, ...extra].map((subject) => el('div', { class: 'collab-check' },
    el('input', { type: 'checkbox', id: `about-${subject}`, name: 'about', value: subject, checked: ticked.has(subject) }),
    el('label', { for: `about-${subject}` }, codeLabel('subject', subject)))));
  fill($('#contribute-languages'), availableLanguages().map((l) => el('option', { value: l.code }, l.name)));
}

function editTexts() {
  const heading = $('#contribute-form-heading');
  heading.textContent = editing
    ? t('contribute.form.edit_heading', { title: editing.record?.title || editing.id })
    : t('contribute.form.heading');
  $('#contribute-submit').textContent = t(editing ? 'contribute.submit_edit' : 'contribute.submit');
  $('#contribute-cancel').hidden = !editing;
}

function setEditing(submission) {
  editing = submission;
  clearErrors(form);
  hideDuplicates();
  if (submission) {
    recordToForm(form, submission.record);
  } else {
    form.reset();
    $('#contribute-language').value = currentLanguage();
  }
  editTexts();
}

function hideDuplicates() {
  duplicatesBox.hidden = true;
  duplicatesBox.replaceChildren();
}

// 409: the resources it may duplicate. Only title matches can be confirmed; an address
// already in Agora cannot be submitted twice.
function showDuplicates(duplicates, record) {
  const titleOnly = duplicates.length > 0 && duplicates.every((d) => d.reason === 'title');
  const heading = el('h3', { id: 'contribute-duplicates-heading' }, t('duplicates.heading'));
  fill(duplicatesBox,
    heading,
    el('p', {}, t(titleOnly ? 'duplicates.title_intro' : 'duplicates.url_intro')),
    el('ul', { role: 'list' }, duplicates.map((d) => el('li', { 'data-id': d.id, 'data-reason': d.reason },
      link(d.title || d.id, d.url, { lang: d.language || null, dir: 'auto', class: 'collab-duplicate-link' }),
      d.language ? ` (${d.language})` : null, ' – ', t(`duplicates.reason.${d.reason}`)))),
    titleOnly ? el('button', { type: 'button', id: 'contribute-anyway', class: 'collab-secondary' }, t('duplicates.anyway')) : null);
  duplicatesBox.hidden = false;
  duplicatesBox.setAttribute('role', 'region');
  duplicatesBox.setAttribute('aria-labelledby', heading.id);
  $('#contribute-anyway')?.addEventListener('click', () => send(record, { allowSimilarTitle: true }));
  focusOn(heading);
}

async function send(record, { allowSimilarTitle = false } = {}) {
  clearErrors(form);
  const params = allowSimilarTitle ? { allowSimilarTitle: 'true' } : undefined;
  try {
    const saved = await whileBusy(form, () => editing
      ? request('PUT', `resources/${encodeId(editing.id)}`, { body: record, params, ifMatch: editing.revision })
      : request('POST', 'resources', { body: record, params }));
    const title = saved?.record?.title || record.title;
    setEditing(null);
    status.textContent = t('contribute.sent', { title });
    await loadSubmissions();
    focusOn($(`#submissions li[data-id="${CSS.escape(saved?.id ?? '')}"] h3`) || $('#submissions-heading'));
  } catch (error) {
    if (error instanceof ApiError && error.status === 409 && error.duplicates.length) {
      clearErrors(form);
      showDuplicates(error.duplicates, record);
    } else {
      hideDuplicates();
      showError(form, error);
    }
  }
}

function setupForm() {
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    hideDuplicates();
    if (!requireFields(form, ['title', 'url'])) return;
    send(recordFromForm(form, editing ? editing.record : {}));
  });
  $('#contribute-cancel').addEventListener('click', () => {
    const id = editing?.id;
    setEditing(null);
    focusOn($(`#submissions li[data-id="${CSS.escape(id ?? '')}"] button`) || $('#contribute-title'));
  });
}

// ------------------------------------------------------------------ my submissions

function submissionCard(submission) {
  const record = submission.record || {};
  const headingId = `submission-${submission.id}`.replace(/[^A-Za-z0-9_-]/g, '_');
  const canEdit = submission.status === 'changes_requested';
  return el('li', { class: 'collab-card', 'data-id': submission.id, 'data-status': submission.status },
    el('h3', { id: headingId, lang: record.inLanguage || null, dir: 'auto' }, record.title || submission.id),
    el('p', { class: 'collab-meta' },
      statusBadge(submission), ' · ',
      el('span', {}, t('submission.id'), ' ', el('code', {}, submission.id)), ' · ',
      t('submission.revision', { n: submission.pendingRevision || submission.revision || 1 }),
      submission.updatedAt ? [' · ', el('time', { datetime: submission.updatedAt }, formatDate(submission.updatedAt))] : null),
    el('p', {}, link(record.url || '', record.url, { dir: 'ltr' })),
    reviewsList(submission.reviews),
    canEdit ? el('button', { type: 'button', class: 'collab-secondary', 'data-action': 'edit', 'aria-describedby': headingId },
      t('submissions.edit')) : null);
}

function renderSubmissions() {
  fill($('#submissions'), submissions.map(submissionCard));
  $('#submissions-empty').hidden = submissions.length > 0;
}

async function loadSubmissions() {
  try {
    const data = await request('GET', 'me/submissions');
    submissions = Array.isArray(data) ? data : data?.submissions || [];
    renderSubmissions();
  } catch (error) {
    fill($('#submissions'), el('li', { class: 'collab-note' }, t(error instanceof ApiError ? 'submissions.error' : 'collab.error.network')));
  }
}

$('#submissions').addEventListener('click', (event) => {
  const button = event.target.closest('button[data-action="edit"]');
  if (!button) return;
  const submission = submissions.find((s) => s.id === button.closest('li').dataset.id);
  if (!submission) return;
  setEditing(submission);
  status.textContent = t('contribute.editing', { title: submission.record?.title || submission.id });
  focusOn($('#contribute-title'));
});

// ------------------------------------------------------------------ start-up

function renderGate() {
  const account = currentAccount();
  const allowed = hasRole(account, 'contributor');
  $('#contribute-section').hidden = !allowed;
  $('#submissions-section').hidden = !allowed;
  const gate = $('#contribute-gate');
  gate.hidden = allowed;
  if (!account) {
    fill(gate, el('p', {}, t('contribute.gate.signed_out'), ' ', el('a', { href: signInURL() }, t('collab.sign_in_link'))));
  } else if (!allowed) {
    fill(gate, el('p', {}, t('contribute.gate.role', { name: personName(account) })), el('p', {},
      el('a', { href: 'requests.html' }, t('contribute.gate.requests'))));
  }
  return allowed;
}

async function main() {
  setupForm();
  const { failed } = await start();
  if (failed) status.textContent = t('collab.error.server');
  buildChoices();
  $('#contribute-language').value ||= currentLanguage();
  editTexts();
  if (renderGate()) await loadSubmissions();
  onLanguageChange(() => {
    buildChoices();
    renderGate();
    renderSubmissions();
    editTexts();
  });
  onSessionChange(renderGate);
}

main();
