// Printing a page from the browser: no navigation, and the address of every
// link to another website written out.

import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';

import { launch } from './checks.mjs';
import { build, repo, serve, work } from './site.mjs';

const out = join(work, 'print-site');
const server = await serve(out);
build(join(repo, 'content'), out, server.base);
const browser = await launch();
after(async () => {
  await browser.close();
  await server.close();
});

test('a page prints without navigation and with link addresses', async () => {
  const page = await browser.newPage();
  await page.emulateMedia({ media: 'print' });
  await page.goto(server.base + 'how-to-complain/');
  const shown = await page.evaluate(() =>
    Object.fromEntries(
      ['.site-header', '.crumbs', '.site-footer', '.skip-link', 'main h1'].map((s) => [s, getComputedStyle(document.querySelector(s)).display !== 'none']),
    ),
  );
  assert.deepEqual(shown, { '.site-header': false, '.crumbs': false, '.site-footer': false, '.skip-link': false, 'main h1': true });
  const after = await page.evaluate(() => getComputedStyle(document.querySelector('main a[href^="https:"]'), '::after').content);
  assert.equal(after, '" (https://www.lgo.org.uk/)"');
});
