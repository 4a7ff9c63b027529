// Agora search page: progressive enhancement of the plain search form.
//
// Works on the static home page (index.html) and on the server-rendered /search page:
// on start-up it reads the URL, creates any missing container inside <main id="main">,
// and (re)renders results there. Every piece of text is inserted as text; the snippet's
// <mark>s are rebuilt from it by lib/hits.js.

import { $, el, fill, safeHref } from './lib/dom.js';
import { apiURL, fetchJSON } from './lib/api.js';
import {
  capitalisedLanguageName, connectLanguageChooser, currentLanguage, currentLocale, formatNumber, has, languageName,
  onLanguageChange, startLanguage, t,
} from './lib/page-language.js';
import { hitLabels, hitTitle, snippetNodes } from './lib/hits.js';

// The filter fields, in the order they are shown; start() asks the daemon (/api/fields,
// from the index schema's one table) and keeps this list only if it cannot.
let FACETS = ['language', 'type', 'level', 'subject', 'license', 'collection'];
const FACET_VISIBLE = 8;          // values shown before "More"
const MAX_RESULT_DEPTH = 1000;    // agora-searchd's default page × per_page limit

// ---------------------------------------------------------------- i18n

// Facet values are codes; show words where we have them, the raw value otherwise.
function valueLabel(facet, value) {
  if (facet === 'language') return capitalisedLanguageName(value);
  if (facet === 'type' || facet === 'level' || facet === 'subject') {
    const key = `${facet}.${value}`;
    if (has(key)) return t(key);
  }
  return value;
}

function setTitle() {
  document.title = current && current.q ? `${current.q} – Agora` : t('page.title');
}

// ---------------------------------------------------------------- state and URLs

let current = null;      // state of the search on screen: {q, filters, page, sort, perPage}

function stateFromURL() {
  const params = new URLSearchParams(location.search);
  const filters = {};
  for (const facet of FACETS) {
    filters[facet] = params.getAll(facet).flatMap((v) => v.split(',')).filter(Boolean);
  }
  const page = parseInt(params.get('page'), 10);
  const perPage = parseInt(params.get('per_page'), 10);
  return {
    q: params.get('q') || '',
    filters,
    page: page > 0 ? page : 1,
    sort: params.get('sort') === 'date' ? 'date' : 'relevance',
    perPage: perPage > 0 ? perPage : null,
    active: params.has('q') || FACETS.some((f) => filters[f].length > 0),
  };
}

function queryString(state) {
  const params = new URLSearchParams();
  params.set('q', state.q);
  params.set('lang', currentLanguage());
  for (const facet of FACETS) for (const value of state.filters[facet] || []) params.append(facet, value);
  if (state.page > 1) params.set('page', state.page);
  if (state.sort !== 'relevance') params.set('sort', state.sort);
  if (state.perPage) params.set('per_page', state.perPage);
  return params.toString();
}

const pageURL = (state) => `${location.pathname}?${queryString(state)}`;
const withChanges = (changes) => ({ ...current, page: 1, ...changes, active: true });
const noFilters = () => Object.fromEntries(FACETS.map((f) => [f, []]));

// ---------------------------------------------------------------- containers

const dom = {};

