// "Exit this page", as GOV.UK builds it: the button, or Shift pressed three
// times, leaves for the exit address and replaces the page in the history,
// so the back button does not bring it back; without JavaScript the button
// still leaves.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';

import { launch } from './checks.mjs';
import { build, repo, serve, work } from './site.mjs';

const out = join(work, 'exit-site');
const server = await serve(out);
build(join(repo, 'content'), out, server.base);
const EXIT = 'https://www.bbc.co.uk/weather';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server.close();
});

/// A tab where the exit address answers with a page of its own, so
/// leaving can be seen without going to another host.
async function tab(javaScriptEnabled = true) {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, javaScriptEnabled });
  await context.route(`${EXIT}**`, (route) => route.fulfill({ contentType: 'text/html', body: '<title>Weather</title><p>Weather</p>' }));
  await context.route('**/*', (route) => {
    const url = route.request().url();
    return url.startsWith(server.base) ? route.continue() : url.startsWith(EXIT) ? route.fallback() : route.abort();
  });
  return context.newPage();
}

/// Opens the band page, then a page about keeping safe from it.
async function onSafetyPage(page) {
  await page.goto(server.base + '0-11/');
  await page.goto(server.base + '0-11/keeping-safe/');
  return page.evaluate(() => history.length);
}

test('Shift pressed three times leaves and takes the page out of the history', async () => {
  const page = await tab();
  const length = await onSafetyPage(page);
  await page.locator('h1').click();
  for (let i = 0; i < 3; i += 1) await page.keyboard.press('Shift');
  await page.waitForURL(`${EXIT}**`);
  assert.equal(await page.evaluate(() => history.length), length, 'the exit replaced the page, it did not add one');
  await page.goBack();
  assert.equal(page.url(), server.base + '0-11/', 'back leads past the page that was left');
  await page.context().close();
});

test('two presses of Shift say how many more, and another key starts again', async () => {
  const page = await tab();
  await onSafetyPage(page);
  await page.locator('h1').click();
  await page.keyboard.press('Shift');
  await page.keyboard.press('Shift');
  assert.match(await page.locator('[data-exit-status]').textContent(), /1 more/);
  await page.keyboard.press('a');
  await page.keyboard.press('Shift');
  await page.keyboard.press('Shift');
  assert.equal(page.url(), server.base + '0-11/keeping-safe/', 'still on the page after a key between');
  await page.context().close();
});

test('the button leaves the same way, and without JavaScript it still leaves', async () => {
  for (const js of [true, false]) {
    const page = await tab(js);
    const length = await onSafetyPage(page);
    await page.locator('a[data-exit]').click();
    await page.waitForURL(`${EXIT}**`);
    const grew = (await page.evaluate(() => history.length)) - length;
    assert.equal(grew, js ? 0 : 1, js ? 'replaced' : 'a plain link adds the exit page');
    await page.context().close();
  }
});

test('the help page, the finder and the safe-use page have the button and the way to it', async () => {
  const page = await tab();
  for (const path of ['help-now/', 'local-offer/finder/', 'using-this-site-safely/', 'ar/help-now/']) {
    await page.goto(server.base + path);
    assert.equal(await page.locator('a[data-exit]').count(), 1, path);
    // The safe-use page is the way; it does not link to itself.
    const more = page.locator('.exit-more a');
    if (path === 'using-this-site-safely/') {
      assert.equal(await more.count(), 0, path);
      continue;
    }
    const safe = await more.getAttribute('href');
    assert.ok(safe.includes('using-this-site-safely/'), `${path}: ${safe}`);
  }
  await page.context().close();
});
