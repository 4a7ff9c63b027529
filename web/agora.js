// Agora search page: progressive enhancement of the plain search form.
//
// Works on the static home page (index.html) and on the server-rendered /search page:
// on start-up it reads the URL, creates any missing container inside <main id="main">
// (search/containers.js), and (re)renders results there. This file only wires the
// pieces of search/ to the page's form, controls, links and history.

import { $, el } from './lib/dom.js';
import { connectLanguageChooser, currentLanguage, onLanguageChange, startLanguage, t } from './lib/page-language.js';
import { setupAutocomplete } from './search/autocomplete.js';
import { dom, ensureContainers } from './search/containers.js';
import { toggledFilters } from './search/facets.js';
import { fillForm, runSearch, setTitle } from './search/run-search.js';
import { loadFacetFields, noFilters, searchFromURL, state, withChanges } from './search/state.js';

// The page's language chooser; a server-rendered page without one gets one in the form.
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
      if (state.current && state.current.active) {
        runSearch(state.current, { replace: true });
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

// A title suggestion searches for that title; a subject one filters by the subject.
function searchSuggestion(input, suggestion) {
  if (suggestion.kind === 'subject') {
    input.value = '';
    runSearch(withChanges({ q: '', filters: { ...noFilters(), subject: [suggestion.text] } }), { push: true });
  } else {
    input.value = suggestion.text;
    runSearch(withChanges({ q: suggestion.text, filters: noFilters() }), { push: true });
  }
}

// Links we rendered carry their search; facet buttons toggle one value.
function onClick(event) {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  const link = event.target.closest('a');
  if (link && link.agoraState) {
    event.preventDefault();
    runSearch(link.agoraState, { push: true, focusResults: link.closest('#agora-pages') !== null });
    return;
  }
  const button = event.target.closest('#agora-facets button');
  if (!button || !state.current) return;
  const filters = toggledFilters(state.current, button);
  if (filters) runSearch(withChanges({ filters }), { push: true });
}

async function start() {
  const fields = loadFacetFields();
  onLanguageChange(setTitle);
  // The learner's choice, else the link's language, else the browser's, else English.
  await startLanguage();
  await fields;

  const form = $('form#agora-search-form') || $('form[role="search"]');
  const input = $('#q');
  ensureContainers();
  if (form) setupChooser(form);
  const combo = input ? setupAutocomplete(input, { onPick: (suggestion) => searchSuggestion(input, suggestion) }) : null;

  form?.addEventListener('submit', (event) => {
    event.preventDefault();
    combo?.close();
    const base = state.current || searchFromURL();
    runSearch({ ...base, q: input ? input.value.trim() : '', page: 1, sort: dom.sort.value, active: true }, { push: true });
  });
  dom.sort.addEventListener('change', () => {
    if (state.current && state.current.active) runSearch(withChanges({ sort: dom.sort.value }), { push: true });
  });
  document.addEventListener('click', onClick);
  window.addEventListener('popstate', () => runSearch(searchFromURL()));

  const initial = searchFromURL();
  state.current = initial;
  if (initial.active) runSearch(initial);
  else fillForm(initial);
}

start();
