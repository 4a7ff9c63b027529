// One interface language's strings, with English behind every key a translation lacks:
// messages with plural forms and numbers, language names, dates, and the one way English
// standing in for a translation is marked. The page keeps one Locale at a time
// (page-language.js); each widget on a partner page keeps its own.

import { fetchJSON } from './api.js';
import { formatMessage } from './messages.js';

// The strings sit next to these modules, on whichever server they were loaded from.
const I18N_FOLDER = new URL('../i18n/', import.meta.url);
const files = new Map();   // address → promise of its JSON, shared by all on the page

/** A file of i18n/ (languages.json, fr.json), fetched once; a failure is tried again next time. */
export function i18nFile(name) {
  const url = new URL(name, I18N_FOLDER).href;
  if (!files.has(url)) {
    files.set(url, fetchJSON(url).catch((error) => {
      files.delete(url);
      throw error;
    }));
  }
  return files.get(url);
}

export class Locale {
  /** `strings` of language `code`, `english` for the keys it lacks (both may be {}). */
  constructor(code, strings, english) {
    this.code = code;
    this.strings = strings;
    this.english = english;
    this.plural = new Intl.PluralRules(code);
    this.numbers = new Intl.NumberFormat(code);
    this.dates = new Intl.DateTimeFormat(code, { dateStyle: 'medium' });
    try { this.names = new Intl.DisplayNames([code, 'en'], { type: 'language' }); } catch { this.names = null; }
  }

  /** The message of `key` with `vars` filled in; English, then the key itself, if missing. */
  t(key, vars = {}) {
    return formatMessage(this.strings[key] ?? this.english[key] ?? key, vars, this.plural, this.numbers);
  }

  has(key) {
    return key in this.strings || key in this.english;
  }

  /** Whether `key` is shown in English because this language has no text for it. */
  isFallback(key) {
    return this.code !== 'en' && !(key in this.strings);
  }

  /** A language's name as it reads inside a sentence ("anglais"). */
  languageName(code) {
    try { return this.names?.of(code) || code; } catch { return code; }   // malformed tag
  }

  /** A language's name as it reads on its own, as a label ("Anglais"). */
  capitalisedLanguageName(code) {
    const name = this.languageName(code);
    return name.charAt(0).toLocaleUpperCase(this.code) + name.slice(1);
  }

  formatNumber(n) {
    return this.numbers.format(n);
  }

  formatDate(iso) {
    const date = new Date(iso);
    return Number.isNaN(date.getTime()) ? String(iso ?? '') : this.dates.format(date);
  }
}

/** The Locale of `code`; a strings file that cannot be had counts as empty. */
export async function loadLocale(code) {
  const load = (name) => i18nFile(name).then((data) => (data && typeof data === 'object' ? data : {}), () => ({}));
  const [english, own] = await Promise.all([load('en.json'), code === 'en' ? null : load(`${code}.json`)]);
  return new Locale(code, own ?? english, english);
}

/**
 * Puts the text of `key` into `node`. English standing in for a missing translation is
 * marked as English (lang="en" dir="auto"), so that screen readers pronounce it as such
 * and its punctuation stays put on right-to-left pages; a later language that has the
 * text takes the mark away. (<title> cannot carry it: its text is the document's.)
 */
export function translateElement(node, key, locale, vars) {
  node.textContent = locale.t(key, vars);
  if (locale.isFallback(key) && node.tagName !== 'TITLE') {
    node.lang = 'en';
    node.dir = 'auto';
  } else if (node.lang === 'en' && node.dir === 'auto') {
    node.removeAttribute('lang');
    node.removeAttribute('dir');
  }
}
