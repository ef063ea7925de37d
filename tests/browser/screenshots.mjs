// Takes the screenshots in docs/screenshots/: each band's page and one of
// its promise pages as a 7-, a 14- and a 19-year-old sees them on a phone,
// at 320 and 360 px, light and dark, and the Arabic pages (translated and
// not yet translated); the local offer, a result of "Am I a care leaver?"
// and "Using this site safely"; and at 360 px with Windows' forced colours
// the bands, the local offer, the finder's result and the safe-use page.
// Run by hand after changing the look:
//   cd tests/browser && node screenshots.mjs
// (pngquant, when installed, makes the files smaller.)

import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

import { launch } from './checks.mjs';
import { build, repo, serve, work } from './site.mjs';

const PAGES = [
  ['home', ''],
  ['0-11', '0-11/'],
  ['0-11-keeping-safe', '0-11/keeping-safe/'],
  ['12-15', '12-15/'],
  ['12-15-a-safe-home', '12-15/a-safe-home/'],
  ['16-25', '16-25/'],
  ['16-25-always-someone-there', '16-25/always-someone-there/'],
  ['help-now', 'help-now/'],
  ['local-offer', 'local-offer/'],
  // 17, left care after two years in it, not gone home: "relevant".
  ['finder-result', 'local-offer/finder/', ['17', 'No', 'Yes', 'Yes', 'No']],
  ['using-this-site-safely', 'using-this-site-safely/'],
  ['ar-12-15', 'ar/12-15/'],
  ['ar-16-25-money', 'ar/16-25/money/'],
];
// Width, colour scheme, and whether Windows' forced colours are on.
const SHOTS = [
  [360, 'light', false],
  [320, 'light', false],
  [360, 'dark', false],
  [360, 'light', true],
];
const FORCED = new Set(['0-11', '12-15', '16-25', 'local-offer', 'finder-result', 'using-this-site-safely']);

const out = join(work, 'screenshot-site');
const docs = join(repo, 'docs', 'screenshots');
mkdirSync(docs, { recursive: true });
const server = await serve(out);
build(join(repo, 'content'), out, server.base);
const browser = await launch();
try {
  for (const [width, scheme, forced] of SHOTS) {
    const context = await browser.newContext({
      viewport: { width, height: 800 },
      colorScheme: scheme,
      forcedColors: forced ? 'active' : 'none',
    });
    const page = await context.newPage();
    for (const [name, path, taps = []] of PAGES) {
      if (forced ? !FORCED.has(name) : scheme === 'dark' && (name.split('-').length > 2 || name.startsWith('ar') || taps.length)) continue;
      const suffix = forced ? '-forced' : scheme === 'dark' ? '-dark' : '';
      const file = join(docs, `${name}-${width}${suffix}.png`);
      await page.goto(server.base + path, { waitUntil: 'load' });
      if (taps.length) await page.waitForSelector('[data-finder-ready]');
      for (const words of taps) await page.locator('[data-finder-step] ul.choices').getByText(words, { exact: true }).click();
      await page.screenshot({ path: file, fullPage: true });
      try {
        execFileSync('pngquant', ['--force', '--skip-if-larger', '--ext', '.png', '--quality', '70-95', file]);
      } catch {
        // No pngquant here, or nothing to gain: the file stays as taken.
      }
    }
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}
