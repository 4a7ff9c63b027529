// Links to another search (a page number, did-you-mean, a broader search): a real href, so
// they open in a new tab or get copied like any link, and the search itself attached, so
// that a plain click runs it in place (agora.js's click handler picks it up).

import { el } from '../lib/dom.js';
import { pageURL } from './state.js';

export function searchLink(text, search, attrs = {}) {
  const link = el('a', { href: pageURL(search), ...attrs }, text);
  link.agoraState = search;
  return link;
}
