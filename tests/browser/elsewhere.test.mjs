// The 404 page can be shown at any address, on any host: a preview host, a
// staging copy, the real site. Built for the real address and served from
// this machine, a missing page deep in the site still gets its stylesheet
// and a way back, and asks nothing of the real host.

import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';

import { checkPage, launch, openTab, report } from './checks.mjs';
import { build, repo, serve, work } from './site.mjs';

const out = join(work, 'elsewhere');
build(join(repo, 'content'), out, 'https://promise.example.gov.uk/');
const server = await serve(out);
const browser = await launch();
after(async () => {
  await browser.close();
  await server.close();
});

test('the 404 page works on a host it was not built for', async () => {
  const tab = await openTab(browser, server.base, { width: 360, scheme: 'light' });
  const path = 'no/such/page/here/';
  const failures = await checkPage(tab, server.base, path, { width: 360, scheme: 'light' });
  assert.equal(failures.length, 0, '\n' + report(failures));
  const styled = await tab.page.evaluate(() => getComputedStyle(document.querySelector('.skip-link')).position);
  assert.equal(styled, 'absolute', 'the stylesheet loaded');
  const home = await tab.page.evaluate(() => document.querySelector('a.brand').href);
  assert.equal(home, `${server.base}index.html`);
});
