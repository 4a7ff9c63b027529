// The filters panel: one section per filter field with its values and counts as toggle
// buttons, selected values first, the rest behind "More". A click on a value asks for the
// search with that value toggled (toggledFilters); agora.js runs it.

import { $, el } from '../lib/dom.js';
import { capitalisedLanguageName, codeLabel, formatNumber, t } from '../lib/page-language.js';
import { dom } from './containers.js';
import { anyFilter, noFilters, state } from './state.js';

const FACET_VISIBLE = 8;   // values shown before "More"

/**
 * A facet value in words where there are words for it, else as it is. `labels` are the
 * answer's labels of concepts (URIs), already in the learner's language.
 */
export function valueLabel(facet, value, labels = {}) {
  if (facet === 'language') return capitalisedLanguageName(value);
  if (Object.hasOwn(labels, value)) return labels[value];
  if (facet === 'type' || facet === 'level' || facet === 'subject') return codeLabel(facet, value);
  return value;
}

/** The filters of `search` with the value of `button` (a facet value or "clear") toggled; null for other buttons. */
export function toggledFilters(search, button) {
  if (button.classList.contains('agora-clear')) return noFilters();
  const facet = button.closest('[data-facet]')?.dataset.facet;
  if (!facet) return null;
  const value = button.dataset.value;
  const selected = search.filters[facet];
  const next = selected.includes(value) ? selected.filter((v) => v !== value) : [...selected, value];
  return { ...search.filters, [facet]: next };
}

// The value (or "clear") that has focus, so that it keeps it when the panel is redrawn.
function focusedKey() {
  const previous = document.activeElement?.closest?.('[data-facet] [data-value], .agora-clear');
  return previous && (previous.dataset.value !== undefined
    ? [previous.closest('[data-facet]').dataset.facet, previous.dataset.value] : ['clear']);
}

function facetSection(facet, data, search) {
  const selected = search.filters[facet];
  const values = [...(data.facets?.[facet] || [])];
  for (const value of selected) if (!values.some((v) => v.value === value)) values.unshift({ value, count: null });
  if (!values.length) return null;
  // Selected values stay visible even when they would fall under "More".
  values.sort((a, b) => selected.includes(b.value) - selected.includes(a.value));

  const headingId = `agora-facet-${facet}`;
  const item = ({ value, count }) => el('li', {},
    el('button', { type: 'button', class: 'agora-facet-value', 'data-value': value, 'aria-pressed': String(selected.includes(value)) },
      el('span', { class: 'agora-facet-label' }, valueLabel(facet, value, data.labels)),
      count === null ? null : el('span', { class: 'agora-count' }, formatNumber(count))));
  const section = el('section', { class: 'agora-facet', 'data-facet': facet, 'aria-labelledby': headingId },
    el('h3', { id: headingId }, t(`facet.${facet}`)),
    el('ul', { role: 'list' }, values.slice(0, FACET_VISIBLE).map(item)));
  if (values.length > FACET_VISIBLE) {
    section.append(el('details', { class: 'agora-more' }, el('summary', {}, t('filters.more')),
      el('ul', { role: 'list' }, values.slice(FACET_VISIBLE).map(item))));
  }
  return section;
}

export function renderFacets(data, search) {
  const focusKey = focusedKey();

  const panel = el('details', { class: 'agora-facets-panel' },
    el('summary', {}, el('h2', { id: 'agora-facets-heading' }, t('filters.heading'))));
  // Open on wide screens, collapsed on phones unless the learner opened it.
  panel.open = state.facetsOpen ?? matchMedia('(min-width: 50em)').matches;
  panel.addEventListener('toggle', () => { state.facetsOpen = panel.open; });

  if (anyFilter(search)) {
    panel.append(el('button', { type: 'button', class: 'agora-clear' }, t('filters.clear')));
  }
  for (const facet of state.facets) {
    const section = facetSection(facet, data, search);
    if (section) panel.append(section);
  }
  dom.facets.replaceChildren(panel);
  dom.facets.setAttribute('aria-labelledby', 'agora-facets-heading');
  dom.facets.hidden = panel.children.length <= 1;

  if (focusKey) {
    const target = focusKey[0] === 'clear'
      ? $('[data-facet] [data-value]', dom.facets)
      : $(`[data-facet="${CSS.escape(focusKey[0])}"] [data-value="${CSS.escape(focusKey[1])}"]`, dom.facets);
    if (target) {
      target.closest('details.agora-more')?.setAttribute('open', '');
      target.focus();
    }
  }
}
