// Calls to agora-searchd's JSON API, for the search page, the collaboration pages and the
// widget: addresses under /api/ of the server these modules were loaded from (a partner
// page's widget loads them from its Agora server), JSON answers, and error answers
// (problem+json) as one ApiError with the status and the problem document.

const API_ROOT = new URL('/api/', import.meta.url);

/** An error answer: status plus the problem document (title, detail, errors[], duplicates[]). */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem || {};
  }
  get fieldErrors() { return Array.isArray(this.problem.errors) ? this.problem.errors : []; }
  get duplicates() { return Array.isArray(this.problem.duplicates) ? this.problem.duplicates : []; }
}

/**
 * The address of an API route ('search', '/requests/4'). `params` is URLSearchParams
 * (taken as it is, repeated names included) or an object whose empty values are left out.
 */
export function apiURL(path, params) {
  const url = new URL(String(path).replace(/^\//, ''), API_ROOT);
  if (params instanceof URLSearchParams) {
    url.search = params.toString();
  } else {
    for (const [name, value] of Object.entries(params || {})) {
      if (value !== undefined && value !== null && value !== '') url.searchParams.set(name, value);
    }
  }
  return url;
}

/**
 * fetch() with JSON in the answer: resolves to the parsed body (null when there is none or
 * it is not JSON), rejects with ApiError for an error status, and with fetch's own error
 * when there is no answer at all (network, CORS refusal) or the request was aborted.
 */
export async function fetchJSON(url, { method = 'GET', headers = {}, body, signal, credentials } = {}) {
  const response = await fetch(url, {
    method, body, signal, credentials,
    headers: { Accept: 'application/json, application/problem+json', ...headers },
  });
  let data = null;
  if (response.status !== 204) {
    try {
      data = await response.json();
    } catch (error) {
      if (error.name === 'AbortError') throw error;   // cancelled while reading: not an answer
      /* empty or not JSON */
    }
  }
  if (!response.ok) throw new ApiError(response.status, data || { title: response.statusText });
  return data;
}
