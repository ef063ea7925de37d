// "Am I a care leaver?" walked by keyboard at 320px, as a young person on a
// small phone would: every answer to every question is taken with Tab and
// Enter, every page it reaches is checked (axe, focus, tap targets, reflow),
// and every result is held to the law, written again here apart from
// promise's own rules. (pages.test.mjs runs the Nu HTML checker on them.)
// The walk is made twice: without the finder's script, a page an answer,
// whose addresses and titles must say nothing of the answers; and with it,
// in one page that adds nothing to the history and fetches nothing more.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { join } from 'node:path';

import { checkPage, openTab, report } from './checks.mjs';
import { builtAndServed, repo, work } from './site.mjs';

const out = join(work, 'finder');
rmSync(out, { recursive: true, force: true });
const { server, browser } = await builtAndServed(join(repo, 'content'), out, ['--no-leaflets']);

/// Where the law in England puts a young person, as councils' pages state
/// it. `a` holds the answers given; a question not asked is undefined.
function law(age, a) {
  if (age <= 15) return 'too young';
  if (age >= 26) return 'too old';
  if (age <= 17 && a['in-care']) return a['13-weeks'] ? 'eligible' : 'in care';
  const wasEligible = a['13-weeks'] && a['after-16'];
  if (wasEligible && !a['went-home']) return age <= 17 ? 'relevant' : 'former relevant';
  const qualifies = (wasEligible && a['went-home']) || (!a['13-weeks'] && a['after-16']) || (!a['after-16'] && a['other-route']);
  if (!qualifies) return 'not a care leaver';
  return age <= 21 || a.education ? 'qualifying' : 'qualifying ended';
}

const HEADINGS = {
  eligible: 'You are probably “eligible”',
  relevant: 'You are probably “relevant”',
  'former relevant': 'You are probably “former relevant”',
  qualifying: 'You are probably “qualifying”',
  'in care': 'You are in care, and not a care leaver yet',
  'qualifying ended': 'The help for qualifying care leavers has ended for you',
  'not a care leaver': 'You are probably not a care leaver',
  'too young': 'The local offer starts at 16',
  'too old': 'The local offer ends at 25',
  'not sure': 'Ask someone who knows',
};

/// Each question by its words, as the law's facts above name them.
const QUESTIONS = {
  'Are you in care now?': 'in-care',
  'Since you turned 14, were you in care for 13 weeks or more in total?': '13-weeks',
  'Were you in care at any time after you turned 16?': 'after-16',
  'After you left care, did you go back to live with your family for 6 months or more before you were 18?': 'went-home',
  'After you turned 16, did either of these happen to you?': 'other-route',
  'Are you in education or training now?': 'education',
};

/// The one title of every page of the finder, whatever was answered.
const TITLE = 'Help you can get – Our promise to you';
/// A finder page's address: its first page, or a name that says nothing.
const OPAQUE = /^local-offer\/finder\/([0-9a-f]{8}\/)?(index\.html)?$/;

/// Presses Tab until the link or button with these words has focus, then
/// Enter, and waits for the page it opens unless the page stays.
async function byKeyboard(page, words, opens = true) {
  await page.evaluate(() => document.activeElement?.blur());
  for (let stop = 0; stop < 100; stop++) {
    await page.keyboard.press('Tab');
    const here = await page.evaluate(() => {
      const el = document.activeElement;
      return el?.closest('main') ? el.textContent.trim() : null;
    });
    if (here === words) {
      if (opens) await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.keyboard.press('Enter')]);
      else await page.keyboard.press('Enter');
      return true;
    }
  }
  return false;
}

test('without its script, every path of the finder, by keyboard at 320px, ends where the law says and no address or title tells', async () => {
  const failures = [];
  const start = { path: 'local-offer/finder/', age: null, answers: {}, notSure: false };
  const seen = new Set([start.path]);
  const queue = [start];
  const ends = [];
  // Checks one page, holds a result to the law, and takes each answer of a
  // question by keyboard, queueing the pages they open with the answers
  // that led there.
  const visit = async (tab, at) => {
    const { path, age, answers } = at;
    failures.push(...(await checkPage(tab, server.base, path, { width: 320, scheme: 'light' })));
    const { page } = tab;
    assert.match(path, OPAQUE, 'the address says nothing of the answers');
    assert.equal(await page.title(), TITLE, `${path}: the title says nothing of the answers`);
    const choices = await page.$$eval('main ul.choices a', (links) =>
      links.map((a) => ({ words: a.textContent.trim(), to: new URL(a.href).pathname.slice(1), age: a.dataset.age })));
    const back = await page.$$eval('.finder-back a', (links) => links.length);
    assert.equal(back, 1, `${path} has a Back link`);
    const heading = await page.$eval('h1', (h) => h.textContent.trim());
    if (choices.length === 0) {
      const outcome = at.notSure ? 'not sure' : law(age, answers);
      assert.equal(heading, HEADINGS[outcome], `${path}: the law says ${outcome}`);
      ends.push(outcome);
      return;
    }
    if (path !== start.path) assert.ok(choices.some((c) => c.words === "I'm not sure"), `${path} offers "I'm not sure"`);
    for (const { words, to, age: chosen } of choices) {
      await page.goto(server.base + path, { waitUntil: 'load' });
      assert.ok(await byKeyboard(page, words), `${path}: Tab never reaches "${words}"`);
      const landed = new URL(page.url()).pathname.slice(1);
      assert.equal(landed, to, `${path}: "${words}" by keyboard`);
      if (seen.has(to)) continue;
      seen.add(to);
      if (chosen) queue.push({ path: to, age: Number(chosen), answers: {}, notSure: false });
      else if (words === "I'm not sure") queue.push({ path: to, age, answers, notSure: true });
      else queue.push({ path: to, age, answers: { ...answers, [QUESTIONS[heading]]: words === 'Yes' }, notSure: false });
    }
  };
  // Two tabs walk at once, each taking the next page from the queue; the
  // finder's script is refused, as a browser without JavaScript would.
  const tabs = [];
  for (let i = 0; i < 2; i++) {
    const tab = await openTab(browser, server.base, { width: 320, scheme: 'light' });
    await tab.context.route(/\/assets\/finder\.[0-9a-f]+\.js$/, (route) => route.abort());
    tabs.push(tab);
  }
  let busy = 0;
  await Promise.all(tabs.map(async (tab) => {
    while (queue.length || busy) {
      const at = queue.shift();
      if (at === undefined) {
        await new Promise((ok) => setTimeout(ok, 20));
        continue;
      }
      busy++;
      try {
        await visit(tab, at);
      } finally {
        busy--;
      }
    }
  }));
  assert.equal(failures.length, 0, '\n' + report(failures));
  // Every group, and every other end, is reached.
  for (const outcome of Object.keys(HEADINGS)) assert.ok(ends.includes(outcome), `no path ends at ${outcome}`);
  assert.ok(seen.size > 100 && seen.size < 200, `${seen.size} pages`);
  for (const tab of tabs) await tab.context.close();
});

