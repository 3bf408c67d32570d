// The study assistant in the browser against the real backend and the fake OpenAI server (which answers an
// unscripted question with "Fake answer to: " and the question): chats, a streamed answer citing a card, its
// sources, cards from the answer, the 360 px layout and the keyboard. Run by bootstrap's WebUiEndToEndIT.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  BASE_URL, assertAccessible, assertClean, assertNoHorizontalScroll, launch, openPage, screenshot,
} from './support.mjs';

const email = `e2e-chat-${Date.now()}@example.com`;
const password = 'e2e-password-1';
const FRONT = 'What does ATP store in the cell?';

/** The REST API as the learner, to set up what this test is not about (a deck and a card). */
async function rest(method, path, body, token) {
  const response = await fetch(new URL(path, BASE_URL), {
    method,
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  assert.ok(response.ok, `${method} ${path} answered ${response.status}: ${text}`);
  return text ? JSON.parse(text) : null;
}

describe('the study assistant in the browser', () => {
  let browser;
  let page;
  let problems;
  let cardId;
  let chatUrl;

  before(async () => {
    const { access_token: token } = await rest('POST', '/api/auth/register', { email, password, display_name: 'Chat Learner' });
    const deck = await rest('POST', '/api/decks', { name: 'Cell biology' }, token);
    const templates = await rest('GET', '/api/templates?size=100', undefined, token);
    const basic = templates.items.find((template) => template.name === 'Basic');
    assert.ok(basic, 'the built-in Basic template');
    const card = await rest('POST', '/api/cards', {
      deck_id: deck.id, template_id: basic.id, fields: { Front: FRONT, Back: 'Chemical energy, released when ATP is split' },
    }, token);
    cardId = card.id;
    // Answers are grounded in what the search index holds: wait until it has the card.
    const deadline = Date.now() + 60_000;
    for (;;) {
      const found = await rest('POST', '/api/rag/search', { query: 'ATP energy cell', top_k: 5 }, token);
      if (found.results.some((hit) => hit.card_id === cardId)) break;
      assert.ok(Date.now() < deadline, 'the card reached the search index within 60 s');
      await new Promise((resolve) => setTimeout(resolve, 250));
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

  let broken = false;
  const step = (name, body) => it(name, async (t) => {
    if (broken) return t.skip('an earlier step failed');
    try {
      await body();
    } catch (failure) {
      broken = true;
      await screenshot(page, 'chat-FAILED').catch(() => undefined);
      if (problems.length) failure.message += `\nthe browser reported:\n${problems.join('\n')}`;
      throw failure;
    }
  });

  const toast = (text) => page.locator('.toast').getByText(text).waitFor();

  step('starts a chat grounded in one deck', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Chat' }).click();
    await page.waitForURL('**/chat');
    await page.getByText('No chats yet').waitFor();
    await assertAccessible(page, 'chat (empty)');
    await page.getByRole('button', { name: 'New chat' }).click();
    const dialog = page.getByRole('dialog', { name: 'New chat' });
    await dialog.getByLabel('Title').fill('Cells');
    await dialog.getByLabel('Answer from').selectOption({ label: 'Cell biology' });
    await dialog.getByLabel('Topic (optional)').fill('energy');
    await dialog.getByRole('button', { name: 'Start chat' }).click();
    await page.waitForURL(/\/chat\/[0-9a-f-]{36}$/);
    chatUrl = page.url();
    await page.getByRole('heading', { name: 'Cells' }).waitFor();
    await page.getByText('Grounded in Cell biology, about “energy”').waitFor();
    await page.getByText('Ask your first question').waitFor();
    assertClean(problems);
  });

  step('asks with the keyboard and watches the answer stream in, citing the card, with its sources', async () => {
    const composer = page.getByRole('textbox', { name: 'Your question' });
    await composer.focus();
    await page.keyboard.type('What does ATP store?');
    await page.keyboard.press('Shift+Enter'); // a new line, not a send
    await page.keyboard.type(`See [card:${cardId}]`);
    assert.equal(await composer.inputValue(), `What does ATP store?\nSee [card:${cardId}]`);

    const stream = page.waitForResponse((response) => response.url().endsWith('/messages') && response.request().method() === 'POST');
    await page.keyboard.press('Enter');
    const answered = await stream;
    assert.equal(answered.status(), 200);
    assert.match(answered.headers()['content-type'] ?? '', /^text\/event-stream/);

    const answer = page.locator('li[data-role="assistant"]').last();
    await answer.getByTestId('answer').getByText('Fake answer to: What does ATP store?').waitFor();
    assert.equal(await composer.inputValue(), '', 'the composer empties once the question is sent');
    const citation = answer.getByTestId('citation');
    assert.equal(await citation.getAttribute('href'), `/cards/${cardId}`);
    assert.equal(await answer.locator('script, img, iframe').count(), 0);

    const source = answer.getByTestId('source').filter({ hasText: FRONT });
    await source.waitFor();
    assert.equal(await source.getAttribute('href'), `/cards/${cardId}`);
    await source.getByText('Cell biology').waitFor();
    await source.getByText('cited').waitFor();
    await page.getByRole('button', { name: 'Send' }).waitFor(); // the Stop button is gone: the answer is over
    await page.getByRole('status').filter({ hasText: 'The answer is complete.' }).waitFor({ state: 'attached' });
    assert.equal(await answer.getByTestId('incomplete').count(), 0);
    await assertAccessible(page, 'chat');
    await screenshot(page, 'chat-answer');

    await source.click();
    await page.waitForURL(`**/cards/${cardId}`);
    await page.goBack();
    await page.waitForURL(chatUrl);
    await page.locator('li[data-role="assistant"]').last().getByTestId('answer').waitFor();
    assertClean(problems);
  });

  step('makes cards from the answer and links to the drafts', async () => {
    const answer = page.locator('li[data-role="assistant"]').last();
    await answer.getByRole('button', { name: 'Make cards from this answer' }).click();
    const dialog = page.getByRole('dialog', { name: 'Make cards from this answer' });
    await dialog.getByLabel('Number of cards').fill('2');
    assert.equal(await dialog.getByLabel('Deck').inputValue(), await dialog.getByLabel('Deck').locator('option', { hasText: 'Cell biology' }).getAttribute('value'),
      'the chat’s deck is chosen');
    const accepted = page.waitForResponse((response) => /\/messages\/[0-9a-f-]{36}\/cards$/.test(response.url()));
    await dialog.getByRole('button', { name: 'Make cards' }).click();
    assert.equal((await accepted).status(), 202);
    await toast('Drafting cards from the answer.');
    await page.getByTestId('drafting').getByRole('link', { name: 'Open the drafts' }).click();
    await page.waitForURL('**/cards?status=draft');
    // Reloaded from the server: the stored answer keeps its text, its citation and its sources.
    await page.goto(chatUrl);
    const stored = page.locator('li[data-role="assistant"]').last();
    await stored.getByTestId('answer').getByText('Fake answer to: What does ATP store?').waitFor();
    assert.equal(await stored.getByTestId('citation').getAttribute('href'), `/cards/${cardId}`);
    await stored.getByTestId('source').filter({ hasText: FRONT }).getByText('Cell biology').waitFor();
    assertClean(problems);
  });

  step('fits a 360 px phone, where the chat list and the conversation take turns', async () => {
    const phone = await openPage(browser, { width: 360, height: 740 });
    const small = phone.page;
    await small.goto('/login');
    await small.getByRole('textbox', { name: 'Email' }).fill(email);
    await small.getByLabel('Password').fill(password);
    await small.getByRole('button', { name: 'Sign in' }).click();
    await small.waitForURL('**/cards');
    await small.goto(chatUrl);
    await small.locator('li[data-role="assistant"]').last().getByTestId('answer').waitFor();
    assert.equal(await small.getByTestId('chat-sessions').isVisible(), false, 'the conversation has the screen to itself');
    await assertNoHorizontalScroll(small, 'chat at 360 px');
    await assertAccessible(small, 'chat at 360 px');
    await screenshot(small, 'chat-360');
    await small.getByRole('link', { name: '← All chats' }).click();
    await small.waitForURL('**/chat');
    await small.getByTestId('chat-sessions').getByRole('link', { name: /Cells/ }).waitFor();
    await assertNoHorizontalScroll(small, 'chat list at 360 px');
    await screenshot(small, 'chat-list-360');
    assertClean(phone.problems);
    await phone.context.close();
  });

  step('renames, archives, restores and deletes a chat (after confirming)', async () => {
    await page.goto('/chat');
    await page.getByLabel('Actions for Cells').click();
    await page.getByRole('button', { name: 'Rename' }).click();
    let dialog = page.getByRole('dialog', { name: 'Rename “Cells”' });
    await dialog.getByLabel('Title').fill('Cell energy');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await page.getByTestId('chat-sessions').getByText('Cell energy').waitFor();

    await page.getByLabel('Actions for Cell energy').click();
    await page.getByRole('button', { name: 'Archive', exact: true }).click();
    await toast('“Cell energy” is archived.');
    await page.getByText('No chats yet').waitFor();
    await page.getByRole('button', { name: 'Archived', exact: true }).click();
    await page.getByTestId('chat-sessions').getByRole('link', { name: /Cell energy/ }).click();
    await page.getByText('This chat is archived: it is read-only.').waitFor();
    assert.equal(await page.getByRole('textbox', { name: 'Your question' }).count(), 0);
    await page.getByRole('button', { name: 'Restore' }).click();
    await page.getByRole('textbox', { name: 'Your question' }).waitFor();

    await page.getByRole('button', { name: 'Active' }).click();
    await page.getByLabel('Actions for Cell energy').click();
    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    dialog = page.getByRole('dialog', { name: 'Delete “Cell energy”?' });
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await page.getByTestId('chat-sessions').getByText('Cell energy').waitFor();
    await page.getByLabel('Actions for Cell energy').click();
    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    await page.getByRole('dialog', { name: 'Delete “Cell energy”?' }).getByRole('button', { name: 'Delete' }).click();
    await toast('“Cell energy” is deleted.');
    await page.waitForURL('**/chat');
    await page.getByText('No chats yet').waitFor();
    await screenshot(page, 'chat-deleted');
    assertClean(problems);
  });
});
