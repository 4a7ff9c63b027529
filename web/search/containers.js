// The containers the search page renders into, found by their ids. index.html has them
// all; the server's /search page leaves some out (the sort control, the results heading,
// the empty-results box when there are hits, the page links when there is one page), so
// whatever is missing is created here, in the place index.html has it.

import { $, el } from '../lib/dom.js';
import { t } from '../lib/page-language.js';

/** main, intro, status, sort, toolbar, facets, empty, results, pages, heading: filled by ensureContainers(). */
export const dom = {};

export function ensureContainers() {
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
