// The collaboration API as the pages use it: the session cookie and its CSRF token on
// top of the shared JSON calls (../lib/api.js). The token lives only in memory: a page
// load gets it again from GET /api/me.

import { ApiError, apiURL, fetchJSON } from '../lib/api.js';

const ROLES = ['learner', 'contributor', 'reviewer', 'admin'];

let session = { account: null, csrfToken: null };
let loaded = null;
const sessionListeners = [];

function setSession(body) {
  session = { account: body?.account || null, csrfToken: body?.csrfToken || null };
  for (const listener of sessionListeners) listener(session.account);
  return session.account;
}

function call(method, path, { body, params, ifMatch } = {}) {
  const headers = {};
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && session.csrfToken) headers['X-CSRF-Token'] = session.csrfToken;
  // The revision the edit was made from: the server refuses it (412) if another came since.
  if (ifMatch !== undefined) headers['If-Match'] = `"${ifMatch}"`;
  return fetchJSON(apiURL(path, params), {
    method, headers, credentials: 'same-origin',
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

/**
 * One API call. A change refused with 403 is tried once more when the session's CSRF
 * token turns out to have changed meanwhile (a sign-in in another tab renews it).
 */
export async function request(method, path, options = {}) {
  try {
    return await call(method, path, options);
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    if (error.status === 401 && session.account) setSession(null);
    if (error.status !== 403 || method === 'GET' || !session.account) throw error;
    const before = session.csrfToken;
    await refreshSession();
    if (!session.csrfToken || session.csrfToken === before) throw error;
    return call(method, path, options);
  }
}

async function refreshSession() {
  try {
    return setSession(await call('GET', 'me'));
  } catch (error) {
    if (error instanceof ApiError && (error.status === 401 || error.status === 404)) return setSession(null);
    throw error;
  }
}

/** The signed-in account, or null; asks the server once per page load. */
export function loadSession() {
  loaded ??= refreshSession().catch((error) => {
    loaded = null;
    throw error;
  });
  return loaded;
}

export const currentAccount = () => session.account;
export const onSessionChange = (listener) => sessionListeners.push(listener);

export async function signIn(username, password) {
  return setSession(await call('POST', 'session', { body: { username, password } }));
}

export async function register(username, password, displayName) {
  return setSession(await call('POST', 'accounts', { body: { username, password, displayName } }));
}

export async function signOut() {
  try {
    await request('DELETE', 'session');
  } catch (error) {
    // An expired session is signed out already.
    if (!(error instanceof ApiError) || error.status !== 401) throw error;
  }
  setSession(null);
}

/** Whether `account` has `role` or a role above it. */
export function hasRole(account, role) {
  return Boolean(account) && ROLES.indexOf(account.role) >= ROLES.indexOf(role);
}

// Every character encoded, '/' too: a browser would otherwise resolve an id such as
// 'a/../b' to another resource's address. The server decodes the path before routing.
export const encodeId = (id) => encodeURIComponent(String(id));
