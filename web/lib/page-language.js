// The interface language of a whole page, the search page and the collaboration pages
// alike: chosen and remembered the same way everywhere (the learner's remembered choice,
// then ?lang=, then the browser's languages, then English) and applied to <html lang dir>
// and to the page's own text, which carries its keys in data-i18n attributes.

import { Locale, loadLocale, translateElement } from './i18n.js';
import { directionOf, loadLanguages, matchLanguage } from './languages.js';
import { el } from './dom.js';

const STORE_KEY = 'agora.lang';

const page = {
  languages: [],                       // [{code, name, dir}] the chooser offers
  locale: new Locale('en', {}, {}),    // until the strings have arrived
  listeners: [],                       // called after each change of language
};

function rememberedLanguage() {
  try { return localStorage.getItem(STORE_KEY); } catch { return null; }   // blocked storage
}
function rememberLanguage(code) {
  try { localStorage.setItem(STORE_KEY, code); } catch { /* private mode: not remembered */ }
}

export const currentLanguage = () => page.locale.code;
export const currentLocale = () => page.locale;
export const availableLanguages = () => page.languages;
export const t = (key, vars) => page.locale.t(key, vars);
export const languageName = (code) => page.locale.languageName(code);
export const capitalisedLanguageName = (code) => page.locale.capitalisedLanguageName(code);
export const formatNumber = (n) => page.locale.formatNumber(n);
export const formatDate = (iso) => page.locale.formatDate(iso);

/** A code (type "guide", level "beginner", subject "governance") in words where there are words for it, else as it is. */
export const codeLabel = (kind, code) => (page.locale.has(`${kind}.${code}`) ? t(`${kind}.${code}`) : code);

/** The <option> of a language in a list of languages: its own name, in its own language and direction. */
export const languageOption = (language) =>
  el('option', { value: language.code, lang: language.code, dir: language.dir === 'rtl' ? 'rtl' : null }, language.name);

/** Text, placeholders and aria-labels of the static page, from their data-i18n* keys. */
function translatePage(root = document) {
  for (const node of root.querySelectorAll('[data-i18n]')) translateElement(node, node.dataset.i18n, page.locale);
  for (const node of root.querySelectorAll('[data-i18n-placeholder]')) node.placeholder = t(node.dataset.i18nPlaceholder);
  for (const node of root.querySelectorAll('[data-i18n-aria-label]')) {
    node.setAttribute('aria-label', t(node.dataset.i18nAriaLabel));
  }
}

export async function setLanguage(code, { remember = false } = {}) {
  if (remember) rememberLanguage(code);
  page.locale = await loadLocale(code);
  document.documentElement.lang = code;
  document.documentElement.dir = directionOf(code, page.languages);
  translatePage();
  for (const listener of page.listeners) listener(code);
}

/** Calls `listener` after every later change of language (to redraw what scripts rendered). */
export const onLanguageChange = (listener) => page.listeners.push(listener);

// Without languages.json, the languages are those the page's own chooser lists.
const languagesOfChooser = () => [...document.querySelectorAll('select#lang option')]
  .map((o) => ({ code: o.value, name: o.textContent, dir: o.dir || 'ltr' }));

export async function startLanguage() {
  page.languages = await loadLanguages().catch(languagesOfChooser);
  const urlLang = new URLSearchParams(location.search).get('lang');
  const chosen = matchLanguage([rememberedLanguage()], page.languages) ||
    matchLanguage([urlLang], page.languages) ||
    matchLanguage(navigator.languages || [navigator.language], page.languages) || 'en';
  await setLanguage(chosen);
}

/**
 * Makes `select` the page's language chooser: one option per language, the current one
 * chosen; a choice is applied and remembered, then `afterChange` runs.
 */
export function connectLanguageChooser(select, { afterChange } = {}) {
  if (page.languages.length) {
    select.replaceChildren(...page.languages.map(languageOption));
  }
  select.value = currentLanguage();
  select.addEventListener('change', async () => {
    await setLanguage(select.value, { remember: true });
    select.value = currentLanguage();
    afterChange?.();
  });
}
