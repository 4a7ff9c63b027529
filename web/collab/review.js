// review.html: the queue of revisions waiting for review, and a verdict form for each.

import { $, $$, el, fill, focusOn } from '../lib/dom.js';
import { availableLanguages, formatDate, languageOption, onLanguageChange, t } from '../lib/page-language.js';
import { ApiError } from '../lib/api.js';
import { currentAccount, encodeId, hasRole, onSessionChange, request } from './api.js';
import { clearErrors, showError, whileBusy } from './forms.js';
import { recordView } from './record.js';
import { personName, reviewsList } from './submission.js';
import { signInURL, start } from './shell.js';

const status = $('#review-status');
const queue = $('#review-queue');
let pending = [];

const revisionOf = (submission) => submission.pendingRevision || submission.revision || 1;
const slug = (id) => String(id).replace(/[^A-Za-z0-9_-]/g, '_');

function reviewForm(submission, headingId) {
  const key = slug(submission.id);
  const commentId = `review-comment-${key}`;
  const hintId = `${commentId}-hint`;
  const button = (verdict, cls) => el('button', {
    type: 'submit', name: 'verdict', value: verdict, class: cls, 'aria-describedby': headingId,
  }, t(`review.action.${verdict}`));
  return el('form', { id: `review-form-${key}`, class: 'collab-form collab-review-form', novalidate: true },
    el('div', { class: 'collab-problem', role: 'alert', hidden: true }),
    el('div', { class: 'collab-field' },
      el('label', { for: commentId }, t('review.comment')),
      el('p', { id: hintId, class: 'collab-hint' }, t('review.comment.hint')),
      el('textarea', { id: commentId, name: 'comment', rows: 3, maxlength: 2000, dir: 'auto', 'aria-describedby': hintId })),
    el('div', { class: 'collab-actions' },
      button('approve', 'agora-submit'), button('changes', 'collab-secondary'), button('reject', 'collab-danger')));
}

function card(submission) {
  const headingId = `review-item-${slug(submission.id)}`;
  const record = submission.record || {};
  const approvals = submission.approvalsRequired > 1
    ? [' · ', t('review.approvals', { count: submission.approvals || 0, required: submission.approvalsRequired })] : null;
  return el('li', { class: 'collab-card', 'data-id': submission.id },
    el('article', { 'aria-labelledby': headingId },
      el('h3', { id: headingId, lang: record.inLanguage || null, dir: 'auto' }, record.title || submission.id),
      el('p', { class: 'collab-meta' },
        t('review.by', { name: personName(submission.author) }), ' · ',
        t('submission.revision', { n: revisionOf(submission) }),
        submission.publishedRevision ? [' · ', t('review.edit_of_published')] : null,
        submission.updatedAt || submission.createdAt
          ? [' · ', el('time', { datetime: submission.updatedAt || submission.createdAt }, formatDate(submission.updatedAt || submission.createdAt))]
          : null,
        approvals),
      recordView(record),
      reviewsList(submission.reviews),
      reviewForm(submission, headingId)));
}

function render() {
  const drafts = new Map($$('textarea[name="comment"]', queue).map((area) => [area.id, area.value]));
  fill(queue, pending.map(card));
  for (const [id, value] of drafts) if ($(`#${CSS.escape(id)}`)) $(`#${CSS.escape(id)}`).value = value;
  $('#review-count').textContent = t('review.count', { count: pending.length });
}

async function loadQueue() {
  const lang = $('#review-language').value;
  try {
    const data = await request('GET', 'reviews', { params: { lang } });
    pending = data?.pending || [];
    render();
  } catch (error) {
    pending = [];
    render();
    $('#review-count').textContent = t(error instanceof ApiError ? 'review.error' : 'collab.error.network');
  }
}

async function submitReview(form, verdict) {
  const item = form.closest('li[data-id]');
  const submission = pending.find((s) => s.id === item.dataset.id);
  if (!submission) return;
  const comment = form.elements.comment.value.trim();
  clearErrors(form);
  if (verdict !== 'approve' && !comment) {
    showError(form, new ApiError(422, { errors: [{ field: 'comment', message: t('review.comment.required'), lang: document.documentElement.lang }] }));
    return;
  }
  try {
    const answer = await whileBusy(form, () => request('POST', `resources/${encodeId(submission.id)}/reviews`, {
      body: { verdict, revision: revisionOf(submission), ...(comment ? { comment } : {}) },
    }));
    const title = submission.record?.title || submission.id;
    const published = verdict === 'approve' && (answer?.status === 'published' || answer?.submission?.status === 'published');
    status.textContent = t(published ? 'review.done.published' : `review.done.${verdict}`, { title });
    // The next item takes the place (and the focus) of the one just reviewed.
    const index = pending.indexOf(submission);
    pending.splice(index, 1);
    render();
    const next = queue.children[Math.min(index, queue.children.length - 1)];
    focusOn(next ? $('h3', next) : $('#review-queue-heading'));
  } catch (error) {
    showError(form, error, { messages: { 403: 'review.error.403', 409: 'review.error.409' } });
  }
}

function renderGate() {
  const account = currentAccount();
  const allowed = hasRole(account, 'reviewer');
  $('#review-section').hidden = !allowed;
  const gate = $('#review-gate');
  gate.hidden = allowed;
  if (!account) fill(gate, el('p', {}, t('review.gate.signed_out'), ' ', el('a', { href: signInURL() }, t('collab.sign_in_link'))));
  else if (!allowed) fill(gate, el('p', {}, t('review.gate.role')));
  return allowed;
}

function buildLanguageFilter() {
  const select = $('#review-language');
  const chosen = select.value;
  select.replaceChildren(select.options[0], ...availableLanguages().map(languageOption));
  select.value = chosen;
}

async function main() {
  queue.addEventListener('submit', (event) => {
    event.preventDefault();
    // Only a verdict button submits: a form sent any other way carries no verdict.
    const verdict = event.submitter?.value;
    if (verdict) submitReview(event.target, verdict);
  });
  $('#review-filter').addEventListener('submit', (event) => {
    event.preventDefault();
    loadQueue();
  });
  const { failed } = await start();
  if (failed) status.textContent = t('collab.error.server');
  buildLanguageFilter();
  if (renderGate()) await loadQueue();
  onLanguageChange(() => { renderGate(); render(); });
  onSessionChange(renderGate);
}

main();
