// A site in a right-to-left language: the example with `language = "ar"`
// is laid out from the right, and passes every check a left-to-right page
// does, at a small phone's width and a desktop's.

import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { checkPage, launch, openTab, report } from './checks.mjs';
import { build, repo, serve, work } from './site.mjs';

const dir = join(work, 'rtl');
const content = join(dir, 'content');
const out = join(dir, 'site');
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
cpSync(join(repo, 'content'), content, { recursive: true });
const site = readFileSync(join(content, 'site.toml'), 'utf8');
const arabic = site.replace('language = "en-GB"', 'language = "ar"');
assert.notEqual(arabic, site, 'the example names its language');
writeFileSync(join(content, 'site.toml'), arabic);

const server = await serve(out);
build(content, out, server.base);
const browser = await launch();
after(async () => {
  await browser.close();
  await server.close();
});

for (const path of ['', '0-11/', '12-15/', '12-15/a-safe-home/', '16-25/', 'help-now/']) {
  test(`${path || '/'} reads from the right`, async () => {
    const failures = [];
    for (const width of [320, 1280]) {
      const tab = await openTab(browser, server.base, { width, scheme: 'light' });
      failures.push(...(await checkPage(tab, server.base, path, { width, scheme: 'light' })));
      const layout = await tab.page.evaluate(() => {
        // The opening paragraph sits at the right of the page, and its last
        // line against its right edge.
        const heading = document.querySelector('main .lead');
        const box = heading.getBoundingClientRect();
        const range = document.createRange();
        range.selectNodeContents(heading);
        const lines = range.getClientRects();
        const last = lines[lines.length - 1];
        const main = document.querySelector('main').getBoundingClientRect();
        const arrow = document.querySelector('.look-teen .theme .card-link');
        const title = arrow?.querySelector('.card-title').getBoundingClientRect();
        const after = arrow && getComputedStyle(arrow, '::after');
        return {
          dir: document.documentElement.dir,
          boxRight: main.right - box.right,
          gapRight: box.right - last.right,
          gapLeft: last.left - box.left,
          arrowTurned: after ? after.transform : null,
          titleRight: title ? main.right - title.right : null,
        };
      });
      assert.equal(layout.dir, 'rtl');
      assert.ok(layout.boxRight < 30 && layout.gapRight < 2 && layout.gapLeft > 2, `the text starts at the right: ${JSON.stringify(layout)}`);
      if (path === '12-15/') {
        // The picture is at the start (the right), so the title sits left of it,
        // and the arrow points left.
        assert.ok(layout.titleRight > 40, JSON.stringify(layout));
        assert.match(layout.arrowTurned, /matrix\(0\.7\d*, -0\.7\d*/, `the arrow turns to point left: ${layout.arrowTurned}`);
      }
      await tab.context.close();
    }
    assert.equal(failures.length, 0, '\n' + report(failures));
  });
}
