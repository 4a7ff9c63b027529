// The result page links: previous, the first and last pages, two pages either side of the
// current one, next. Each is a search link, so it works as a plain link too.

import { el } from '../lib/dom.js';
import { formatNumber, t } from '../lib/page-language.js';
import { dom } from './containers.js';
import { searchLink } from './links.js';

const MAX_RESULT_DEPTH = 1000;   // agora-searchd's default page × per_page limit

export function renderPages(data, search) {
  const last = Math.min(Math.ceil(data.total / data.per_page), Math.floor(MAX_RESULT_DEPTH / data.per_page));
  const page = data.page;
  if (last <= 1 && page <= 1) {
    dom.pages.hidden = true;
    dom.pages.replaceChildren();
    return;
  }
  const link = (n, text, cls, extra = {}) => searchLink(text, { ...search, page: n }, { class: cls, 'data-page': n, ...extra });
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
