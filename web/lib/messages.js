// UI message formatting for every Agora script (through i18n.js). Messages use a small
// subset of ICU MessageFormat so that each language has its own plural forms without
// code: "{count, plural, =0 {...} one {...} few {...} other {...}}" and "{name}".

// Picks the plural branch for each "{var, plural, ...}" in `text`.
function selectPlural(text, vars, pluralRules) {
  const match = /\{(\w+),\s*plural,/.exec(text);
  if (!match) return text;
  let end = match.index + match[0].length;
  for (let depth = 1; end < text.length && depth; end++) {
    if (text[end] === '{') depth++;
    else if (text[end] === '}') depth--;
  }
  const body = text.slice(match.index + match[0].length, end - 1);
  const options = {};
  const selector = /\s*(=\d+|\w+)\s*\{/y;
  for (let pos = 0; pos < body.length;) {
    selector.lastIndex = pos;
    const option = selector.exec(body);
    if (!option) break;
    let stop = selector.lastIndex;
    for (let depth = 1; stop < body.length && depth; stop++) {
      if (body[stop] === '{') depth++;
      else if (body[stop] === '}') depth--;
    }
    options[option[1]] = body.slice(selector.lastIndex, stop - 1);
    pos = stop;
  }
  const n = Number(vars[match[1]]);
  const chosen = options['=' + n] ?? options[pluralRules.select(n)] ?? options.other ?? '';
  return text.slice(0, match.index) + chosen + selectPlural(text.slice(end), vars, pluralRules);
}

/**
 * `text` with its plural branches chosen by `pluralRules` (Intl.PluralRules) and its
 * "{name}" placeholders filled from `vars`, numbers formatted by `numbers`
 * (Intl.NumberFormat).
 */
export function formatMessage(text, vars, pluralRules, numbers) {
  return selectPlural(text, vars, pluralRules).replace(/\{(\w+)\}/g, (whole, name) =>
    name in vars ? (typeof vars[name] === 'number' ? numbers.format(vars[name]) : vars[name]) : whole);
}
