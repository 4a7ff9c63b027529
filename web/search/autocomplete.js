// Suggestions while typing, as a WAI-ARIA combobox: the input keeps the focus, arrows move
// through the list (aria-activedescendant), Enter picks, Escape closes, and IME
// composition is left alone. Titles and subjects come from /api/suggest.

import { $, el } from '../lib/dom.js';
import { apiURL, fetchJSON } from '../lib/api.js';
import { currentLanguage, t } from '../lib/page-language.js';

/**
 * Turns the search input into a combobox with a list of suggestions from /api/suggest.
 * `onPick` gets the suggestion chosen ({text, kind: 'title' | 'subject', language}).
 * Returns { close }.
 */
export function setupAutocomplete(input, { onPick }) {
  let list = $('#agora-suggestions');
  if (!list) {
    list = el('ul', { id: 'agora-suggestions', class: 'agora-suggestions', hidden: true });
    // The listbox is positioned under the input: it needs a positioned wrapper.
    if (!input.parentNode.classList.contains('agora-combo')) {
      const wrapper = el('div', { class: 'agora-combo' });
      input.replaceWith(wrapper);
      wrapper.append(input);
    }
    input.after(list);
  }
  list.setAttribute('role', 'listbox');
  list.setAttribute('aria-label', t('suggest.label'));
  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-controls', list.id);
  input.setAttribute('aria-expanded', 'false');
  input.setAttribute('autocomplete', 'off');   // our list replaces the browser's

  let items = [];
  let active = -1;
  let timer = 0;
  let controller = null;

  const isOpen = () => !list.hidden;
  function close() {
    clearTimeout(timer);
    controller?.abort();
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  }
  function move(to) {
    const options = list.querySelectorAll('[role="option"]');
    if (!options.length) return;
    active = (to + options.length) % options.length;
    options.forEach((option, i) => option.setAttribute('aria-selected', String(i === active)));
    input.setAttribute('aria-activedescendant', options[active].id);
    options[active].scrollIntoView({ block: 'nearest' });
  }
  function show(suggestions) {
    items = suggestions;
    active = -1;
    list.setAttribute('aria-label', t('suggest.label'));
    list.replaceChildren(...suggestions.map((s, i) => el('li', {
      id: `agora-suggestion-${i}`, role: 'option', 'aria-selected': 'false', class: 'agora-option',
      'data-kind': s.kind, lang: s.language || null, dir: 'auto',
    }, s.text, s.kind === 'subject' ? el('span', { class: 'agora-kind', lang: currentLanguage() }, t('suggest.subject')) : null)));
    input.removeAttribute('aria-activedescendant');
    list.hidden = suggestions.length === 0;
    input.setAttribute('aria-expanded', String(!list.hidden));
  }
  function pick(suggestion) {
    close();
    onPick(suggestion);
  }
  async function fetchSuggestions() {
    const typed = input.value.trim();
    // One ideographic character is a word; elsewhere wait for two letters.
    if ([...typed].length < (/[\u3040-\u9fff\uac00-\ud7af]/.test(typed) ? 1 : 2)) return close();
    controller?.abort();
    controller = new AbortController();
    try {
      const params = new URLSearchParams({ q: typed, lang: currentLanguage(), limit: '8' });
      const data = await fetchJSON(apiURL('suggest', params), { signal: controller.signal });
      if (input.value.trim() === typed && document.activeElement === input) show(data.suggestions || []);
    } catch {
      close();   // suggestions are a convenience; the search itself still works
    }
  }

  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(fetchSuggestions, 150);
  });
  input.addEventListener('keydown', (event) => {
    if (event.isComposing) return;   // IME candidate windows use these keys too
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        if (!isOpen() && items.length) { list.hidden = false; input.setAttribute('aria-expanded', 'true'); }
        if (isOpen()) move(active + 1);
        break;
      case 'ArrowUp':
        if (!isOpen()) break;
        event.preventDefault();
        move(active < 0 ? -1 : active - 1);
        break;
      case 'Enter':
        if (isOpen() && active >= 0) {
          event.preventDefault();
          pick(items[active]);
        } else {
          close();
        }
        break;
      case 'Escape':
        if (isOpen()) { event.preventDefault(); close(); }
        break;
      case 'Tab':
        close();
        break;
    }
  });
  input.addEventListener('blur', close);
  // mousedown would move focus out of the input (and close the list) before click.
  list.addEventListener('mousedown', (event) => event.preventDefault());
  list.addEventListener('click', (event) => {
    const option = event.target.closest('[role="option"]');
    if (option) pick(items[[...list.children].indexOf(option)]);
  });
  return { close };
}