function ensureContainers() {
  let main = $('main#main') || $('main');
  if (!main) {
    main = el('main', { id: 'main', tabindex: '-1' });
    document.body.append(main);
  }
  if (!main.id) main.id = 'main';

  dom.status = $('#agora-status');
  if (!dom.status) {
    dom.status = el('p', { id: 'agora-status', class: 'agora-status' });
    const intro = $('#agora-intro', main);
    intro ? intro.after(dom.status) : main.prepend(dom.status);
  }
  dom.status.setAttribute('role', 'status');
  dom.status.setAttribute('aria-live', 'polite');

  dom.sort = $('select#agora-sort');
  if (!dom.sort) {
    dom.sort = el('select', { id: 'agora-sort', name: 'sort' },
      el('option', { value: 'relevance', 'data-i18n': 'sort.relevance' }, t('sort.relevance')),
      el('option', { value: 'date', 'data-i18n': 'sort.date' }, t('sort.date')));
    dom.status.after(el('div', { class: 'agora-sort' },
      el('label', { for: 'agora-sort', 'data-i18n': 'sort.label' }, t('sort.label')), dom.sort));
  }
  // What shows with results next to the status: the sort control. The status itself stays
  // rendered (a live region hidden until it changes is not announced reliably).
  dom.toolbar = $('#agora-toolbar .agora-sort');

  let layout = $('.agora-layout', main);
  const column = () => $('.agora-results-col', main) || layout;
  if (!layout) {
    layout = el('div', { class: 'agora-layout' });
    main.append(layout);
  }
  dom.facets = $('#agora-facets');
  if (!dom.facets) {
    dom.facets = el('aside', { id: 'agora-facets', class: 'agora-facets' });
    layout.prepend(dom.facets);
  }
  dom.empty = $('#agora-empty');
  if (!dom.empty) {
    dom.empty = el('div', { id: 'agora-empty', class: 'agora-empty', hidden: true });
    column().append(dom.empty);
  }
  dom.results = $('#agora-results');
  if (!dom.results || dom.results.tagName !== 'OL') {
    const list = el('ol', { id: 'agora-results', class: 'agora-results', role: 'list' });
    dom.results ? dom.results.replaceWith(list) : dom.empty.after(list);
    dom.results = list;
  }
  dom.pages = $('#agora-pages');
  if (!dom.pages) {
    dom.pages = el('nav', { id: 'agora-pages', class: 'agora-pages', 'data-i18n-aria-label': 'pages.label' });
    dom.results.after(dom.pages);
  }
  dom.pages.setAttribute('aria-label', t('pages.label'));
  dom.heading = $('#agora-results-heading');
  if (!dom.heading) {
    dom.heading = el('h2', { id: 'agora-results-heading', class: 'agora-vh', tabindex: '-1', 'data-i18n': 'results.heading' },
      t('results.heading'));
    dom.results.parentNode.insertBefore(dom.heading, dom.empty.parentNode === dom.results.parentNode ? dom.empty : dom.results);
  }
  dom.main = main;
  dom.intro = $('#agora-intro');
}

// ---------------------------------------------------------------- searching

let searchController = null;
let loadingTimer = 0;

async function runSearch(state, { push = false, replace = false, focusResults = false } = {}) {
  current = state;
  if (push) history.pushState(null, '', pageURL(state));
  else if (replace) history.replaceState(null, '', pageURL(state));
  fillForm(state);
  setTitle();
  if (!state.active) return showIdle();

  searchController?.abort();
  const controller = (searchController = new AbortController());
  const params = new URLSearchParams(queryString(state));
  dom.results.setAttribute('aria-busy', 'true');
  dom.main.classList.add('agora-loading');
  // Announce "searching" only if it takes a while, so fast answers are not chatty.
  clearTimeout(loadingTimer);
  loadingTimer = setTimeout(() => { dom.status.textContent = t('status.loading'); }, 400);
  try {
    const data = await fetchJSON(apiURL('search', params), { signal: controller.signal });
    render(data, state);
    if (focusResults) {
      dom.heading.focus({ preventScroll: true });
      dom.heading.scrollIntoView({ block: 'start' });
    }
  } catch (error) {
    if (error.name !== 'AbortError') showError(error);
  } finally {
    if (searchController === controller) {
      clearTimeout(loadingTimer);
      dom.results.removeAttribute('aria-busy');
      dom.main.classList.remove('agora-loading');
    }
  }
}

function fillForm(state) {
  const input = $('#q');
  if (input && input.value !== state.q) input.value = state.q;
  if (dom.sort) dom.sort.value = state.sort;
}

function showIdle() {
  searchController?.abort();
  for (const node of [dom.facets, dom.empty, dom.pages, dom.toolbar]) if (node) node.hidden = true;
  dom.results.replaceChildren();
  dom.status.textContent = '';
  removeDidYouMean();
  if (dom.intro) dom.intro.hidden = false;
}

