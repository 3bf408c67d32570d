// Sync with Anki in the browser against the real backend (issue 8's API): push selected cards, follow the task,
// see it in the task list. No Anki runs beside WebUiEndToEndIT's server, so the push is deferred with SYNC_001 and
// the time of its next try, which is what the task page must say.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  BASE_URL, assertAccessible, assertClean, assertNoHorizontalScroll, launch, openPage, screenshot,
} from './support.mjs';

const email = `e2e-sync-${Date.now()}@example.com`;
const password = 'e2e-password-1';

async function callApi(method, path, body, token) {
  const response = await fetch(new URL(path, BASE_URL), {
    method,
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  assert.ok(response.ok, `${method} ${path} answered ${response.status}: ${text}`);
  return text ? JSON.parse(text) : null;
}

describe('sync with Anki in the browser', () => {
  let browser;
  let page;
  let problems;
  let token;
  const fronts = ['Sync: what is ATP?', 'Sync: what is NADPH?'];

  before(async () => {
    await callApi('POST', '/api/auth/register', { email, password, display_name: 'Sync Learner' });
    token = (await callApi('POST', '/api/auth/login', { email, password })).access_token;
    const deck = await callApi('POST', '/api/decks', { name: `Sync ${Date.now()}` }, token);
    const templates = await callApi('GET', '/api/templates?size=100', undefined, token);
    const basic = templates.items.find((template) => template.name === 'Basic');
    for (const front of fronts) {
      const card = await callApi('POST', '/api/cards', { deck_id: deck.id, template_id: basic.id, fields: { Front: front, Back: 'an answer' } }, token);
      await callApi('POST', `/api/cards/${card.id}/approve`, {}, token);
    }
    browser = await launch();
    ({ page, problems } = await openPage(browser));
    await page.goto('/login');
    await page.getByRole('textbox', { name: 'Email' }).fill(email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL('**/cards');
  });

  after(async () => {
    await browser?.close();
  });

  it('pushes the selected cards and shows the task deferred until Anki can be reached, then lists it', async () => {
    await page.goto('/cards?status=approved');
    for (const front of fronts) await page.getByRole('checkbox', { name: `Select: ${front}` }).check();
    await page.getByRole('toolbar', { name: 'Selection' }).getByRole('button', { name: 'Push to Anki', exact: true }).click();
    await page.locator('.toast').getByText('2 cards queued for Anki.').waitFor();
    await page.waitForURL(/\/sync\/[0-9a-f-]{36}$/);
    const taskId = page.url().split('/').pop();

    // Anki refuses the connection: the worker defers the task and the stream says so.
    const problem = page.getByTestId('sync-problem');
    await problem.waitFor({ timeout: 30_000 });
    assert.match(await problem.textContent(),
      /^Anki is not reachable\. Is Anki running with AnkiConnect\? It will be tried again in \d+ (seconds|minutes \(at .+\))\.$/);
    await page.getByTestId('sync-task').locator('.badge').getByText('deferred').waitFor();
    const task = await callApi('GET', `/api/sync/tasks/${taskId}`, undefined, token);
    assert.equal(task.status, 'deferred');
    assert.equal(task.error.code, 'SYNC_001');
    assert.ok(Date.parse(task.retry_at) > Date.now(), `retry_at ${task.retry_at} is in the future`);
    assert.equal(task.cards_count, 2);
    await assertAccessible(page, 'sync task');
    await screenshot(page, 'sync-task-deferred');

    const listed = page.getByTestId('sync-tasks').getByRole('listitem').filter({ has: page.locator(`a[href="/sync/${taskId}"]`) });
    await listed.getByText('deferred').waitFor();
    await listed.getByText('0 of 2').waitFor();
    assertClean(problems);
  });

  it('shows on the settings page that the server’s Anki does not answer', async () => {
    await page.goto('/settings');
    const anki = page.getByTestId('anki-connection');
    await anki.getByText('not reachable', { exact: true }).waitFor();
    await anki.getByText('http://127.0.0.1:8765').waitFor();
    await anki.getByText('Anki is not reachable. Is Anki running with AnkiConnect?').waitFor();
    await assertAccessible(page, 'settings (Anki not reachable)');
    await screenshot(page, 'sync-settings');
    assertClean(problems);
  });

  it('offers pulling from Anki and shows the sync screen at 360 px', async () => {
    await page.goto('/sync');
    const form = page.getByTestId('pull-form');
    await form.getByRole('radio', { name: 'One deck and its sub-decks' }).check();
    await form.getByRole('textbox', { name: 'Anki deck path' }).waitFor();
    await assertAccessible(page, 'sync');
    await screenshot(page, 'sync-list');

    const phone = await openPage(browser, { width: 360, height: 740 });
    await phone.page.goto('/login');
    await phone.page.getByRole('textbox', { name: 'Email' }).fill(email);
    await phone.page.getByLabel('Password').fill(password);
    await phone.page.getByRole('button', { name: 'Sign in' }).click();
    await phone.page.waitForURL('**/cards');
    await phone.page.goto('/sync');
    await phone.page.getByTestId('sync-tasks').waitFor();
    await assertNoHorizontalScroll(phone.page, 'sync at 360 px');
    await assertAccessible(phone.page, 'sync at 360 px');
    await screenshot(phone.page, 'sync-phone');
    await phone.context.close();
    assertClean(problems);
  });
});
