// Puts an answer of /api/search on the page: the count in the status live region, the
// languages the query was also searched in, the hits, then what no-results.js, facets.js
// and pagination.js add. An error answer is shown in place of the hits.

import { $, el, fill, safeHref } from '../lib/dom.js';
import { currentLanguage, currentLocale, languageName, t } from '../lib/page-language.js';
import { hitLabels, hitTitle, snippetNodes } from '../lib/hits.js';
import { dom } from './containers.js';
import { renderFacets, valueLabel } from './facets.js';
import { removeDidYouMean, renderEmpty } from './no-results.js';
import { renderPages } from './pagination.js';

// How many of the query's translations are named; the others are counted.
const TRANSLATIONS_NAMED = 3;

export function render(data, search) {
  if (dom.intro) dom.intro.hidden = true;
  if (dom.toolbar) dom.toolbar.hidden = false;
  const count = data.total_is_estimate ? t('results.about', { count: data.total }) : t('results.count', { count: data.total });
  fill(dom.status,
    el('span', { class: 'agora-count-text' }, count),
    data.relaxed && data.hits.length ? [' ', el('span', { id: 'agora-relaxed', class: 'agora-relaxed' }, t('results.relaxed'))] : null);
  // Outside the live region: the count is announced, the translations are there to read.
  $('#agora-translated')?.remove();
  const translated = alsoSearchedIn(data.translated || []);
  if (translated) dom.results.before(translated);

  dom.results.replaceChildren(...data.hits.map((hit) => renderHit(hit, data.labels)));
  renderEmpty(data, search);
  renderFacets(data, search);
  renderPages(data, search);
}

export function showError(error) {
  dom.status.textContent = t('status.error');
  dom.results.replaceChildren();
  removeDidYouMean();
  dom.empty.replaceChildren(el('p', { class: 'agora-error' }, t('status.error')));
  // A problem+json detail (e.g. "q: the query is too long") helps; server messages are English.
  if (error.status) dom.empty.append(el('p', { class: 'agora-error-detail', lang: 'en' }, error.message));
  else console.error(error);
  dom.empty.hidden = false;
  dom.pages.hidden = true;
  if (dom.toolbar) dom.toolbar.hidden = false;
}

// "Also searched in French: réseau configuration", the learner's language first.
function alsoSearchedIn(translated) {
  if (!translated.length) return null;
  const line = el('p', { id: 'agora-translated', class: 'agora-translated', lang: currentLanguage() });
  translated.slice(0, TRANSLATIONS_NAMED).forEach((tr, i) => {
    line.append(i ? ' · ' : '', t('results.also_searched', { language: languageName(tr.language) }), ' ',
      el('span', { lang: tr.language, dir: 'auto' }, tr.query));
  });
  if (translated.length > TRANSLATIONS_NAMED) {
    line.append(' ', t('results.also_searched_more', { count: translated.length - TRANSLATIONS_NAMED }));
  }
  return line;
}

// "Also in: English · español", a link per other language version of the work.
function otherVersions(hit, ui) {
  const translations = (hit.translations || []).map((tr) => [tr, safeHref(tr.url)]).filter(([, url]) => url);
  if (!translations.length) return null;
  const also = el('p', { class: 'agora-also', lang: ui }, t('hit.also'), ' ');
  translations.forEach(([tr, url], i) => {
    if (i) also.append(' · ');
    also.append(el('a', { href: url, hreflang: tr.language, title: tr.title }, languageName(tr.language)));
  });
  return also;
}

// The resource's own page on this server: its description, versions, ratings and comments.
function detailsLink(hit, ui) {
  const path = `/resource/${encodeURIComponent(hit.id).replace(/%2F/g, '/')}?lang=${encodeURIComponent(ui)}`;
  return el('p', { class: 'agora-details', lang: ui }, el('a', { href: path }, t('resource.details')));
}

function renderHit(hit, conceptLabels) {
  const ui = currentLanguage();
  const labels = hitLabels(hit, currentLocale());
  const badges = el('ul', { class: 'agora-badges', lang: ui, role: 'list' },
    el('li', { class: 'agora-badge agora-badge-language' }, labels.language),
    labels.otherLanguage ? el('li', { class: 'agora-badge agora-other-language' }, labels.otherLanguage) : null,
    (hit.types && hit.types.length ? hit.types : [hit.type]).filter(Boolean)
      .map((type) => el('li', { class: 'agora-badge agora-badge-type' }, valueLabel('type', type, conceptLabels))),
    hit.license ? el('li', { class: 'agora-badge agora-badge-license' }, hit.license) : null);

  return el('li', { class: 'agora-hit', 'data-id': hit.id, lang: hit.language },
    el('h3', { class: 'agora-hit-title', dir: 'auto' }, hitTitle(hit, { class: 'agora-title' })),
    badges,
    el('p', { class: 'agora-snippet', dir: 'auto' }, snippetNodes(hit.snippet)),
    labels.throughTranslation ? el('p', { class: 'agora-through-translation', lang: ui }, labels.throughTranslation) : null,
    labels.matched ? el('p', { class: 'agora-matched', lang: ui }, labels.matched) : null,
    otherVersions(hit, ui),
    detailsLink(hit, ui));
}