function showError(error) {
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

// ---------------------------------------------------------------- rendering

function render(data, state) {
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

  dom.results.replaceChildren(...data.hits.map(renderHit));
  renderEmpty(data, state);
  renderFacets(data, state);
  renderPages(data, state);
}

// How many of the query's translations are named; the others are counted.
const TRANSLATIONS_NAMED = 3;

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

function renderHit(hit) {
  const ui = currentLanguage();
  const labels = hitLabels(hit, currentLocale());
  const badges = el('ul', { class: 'agora-badges', lang: ui, role: 'list' },
    el('li', { class: 'agora-badge agora-badge-language' }, labels.language),
    labels.otherLanguage ? el('li', { class: 'agora-badge agora-other-language' }, labels.otherLanguage) : null,
    (hit.types && hit.types.length ? hit.types : [hit.type]).filter(Boolean)
      .map((type) => el('li', { class: 'agora-badge agora-badge-type' }, valueLabel('type', type))),
    hit.license ? el('li', { class: 'agora-badge agora-badge-license' }, hit.license) : null);

  let also = null;
  const translations = (hit.translations || []).map((tr) => [tr, safeHref(tr.url)]).filter(([, url]) => url);
  if (translations.length) {
    also = el('p', { class: 'agora-also', lang: ui }, t('hit.also'), ' ');
    translations.forEach(([tr, url], i) => {
      if (i) also.append(' · ');
      also.append(el('a', { href: url, hreflang: tr.language, title: tr.title }, languageName(tr.language)));
    });
  }

  return el('li', { class: 'agora-hit', 'data-id': hit.id, lang: hit.language },
    el('h3', { class: 'agora-hit-title', dir: 'auto' }, hitTitle(hit, { class: 'agora-title' })),
    badges,
    el('p', { class: 'agora-snippet', dir: 'auto' }, snippetNodes(hit.snippet)),
    labels.throughTranslation ? el('p', { class: 'agora-through-translation', lang: ui }, labels.throughTranslation) : null,
    labels.matched ? el('p', { class: 'agora-matched', lang: ui }, labels.matched) : null,
    also);
}

function searchLink(text, state, attrs = {}) {
  const link = el('a', { href: pageURL(state), ...attrs }, text);
  link.agoraState = state;   // picked up by the click handler
  return link;
}

function removeDidYouMean() {
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
  const url = new URL('requests.html', import.meta.url);
  url.search = new URLSearchParams({ topic, language: currentLanguage() }).toString();
  return el('p', { id: 'agora-request-offer', class: 'agora-offer' }, t('request.offer'), ' ',
    el('a', { href: url.pathname + url.search }, t('request.offer.link')));
}

function renderEmpty(data, state) {
  removeDidYouMean();
  const broader = broaderQuery(state.q);
  const filtered = FACETS.some((f) => state.filters[f].length) || broader !== state.q.trim();
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
    requestOffer(broader || state.q.trim()));
  dom.empty.hidden = false;
}

let facetsOpen = null;   // the learner's own open/closed choice for the filters panel

function renderFacets(data, state) {
  const previous = document.activeElement?.closest?.('[data-facet] [data-value], .agora-clear');
  const focusKey = previous && (previous.dataset.value !== undefined
    ? [previous.closest('[data-facet]').dataset.facet, previous.dataset.value] : ['clear']);

  const panel = el('details', { class: 'agora-facets-panel' },
    el('summary', {}, el('h2', { id: 'agora-facets-heading' }, t('filters.heading'))));
  // Open on wide screens, collapsed on phones unless the learner opened it.
  panel.open = facetsOpen ?? matchMedia('(min-width: 50em)').matches;
  panel.addEventListener('toggle', () => { facetsOpen = panel.open; });

  const anySelected = FACETS.some((f) => state.filters[f].length);
  if (anySelected) {
    panel.append(el('button', { type: 'button', class: 'agora-clear' }, t('filters.clear')));
  }
  for (const facet of FACETS) {
    const selected = state.filters[facet];
    const values = [...(data.facets?.[facet] || [])];
    for (const value of selected) if (!values.some((v) => v.value === value)) values.unshift({ value, count: null });
    if (!values.length) continue;
    // Selected values stay visible even when they would fall under "More".
    values.sort((a, b) => selected.includes(b.value) - selected.includes(a.value));

    const headingId = `agora-facet-${facet}`;
    const item = ({ value, count }) => el('li', {},
      el('button', { type: 'button', class: 'agora-facet-value', 'data-value': value, 'aria-pressed': String(selected.includes(value)) },
        el('span', { class: 'agora-facet-label' }, valueLabel(facet, value)),
        count === null ? null : el('span', { class: 'agora-count' }, formatNumber(count))));
    const section = el('section', { class: 'agora-facet', 'data-facet': facet, 'aria-labelledby': headingId },
      el('h3', { id: headingId }, t(`facet.${facet}`)),
      el('ul', { role: 'list' }, values.slice(0, FACET_VISIBLE).map(item)));
    if (values.length > FACET_VISIBLE) {
      section.append(el('details', { class: 'agora-more' }, el('summary', {}, t('filters.more')),
        el('ul', { role: 'list' }, values.slice(FACET_VISIBLE).map(item))));
    }
    panel.append(section);
  }
  dom.facets.replaceChildren(panel);
  dom.facets.setAttribute('aria-labelledby', 'agora-facets-heading');
  dom.facets.hidden = panel.children.length <= 1;

  if (focusKey) {
    const target = focusKey[0] === 'clear'
      ? $('[data-facet] [data-value]', dom.facets)
      : $(`[data-facet="${CSS.escape(focusKey[0])}"] [data-value="${CSS.escape(focusKey[1])}"]`, dom.facets);
    if (target) {
      target.closest('details.agora-more')?.setAttribute('open', '');
      target.focus();
    }
  }
}

