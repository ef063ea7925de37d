// "Am I a care leaver?" walked by keyboard at 320px, as a young person on a
// small phone would: every answer to every question is taken with Tab and
// Enter, every page it reaches is checked (axe, focus, tap targets, reflow),
// and every result is held to the law, written again here apart from
// promise's own rules. (pages.test.mjs runs the Nu HTML checker on them.)

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

/// What a finder page's address says: the age and the answers so far.
function answersIn(path) {
  const [age, ...rest] = path.replace(/^local-offer\/finder\//, '').split('/').filter(Boolean);
  const answers = {};
  for (const part of rest) {
    const m = part.match(/^(.*)-(yes|no)$/);
    if (m) answers[m[1]] = m[2] === 'yes';
  }
  const years = age === 'under-16' ? 15 : age === 'over-25' ? 26 : Number(age);
  return { age: years, answers, notSure: rest.includes('not-sure') };
}

/// Presses Tab until the link with these words has focus, then Enter, and
/// waits for the page it opens.
async function byKeyboard(page, words) {
  await page.evaluate(() => document.activeElement?.blur());
  for (let stop = 0; stop < 100; stop++) {
    await page.keyboard.press('Tab');
    const here = await page.evaluate(() => {
      const el = document.activeElement;
      return el?.closest('ul.choices') ? el.textContent.trim() : null;
    });
    if (here === words) {
      await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.keyboard.press('Enter')]);
      return true;
    }
  }
  return false;
}

test('every path of the finder, by keyboard at 320px, ends where the law says', async () => {
  const failures = [];
  const start = 'local-offer/finder/';
  const seen = new Set([start]);
  const queue = [start];
  const ends = [];
  // Checks one page, holds a result to the law, and takes each answer of a
  // question by keyboard, queueing the pages they open.
  const visit = async (tab, path) => {
    failures.push(...(await checkPage(tab, server.base, path, { width: 320, scheme: 'light' })));
    const { page } = tab;
    const choices = await page.$$eval('main ul.choices a', (links) =>
      links.map((a) => ({ words: a.textContent.trim(), to: new URL(a.href).pathname.slice(1) })));
    const back = await page.$$eval('.finder-back a', (links) => links.length);
    assert.equal(back, 1, `${path} has a Back link`);
    if (choices.length === 0) {
      const { age, answers, notSure } = answersIn(path);
      const heading = await page.$eval('h1', (h) => h.textContent.trim());
      const outcome = notSure ? 'not sure' : law(age, answers);
      assert.equal(heading, HEADINGS[outcome], `${path}: the law says ${outcome}`);
      ends.push(outcome);
      return;
    }
    if (path !== start) assert.ok(choices.some((c) => c.words === "I'm not sure"), `${path} offers "I'm not sure"`);
    for (const { words, to } of choices) {
      await page.goto(server.base + path, { waitUntil: 'load' });
      assert.ok(await byKeyboard(page, words), `${path}: Tab never reaches "${words}"`);
      const landed = new URL(page.url()).pathname.slice(1);
      assert.equal(landed, to, `${path}: "${words}" by keyboard`);
      if (!seen.has(to)) {
        seen.add(to);
        queue.push(to);
      }
    }
  };
  // Two tabs walk at once, each taking the next page from the queue.
  const tabs = [];
  for (let i = 0; i < 2; i++) tabs.push(await openTab(browser, server.base, { width: 320, scheme: 'light' }));
  let busy = 0;
  await Promise.all(tabs.map(async (tab) => {
    while (queue.length || busy) {
      const path = queue.shift();
      if (path === undefined) {
        await new Promise((ok) => setTimeout(ok, 20));
        continue;
      }
      busy++;
      try {
        await visit(tab, path);
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
