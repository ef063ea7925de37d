// Reading with no signal: a reader saves the site from its home page, loses
// the signal, reads a band page, and removes it all again, with the pages'
// own policy in force. A new build replaces what was saved.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, cpSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

import { build, builtAndServed, repo, work } from './site.mjs';

const out = join(work, 'offline-site');
const content = join(work, 'offline-content');
rmSync(content, { recursive: true, force: true });
mkdirSync(content, { recursive: true });
cpSync(join(repo, 'content'), content, { recursive: true });
const { server, browser } = await builtAndServed(content, out);

const heading = (file) => /<h1[^>]*>(.*?)<\/h1>/s.exec(readFileSync(join(out, file), 'utf8'))[1].replace(/<[^>]+>/g, '').trim();
const copies = (page) => page.evaluate(async () => (await caches.keys()).filter((k) => k.startsWith('promise:')));

test('without JavaScript the offer to save is not there and the page reads as before', async () => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(server.base);
  assert.equal(await page.locator('[data-offline]').isVisible(), false);
  assert.equal(await page.locator('h1').textContent(), heading('index.html'));
  await context.close();
});

test('a reader saves the site, reads a band page with no signal, then removes every saved page', async () => {
  // The pages' own policy, as a host sends it, is in force here.
  const context = await browser.newContext();
  const page = await context.newPage();
  const refused = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) refused.push(message.text());
  });
  await page.goto(server.base);
  await page.getByRole('button', { name: 'Save to read offline' }).click();
  await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor({ timeout: 60_000 });
  const saved = await copies(page);
  assert.equal(saved.length, 1, `one copy: ${saved}`);
  assert.ok(saved[0].startsWith(`promise:${server.base}:`) && saved[0].endsWith(':'), saved[0]);
  assert.ok(await page.getByRole('button', { name: 'Remove saved pages' }).isVisible());

  server.signal(false);
  try {
    for (const path of ['0-11/', '16-25/index.html', 'local-offer/staying-put/index.html']) {
      await page.goto(server.base + path);
      assert.equal(await page.locator('h1').textContent(), heading(path.endsWith('/') ? `${path}index.html` : path), path);
      // The stylesheet came from the copy too.
      assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('.skip-link')).position), 'absolute', path);
    }
    // A phone may be shared: one tap takes it all away, signal or not.
    await page.goto(server.base + '0-11/');
    await page.getByRole('button', { name: 'Remove saved pages' }).click();
    await page.getByRole('status').filter({ hasText: 'Removed.' }).waitFor();
    assert.deepEqual(await copies(page), []);
    assert.equal(await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length), 0);
    assert.equal(await page.getByRole('button', { name: 'Remove saved pages' }).isVisible(), false);
    await assert.rejects(page.goto(server.base + '12-15/'), 'nothing is left to read with no signal');
  } finally {
    server.signal(true);
  }
  assert.deepEqual(refused, []);
  await context.close();
});

test('a new build replaces the saved copy', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(server.base + '12-15/');
  await page.getByRole('button', { name: 'Save to read offline' }).click();
  await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor({ timeout: 60_000 });
  const [before] = await copies(page);

  const site = join(content, 'site.toml');
  writeFileSync(site, readFileSync(site, 'utf8').replace('title = "Our promise to you"', 'title = "Our promise to you, renewed"'));
  build(content, out, server.base);
  // The browser looks for a new worker when a page is opened.
  await page.goto(server.base + '12-15/');
  let after = [before];
  for (let i = 0; i < 100 && after.includes(before); i++) {
    await page.waitForTimeout(100);
    after = await copies(page);
  }
  assert.equal(after.length, 1, `${after}`);
  assert.notEqual(after[0], before);
  server.signal(false);
  try {
    await page.goto(server.base + '12-15/a-safe-home/index.html');
    assert.match(await page.locator('.brand').textContent(), /renewed/);
  } finally {
    server.signal(true);
  }
  await context.close();
});
