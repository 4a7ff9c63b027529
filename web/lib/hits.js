// What a search hit shows wherever hits are listed, on the search page and in the widget:
// its title (a link only to an http(s) address), its snippet, and the labels saying what
// language it is in and how it was found. Each place wraps these in its own markup.

import { el, safeHref } from './dom.js';

// The server escapes the snippet's text with these five (indexer/src/snippet.cpp); numeric
// references are read too, so a change there does not print "&#233;".
const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(text) {
  return text.replace(/&(#[xX][0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (whole, name) => {
    if (name[0] !== '#') return ENTITIES[name] ?? whole;
    const code = /^#[xX]/.test(name) ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/**
 * The snippet as text and <mark> nodes. The server sends it as escaped text in which
 * only <mark>…</mark> is markup; it is read here without an HTML parser, and any other
 * tag a server bug let through is dropped with only its text kept, so no markup from a
 * record can ever reach the page.
 */
export function snippetNodes(html) {
  const nodes = [];
  let marked = false;
  for (const part of String(html ?? '').split(/(<\/?mark>)/i)) {
    if (/^<mark>$/i.test(part)) marked = true;
    else if (/^<\/mark>$/i.test(part)) marked = false;
    else {
      const text = decodeEntities(part.replace(/<\/?[a-zA-Z][^>]*>/g, ''));
      if (text) nodes.push(marked ? el('mark', {}, text) : document.createTextNode(text));
    }
  }
  return nodes;
}

/**
 * The hit's title: a link to the resource (hreflang its language) when its address is
 * http(s), else the same text unlinked. `attrs` go on either, `linkAttrs` on the link only.
 */
export function hitTitle(hit, attrs = {}, linkAttrs = {}) {
  const href = safeHref(hit.url);
  return href
    ? el('a', { ...attrs, href, hreflang: hit.language, ...linkAttrs }, hit.title)
    : el('span', attrs, hit.title);
}

/** The words around a hit, in the interface language of `locale`; null where there is nothing to say. */
export function hitLabels(hit, locale) {
  return {
    language: locale.capitalisedLanguageName(hit.language),
    otherLanguage: hit.in_learner_language ? null : locale.t('hit.other_language'),
    throughTranslation: hit.through_translation ? locale.t('hit.through_translation') : null,
    // Shown in the learner's language, found through another version of the work.
    matched: hit.matched ? locale.t('hit.matched_in', { language: locale.languageName(hit.matched.language) }) : null,
  };
}
