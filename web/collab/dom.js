// DOM building for the collaboration pages. Text always goes in as text nodes, so
// nothing a contributor typed is ever parsed as HTML.

export const $ = (selector, root = document) => root.querySelector(selector);
export const $$ = (selector, root = document) => [...root.querySelectorAll(selector)];

const present = (value) => value !== null && value !== undefined && value !== false;

// el('a', {href, class: 'x'}, 'text', child): null/false attributes and children are skipped.
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (present(value)) node.setAttribute(name, value === true ? '' : String(value));
  }
  node.append(...children.flat(Infinity).filter(present));
  return node;
}

export function fill(node, ...children) {
  node.replaceChildren(...children.flat(Infinity).filter(present));
}

// Links to what contributors typed must not become javascript: or data: links.
export function safeHref(url) {
  try {
    const parsed = new URL(url, location.href);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

export function link(text, url, attrs = {}) {
  const href = safeHref(url);
  return href ? el('a', { href, ...attrs }, text) : el('span', attrs, text);
}

// Moves focus to a heading or container that is not focusable by itself.
export function focusOn(node) {
  if (!node) return;
  if (!node.hasAttribute('tabindex') && !node.matches('a[href], button, input, select, textarea')) {
    node.setAttribute('tabindex', '-1');
  }
  node.focus({ preventScroll: true });
  node.scrollIntoView({ block: 'nearest' });
}

let uid = 0;
export const uniqueId = (prefix) => `${prefix}-${++uid}`;
