// The Arabic pages of the example are laid out from the right at a small
// phone's width and a desktop's: the text starts at the right, the teen
// list's arrows point left. (pages.test.mjs runs every other check on them.)

import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { join } from 'node:path';

import { launch, openTab } from './checks.mjs';
import { build, repo, serve, work } from './site.mjs';

const out = join(work, 'rtl');
rmSync(out, { recursive: true, force: true });
const server = await serve(out);
build(join(repo, 'content'), out, server.base);
const browser = await launch();
after(async () => {
  await browser.close();
  await server.close();
});

for (const path of ['ar/', 'ar/0-11/', 'ar/12-15/', 'ar/12-15/a-safe-home/', 'ar/16-25/', 'ar/help-now/']) {
  test(`${path || '/'} reads from the right`, async () => {
    for (const width of [320, 1280]) {
      const tab = await openTab(browser, server.base, { width, scheme: 'light' });
      await tab.page.goto(server.base + path, { waitUntil: 'load' });
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
      if (path === 'ar/12-15/') {
        // The picture is at the start (the right), so the title sits left of it,
        // and the arrow points left.
        assert.ok(layout.titleRight > 40, JSON.stringify(layout));
        assert.match(layout.arrowTurned, /matrix\(0\.7\d*, -0\.7\d*/, `the arrow turns to point left: ${layout.arrowTurned}`);
      }
      await tab.context.close();
    }
  });
}
