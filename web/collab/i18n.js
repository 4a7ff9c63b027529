// Interface language of the collaboration pages, chosen and remembered exactly as on the
// search page (same storage key, same order: remembered choice, ?lang=, browser, English).
// A key missing from a translation falls back to English, then to the key itself.

import { formatMessage } from '../messages.js';

const STORE_KEY = 'agora.lang';
const I18N = new URL('../i18n/', import.meta.url);

let ui = 'en';
let languages = [];
let strings = {};
let english = null;
let pluralRules = new Intl.PluralRules('en');
let numbers = new Intl.NumberFormat('en');
let languageNames = null;
let dates = new Intl.DateTimeFormat('en', { dateStyle: 'medium' });
const listeners = [];

async function loadJSON(name) {
  const response = await fetch(new URL(name, I18N), { headers: { Accept: 'application/json' } });
  if (!response.ok) throw new Error(`${name}: ${response.status}`);
  return response.json();
}

function storageGet() {
  try { return localStorage.getItem(STORE_KEY); } catch { return null; }
}
function storageSet(value) {
  try { localStorage.setItem(STORE_KEY, value); } catch { /* blocked storage: not remembered */ }
}

export const currentLanguage = () => ui;
export const availableLanguages = () => languages;

export function t(key, vars = {}) {
  return formatMessage(strings[key] ?? english?.[key] ?? key, vars, pluralRules, numbers);
}

export const has = (key) => key in strings || (english !== null && key in english);

export function languageName(code) {
  let name = code;
  try { name = languageNames?.of(code) || code; } catch { /* not a valid tag */ }
  return name.charAt(0).toLocaleUpperCase(ui) + name.slice(1);
}

export function formatDate(iso) {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? String(iso ?? '') : dates.format(date);
}

function matchLanguage(wanted) {
  const codes = languages.map((l) => l.code);
  for (const tag of wanted) {
    if (!tag) continue;
    const lower = tag.toLowerCase();
    const found = codes.find((c) => c.toLowerCase() === lower) ||
      codes.find((c) => c.toLowerCase() === lower.split('-')[0]);
    if (found) return found;
  }
  return null;
}

/** Text, placeholders, aria-labels and the title of the static page, from their keys. */
export function translatePage(root = document) {
  for (const node of root.querySelectorAll('[data-i18n]')) {
    node.textContent = t(node.dataset.i18n);
    // English standing in for a missing translation is marked as English, so that screen
    // readers pronounce it as such and its punctuation stays put on right-to-left pages.
    const fallback = ui !== 'en' && !(node.dataset.i18n in strings) && node.tagName !== 'TITLE';
    if (fallback) {
      node.lang = 'en';
      node.dir = 'auto';
    } else if (node.lang === 'en' && node.dir === 'auto') {
      node.removeAttribute('lang');
      node.removeAttribute('dir');
    }
  }
  for (const node of root.querySelectorAll('[data-i18n-placeholder]')) node.placeholder = t(node.dataset.i18nPlaceholder);
  for (const node of root.querySelectorAll('[data-i18n-aria-label]')) {
    node.setAttribute('aria-label', t(node.dataset.i18nAriaLabel));
  }
}

export async function setLanguage(code, { remember = false } = {}) {
  english ??= await loadJSON('en.json').catch(() => ({}));
  strings = code === 'en' ? english : await loadJSON(`${code}.json`).catch(() => ({}));
  ui = code;
  if (remember) storageSet(code);
  const info = languages.find((l) => l.code === code);
  document.documentElement.lang = code;
  document.documentElement.dir = info?.dir === 'rtl' ? 'rtl' : 'ltr';
  pluralRules = new Intl.PluralRules(code);
  numbers = new Intl.NumberFormat(code);
  dates = new Intl.DateTimeFormat(code, { dateStyle: 'medium' });
  try { languageNames = new Intl.DisplayNames([code, 'en'], { type: 'language' }); } catch { languageNames = null; }
  translatePage();
  for (const listener of listeners) listener(code);
}

/** Calls `listener` after every later change of language (to redraw what JS rendered). */
export const onLanguageChange = (listener) => listeners.push(listener);

export async function startLanguage() {
  const fromPage = () => [...document.querySelectorAll('select#lang option')]
    .map((o) => ({ code: o.value, name: o.textContent, dir: o.dir || 'ltr' }));
  languages = await loadJSON('languages.json').catch(fromPage);
  if (!Array.isArray(languages) || !languages.length) languages = fromPage();
  const urlLang = new URLSearchParams(location.search).get('lang');
  const chosen = matchLanguage([storageGet()]) || matchLanguage([urlLang]) ||
    matchLanguage(navigator.languages || [navigator.language]) || 'en';
  await setLanguage(chosen);
}
