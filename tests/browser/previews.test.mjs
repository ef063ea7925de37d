// Passing a page on: every page's link preview (Open Graph and Twitter
// card tags, and the card picture they name) and the "Share" button, with
// the browser's share sheet, without it, and without JavaScript.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

import { launch } from './checks.mjs';
import { build, pages, repo, serve, work } from './site.mjs';

const out = join(work, 'previews-site');
const server = await serve(out);
build(join(repo, 'content'), out, server.base);
const paths = pages(out, server.base).filter((p) => p !== '404.html');
const languages = [...readFileSync(join(repo, 'content', 'site.toml'), 'utf8').matchAll(/^code\s*=\s*"([^"]+)"/gm)].map((m) => m[1].toLowerCase());

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server.close();
});

const meta = (html, key) => {
  const found = [...html.matchAll(/<meta (?:property|name)="([^"]+)" content="([^"]*)">/g)].filter((m) => m[1] === key);
  return found.map((m) => m[2]);
};

/// A PNG's width and height, from its IHDR chunk.
const pngSize = (bytes) => [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];

test('every page has a link preview whose card is a 1200×630 PNG under 300 KB', () => {
  assert.ok(paths.includes('events/') && paths.includes('events/sleepover/'), 'What\'s on and an event page are in the site');
  const failures = [];
  for (const path of paths) {
    const file = join(out, path.endsWith('.html') ? path : `${path}index.html`);
    const html = readFileSync(file, 'utf8');
    const one = (key) => {
      const values = meta(html, key);
      if (values.length !== 1 || !values[0]) failures.push(`${path}: ${values.length} ${key}`);
      return values[0] ?? '';
    };
    for (const key of ['og:title', 'og:description', 'og:site_name', 'og:locale', 'og:image:alt', 'twitter:title', 'twitter:description', 'twitter:image:alt']) one(key);
    if (one('og:url') !== server.base + path) failures.push(`${path}: og:url is ${one('og:url')}`);
    if (one('twitter:card') !== 'summary_large_image') failures.push(`${path}: twitter:card`);
    if (one('og:image:width') !== '1200' || one('og:image:height') !== '630') failures.push(`${path}: og:image size`);
    const image = one('og:image');
    if (one('twitter:image') !== image) failures.push(`${path}: twitter:image is not og:image`);
    if (!image.startsWith(server.base)) {
      failures.push(`${path}: og:image ${image} is not on the site`);
      continue;
    }
    const card = join(out, image.slice(server.base.length));
    if (!existsSync(card)) {
      failures.push(`${path}: ${image} does not exist`);
      continue;
    }
    const bytes = readFileSync(card);
    const [width, height] = pngSize(bytes);
    if (width !== 1200 || height !== 630) failures.push(`${path}: ${image} is ${width}×${height}`);
    if (statSync(card).size >= 300 * 1024) failures.push(`${path}: ${image} is ${statSync(card).size} bytes`);
    // A page in another language shows its own language's card.
    const language = languages.find((code) => path.startsWith(`${code}/`));
    if (language && !image.startsWith(`${server.base}${language}/cards/`)) failures.push(`${path}: ${image} is not the ${language} card`);
  }
  assert.deepEqual(failures, []);
});

test('each band, area and event has its own card, and every other page the site\'s', () => {
  const image = (path) => meta(readFileSync(join(out, path, 'index.html'), 'utf8'), 'og:image')[0].slice(server.base.length);
  assert.equal(image('12-15/'), 'cards/band-12-15.png');
  assert.equal(image('12-15/a-safe-home/'), 'cards/band-12-15.png');
  assert.equal(image('local-offer/staying-put/'), 'cards/area-accommodation.png');
  assert.equal(image('events/sleepover/'), 'cards/event-sleepover.png');
  assert.equal(image('ar/events/sleepover/'), 'ar/cards/event-sleepover.png');
  assert.equal(image('about/'), 'cards/site.png');
});

async function eventPage(options, setUp) {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, ...options });
  await context.route('**/*', (route) => (route.request().url().startsWith(server.base) ? route.continue() : route.abort()));
  if (setUp) await context.addInitScript(setUp);
  const page = await context.newPage();
  await page.goto(server.base + 'events/sleepover/');
  return page;
}

test('Share opens the share sheet with the page\'s own title and address', async () => {
  const page = await eventPage({}, () => {
    Navigator.prototype.share = async (data) => {
      window.shared = data;
    };
  });
  const button = page.getByRole('button', { name: 'Share' });
  await button.click();
  assert.deepEqual(await page.evaluate(() => window.shared), {
    title: 'Sleepover at Brackenwood',
    url: server.base + 'events/sleepover/',
  });
  await page.context().close();
});

test('without a share sheet, Share copies the link and says so', async () => {
  const page = await eventPage({ permissions: ['clipboard-read', 'clipboard-write'] }, () => {
    delete Navigator.prototype.share;
  });
  await page.getByRole('button', { name: 'Share' }).click();
  await page.getByRole('status').filter({ hasText: 'Link copied' }).waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), server.base + 'events/sleepover/');
  await page.context().close();
});

test('without JavaScript there is no Share button to press', async () => {
  const page = await eventPage({ javaScriptEnabled: false });
  assert.equal(await page.getByRole('button', { name: 'Share' }).count(), 0);
  await page.context().close();
});
