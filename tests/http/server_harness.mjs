// Starts agora-index and agora-searchd from the build tree for HTTP tests.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const build = process.env.AGORA_BUILD_DIR ?? path.join(root, 'build');
export const agoraIndex = path.join(build, 'indexer/agora-index');
export const agoraSearchd = path.join(build, 'searchd/agora-searchd');
export const corpus = path.join(root, 'corpus');

/** A scratch folder removed by cleanup(). */
export function scratch() {
  const dir = mkdtempSync(path.join(tmpdir(), 'agora-http-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Runs agora-index add; throws with its stderr when it fails. */
export function addToIndex(db, paths, extra = []) {
  const run = spawnSync(agoraIndex, ['add', '--db', db, '--quiet', ...extra, ...paths], {
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`agora-index add failed: ${run.stderr}`);
}

/** Indexes the sample corpus plus `extraRecords` (JSON objects) into `dir`/index. */
export function buildIndex(dir, extraRecords = []) {
  const db = path.join(dir, 'index');
  const extra = path.join(dir, 'extra.jsonl');
  writeFileSync(extra, extraRecords.map((r) => JSON.stringify(r)).join('\n') + '\n');
  addToIndex(db, ['resources', 'feeds', 'html', 'oai'].map((f) => path.join(corpus, f)).concat(extra));
  return db;
}

/** `agora-index stats --json` of an index. */
export function indexStats(db) {
  const run = spawnSync(agoraIndex, ['stats', '--db', db, '--json'], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`agora-index stats failed: ${run.stderr}`);
  return JSON.parse(run.stdout);
}

/** The project's web interface, served by the daemon under test. */
export const webRoot = path.join(root, 'web');

/**
 * Starts agora-searchd (the build tree's, or `program`) on a free port. Resolves to
 * { url, process, log, stop(), kill() } once it prints the address it listens on.
 */
export function startServer(args, program = agoraSearchd) {
  return new Promise((resolve, reject) => {
    const child = spawn(program, ['--port', '0', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    const log = { stdout: '', stderr: '' };
    const ended = (signal) =>
      new Promise((done) => {
        if (child.exitCode !== null || child.signalCode !== null) return done(child.exitCode ?? child.signalCode);
        child.once('exit', (code, exitSignal) => done(code ?? exitSignal));
        child.kill(signal);
      });
    child.stdout.on('data', (chunk) => (log.stdout += chunk));
    child.stderr.on('data', (chunk) => {
      log.stderr += chunk;
      const match = /on (http:\/\/[0-9.]+:\d+)\//.exec(log.stderr);
      if (match && !child.url) {
        child.url = match[1];
        resolve({
          url: match[1],
          process: child,
          log,
          stop: () => ended('SIGTERM'),
          // A crash: no shutdown code runs, nothing is flushed.
          kill: () => ended('SIGKILL'),
        });
      }
    });
    child.once('exit', (code) => {
      if (!child.url) reject(new Error(`agora-searchd exited with ${code}: ${log.stderr}`));
    });
  });
}

// --- Collaboration: accounts, tokens and an HTTP client that signs in like a browser. ---

/** Long enough for the 10-character minimum; every test account uses it unless told. */
export const PASSWORD = 'correct horse battery staple';

/**
 * Runs `agora-searchd admin` on the state of index `db` (a path), on `{ state: FILE }`, or
 * on what the daemon's config file `{ config: FILE }` names.
 * Returns { status, stdout, stderr }; never throws.
 */
export function runAdmin(db, args, stdin) {
  const target = typeof db === 'string' ? ['--db', db] : db.config ? ['--config', db.config] : ['--state', db.state];
  const run = spawnSync(agoraSearchd, ['admin', ...target, ...args], {
    input: stdin ?? '',
    encoding: 'utf8',
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

function mustAdmin(db, args, stdin) {
  const run = runAdmin(db, args, stdin);
  if (run.status !== 0) {
    throw new Error(`agora-searchd admin ${args.join(' ')} failed (${run.status}): ${run.stderr}${run.stdout}`);
  }
  return run;
}

/** Creates an account with the password given on standard input. */
export function createAccount(db, username, role, password = PASSWORD) {
  return mustAdmin(db, ['create-account', '--username', username, '--role', role, '--password-stdin'], `${password}\n`);
}

// Tokens made by createToken, per state database: the fallback for the token id when
// create-token does not print it.
const tokensMade = new Map();

/** Creates an API token; resolves to { token, id } (the id is what revoke-token takes). */
export function createToken(db, username, name = 'http tests', days = 1) {
  const run = mustAdmin(db, ['create-token', '--username', username, '--name', name, '--days', String(days)]);
  const key = typeof db === 'string' ? db : db.state;
  tokensMade.set(key, (tokensMade.get(key) ?? 0) + 1);
  const output = run.stdout + run.stderr;
  const token = /agora_[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])/.exec(output)?.[0];
  if (!token) throw new Error(`create-token printed no agora_ token: ${output}`);
  const id = Number(/\bid\b\D{0,3}(\d+)/i.exec(output.replace(token, ''))?.[1] ?? tokensMade.get(key));
  return { token, id };
}

/** Creates an account and a token for it: { username, token, tokenId, client(base) }. */
export function accountWithToken(db, username, role) {
  createAccount(db, username, role);
  const { token, id } = createToken(db, username);
  return { username, token, tokenId: id, client: (base) => new Client(base, { token }) };
}

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * HTTP client for the daemon under test. It keeps a cookie jar, as a browser does (without
 * dropping expired cookies: the server must refuse them itself), remembers the CSRF token
 * of its session and sends it on changes, and can carry a bearer token instead.
 *
 * request() resolves to { status, headers, text, body }: body is the parsed JSON when the
 * answer says it is JSON (an answer that says so and is not valid JSON throws), else the
 * text.
 */
export class Client {
  constructor(base, { token } = {}) {
    this.base = base;
    this.token = token ?? null;
    this.cookies = new Map();
    this.csrfToken = null;
  }

  cookieHeader() {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  /**
   * options: json (a value sent as JSON), body (string or Buffer sent as is), contentType,
   * headers, csrf (true: the session's token on changes; false: none; a string: that one),
   * bearer (false leaves the token out).
   */
  async request(method, url, options = {}) {
    const { json, contentType, csrf = true, bearer = true } = options;
    const headers = { ...(options.headers ?? {}) };
    let body = options.body;
    if (json !== undefined) {
      body = JSON.stringify(json);
      headers['Content-Type'] = contentType ?? 'application/json';
    } else if (contentType) {
      headers['Content-Type'] = contentType;
    }
    if (this.cookies.size) headers.Cookie = this.cookieHeader();
    if (this.token && bearer) headers.Authorization = `Bearer ${this.token}`;
    if (MUTATING.has(method)) {
      if (typeof csrf === 'string') headers['X-CSRF-Token'] = csrf;
      else if (csrf && this.csrfToken) headers['X-CSRF-Token'] = this.csrfToken;
    }
    const response = await fetch(this.base + url, { method, headers, body, redirect: 'manual' });
    for (const line of response.headers.getSetCookie()) this.storeCookie(line);
    const text = await response.text();
    let parsed = text;
    if (/json/.test(response.headers.get('content-type') ?? '')) {
      try {
        parsed = JSON.parse(text);
      } catch (error) {
        throw new Error(`${method} ${url} answered ${response.status} with invalid JSON (${error.message}): ${text.slice(0, 300)}`);
      }
    }
    return { status: response.status, headers: response.headers, text, body: parsed };
  }

  storeCookie(line) {
    const [pair, ...attributes] = line.split(';');
    const eq = pair.indexOf('=');
    const name = pair.slice(0, eq).trim();
    const value = pair.slice(eq + 1).trim();
    const cleared = attributes.some((a) => /^\s*max-age\s*=\s*0\s*$/i.test(a)) || value === '';
    if (cleared) this.cookies.delete(name);
    else this.cookies.set(name, value);
  }

  get(url, options) { return this.request('GET', url, options); }
  post(url, json, options = {}) { return this.request('POST', url, { ...options, json }); }
  put(url, json, options = {}) { return this.request('PUT', url, { ...options, json }); }
  patch(url, json, options = {}) { return this.request('PATCH', url, { ...options, json }); }
  delete(url, options) { return this.request('DELETE', url, options); }

  /** POST /api/session; keeps the CSRF token of the new session. */
  async signIn(username, password = PASSWORD) {
    const response = await this.post('/api/session', { username, password });
    if (response.status === 200) this.csrfToken = response.body.csrfToken;
    return response;
  }

  /** POST /api/accounts: registers a learner and signs them in. */
  async register(username, password = PASSWORD, displayName = username) {
    const response = await this.post('/api/accounts', { username, password, displayName });
    if (response.status === 201) this.csrfToken = response.body.csrfToken;
    return response;
  }
}

/** A client signed in with a session cookie; throws when the sign-in fails. */
export async function signedIn(base, username, password = PASSWORD) {
  const client = new Client(base);
  const response = await client.signIn(username, password);
  if (response.status !== 200) throw new Error(`sign-in of ${username}: ${response.status} ${response.text}`);
  return client;
}

/**
 * Two made-up words from `seed`. Titles built from them differ from one another in two
 * words, so they never look like near-duplicate titles (which allow one different word).
 */
export function uniqueWords(seed) {
  let a = 2166136261;
  let b = 5381;
  for (const char of String(seed)) {
    a = Math.imul(a ^ char.charCodeAt(0), 16777619) >>> 0;
    b = (Math.imul(b, 33) + char.charCodeAt(0)) >>> 0;
  }
  const word = (n) => Array.from({ length: 7 }, (_, i) => 'bcdfghjklmnpqrstvwxz'[Math.floor(n / 20 ** i) % 20]).join('');
  return [`zo${word(a)}`, `qu${word(b)}`];
}

/** A record that passes validation; `overrides` replace or add fields. */
export function record(id, overrides = {}) {
  const [first, second] = uniqueWords(id);
  return {
    id,
    url: `https://commons.example.org/${id}`,
    title: `Guide ${first} ${second}`,
    inLanguage: 'en',
    description: 'A short guide for members of a co-operative.',
    license: 'CC-BY-4.0',
    ...overrides,
  };
}

/**
 * Indexes the corpus into a scratch folder and serves it, with one bearer-token client per
 * account of `accounts` ({username: role}). Resolves to { db, server, base, anonymous,
 * clients, stop() }; stop() ends the daemon and removes the folder.
 */
export async function serveWithAccounts(accounts, extraArgs = []) {
  const space = scratch();
  const db = buildIndex(space.dir);
  const server = await startServer(['--db', db, '--web', webRoot, '--no-access-log', ...extraArgs]);
  const clients = {};
  for (const [username, role] of Object.entries(accounts)) {
    clients[username] = accountWithToken(db, username, role).client(server.url);
  }
  return {
    db, server, base: server.url, anonymous: new Client(server.url), clients,
    stop: async () => {
      await server.stop();
      space.cleanup();
    },
  };
}