function renderPages(data, state) {
  const last = Math.min(Math.ceil(data.total / data.per_page), Math.floor(MAX_RESULT_DEPTH / data.per_page));
  const page = data.page;
  if (last <= 1 && page <= 1) {
    dom.pages.hidden = true;
    dom.pages.replaceChildren();
    return;
  }
  const link = (n, text, cls, extra = {}) => searchLink(text, { ...state, page: n }, { class: cls, 'data-page': n, ...extra });
  const list = el('ul', { role: 'list' });
  list.append(el('li', {}, page > 1
    ? link(page - 1, t('pages.previous'), 'agora-prev', { rel: 'prev' })
    : el('span', { class: 'agora-prev', 'aria-disabled': 'true' }, t('pages.previous'))));
  // 1 … p-2 p-1 p p+1 p+2 … last
  const shown = new Set([1, last, page - 2, page - 1, page, page + 1, page + 2].filter((n) => n >= 1 && n <= Math.max(last, page)));
  let previous = 0;
  for (const n of [...shown].sort((a, b) => a - b)) {
    if (n - previous > 1) list.append(el('li', { class: 'agora-gap', 'aria-hidden': 'true' }, '…'));
    list.append(el('li', {}, link(n, formatNumber(n), 'agora-page', {
      'aria-label': t('pages.page', { n: formatNumber(n) }),
      'aria-current': n === page ? 'page' : null,
    })));
    previous = n;
  }
  list.append(el('li', {}, page < last
    ? link(page + 1, t('pages.next'), 'agora-next', { rel: 'next' })
    : el('span', { class: 'agora-next', 'aria-disabled': 'true' }, t('pages.next'))));
  dom.pages.replaceChildren(list);
  dom.pages.hidden = false;
}

// ---------------------------------------------------------------- autocomplete (WAI-ARIA combobox)

function setupAutocomplete(input) {
  let list = $('#agora-suggestions');
  if (!list) {
    list = el('ul', { id: 'agora-suggestions', class: 'agora-suggestions', hidden: true });
    // The listbox is positioned under the input: it needs a positioned wrapper.
    if (!input.parentNode.classList.contains('agora-combo')) {
      const wrapper = el('div', { class: 'agora-combo' });
      input.replaceWith(wrapper);
      wrapper.append(input);
    }
    input.after(list);
  }
  list.setAttribute('role', 'listbox');
  list.setAttribute('aria-label', t('suggest.label'));
  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-controls', list.id);
  input.setAttribute('aria-expanded', 'false');
  input.setAttribute('autocomplete', 'off');   // our list replaces the browser's

  let items = [];
  let active = -1;
  let timer = 0;
  let controller = null;

  const isOpen = () => !list.hidden;
  function close() {
    clearTimeout(timer);
    controller?.abort();
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  }
  function move(to) {
    const options = list.querySelectorAll('[role="option"]');
    if (!options.length) return;
    active = (to + options.length) % options.length;
    options.forEach((option, i) => option.setAttribute('aria-selected', String(i === active)));
    input.setAttribute('aria-activedescendant', options[active].id);
    options[active].scrollIntoView({ block: 'nearest' });
  }
  function show(suggestions) {
    items = suggestions;
    active = -1;
    list.setAttribute('aria-label', t('suggest.label'));
    list.replaceChildren(...suggestions.map((s, i) => el('li', {
      id: `agora-suggestion-${i}`, role: 'option', 'aria-selected': 'false', class: 'agora-option',
      'data-kind': s.kind, lang: s.language || null, dir: 'auto',
    }, s.text, s.kind === 'subject' ? el('span', { class: 'agora-kind', lang: currentLanguage() }, t('suggest.subject')) : null)));
    input.removeAttribute('aria-activedescendant');
    list.hidden = suggestions.length === 0;
    input.setAttribute('aria-expanded', String(!list.hidden));
  }
  function pick(suggestion) {
    close();
    if (suggestion.kind === 'subject') {
      input.value = '';
      runSearch(withChanges({ q: '', filters: { ...noFilters(), subject: [suggestion.text] } }), { push: true });
    } else {
      input.value = suggestion.text;
      runSearch(withChanges({ q: suggestion.text, filters: noFilters() }), { push: true });
    }
  }
  async function fetchSuggestions() {
    const typed = input.value.trim();
    // One ideographic character is a word; elsewhere wait for two letters.
    if ([...typed].length < (/[\u3040-\u9fff\uac00-\ud7af]/.test(typed) ? 1 : 2)) return close();
    controller?.abort();
    controller = new AbortController();
    try {
      const params = new URLSearchParams({ q: typed, lang: currentLanguage(), limit: '8' });
      const data = await fetchJSON(apiURL('suggest', params), { signal: controller.signal });
      if (input.value.trim() === typed && document.activeElement === input) show(data.suggestions || []);
    } catch {
      close();   // suggestions are a convenience; the search itself still works
    }
  }

  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(fetchSuggestions, 150);
  });
  input.addEventListener('keydown', (event) => {
    if (event.isComposing) return;   // IME candidate windows use these keys too
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        if (!isOpen() && items.length) { list.hidden = false; input.setAttribute('aria-expanded', 'true'); }
        if (isOpen()) move(active + 1);
        break;
      case 'ArrowUp':
        if (!isOpen()) break;
        event.preventDefault();
        move(active < 0 ? -1 : active - 1);
        break;
      case 'Enter':
        if (isOpen() && active >= 0) {
          event.preventDefault();
          pick(items[active]);
        } else {
          close();
        }
        break;
      case 'Escape':
        if (isOpen()) { event.preventDefault(); close(); }
        break;
      case 'Tab':
        close();
        break;
    }
  });
  input.addEventListener('blur', close);
  // mousedown would move focus out of the input (and close the list) before click.
  list.addEventListener('mousedown', (event) => event.preventDefault());
  list.addEventListener('click', (event) => {
    const option = event.target.closest('[role="option"]');
    if (option) pick(items[[...list.children].indexOf(option)]);
  });
  return { close };
}

