// Showing what the server said about a form: the problem next to the form, each 422
// error next to its field (aria-invalid + aria-describedby), focus on the first one.
// Server messages are English, so they are marked lang="en".

import { $, $$, el, fill, focusOn } from '../lib/dom.js';
import { currentLanguage, t } from '../lib/page-language.js';
import { ApiError } from '../lib/api.js';

// "/keywords/0", "record.title" or "about[1]" all name the form field "keywords", "title", "about".
function fieldName(field) {
  return String(field ?? '').replace(/^\/+/, '').replace(/^record[./]/, '').split(/[./[]/)[0];
}

// The element an error belongs to: a fieldset marked data-field (checkbox groups) or the control.
function fieldTarget(form, name) {
  if (!name) return null;
  const group = form.querySelector(`[data-field="${CSS.escape(name)}"]`);
  if (group) return group;
  const control = form.elements.namedItem(name);
  return control instanceof Element && !control.hidden && control.type !== 'hidden' ? control : null;
}

function describedBy(node, id, add) {
  const ids = (node.getAttribute('aria-describedby') || '').split(/\s+/).filter((x) => x && x !== id);
  if (add) ids.push(id);
  if (ids.length) node.setAttribute('aria-describedby', ids.join(' '));
  else node.removeAttribute('aria-describedby');
}

/** The box next to the form where form-level problems go (created when missing). */
function problemBox(form) {
  let box = $('.collab-problem', form);
  if (!box) {
    box = el('div', { class: 'collab-problem', role: 'alert', hidden: true });
    form.prepend(box);
  }
  return box;
}

export function clearErrors(form) {
  for (const node of $$('.collab-field-error', form)) {
    const owner = form.querySelector(`[aria-describedby~="${CSS.escape(node.id)}"]`);
    if (owner) {
      describedBy(owner, node.id, false);
      owner.removeAttribute('aria-invalid');
    }
    node.remove();
  }
  const box = $('.collab-problem', form);
  if (box) {
    box.replaceChildren();
    box.hidden = true;
  }
}

function fieldError(form, target, messages) {
  const id = `${form.id || 'form'}-${target.name || target.dataset.field}-error`;
  const note = el('p', { id, class: 'collab-field-error' }, messages.map(({ message, lang }, i) => [i ? el('br') : null,
    el('span', { lang: lang || 'en' }, message)]));
  if (target.matches('fieldset')) target.append(note);
  else (target.closest('.collab-field') || target).append(note);
  // Checkbox groups carry the error on the group; aria-invalid is not allowed on fieldsets.
  if (!target.matches('fieldset')) target.setAttribute('aria-invalid', 'true');
  describedBy(target, id, true);
  return note;
}

/**
 * Shows `error` on `form`. 422 errors go next to their fields and focus moves to the
 * first one; anything else is summarised next to the form (an alert) and focused.
 */
export function showError(form, error, { messages = {} } = {}) {
  clearErrors(form);
  const box = problemBox(form);
  if (!(error instanceof ApiError)) {
    console.error(error);
    fill(box, el('p', {}, t('collab.error.network')));
    box.hidden = false;
    focusOn(box);
    return;
  }
  const byField = new Map();
  const loose = [];
  for (const { field, message, lang } of error.fieldErrors) {
    const target = fieldTarget(form, fieldName(field));
    if (!target) { loose.push(field ? `${field}: ${message}` : message); continue; }
    if (!byField.has(target)) byField.set(target, []);
    byField.get(target).push({ message, lang });
  }
  let first = null;
  for (const [target, list] of byField) {
    fieldError(form, target, list);
    first ??= target;
  }
  const summary = messages[error.status] ? t(messages[error.status])
    : byField.size ? t('collab.error.fields', { count: byField.size })
    : t(statusKey(error.status));
  const detail = !byField.size && error.problem.detail ? el('p', { class: 'collab-problem-detail', lang: 'en' }, error.problem.detail) : null;
  fill(box, el('p', {}, summary), detail,
    loose.length ? el('ul', { lang: 'en' }, loose.map((m) => el('li', {}, m))) : null);
  box.hidden = false;
  // Focus the first field in error: its description (the message) is read with it.
  if (first && !first.matches('fieldset')) focusOn(first);
  else if (first) focusOn(first.querySelector('input, select, textarea') || box);
  else focusOn(box);
}

/** Marks the named fields left empty; true when none is. */
export function requireFields(form, names) {
  const values = formValues(form);
  const empty = names.filter((name) => !values[name] || (Array.isArray(values[name]) && !values[name].length));
  if (!empty.length) return true;
  const message = t('collab.error.required');
  showError(form, new ApiError(422, { errors: empty.map((field) => ({ field, message, lang: currentLanguage() })) }));
  return false;
}

export function statusKey(status) {
  if ([400, 401, 403, 404, 409, 413, 422, 429].includes(status)) return `collab.error.${status}`;
  return status >= 500 ? 'collab.error.server' : 'collab.error.other';
}

/** Disables the form's buttons while `action` runs; the form reports aria-busy. */
export async function whileBusy(form, action) {
  const buttons = $$('button', form).filter((b) => !b.disabled);
  form.setAttribute('aria-busy', 'true');
  for (const button of buttons) button.disabled = true;
  try {
    return await action();
  } finally {
    form.removeAttribute('aria-busy');
    for (const button of buttons) button.disabled = false;
  }
}

/** The trimmed value of each named control (checkbox groups as arrays). */
export function formValues(form) {
  const values = {};
  for (const control of form.elements) {
    if (!control.name || control.disabled || control.type === 'submit' || control.type === 'button') continue;
    if (control.type === 'checkbox') {
      values[control.name] ??= [];
      if (control.checked) values[control.name].push(control.value);
    } else if (control.type === 'radio') {
      if (control.checked) values[control.name] = control.value;
    } else {
      values[control.name] = control.value.trim();
    }
  }
  return values;
}
