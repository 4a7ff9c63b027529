// Shared helpers of the browser tests: one agora-searchd on the sample corpus, headless
// Debian Chromium driven by playwright-core, axe-core checks and screenshots.
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { buildIndex, scratch, startServer, webRoot } from '../http/server_harness.mjs';

export { webRoot };
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
export const screenshotDir = path.join(root, 'test-artifacts/screenshots');
export const axePath = path.join(root, 'node_modules/axe-core/axe.min.js');

/** The interface strings of one UI language, as the page loads them. */
export const strings = (lang) => JSON.parse(readFileSync(path.join(webRoot, 'i18n', `${lang}.json`), 'utf8'));

export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export function launchBrowser() {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/**
 * Indexes the sample corpus into a scratch folder and starts agora-searchd on it.
 * Resolves to { url, server, db, stop() }: db is the index path (what `agora-searchd admin
 * --db` takes); stop also removes the scratch folder.
 */
export async function startAgora(extraArgs = []) {
  const space = scratch();
  try {
    const db = buildIndex(space.dir);
    const server = await startServer(['--db', db, '--web', webRoot, ...extraArgs]);
    return {
      url: server.url,
      server,
      db,
      stop: async () => { await server.stop(); space.cleanup(); },
    };
  } catch (error) {
    space.cleanup();
    throw error;
  }
}

/**
 * A fresh browser context (own storage, so a remembered language never leaks between
 * tests) that can reach loopback only: any other request is aborted and recorded in
 * context.offLoopback, which tests can assert to be empty.
 */
export async function newContext(browser, options = {}) {
  const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 }, ...options });
  context.offLoopback = [];
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.protocol === 'data:' || url.hostname === '127.0.0.1') return route.continue();
    context.offLoopback.push(url.href);
    return route.abort('blockedbyclient');
  });
  return context;
}

export async function screenshot(page, name) {
  mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: true });
}

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Runs axe-core on the page as it is now; fails listing every violation and its nodes. */
export async function assertAccessible(page, label) {
  if (!(await page.evaluate(() => typeof window.axe === 'object').catch(() => false))) {
    await page.addScriptTag({ path: axePath });
  }
  const violations = await page.evaluate(async (tags) => {
    const result = await window.axe.run(document, { runOnly: { type: 'tag', values: tags } });
    return result.violations.map((v) => ({
      id: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target.join(' '), summary: n.failureSummary })),
    }));
  }, AXE_TAGS);
  const report = violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n` +
    v.nodes.map((n) => `    ${n.target}\n      ${String(n.summary).replace(/\n/g, '\n      ')}`).join('\n')).join('\n');
  if (violations.length) console.log(`axe violations on ${label}:\n${report}`);
  assert.equal(violations.length, 0, `axe violations on ${label}:\n${report}`);
}

/** GET a JSON API answer straight from the server (to compare the page with it). */
export async function api(base, route, params) {
  const response = await fetch(`${base}${route}?${new URLSearchParams(params)}`);
  assert.equal(response.status, 200, `${route} ${JSON.stringify(params)}`);
  return response.json();
}

/** Starts agora-searchd on the sample corpus and Chromium side by side: { agora, browser, base }. */
export async function startAgoraAndBrowser() {
  const [agora, browser] = await Promise.all([startAgora(), launchBrowser()]);
  return { agora, browser, base: agora.url };
}

/** Stops what startAgoraAndBrowser started (either may be missing after a failed start). */
export async function stopAgoraAndBrowser({ agora, browser }) {
  await browser?.close();
  await agora?.stop();
}