// ---------------------------------------------------------------- language chooser

function setupChooser(form) {
  let select = $('select#lang');
  if (!select) {
    select = el('select', { id: 'lang', name: 'lang' });
    const label = el('label', { for: 'lang', 'data-i18n': 'lang.label' }, t('lang.label'));
    form.prepend(el('div', { class: 'agora-lang' }, label, select));
  }
  connectLanguageChooser(select, {
    afterChange() {
      const ui = currentLanguage();
      // A server-rendered page may carry the language in a hidden field too.
      for (const field of document.querySelectorAll('input[name="lang"]')) field.value = ui;
      if (current && current.active) {
        runSearch(current, { replace: true });
      } else {
        const params = new URLSearchParams(location.search);
        if (params.has('lang')) {
          params.set('lang', ui);
          history.replaceState(null, '', `${location.pathname}?${params}`);
        }
      }
    },
  });
}

// ---------------------------------------------------------------- start-up

async function start() {
  const fields = fetchJSON(apiURL('fields'))
    .then((body) => body.fields.map((field) => field.name))
    .catch(() => FACETS);
  onLanguageChange(setTitle);
  // The learner's choice, else the link's language, else the browser's, else English.
  await startLanguage();
  const served = await fields;
  if (Array.isArray(served) && served.length) FACETS = served;

  const form = $('form#agora-search-form') || $('form[role="search"]');
  const input = $('#q');
  ensureContainers();
  if (form) setupChooser(form);
  const combo = input ? setupAutocomplete(input) : null;

  form?.addEventListener('submit', (event) => {
    event.preventDefault();
    combo?.close();
    const base = current || stateFromURL();
    runSearch({ ...base, q: input ? input.value.trim() : '', page: 1, sort: dom.sort.value, active: true }, { push: true });
  });
  dom.sort.addEventListener('change', () => {
    if (current && current.active) runSearch(withChanges({ sort: dom.sort.value }), { push: true });
  });

  // Links we rendered carry their state; facet buttons toggle one value.
  document.addEventListener('click', (event) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const link = event.target.closest('a');
    if (link && link.agoraState) {
      event.preventDefault();
      runSearch(link.agoraState, { push: true, focusResults: link.closest('#agora-pages') !== null });
      return;
    }
    const button = event.target.closest('#agora-facets button');
    if (!button || !current) return;
    if (button.classList.contains('agora-clear')) {
      runSearch(withChanges({ filters: noFilters() }), { push: true });
      return;
    }
    const facet = button.closest('[data-facet]')?.dataset.facet;
    if (!facet) return;
    const value = button.dataset.value;
    const selected = current.filters[facet];
    const next = selected.includes(value) ? selected.filter((v) => v !== value) : [...selected, value];
    runSearch(withChanges({ filters: { ...current.filters, [facet]: next } }), { push: true });
  });

  window.addEventListener('popstate', () => runSearch(stateFromURL()));

  const initial = stateFromURL();
  current = initial;
  if (initial.active) runSearch(initial);
  else fillForm(initial);
}

start();
