// A resource record (corpus/schema/record.schema.json) on the page: read from the
// contribution form, written back into it for an edit, and shown as a description list.

import { $$, el, link } from '../lib/dom.js';
import { capitalisedLanguageName, codeLabel, t } from '../lib/page-language.js';
import { formValues } from './forms.js';

export const TYPES = ['guide', 'course', 'video', 'toolkit', 'book', 'article', 'exercise', 'podcast',
  'presentation', 'template', 'website'];
export const SUBJECTS = ['cooperatives', 'governance', 'financing', 'community', 'social-enterprise-law',
  'digital-skills', 'fair-trade', 'open-source', 'volunteering'];
const FIELDS = ['title', 'url', 'inLanguage', 'description', 'learningResourceType', 'educationalLevel',
  'license', 'keywords', 'about'];

const asList = (value) => (Array.isArray(value) ? value : String(value ?? '').split(','))
  .map((v) => String(v).trim()).filter(Boolean);

/**
 * The record the form describes. `base` is the record being edited: fields the form does
 * not show (collection, author, ...) are kept, and those it shows are replaced.
 */
export function recordFromForm(form, base = {}) {
  const values = formValues(form);
  const record = { ...base };
  for (const field of FIELDS) {
    let value = values[field];
    if (field === 'keywords' || field === 'about') value = asList(value);
    if (field === 'learningResourceType' && value && Array.isArray(base.learningResourceType)) {
      value = [value, ...base.learningResourceType.filter((x) => x !== value)];
    }
    if (value === undefined || value === '' || (Array.isArray(value) && !value.length)) delete record[field];
    else record[field] = value;
  }
  return record;
}

/** Puts `record` into the form; subjects the form has no box for get one. */
export function recordToForm(form, record = {}) {
  const about = asList(record.about);
  const group = form.querySelector('[data-field="about"] .collab-checks');
  for (const subject of about) {
    if (group && !$$('input[name="about"]', form).some((box) => box.value === subject)) {
      const id = `about-${subject.replace(/[^a-z0-9-]/gi, '_')}`;
      group.append(el('div', { class: 'collab-check' },
        el('input', { type: 'checkbox', id, name: 'about', value: subject }),
        el('label', { for: id }, codeLabel('subject', subject))));
    }
  }
  for (const control of form.elements) {
    if (!FIELDS.includes(control.name)) continue;
    const value = record[control.name];
    if (control.type === 'checkbox') control.checked = about.includes(control.value);
    else if (control.name === 'keywords') control.value = asList(value).join(', ');
    else if (control.name === 'learningResourceType') control.value = asList(value)[0] || '';
    else control.value = value ?? '';
  }
}

/** The record as a <dl>: what a reviewer checks and an author sees of their submission. */
export function recordView(record = {}) {
  const rows = [];
  const row = (key, ...value) => rows.push(el('dt', {}, t(key)), el('dd', {}, ...value));
  const lang = record.inLanguage || null;
  row('record.title', el('span', { lang, dir: 'auto' }, record.title || ''));
  row('record.url', link(record.url || '', record.url, { dir: 'ltr' }));
  if (record.inLanguage) row('record.inLanguage', `${capitalisedLanguageName(record.inLanguage)} (${record.inLanguage})`);
  if (record.learningResourceType) row('record.learningResourceType', asList(record.learningResourceType).map((v) => codeLabel('type', v)).join(', '));
  if (record.educationalLevel) row('record.educationalLevel', codeLabel('level', record.educationalLevel));
  if (record.license) row('record.license', record.license);
  if (record.keywords) row('record.keywords', el('span', { lang, dir: 'auto' }, asList(record.keywords).join(', ')));
  if (record.about) row('record.about', asList(record.about).map((v) => codeLabel('subject', v)).join(', '));
  if (record.description) row('record.description', el('span', { lang, dir: 'auto', class: 'collab-description' }, record.description));
  return el('dl', { class: 'collab-record' }, rows);
}
