// The first screen of a phone, 360 x 740, as a young reader opens the site:
// a header of two rows whose menu opens without JavaScript, and on the
// youngest band's page someone to talk to and the first picture before any
// scrolling.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';

import { HEADER } from './design.mjs';
import { builtAndServed, repo, work } from './site.mjs';

const { server, browser } = await builtAndServed(join(repo, 'content'), join(work, 'phone'), ['--no-leaflets']);
const SCREEN = { width: 360, height: 740 };

async function tab(javaScriptEnabled) {
  const context = await browser.newContext({ viewport: SCREEN, javaScriptEnabled, reducedMotion: 'reduce' });
  return context.newPage();
}

test('on the young band page, "Who can I talk to?" and the first picture are in the first screen', async () => {
  const page = await tab(true);
  for (const path of ['0-11/', 'ar/0-11/']) {
    await page.goto(server.base + path);
    const where = await page.evaluate(() => {
      const box = (el) => el && el.getBoundingClientRect();
      return {
        header: box(document.querySelector('.site-header')).height,
        talk: box(document.querySelector('#talk-first'))?.top,
        picture: box(document.querySelector('.themes .art')),
      };
    });
    assert.ok(where.header <= HEADER, `${path}: the header is ${where.header} px`);
    assert.ok(where.talk !== undefined && where.talk < SCREEN.height, `${path}: "Who can I talk to?" starts at ${where.talk}`);
    assert.ok(where.picture.top < SCREEN.height - 48, `${path}: the first picture starts at ${where.picture.top}`);
    if (path === '0-11/') assert.ok(where.picture.bottom <= SCREEN.height, `${path}: the first picture ends at ${where.picture.bottom}`);
  }
  await page.context().close();
});

test('the menu opens without JavaScript and leads to every band, the local offer, the messages and What\'s on', async () => {
  const page = await tab(false);
  await page.goto(server.base + '16-25/');
  const links = page.locator('.menu .site-nav a');
  assert.equal(await links.first().isVisible(), false, 'the menu starts closed');
  await page.locator('.menu summary').press('Enter');
  const names = await links.allTextContents();
  assert.deepEqual(names, ['Home', 'Age 11 and under', 'Age 12 to 15', 'Age 16 to 25', 'Your local offer', 'You said, we did', "What's on"]);
  assert.ok(await links.first().isVisible(), 'open, its links can be seen');
  assert.equal(await page.locator('.menu [aria-current]').textContent(), 'Age 16 to 25');
  await page.locator('.menu .site-nav a', { hasText: 'Your local offer' }).click();
  assert.equal(new URL(page.url()).pathname, '/local-offer/index.html');
  await page.context().close();
});

test('the young band page has one box for its contact, and no ages or labels of the law', async () => {
  const page = await tab(true);
  await page.goto(server.base + '0-11/');
  await page.locator('[data-offline]').waitFor();
  assert.equal(await page.locator('#offline-title').textContent(), 'Read it with no internet');
  assert.equal(await page.locator('main a[href^="tel:"]').count(), 1, 'one number to call');
  const text = await page.locator('main').innerText();
  for (const adult of ['Ages 0 to 25', 'The law says you get this', 'Save these pages']) {
    assert.ok(!text.includes(adult), `the young page says "${adult}"`);
  }
  await page.locator('.talk-more summary').click();
  assert.ok(await page.locator('.talk-more a[href^="mailto:"]').isVisible(), 'more about them has the email');
  await page.context().close();
});

test('the local offer and 16-25 say in their first screen what is there, and explain the law where its words appear', async () => {
  const page = await tab(false);
  await page.goto(server.base + 'local-offer/');
  const top = (selector) => page.locator(selector).first().evaluate((el) => el.getBoundingClientRect().top);
  assert.ok((await top('main a.button[href*="finder/"]')) < SCREEN.height * 0.66, 'the finder is a button near the top');
  assert.ok((await top('nav.jump a')) < SCREEN.height, 'the kinds of help start in the first screen');
  const law = page.locator('a.tag-law').first();
  await law.click();
  assert.equal(new URL(page.url()).hash, '#law-words');
  assert.ok(await page.locator('#law-words').isVisible() && (await top('#law-words')) < SCREEN.height / 2, 'the law\'s words are shown');

  await page.goto(server.base + '16-25/');
  assert.ok((await top('main a.button[href*="finder/"]')) < SCREEN.height, 'the finder is in the first screen of 16-25');
  const areas = page.locator('details.area');
  assert.ok((await areas.count()) >= 4, 'the local offer is folded by area');
  assert.equal(await page.locator('details.area[open]').count(), 0);
  const screens = await page.evaluate(() => document.documentElement.scrollHeight / innerHeight);
  assert.ok(screens < 5, `16-25 is ${screens.toFixed(1)} screens long`);
  await areas.first().locator('summary').click();
  assert.ok(await areas.first().locator('.card').first().isVisible(), 'an area opens to its cards');
  await page.context().close();
});
