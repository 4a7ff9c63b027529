// What every collaboration page shares: the language chooser, the navigation, and a line
// saying who is signed in. start() resolves to { account, failed }: account is null when
// nobody is signed in, failed is true when the server could not say.

import { $, el, fill } from '../lib/dom.js';
import { connectLanguageChooser, onLanguageChange, startLanguage, t } from '../lib/page-language.js';
import { currentAccount, loadSession, onSessionChange } from './api.js';

const PAGES = [
  ['./', 'nav.search', 'Search'],
  ['requests.html', 'nav.requests', 'Requests'],
  ['contribute.html', 'nav.contribute', 'Contribute'],
  ['review.html', 'nav.review', 'Review'],
  ['account.html', 'nav.account', 'Account'],
];

// The navigation and the language chooser are the same on every collaboration page, so
// they are built here rather than written into each page. They carry data-i18n keys, so
// the translation pass that follows labels them like the rest of the page.
function buildHeader() {
  const bar = $('.agora-bar');
  if (!bar || $('.agora-nav', bar)) return;
  const nav = el('nav', { class: 'agora-nav', 'aria-label': 'Main', 'data-i18n-aria-label': 'nav.label' },
    el('ul', { role: 'list' },
      PAGES.map(([href, key, text]) => el('li', {}, el('a', { href, 'data-i18n': key }, text)))));
  const chooser = el('div', { class: 'agora-lang' },
    el('label', { for: 'lang', 'data-i18n': 'lang.label' }, 'Language'),
    el('select', { id: 'lang', name: 'lang' }, el('option', { value: 'en', lang: 'en' }, 'English')));
  bar.append(nav, chooser);
}

function setupChooser() {
  const select = $('select#lang');
  if (select) connectLanguageChooser(select);
}

function markCurrentPage() {
  const here = location.pathname.split('/').pop() || 'index.html';
  for (const link of document.querySelectorAll('.agora-nav a')) {
    const target = new URL(link.href).pathname.split('/').pop() || 'index.html';
    if (target === here) link.setAttribute('aria-current', 'page');
  }
}

function renderWho() {
  const who = $('#collab-who');
  if (!who) return;
  const account = currentAccount();
  fill(who, account
    ? [t('collab.who.signed_in', { name: account.displayName || account.username }), ' ',
      el('span', { class: 'collab-role' }, `(${t(`role.${account.role}`)})`)]
    : el('a', { href: 'account.html' }, t('collab.who.sign_in')));
}

export async function start() {
  buildHeader();
  await startLanguage();
  setupChooser();
  markCurrentPage();
  onLanguageChange(renderWho);
  onSessionChange(renderWho);
  let account = null;
  let failed = false;
  try {
    account = await loadSession();
  } catch {
    failed = true;
  }
  renderWho();
  return { account, failed };
}

/** A page URL (account.html?next=...) that brings the visitor back here after signing in. */
export function signInURL() {
  const here = location.pathname.split('/').pop() + location.search;
  return `account.html?next=${encodeURIComponent(here)}`;
}
