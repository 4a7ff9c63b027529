// Running a search: it becomes the one on screen (and the URL, for Back and Forward),
// its request replaces any still under way, and the page says it is busy until the
// answer is rendered. A search with neither words nor filters shows the idle home page.

import { $ } from '../lib/dom.js';
import { apiURL, fetchJSON } from '../lib/api.js';
import { t } from '../lib/page-language.js';
import { dom } from './containers.js';
import { removeDidYouMean } from './no-results.js';
import { render, showError } from './render.js';
import { pageURL, queryString, state } from './state.js';

export function setTitle() {
  const current = state.current;
  document.title = current && current.q ? `${current.q} – Agora` : t('page.title');
}

/** The search box and the sort control as `search` has them. */
export function fillForm(search) {
  const input = $('#q');
  if (input && input.value !== search.q) input.value = search.q;
  if (dom.sort) dom.sort.value = search.sort;
}

function showIdle() {
  state.request?.abort();
  for (const node of [dom.facets, dom.empty, dom.pages, dom.toolbar]) if (node) node.hidden = true;
  dom.results.replaceChildren();
  dom.status.textContent = '';
  removeDidYouMean();
  if (dom.intro) dom.intro.hidden = false;
}

export async function runSearch(search, { push = false, replace = false, focusResults = false } = {}) {
  state.current = search;
  if (push) history.pushState(null, '', pageURL(search));
  else if (replace) history.replaceState(null, '', pageURL(search));
  fillForm(search);
  setTitle();
  if (!search.active) return showIdle();

  state.request?.abort();
  const controller = (state.request = new AbortController());
  const params = new URLSearchParams(queryString(search));
  dom.results.setAttribute('aria-busy', 'true');
  dom.main.classList.add('agora-loading');
  // Announce "searching" only if it takes a while, so fast answers are not chatty.
  clearTimeout(state.loadingTimer);
  state.loadingTimer = setTimeout(() => { dom.status.textContent = t('status.loading'); }, 400);
  try {
    const data = await fetchJSON(apiURL('search', params), { signal: controller.signal });
    render(data, search);
    if (focusResults) {
      dom.heading.focus({ preventScroll: true });
      dom.heading.scrollIntoView({ block: 'start' });
    }
  } catch (error) {
    if (error.name !== 'AbortError') showError(error);
  } finally {
    if (state.request === controller) {
      clearTimeout(state.loadingTimer);
      dom.results.removeAttribute('aria-busy');
      dom.main.classList.remove('agora-loading');
    }
  }
}
