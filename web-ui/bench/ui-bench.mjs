// The web UI's benchmark (make bench-ui; not a test). Prints:
//  1. the production bundle: JS that a first visit loads before the app can run (index.html's script and its
//     preloads), gzipped, and the same for the card list's screen;
//  2. time to interactive of the card list with BENCH_CARDS cards, in headless Chromium (Performance API:
//     first rows on screen, and the end of any long task then still running), median of several cold loads;
//  3. long tasks (> 50 ms, PerformanceObserver 'longtask') while scrolling through every card to the end.
// Aims (issue 10): initial JS < 200 KB gz, list interactive < 1 s, no long task over 50 ms while scrolling.
// bootstrap's UiBenchmark fills the database and runs this with BASE_URL, BENCH_EMAIL and BENCH_PASSWORD.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const dist = path.join(here, '..', 'dist');
const { BASE_URL, BENCH_EMAIL, BENCH_PASSWORD } = process.env;
const TOTAL = Number(process.env.BENCH_CARDS ?? 10_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
if (!BASE_URL || !BENCH_EMAIL || !BENCH_PASSWORD) throw new Error('set BASE_URL, BENCH_EMAIL and BENCH_PASSWORD (make bench-ui does)');

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const log = (line) => console.log(`[bench-ui] ${line}`);

// 1. Bundle
const index = await readFile(path.join(dist, 'index.html'), 'utf8');
const initial = [...index.matchAll(/(?:src|href)="(\/assets\/[^"]+\.js)"/g)].map((m) => m[1]);
async function gzipped(files) {
  let raw = 0;
  let gz = 0;
  for (const file of files) {
    const bytes = await readFile(path.join(dist, file));
    raw += bytes.length;
    gz += gzipSync(bytes, { level: 9 }).length;
  }
  return { raw, gz };
}
const entry = await gzipped(initial);
log(`initial JS (${initial.length} files): ${kb(entry.gz)} gzipped, ${kb(entry.raw)} raw — aim < 200 KB gz: ${entry.gz < 200 * 1024 ? 'met' : 'MISSED'}`);

// 2. Time to interactive of the card list
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', chromiumSandbox: false });

async function signedInPage() {
  const response = await fetch(new URL('/api/auth/login', BASE_URL), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: BENCH_EMAIL, password: BENCH_PASSWORD }),
  });
  if (!response.ok) throw new Error(`login answered ${response.status}`);
  const { refresh_token: refreshToken } = await response.json();
  const context = await browser.newContext({ baseURL: BASE_URL, viewport: { width: 1280, height: 900 } });
  await context.addInitScript((token) => {
    localStorage.setItem('ankirag.refresh_token', token);
    window.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__longTasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask', buffered: true });
    new MutationObserver((_, observer) => {
      if (document.querySelector('[data-testid="card-row"]')) {
        window.__firstRows = performance.now();
        observer.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  }, refreshToken);
  return { context, page: await context.newPage() };
}

const loads = [];
const scripts = new Map();
for (let run = 0; run < RUNS; run++) {
  const { context, page } = await signedInPage();
  if (run === 0) {
    page.on('response', async (response) => {
      if (response.request().resourceType() === 'script') scripts.set(response.url(), await response.body());
    });
  }
  await page.goto('/cards');
  await page.waitForFunction(() => window.__firstRows !== undefined, null, { timeout: 30_000 });
  await page.waitForTimeout(300); // long tasks still running then are reported once they end
  const { firstRows, busyUntil, steps } = await page.evaluate(() => {
    const end = (pattern) => Math.round(performance.getEntriesByType('resource').find((e) => pattern.test(e.name))?.responseEnd ?? -1);
    return {
      firstRows: window.__firstRows,
      busyUntil: Math.max(0, ...window.__longTasks.filter((t) => t.start < window.__firstRows).map((t) => t.start + t.duration)),
      // Where the time went: the app's script, the session's refresh, the first slice of cards.
      steps: `script ${end(/\/assets\/index-.*\.js$/)}, refresh ${end(/\/api\/auth\/refresh$/)}, cards ${end(/\/api\/cards\?/)} ms`,
    };
  });
  loads.push({ firstRows, interactive: Math.max(firstRows, busyUntil), steps });
  await context.close();
}
let listJs = 0;
for (const body of scripts.values()) listJs += gzipSync(body, { level: 9 }).length;
log(`JS loaded to show the card list: ${kb(listJs)} gzipped (${scripts.size} files)`);
const interactive = median(loads.map((l) => l.interactive));
log(`card list with ${TOTAL} cards, ${RUNS} cold loads: first rows ${loads.map((l) => Math.round(l.firstRows)).join('/')} ms, `
  + `interactive ${loads.map((l) => Math.round(l.interactive)).join('/')} ms; median ${Math.round(interactive)} ms — aim < 1000 ms: ${interactive < 1000 ? 'met' : 'MISSED'}`);
log(`  responses ended at (each load): ${loads.map((l) => l.steps).join('; ')}`);

// 3. Scrolling to the end, every slice loaded on the way
{
  const { context, page } = await signedInPage();
  await page.goto('/cards');
  await page.waitForFunction(() => window.__firstRows !== undefined, null, { timeout: 30_000 });
  await page.waitForTimeout(500);
  const result = await page.evaluate(async (total) => {
    const list = document.querySelector('[data-testid="card-list"]');
    window.__longTasks = [];
    const started = performance.now();
    const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
    const finished = () => {
      const rows = document.querySelectorAll('[data-testid="card-row"]');
      const last = rows[rows.length - 1];
      return last?.getAttribute('aria-setsize') === String(total) && list.scrollTop + list.clientHeight >= list.scrollHeight - 2;
    };
    let frames = 0;
    while (!finished() && performance.now() - started < 180_000) {
      list.scrollTop += 1200; // about 14 rows a frame: a fast fling
      await frame();
      frames++;
    }
    const rows = document.querySelectorAll('[data-testid="card-row"]');
    return {
      seconds: (performance.now() - started) / 1000,
      frames,
      reached: Number(rows[rows.length - 1]?.getAttribute('aria-posinset') ?? 0),
      longTasks: window.__longTasks.map((t) => t.duration),
      domRows: rows.length,
    };
  }, TOTAL);
  const worst = Math.max(0, ...result.longTasks);
  log(`scrolled to card ${result.reached} of ${TOTAL} in ${result.seconds.toFixed(1)} s (${result.frames} frames, ${result.domRows} rows in the DOM at the end): `
    + `${result.longTasks.length} long tasks > 50 ms, longest ${Math.round(worst)} ms — aim none: ${result.longTasks.length === 0 ? 'met' : 'MISSED'}`);
  await context.close();
  if (result.reached !== TOTAL) throw new Error(`the list stopped at card ${result.reached} of ${TOTAL}`);
}
await browser.close();
