// The search page's state, all in one object, and the search it shows written to and read
// from the page's URL (?q=&lang=&type=…&page=&sort=&per_page=), which is what lets Back,
// Forward and shared links show the same search again.

import { apiURL, fetchJSON } from '../lib/api.js';
import { currentLanguage } from '../lib/page-language.js';

// The filter fields, in the order they are shown, kept only if the daemon cannot say
// (/api/fields, from the index schema's one table).
const DEFAULT_FACETS = ['language', 'type', 'level', 'subject', 'license', 'collection'];

export const state = {
  facets: DEFAULT_FACETS,   // the filter fields, in the order they are shown
  current: null,            // the search on screen: {q, filters, page, sort, perPage, active}
  request: null,            // AbortController of the search being fetched
  loadingTimer: 0,          // the pending "Searching…" announcement
  facetsOpen: null,         // the learner's own open/closed choice for the filters panel
};

/** Takes the filter fields from the daemon; keeps the built-in list if it cannot answer. */
export async function loadFacetFields() {
  const served = await fetchJSON(apiURL('fields'))
    .then((body) => body.fields.map((field) => field.name))
    .catch(() => null);
  if (Array.isArray(served) && served.length) state.facets = served;
}

export function searchFromURL() {
  const params = new URLSearchParams(location.search);
  const filters = {};
  for (const facet of state.facets) {
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
    active: params.has('q') || state.facets.some((f) => filters[f].length > 0),
  };
}

/** The query string of `search`, the same for the page's URL and for /api/search. */
export function queryString(search) {
  const params = new URLSearchParams();
  params.set('q', search.q);
  params.set('lang', currentLanguage());
  for (const facet of state.facets) for (const value of search.filters[facet] || []) params.append(facet, value);
  if (search.page > 1) params.set('page', search.page);
  if (search.sort !== 'relevance') params.set('sort', search.sort);
  if (search.perPage) params.set('per_page', search.perPage);
  return params.toString();
}

export const pageURL = (search) => `${location.pathname}?${queryString(search)}`;
/** The search on screen with `changes`, from its first page. */
export const withChanges = (changes) => ({ ...state.current, page: 1, ...changes, active: true });
export const noFilters = () => Object.fromEntries(state.facets.map((f) => [f, []]));
export const anyFilter = (search) => state.facets.some((f) => search.filters[f].length > 0);
