// Shared by the end-to-end tests: Debian's Chromium driven by playwright-core (no browser download), console
// watching, screenshots and the axe-core accessibility check.
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

/** The running app (bootstrap's WebUiEndToEndIT starts it on a random port and passes its address). */
export const BASE_URL = process.env.BASE_URL;
if (!BASE_URL) {
  throw new Error('BASE_URL is not set: run the suite through `mvn verify` (WebUiEndToEndIT) or point it at a running server');
}
export const SCREENSHOTS = process.env.SCREENSHOTS ?? path.join(here, '..', 'target', 'e2e-screenshots');
/** The shared fixtures beside the repository (../shared from its root). */
export const FIXTURES = process.env.FIXTURES ?? path.join(here, '..', '..', '..', 'shared', 'fixtures', 'apkg');
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

export async function launch() {
  await mkdir(SCREENSHOTS, { recursive: true });
  // As root (CI) Chromium's sandbox cannot start; the pages are our own app.
  return chromium.launch({ executablePath: CHROMIUM, chromiumSandbox: false, args: ['--disable-gpu'] });
}

/**
 * A page that records every console error, uncaught exception and server error. Chromium logs each refused
 * request ("Failed to load resource … 401") as a console error: those come from answers the tests provoke on
 * purpose and are checked through `serverErrors` (5xx) instead.
 */
export async function openPage(browser, viewport = { width: 1280, height: 860 }) {
  const context = await browser.newContext({ baseURL: BASE_URL, viewport, acceptDownloads: true });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  const problems = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
      problems.push(`console: ${message.text()}`);
    }
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  page.on('response', (response) => {
    if (response.status() >= 500) problems.push(`HTTP ${response.status()} from ${response.url()}`);
  });
  return { context, page, problems };
}

export function assertClean(problems) {
  assert.deepEqual(problems, [], `the browser reported problems:\n${problems.join('\n')}`);
}

let shots = 0;
export async function screenshot(page, name) {
  shots += 1;
  await page.screenshot({ path: path.join(SCREENSHOTS, `${String(shots).padStart(2, '0')}-${name}.png`), fullPage: true });
}

/** axe-core on the page as it is; fails on serious or critical violations, naming each with its elements. */
export async function assertAccessible(page, screen) {
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  const violations = await page.evaluate(async () => {
    const results = await globalThis.axe.run(document, { resultTypes: ['violations'] });
    return results.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((node) => `${node.target.join(' ')}: ${node.failureSummary}`),
    }));
  });
  const blocking = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(
    blocking.map((v) => v.id),
    [],
    `${screen}: serious accessibility violations:\n${blocking.map((v) => `- ${v.id} (${v.impact}) ${v.help}\n    ${v.nodes.join('\n    ')}`).join('\n')}`,
  );
}

/** The page fits its width: nothing sticks out sideways (checked at 360 px). */
export async function assertNoHorizontalScroll(page, screen) {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  assert.ok(scrollWidth <= clientWidth, `${screen} is ${scrollWidth}px wide in a ${clientWidth}px window`);
}
