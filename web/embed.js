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
// A classic script, not a module: document.currentScript tells us our own origin. The
// code it shares with the search page (web/lib/) and the interface strings (web/i18n/,
// English included) are loaded from the Agora server the widget asks, with import() and
// fetch(); that server lets every origin read its static files.
(() => {
  'use strict';

  const script = document.currentScript;
  const scriptOrigin = script && script.src ? new URL(script.src, location.href).origin : location.origin;

  // The one sentence kept here rather than in i18n/en.json: it says that nothing could be
  // had from the Agora server, neither the shared modules nor en.json itself, so there is
  // no file left to take it from. The same words as en.json's "embed.refused".
  const UNREACHABLE = 'This site cannot reach the Agora search: the service refused the request or is unavailable.';

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

  // The shared modules, imported once per Agora server and from that server, so that its
  // strings, its code and its API answers always belong together.
  const LIBRARY = ['dom', 'languages', 'i18n', 'api', 'hits'];
  const libraries = new Map();
  function library(api) {
    if (!libraries.has(api)) {
      const loading = Promise.all(LIBRARY.map((name) => import(`${api}/lib/${name}.js`)))
        .then((modules) => Object.fromEntries(LIBRARY.map((name, i) => [name, modules[i]])));
      libraries.set(api, loading.catch((error) => {
        libraries.delete(api);   // try again at the next setup
        throw error;
      }));
    }
    return libraries.get(api);
  }

  class AgoraSearch extends HTMLElement {
    static get observedAttributes() { return ['lang', 'collection', 'api']; }

    constructor() {
      super();
      const root = this.attachShadow({ mode: 'open' });
      const style = document.createElement('style');
      style.textContent = STYLE;
      // The form and the result list are built once the shared modules have arrived.
      this.box = document.createElement('div');
      this.box.className = 'box';
      this.box.setAttribute('part', 'box');
      root.append(style, this.box);
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

    // The origin of agora-searchd: api="" when it is an absolute http(s) address, else where
    // this script came from. Checked here rather than with the library's safeHref, because
    // it decides where the library itself comes from.
    get api() {
      try {
        const url = new URL(this.getAttribute('api'));
        if (url.protocol === 'http:' || url.protocol === 'https:') return url.origin;
      } catch { /* none, or not an absolute address */ }
      return scriptOrigin;
    }
    get wantedLang() {
      return this.getAttribute('lang') || navigator.language || 'en';
    }

    t(key, vars) {
      return this.locale.t(key, vars);
    }

    // The modules and strings of the server asked; English where the language has none.
    async setup() {
      const api = this.api;
      const wanted = this.wantedLang;
      let lib = null;
      let languages = [];
      let locale = null;
      try {
        lib = await library(api);
        languages = await lib.languages.loadLanguages().catch(() => []);
        locale = await lib.i18n.loadLocale(lib.languages.matchLanguage([wanted], languages) || 'en');
      } catch { /* the server cannot be reached */ }
      if (this.api !== api || this.wantedLang !== wanted) return;   // attributes changed meanwhile
      if (!locale || !locale.has('search.label')) {
        this.showUnreachable();
        return;
      }
      this.lib = lib;
      this.locale = locale;
      if (!this.form) this.build();
      this.box.lang = locale.code;
      this.box.dir = lib.languages.directionOf(locale.code, languages);
      lib.i18n.translateElement(this.label, 'search.label', locale);
      this.input.placeholder = this.t('search.placeholder');
      lib.i18n.translateElement(this.button, 'search.button', locale);
      const initial = this.input.value.trim() || this.getAttribute('q') || '';
      if (initial) {
        this.input.value = initial;
        this.search(initial);
      }
    }

    build() {
      const { el } = this.lib.dom;
      this.input = el('input', { id: 'q', type: 'search', name: 'q', enterkeyhint: 'search', autocomplete: 'off', maxlength: '500' });
      this.label = el('label', { for: 'q' });
      this.button = el('button', { type: 'submit' });
      this.form = el('form', { role: 'search', part: 'form' }, this.label, el('div', { class: 'row' }, this.input, this.button));
      this.status = el('p', { class: 'status', role: 'status', 'aria-live': 'polite' });
      this.list = el('ol', { class: 'results', role: 'list', part: 'results' });
      this.more = el('p', { class: 'more', hidden: true });
      this.box.replaceChildren(this.form, this.status, this.list, this.more);
      this.form.addEventListener('submit', (event) => {
        event.preventDefault();
        this.search(this.input.value.trim());
      });
    }

    showUnreachable() {
      this.controller?.abort();
      this.form = null;
      this.locale = null;
      this.box.lang = 'en';
      this.box.dir = 'ltr';
      const message = document.createElement('p');
      message.className = 'error';
      message.textContent = UNREACHABLE;
      this.box.replaceChildren(message);
    }

    async search(q) {
      if (!this.locale) return;   // strings still loading; setup() runs the query
      const { el } = this.lib.dom;
      const { apiURL, fetchJSON } = this.lib.api;
      this.controller?.abort();
      const controller = (this.controller = new AbortController());
      const perPage = Math.min(Math.max(parseInt(this.getAttribute('per-page'), 10) || 5, 1), 20);
      const params = new URLSearchParams({ q, lang: this.wantedLang, per_page: String(perPage) });
      const collection = this.getAttribute('collection');
      if (collection) params.set('collection', collection);
      this.status.textContent = this.t('status.loading');
      let data;
      try {
        data = await fetchJSON(apiURL('search', params), { signal: controller.signal, credentials: 'omit' });
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
      const { el } = this.lib.dom;
      const { hitLabels, hitTitle, snippetNodes } = this.lib.hits;
      const target = this.getAttribute('target');
      const ui = this.locale.code;
      const labels = hitLabels(hit, this.locale);
      return el('li', { lang: hit.language, 'data-id': hit.id },
        hitTitle(hit, { class: 'title', dir: 'auto' }, { target, rel: target ? 'noopener' : null }),
        el('span', { class: 'badge', lang: ui }, labels.language),
        labels.otherLanguage ? el('span', { class: 'badge other', lang: ui }, labels.otherLanguage) : null,
        el('p', { class: 'snippet', dir: 'auto' }, snippetNodes(hit.snippet)),
        labels.throughTranslation ? el('p', { class: 'matched', lang: ui }, labels.throughTranslation) : null,
        labels.matched ? el('p', { class: 'matched', lang: ui }, labels.matched) : null);
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
