// Takes the screenshots in docs/screenshots/: each band's page and one of
// its promise pages as a 7-, a 14- and a 19-year-old sees them on a phone,
// at 320 and 360 px, light and dark, and the Arabic pages (translated and
// not yet translated). Run by hand after changing the look:
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
  ['ar-12-15', 'ar/12-15/'],
  ['ar-16-25-money', 'ar/16-25/money/'],
];
const SHOTS = [
  [360, 'light'],
  [320, 'light'],
  [360, 'dark'],
];

const out = join(work, 'screenshot-site');
const docs = join(repo, 'docs', 'screenshots');
mkdirSync(docs, { recursive: true });
const server = await serve(out);
build(join(repo, 'content'), out, server.base);
const browser = await launch();
try {
  for (const [width, scheme] of SHOTS) {
    const context = await browser.newContext({ viewport: { width, height: 800 }, colorScheme: scheme });
    const page = await context.newPage();
    for (const [name, path] of PAGES) {
      if (scheme === 'dark' && (name.split('-').length > 2 || name.startsWith('ar'))) continue;
      const file = join(docs, `${name}-${width}${scheme === 'dark' ? '-dark' : ''}.png`);
      await page.goto(server.base + path, { waitUntil: 'load' });
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
