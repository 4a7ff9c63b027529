// The interface languages Agora has strings for (i18n/languages.json: code, name, dir),
// which of them a learner asks for, and which way each is written. The direction comes
// from that list alone, as on the server's /search page, so that no script keeps a list
// of right-to-left languages of its own.

import { i18nFile } from './i18n.js';

/** [{code, name, dir}] from languages.json; rejects when the list cannot be had. */
export async function loadLanguages() {
  const languages = await i18nFile('languages.json');
  if (!Array.isArray(languages) || !languages.length) throw new Error('languages.json: no languages');
  return languages;
}

/** The first of the `wanted` tags that names one of `languages`, exactly or by its base language. */
export function matchLanguage(wanted, languages) {
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

/** 'rtl' for a language the list says is written right to left, else 'ltr'. */
export function directionOf(code, languages) {
  return languages.find((l) => l.code === code)?.dir === 'rtl' ? 'rtl' : 'ltr';
}
