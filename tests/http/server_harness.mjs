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

/** The project's web interface, served by the daemon under test. */
export const webRoot = path.join(root, 'web');

/**
 * Starts agora-searchd on a free port. Resolves to { url, process, log, stop() } once it
 * prints the address it listens on.
 */
export function startServer(args) {
  return new Promise((resolve, reject) => {
    const child = spawn(agoraSearchd, ['--port', '0', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    const log = { stdout: '', stderr: '' };
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
          stop: () =>
            new Promise((done) => {
              if (child.exitCode !== null) return done(child.exitCode);
              child.once('exit', (code) => done(code));
              child.kill('SIGTERM');
            }),
        });
      }
    });
    child.once('exit', (code) => {
      if (!child.url) reject(new Error(`agora-searchd exited with ${code}: ${log.stderr}`));
    });
  });
}
