// account.html: sign in, register, sign out, and who is signed in.

import { $, el, fill, focusOn } from '../lib/dom.js';
import { currentLanguage, onLanguageChange, t } from '../lib/page-language.js';
import { ApiError } from '../lib/api.js';
import { currentAccount, hasRole, register, signIn, signOut } from './api.js';
import { clearErrors, formValues, requireFields, showError, whileBusy } from './forms.js';
import { start } from './shell.js';

const status = $('#account-status');

// Only a page of this site may be the place to go back to after signing in.
function nextPage() {
  const next = new URLSearchParams(location.search).get('next');
  return next && /^[a-z-]+\.html(\?[^#]*)?$/.test(next) ? next : null;
}

function render() {
  const account = currentAccount();
  $('#account-signed-in').hidden = !account;
  $('#account-signed-out').hidden = Boolean(account);
  if (!account) return;
  const row = (key, value) => [el('dt', {}, t(key)), el('dd', {}, value)];
  fill($('#account-me'),
    row('account.display_name', el('span', { dir: 'auto' }, account.displayName || account.username)),
    row('account.username', el('span', { dir: 'ltr' }, account.username)),
    row('account.role', t(`role.${account.role}`)));
  const links = [['requests.html?mine=true', 'account.links.requests']];
  if (hasRole(account, 'contributor')) links.push(['contribute.html', 'account.links.contribute']);
  if (hasRole(account, 'reviewer')) links.push(['review.html', 'account.links.review']);
  fill($('#account-links'), links.map(([href, key]) => el('li', {}, el('a', { href }, t(key)))));
}

async function signedIn(account) {
  status.textContent = t('account.signed_in', { name: account.displayName || account.username });
  const next = nextPage();
  if (next) {
    location.assign(next);
    return;
  }
  render();
  focusOn($('#account-me-heading'));
}

function setupSignIn() {
  const form = $('#sign-in-form');
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form);
    if (!requireFields(form, ['username', 'password'])) return;
    const { username, password } = formValues(form);
    try {
      const account = await whileBusy(form, () => signIn(username, password));
      form.reset();
      await signedIn(account);
    } catch (error) {
      showError(form, error, { messages: { 401: 'account.error.credentials', 429: 'account.error.too_many' } });
    }
  });
}

function setupRegister() {
  const form = $('#register-form');
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form);
    if (!requireFields(form, ['username', 'password'])) return;
    const { username, password, displayName } = formValues(form);
    try {
      const account = await whileBusy(form, () => register(username, password, displayName || username));
      form.reset();
      await signedIn(account);
    } catch (error) {
      // A taken username is a problem of that field, so it is said next to it.
      const shown = error instanceof ApiError && error.status === 409
        ? new ApiError(422, { errors: [{ field: 'username', message: t('account.error.taken'), lang: currentLanguage() }] })
        : error;
      showError(form, shown, { messages: { 403: 'account.error.no_registration', 404: 'account.error.no_registration' } });
    }
  });
}

function setupSignOut() {
  const button = $('#account-sign-out');
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      await signOut();
      status.textContent = t('account.signed_out');
      render();
      focusOn($('#sign-in-heading'));
    } catch {
      status.textContent = t('collab.error.network');
    } finally {
      button.disabled = false;
    }
  });
}

async function main() {
  setupSignIn();
  setupRegister();
  setupSignOut();
  const { failed } = await start();
  if (failed) status.textContent = t('collab.error.server');
  render();
  onLanguageChange(render);
}

main();
