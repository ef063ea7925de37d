// "Listen to this page", with the browser's voice replaced by a recording
// stand-in: what it reads (the main content, in order, in each part's
// language), pause and stop, and that nothing shows without a voice or
// without JavaScript.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';

import { launch } from './checks.mjs';
import { build, repo, serve, work } from './site.mjs';

const out = join(work, 'listen-site');
const server = await serve(out);
build(join(repo, 'content'), out, server.base);

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server.close();
});

// A stand-in for the browser's speech: it records each sentence and its
// language, and finishes it at once unless told to hold it.
function standIn({ voices, hold }) {
  window.spoken = [];
  window.cancelled = 0;
  const synth = {
    paused: false,
    getVoices: () => voices,
    speak(said) {
      window.spoken.push({ text: said.text, lang: said.lang });
      if (!hold) setTimeout(() => said.onend?.(), 0);
    },
    cancel() {
      window.cancelled += 1;
    },
    pause() {
      this.paused = true;
    },
    resume() {
      this.paused = false;
    },
    addEventListener() {},
  };
  Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
  window.SpeechSynthesisUtterance = class {
    constructor(text) {
      this.text = text;
    }
  };
}

const VOICES = [{ lang: 'en-GB', name: 'English' }, { lang: 'ar-SA', name: 'Arabic' }];

async function open(path, { voices = VOICES, hold = false, javaScriptEnabled = true } = {}) {
  const context = await browser.newContext({ viewport: { width: 320, height: 740 }, javaScriptEnabled });
  await context.route('**/*', (route) => (route.request().url().startsWith(server.base) ? route.continue() : route.abort()));
  await context.addInitScript(standIn, { voices, hold });
  const page = await context.newPage();
  await page.goto(server.base + path);
  return page;
}

const listen = (page, name = 'Listen to this page') => page.getByRole('button', { name, exact: true });

test('Listen reads the main content in order, sentence by sentence, and nothing else', async () => {
  const page = await open('local-offer/staying-put/');
  await listen(page).click();
  await page.waitForFunction(() => document.querySelector('[data-listen-play]') && !document.querySelector('[data-listen-play]').hidden);
  const spoken = await page.evaluate(() => window.spoken);
  const main = await page.evaluate(() => document.getElementById('main').innerText.replace(/\s+/g, ' '));
  assert.equal(spoken[0].text, 'Staying Put');
  assert.ok(spoken.length > 5, `only ${spoken.length} sentences`);
  let from = 0;
  for (const { text, lang } of spoken) {
    assert.equal(lang, 'en-GB', text);
    const at = main.indexOf(text.replace(/\s+/g, ' '), from);
    assert.ok(at >= from, `"${text}" is not next in the page`);
    from = at;
    // One sentence at a time: no full stop inside it but at its end.
    assert.ok(!/[.!?]\s+\p{Lu}/u.test(text.slice(0, -1)), `"${text}" is more than a sentence`);
  }
  for (const words of ['Listen to this page', 'Need help now?', 'Share']) {
    assert.ok(!spoken.some((s) => s.text.includes(words)), `it read "${words}"`);
  }
  await page.context().close();
});

test('a page in Arabic is read in Arabic, and what is not translated in English', async () => {
  const page = await open('ar/local-offer/advocacy/');
  await listen(page, 'استمعوا إلى هذه الصفحة').click();
  await page.waitForFunction(() => window.spoken.length > 3);
  const spoken = await page.evaluate(() => window.spoken);
  assert.equal(spoken[0].lang, 'ar');
  assert.match(spoken[0].text, /\p{Script=Arabic}/u);
  for (const { text, lang } of spoken) {
    if (/\p{Script=Arabic}/u.test(text)) assert.equal(lang, 'ar', text);
  }
  await page.context().close();
});

test('Pause, Carry on and Stop do what they say, and the sentence being read is marked', async () => {
  const page = await open('local-offer/staying-put/', { hold: true });
  await listen(page).click();
  const pause = page.locator('[data-listen-pause]');
  assert.equal(await pause.textContent(), 'Pause');
  assert.equal(await page.locator('.listen-now').count(), 1);
  assert.equal(await page.locator('.listen-now').textContent(), 'Staying Put');
  // The sentence itself is marked like a highlighter pen.
  assert.equal(await page.evaluate(() => CSS.highlights.get('listen')?.values().next().value?.toString()), 'Staying Put');
  await pause.click();
  assert.equal(await page.evaluate(() => speechSynthesis.paused), true);
  assert.equal(await pause.textContent(), 'Carry on');
  assert.equal(await pause.getAttribute('aria-pressed'), 'true');
  await pause.click();
  assert.equal(await page.evaluate(() => speechSynthesis.paused), false);
  await page.getByRole('button', { name: 'Stop', exact: true }).click();
  assert.ok((await page.evaluate(() => window.cancelled)) >= 2);
  assert.equal(await page.locator('.listen-now').count(), 0);
  assert.equal(await pause.isHidden(), true);
  assert.equal(await listen(page).isVisible(), true);
  await page.context().close();
});

test('moving into the page stops the reading, so it never talks over a screen reader', async () => {
  const page = await open('local-offer/staying-put/', { hold: true });
  await listen(page).click();
  await page.locator('#main a').first().focus();
  assert.equal(await page.locator('.listen-now').count(), 0);
  assert.equal(await listen(page).isVisible(), true);
  await page.context().close();
});

test('with no voice for the page\'s language, or no JavaScript, there is no Listen button', async () => {
  const noArabic = await open('ar/local-offer/advocacy/', { voices: [{ lang: 'en-GB', name: 'English' }] });
  assert.equal(await listen(noArabic, 'استمعوا إلى هذه الصفحة').count(), 0);
  await noArabic.context().close();
  const without = await open('local-offer/staying-put/', { javaScriptEnabled: false });
  assert.equal(await listen(without).count(), 0);
  await without.context().close();
});
