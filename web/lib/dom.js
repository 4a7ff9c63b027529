// Building and finding DOM nodes for every Agora script: the search page, the
// collaboration pages and the embedded widget. Text always goes in as text nodes and
// links only ever point to http(s), so nothing a contributor or a server typed is
// parsed as HTML or run as a script.

export const $ = (selector, root = document) => root.querySelector(selector);
export const $$ = (selector, root = document) => [...root.querySelectorAll(selector)];

const present = (value) => value !== null && value !== undefined && value !== false;

// el('a', {href, class: 'x'}, 'text', child): null/false attributes and children are
// skipped (the DOM would print "null"), true makes an empty attribute, arrays are flattened.
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs ?? {})) {
    if (present(value)) node.setAttribute(name, value === true ? '' : String(value));
  }
  node.append(...children.flat(Infinity).filter(present));
  return node;
}

/** replaceChildren() that skips null/false children as el() does. */
export function fill(node, ...children) {
  node.replaceChildren(...children.flat(Infinity).filter(present));
}

/** The address as an absolute http(s) URL, or null (javascript:, data:, unparsable). */
export function safeHref(url) {
  try {
    const parsed = new URL(url, location.href);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

/** A link to `url` when it is safe to follow, else the same text in a <span>. */
export function link(text, url, attrs = {}) {
  const href = safeHref(url);
  return href ? el('a', { href, ...attrs }, text) : el('span', attrs, text);
}

/** Moves focus to a heading or container that is not focusable by itself. */
export function focusOn(node) {
  if (!node) return;
  if (!node.hasAttribute('tabindex') && !node.matches('a[href], button, input, select, textarea')) {
    node.setAttribute('tabindex', '-1');
  }
  node.focus({ preventScroll: true });
  node.scrollIntoView({ block: 'nearest' });
}