/// Taps the choice with these words in the finder's page, with the
/// keyboard, and waits for the heading that follows to take the focus.
async function answer(page, words) {
  const before = await page.$eval('[data-finder-step] h1', (h) => h.textContent);
  assert.ok(await byKeyboard(page, words, false), `Tab never reaches "${words}"`);
  await page.waitForFunction((was) => {
    const h = document.querySelector('[data-finder-step] h1');
    return h && h.textContent !== was && document.activeElement === h;
  }, before);
}

test('with its script, every path runs in one page: the history does not grow and nothing more is fetched', async () => {
  const tab = await openTab(browser, server.base, { width: 320, scheme: 'light' });
  const { page } = tab;
  await page.goto(server.base + 'local-offer/');
  await page.goto(server.base + 'local-offer/finder/');
  await page.waitForSelector('[data-finder-ready]');
  const length = await page.evaluate(() => history.length);
  const fetched = [];
  page.on('request', (request) => fetched.push(request.url()));
  const ages = await page.$$eval('ul.choices a[data-age]', (links) => links.map((a) => [a.textContent.trim(), Number(a.dataset.age)]));
  assert.equal(ages.length, 12);
  const ends = new Set();
  // Every path, from the first question: a path is the words tapped after
  // the age, in order.
  const walk = async (age, words, answers) => {
    const heading = await page.$eval('[data-finder-step] h1', (h) => h.textContent.trim());
    const choices = await page.$$eval('[data-finder-step] ul.choices button', (b) => b.map((x) => x.textContent.trim()));
    if (!choices.length) {
      const outcome = words.at(-1) === "I'm not sure" ? 'not sure' : law(age, answers);
      assert.equal(heading, HEADINGS[outcome], `${age}, ${words.join(', ')}: the law says ${outcome}`);
      ends.add(outcome);
      assert.equal(await page.$$eval('.answers li', (li) => li.length), 1 + words.filter((w) => w !== "I'm not sure").length);
      return;
    }
    const fact = QUESTIONS[heading];
    assert.ok(fact, `a question: ${heading}`);
    for (const choice of choices) {
      await answer(page, choice);
      await walk(age, [...words, choice], choice === "I'm not sure" ? answers : { ...answers, [fact]: choice === 'Yes' });
      // Back, with the keyboard, to the question again.
      const backTo = heading;
      assert.ok(await byKeyboard(page, 'Back', false), 'Tab reaches Back');
      await page.waitForFunction((h) => document.querySelector('[data-finder-step] h1')?.textContent.trim() === h, backTo);
    }
  };
  for (const [label, age] of ages) {
    await answer(page, label);
    await walk(age, [], {});
    // Clear my answers: one tap, and the page is as it was.
    await answer(page, 'Clear my answers');
    assert.equal(await page.$$eval('.answers', (a) => a.length), 0, 'no answer is left in the page');
    assert.equal(await page.$eval('[data-finder-step] h1', (h) => h.textContent.trim()), 'Am I a care leaver?');
  }
  for (const outcome of Object.keys(HEADINGS)) assert.ok(ends.has(outcome), `no path ends at ${outcome}`);
  assert.equal(await page.evaluate(() => history.length), length, 'the history did not grow');
  assert.equal(new URL(page.url()).pathname, '/local-offer/finder/', 'the address did not change');
  assert.deepEqual(fetched, [], 'nothing was fetched after the first page');
  // Change an answer: back to its question, the later answers gone.
  await answer(page, '17');
  await answer(page, 'No');
  await answer(page, 'Yes');
  const change = page.locator('.answers button[data-change]').nth(1);
  assert.equal(await change.getAttribute('aria-label'), 'Change: You are not in care now');
  await change.click();
  assert.equal(await page.$eval('[data-finder-step] h1', (h) => h.textContent.trim()), 'Are you in care now?');
  assert.equal(await page.$$eval('.answers li', (li) => li.length), 1);
  // Back from the first page, the browser leads to where the reader was.
  await page.goBack();
  assert.equal(new URL(page.url()).pathname, '/local-offer/');
  await tab.context.close();
});
