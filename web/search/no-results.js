// What the page offers around the results when the search finds little: "did you mean",
// a broader search without the filters, and, when nothing is found, a request for the
// missing resource that contributors can answer.

import { $, el, fill } from '../lib/dom.js';
import { currentLanguage, t } from '../lib/page-language.js';
import { dom } from './containers.js';
import { searchLink } from './links.js';
import { anyFilter, noFilters, withChanges } from './state.js';

export function removeDidYouMean() {
  $('#agora-did-you-mean')?.remove();
}

function didYouMean(suggestion) {
  return el('p', { id: 'agora-did-you-mean', class: 'agora-note' }, t('results.didyoumean'), ' ',
    searchLink(suggestion, withChanges({ q: suggestion }), { dir: 'auto' }));
}

// The query language has inline filters too (type:video, lang:fr, -license:x); a broader
// search drops them as well as the facet filters, and keeps title:words as plain words.
function broaderQuery(q) {
  return q.replace(/(^|\s)-?(subject|type|lang|license|level|collection):("[^"]*"|\S+)/gi, '$1')
    .replace(/(^|\s)title:/gi, '$1').replace(/\s+/g, ' ').trim();
}

// Nothing found: what was searched for becomes a request contributors can answer.
function requestOffer(topic) {
  if (!topic) return null;
  const url = new URL('../requests.html', import.meta.url);
  url.search = new URLSearchParams({ topic, language: currentLanguage() }).toString();
  return el('p', { id: 'agora-request-offer', class: 'agora-offer' }, t('request.offer'), ' ',
    el('a', { href: url.pathname + url.search }, t('request.offer.link')));
}

/** Did-you-mean above the hits when there are some; otherwise the whole empty-results box. */
export function renderEmpty(data, search) {
  removeDidYouMean();
  const broader = broaderQuery(search.q);
  const filtered = anyFilter(search) || broader !== search.q.trim();
  if (data.hits.length) {
    dom.empty.hidden = true;
    dom.empty.replaceChildren();
    if (data.suggestion) dom.results.before(didYouMean(data.suggestion));
    return;
  }
  fill(dom.empty,
    el('p', { class: 'agora-none' }, t('results.none')),
    data.suggestion ? didYouMean(data.suggestion) : null,
    filtered ? el('p', { id: 'agora-broader' }, searchLink(t('results.broader'), withChanges({ q: broader, filters: noFilters() }))) : null,
    requestOffer(broader || search.q.trim()));
  dom.empty.hidden = false;
}
