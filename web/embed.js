// Agora embeddable search widget.
//
//   <script src="https://HOST/embed.js" data-collection="coop-academy" data-lang="fr" async></script>
// inserts <agora-search> right after the script tag. Loading the script without data-*
// attributes only defines the element (and inserts one only if the page has none), so it
// can also be used directly:
//   <agora-search collection="coop-academy" lang="fr" api="https://HOST"></agora-search>
// Attributes: collection, lang, api (origin of agora-searchd; default: where this script
// came from), target (for result links, e.g. _blank), q (initial query), per-page.
// Theme from the host page: --agora-accent, --agora-accent-text, --agora-text,
// --agora-background, --agora-radius, --agora-font (custom properties cross the shadow
// boundary; nothing else does, because the shadow root's wrapper resets every inherited property).
//
// A classic script, not a module: document.currentScript tells us our own origin.
(() => {
  'use strict';

  const script = document.currentScript;
  const scriptOrigin = script && script.src ? new URL(script.src, location.href).origin : location.origin;
  const RTL = /^(ar|fa|he|iw|ur|ps|dv|yi|ckb|sd|ug)(-|$)/i;

  // Used when the origin's /i18n/ files cannot be read (e.g. no CORS on static files).
  const ENGLISH = {
    'search.label': 'Search learning resources',
    'search.placeholder': 'e.g. start a cooperative',
    'search.button': 'Search',
    'results.count': '{count, plural, one {{count} result} other {{count} results}}',
    'results.about': '{count, plural, one {about {count} result} other {about {count} results}}',
    'results.none': 'No resources match your search.',
    'results.relaxed': 'No resource contains all of your words, so these contain only some of them.',
    'hit.other_language': 'In another language',
    'hit.matched_in': 'Matched in its {language} version',
    'hit.through_translation': 'Found through a translation of your search',
    'status.loading': 'Searching…',
    'status.error': 'The search is not available right now. Please try again in a moment.',
    'embed.more': 'More results on Agora',
    'embed.refused': 'This site cannot reach the Agora search: the service refused the request or is unavailable.',
  };

  const STYLE = `
:host {
  all: initial;
  display: block;
  --_accent: var(--agora-accent, #0a5c4a);
  --_on-accent: var(--agora-accent-text, #ffffff);
  --_text: var(--agora-text, #1b1f23);
  --_bg: var(--agora-background, #ffffff);
  --_radius: var(--agora-radius, 0.5rem);
}
:host([hidden]) { display: none; }
* { box-sizing: border-box; }
/* The host page's own rules that match <agora-search> (e.g. "* { color: red !important }")
   beat :host rules, so the reset is repeated on the wrapper inside the shadow root, which
   no host rule can reach: nothing but the --agora-* properties is inherited from the page. */
.box {
  all: initial;
  display: block;
  box-sizing: border-box;
  padding: 0.75rem;
  font: 1rem/1.5 var(--agora-font, system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif);
  color: var(--_text);
  background: var(--_bg);
  overflow-wrap: break-word;
}
label { display: block; font-weight: 600; margin-block-end: 0.3rem; }
.row { display: flex; gap: 0.4rem; }
input, button { font: inherit; color: inherit; min-block-size: 2.5rem; border-radius: var(--_radius); }
input {
  flex: 1; min-inline-size: 0; padding-inline: 0.6rem;
  background: var(--_bg); border: 1px solid #6b7280; border-color: color-mix(in srgb, var(--_text) 60%, transparent);
}
button { padding-inline: 0.9rem; border: 0; background: var(--_accent); color: var(--_on-accent); font-weight: 600; cursor: pointer; }
:focus-visible { outline: 3px solid var(--_accent); outline-offset: 2px; }
.status { margin: 0.6rem 0 0; font-size: 0.9rem; }
.status:empty { display: none; }
.error { color: #a4161a; font-weight: 600; }
ol { list-style: none; margin: 0; padding: 0; }
li { padding-block: 0.6rem; border-block-end: 1px solid #d5dbe0; border-color: color-mix(in srgb, var(--_text) 18%, transparent); }
.title { font-weight: 600; color: var(--_accent); text-underline-offset: 0.15em; }
.badge {
  display: inline-block; margin-inline-start: 0.4rem; padding: 0 0.45rem; border-radius: 999px;
  font-size: 0.75rem; line-height: 1.6; vertical-align: 0.1em;
  background: #e3efec; background: color-mix(in srgb, var(--_accent) 12%, var(--_bg)); color: var(--_text);
}
.other { background: #fdf2d0; color: #5c3b00; }
.snippet { margin: 0.2rem 0 0; font-size: 0.9rem; }
mark { background: #ffe066; color: #1b1f23; padding-inline: 0.1em; border-radius: 2px; }
.more { margin: 0.6rem 0 0; font-size: 0.9rem; }
.more a { color: var(--_accent); }
@media (prefers-reduced-motion: reduce) { * { transition: none !important; animation: none !important; } }
`;

  // Cached per origin/language, shared by every widget on the page.
  const cache = new Map();
  function cached(key, load) {
    if (!cache.has(key)) cache.set(key, load());
    return cache.get(key);
  }
  async function getJSON(url, signal) {
    const response = await fetch(url, { headers: { Accept: 'application/json' }, signal, credentials: 'omit' });
    let body = null;
    try { body = await response.json(); } catch { /* not JSON */ }
    if (!response.ok) {
      const error = new Error((body && (body.detail || body.title)) || `HTTP ${response.status}`);
      error.status = response.status;
      throw error;
    }
    return body;
  }

  function safeHref(url) {
    try {
      const parsed = new URL(url);
      return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
    } catch {
      return null;
    }
  }

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs || {})) {
      if (value !== null && value !== undefined && value !== false) node.setAttribute(name, String(value));
    }
    for (const child of children) if (child !== null && child !== undefined) node.append(child);
    return node;
  }

  class AgoraSearch extends HTMLElement {
    static get observedAttributes() { return ['lang', 'collection', 'api']; }

    constructor() {
      super();
      const root = this.attachShadow({ mode: 'open' });
      const style = el('style');
      style.textContent = STYLE;
      this.input = el('input', { id: 'q', type: 'search', name: 'q', enterkeyhint: 'search', autocomplete: 'off', maxlength: '500' });
      this.label = el('label', { for: 'q' });
      this.button = el('button', { type: 'submit' });
      this.form = el('form', { role: 'search', part: 'form' }, this.label, el('div', { class: 'row' }, this.input, this.button));
      this.status = el('p', { class: 'status', role: 'status', 'aria-live': 'polite' });
      this.list = el('ol', { class: 'results', role: 'list', part: 'results' });
      this.more = el('p', { class: 'more', hidden: '' });
      this.box = el('div', { class: 'box', part: 'box' }, this.form, this.status, this.list, this.more);
      root.append(style, this.box);
      this.strings = ENGLISH;
      this.form.addEventListener('submit', (event) => {
        event.preventDefault();
        this.search(this.input.value.trim());
      });
    }

    // Attributes arrive one callback at a time while the element is parsed or upgraded:
    // set up once, after the current task's changes.
    connectedCallback() { this.queueSetup(); }
    attributeChangedCallback() { if (this.isConnected) this.queueSetup(); }
    queueSetup() {
      if (this.pending) return;
      this.pending = true;
      queueMicrotask(() => { this.pending = false; this.setup(); });
    }

    get api() {
      const given = this.getAttribute('api');
      const url = given && safeHref(given);
      return url ? new URL(url).origin : scriptOrigin;
    }
    get wantedLang() {
      return this.getAttribute('lang') || navigator.language || 'en';
    }

    t(key, vars = {}) {
      const text = this.strings[key] ?? ENGLISH[key] ?? key;
      return this.formatMessage ? this.formatMessage(text, vars, this.plural, this.numbers) : text;
    }

    // Strings from the origin's i18n files; English if they cannot be fetched.
    async setup() {
      const api = this.api;
      const wanted = this.wantedLang;
      let code = 'en';
      let dir = RTL.test(wanted) ? 'rtl' : 'ltr';
      try {
        const languages = await cached(`${api} languages`, () => getJSON(`${api}/i18n/languages.json`));
        const lower = wanted.toLowerCase();
        const found = languages.find((l) => l.code.toLowerCase() === lower) ||
          languages.find((l) => l.code.toLowerCase() === lower.split('-')[0]);
        if (found) {
          this.strings = await cached(`${api} ${found.code}`, () => getJSON(`${api}/i18n/${found.code}.json`));
          code = found.code;
          dir = found.dir === 'rtl' ? 'rtl' : 'ltr';
        } else {
          this.strings = ENGLISH;
        }
      } catch {
        this.strings = ENGLISH;
        cache.delete(`${api} languages`);   // try again next time
      }
      try {
        // The page's own message formatter, from the same origin as the strings.
        const messages = await cached(`${api} messages`, () => import(`${api}/lib/messages.js`));
        this.formatMessage = messages.formatMessage;
      } catch {
        this.formatMessage = null;
        cache.delete(`${api} messages`);
      }
      if (this.api !== api || this.wantedLang !== wanted) return;   // attributes changed meanwhile
      this.uiLang = code;
      this.plural = new Intl.PluralRules(code);
      this.numbers = new Intl.NumberFormat(code);
      try { this.names = new Intl.DisplayNames([code, 'en'], { type: 'language' }); } catch { this.names = null; }
      this.box.lang = code;
      this.box.dir = dir;
      this.label.textContent = this.t('search.label');
      this.input.placeholder = this.t('search.placeholder');
      this.button.textContent = this.t('search.button');
      const initial = this.input.value.trim() || this.getAttribute('q') || '';
      if (initial) {
        this.input.value = initial;
        this.search(initial);
      }
    }

    async search(q) {
      if (!this.plural) return;   // strings still loading; setup() runs the query
      this.controller?.abort();
      const controller = (this.controller = new AbortController());
      const perPage = Math.min(Math.max(parseInt(this.getAttribute('per-page'), 10) || 5, 1), 20);
      const params = new URLSearchParams({ q, lang: this.wantedLang, per_page: String(perPage) });
      const collection = this.getAttribute('collection');
      if (collection) params.set('collection', collection);
      this.status.textContent = this.t('status.loading');
      let data;
      try {
        data = await getJSON(`${this.api}/api/search?${params}`, controller.signal);
      } catch (error) {
        if (error.name === 'AbortError') return;
        this.list.replaceChildren();
        this.more.hidden = true;
        // fetch() rejects without a status when CORS refuses us or the server is down.
        const message = error.status ? `${this.t('status.error')} (${error.message})` : this.t('embed.refused');
        this.status.replaceChildren(el('span', { class: 'error' }, message));
        return;
      }
      const count = this.t(data.total_is_estimate ? 'results.about' : 'results.count', { count: data.total });
      this.status.textContent = data.total ? count : this.t('results.none');
      if (data.relaxed && data.hits.length) this.status.append(' ', this.t('results.relaxed'));
      this.list.replaceChildren(...data.hits.map((hit) => this.renderHit(hit)));
      const target = this.getAttribute('target');
      const moreParams = new URLSearchParams({ q, lang: this.wantedLang });
      if (collection) moreParams.set('collection', collection);
      this.more.replaceChildren(el('a', { href: `${this.api}/?${moreParams}`, target, rel: target ? 'noopener' : null }, this.t('embed.more')));
      this.more.hidden = data.total <= data.hits.length;
    }

    renderHit(hit) {
      const href = safeHref(hit.url);
      const target = this.getAttribute('target');
      const title = href
        ? el('a', { class: 'title', href, hreflang: hit.language, target, rel: target ? 'noopener' : null, dir: 'auto' }, hit.title)
        : el('span', { class: 'title', dir: 'auto' }, hit.title);
      let name = hit.language;
      try { name = (this.names && this.names.of(hit.language)) || hit.language; } catch { /* bad tag */ }
      name = name.charAt(0).toLocaleUpperCase(this.uiLang) + name.slice(1);
      const badge = el('span', { class: 'badge', lang: this.uiLang }, name);
      const other = hit.in_learner_language ? null : el('span', { class: 'badge other', lang: this.uiLang }, this.t('hit.other_language'));
      // Server-escaped snippet: parsed inertly, only text and <mark> are kept.
      const snippet = el('p', { class: 'snippet', dir: 'auto' });
      const template = document.createElement('template');
      template.innerHTML = hit.snippet || '';
      for (const node of template.content.childNodes) {
        snippet.append(node.nodeName === 'MARK' ? el('mark', null, node.textContent) : node.textContent);
      }
      let matched = null;
      if (hit.matched) {
        let via = hit.matched.language;
        try { via = (this.names && this.names.of(via)) || via; } catch { /* bad tag */ }
        matched = el('p', { class: 'matched', lang: this.uiLang }, this.t('hit.matched_in', { language: via }));
      }
      const translated = hit.through_translation
        ? el('p', { class: 'matched', lang: this.uiLang }, this.t('hit.through_translation'))
        : null;
      return el('li', { lang: hit.language, 'data-id': hit.id }, title, badge, other, snippet, translated, matched);
    }
  }

  if (!customElements.get('agora-search')) customElements.define('agora-search', AgoraSearch);

  // Insert a widget after our <script>, configured from its data-* attributes.
  if (!script) return;
  const data = script.dataset;
  function mount() {
    const widget = document.createElement('agora-search');
    const fromURL = 'fromUrl' in data ? new URLSearchParams(location.search) : null;
    const pick = (name) => (fromURL && fromURL.get(name)) || data[name];
    for (const name of ['collection', 'lang', 'api', 'target', 'q']) {
      const value = pick(name);
      if (value) widget.setAttribute(name, value);
    }
    if (data.perPage) widget.setAttribute('per-page', data.perPage);
    if (fromURL && widget.getAttribute('lang')) {
      // The iframe page speaks the widget's language.
      document.documentElement.lang = widget.getAttribute('lang');
    }
    if (script.parentNode && !script.closest('head')) script.after(widget);
    else document.body.append(widget);
  }
  const explicit = Object.keys(data).length > 0;
  const whenReady = (fn) => (document.readyState === 'loading' ? document.addEventListener('DOMContentLoaded', fn) : fn());
  if (explicit && !script.closest('head')) mount();
  else whenReady(() => { if (explicit || !document.querySelector('agora-search')) mount(); });
})();
