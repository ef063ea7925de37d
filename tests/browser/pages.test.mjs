// Every page of the example site, in Chromium, at phone and desktop widths,
// in light and dark.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

import { checkPage, launch, openTab, report, sizeFailures } from './checks.mjs';
import { build, htmlFiles, pages, repo, serve, work } from './site.mjs';
import { validate } from './vnu.mjs';

// The narrowest phone WCAG reflows to, and a desktop.
const WIDTHS = [320, 1280];
const SCHEMES = ['light', 'dark'];
const out = join(work, 'site');
const shots = join(work, 'screenshots');

const server = await serve(out);
build(join(repo, 'content'), out, server.base);
const paths = pages(out, server.base);
rmSync(shots, { recursive: true, force: true });
mkdirSync(shots, { recursive: true });

let browser;
const tabs = new Map();
before(async () => {
  browser = await launch();
  for (const width of WIDTHS) {
    for (const scheme of SCHEMES) tabs.set(`${width}-${scheme}`, await openTab(browser, server.base, { width, scheme }));
  }
});
after(async () => {
  await browser?.close();
  await server.close();
});

// The stylesheet, under the name that changes with its contents.
function stylesheet() {
  const css = readdirSync(join(out, 'assets')).filter((f) => /^site\.[0-9a-f]{10}\.css$/.test(f));
  assert.equal(css.length, 1, `one stylesheet: ${css}`);
  return join(out, 'assets', css[0]);
}

test('the Nu HTML checker finds no errors on any page', () => {
  const files = [...htmlFiles(out), stylesheet()];
  assert.ok(files.length > 40, `only ${files.length} files to check`);
  const failures = validate(out, files);
  assert.equal(failures.length, 0, report(failures));
});

test('every page is within 14 KB of HTML and CSS, gzipped', () => {
  const css = [readFileSync(stylesheet())];
  // The finder's steps file is fetched by its first page once that shows,
  // so it is not in the first round trip.
  const painted = htmlFiles(out).filter((f) => !f.endsWith('finder/steps.html'));
  const failures = painted.flatMap((f) => sizeFailures(f.slice(out.length + 1), readFileSync(f), css));
  assert.equal(failures.length, 0, report(failures));
});

// Every page is checked at the narrowest phone in light and the desktop in
// dark: every width and every colour scheme, if not every pairing of them.
// One page of each template and look is checked in all four. A page in
// another language has the same templates and stylesheet as its original:
// it is checked at the narrowest phone (and rtl.test.mjs lays out the
// right-to-left ones). This keeps CI under its time.
const languages = [...readFileSync(join(repo, 'content', 'site.toml'), 'utf8').matchAll(/^code\s*=\s*"([^"]+)"/gm)].map((m) => m[1].toLowerCase());
const translated = (path) => languages.some((code) => path.startsWith(`${code}/`));
const EVERY_PAIRING = new Set(['', '0-11/', '12-15/', '16-25/', '0-11/keeping-safe/', '12-15/a-safe-home/', '16-25/money/', 'local-offer/', 'local-offer/staying-put/', 'local-offer/age/17/', 'local-offer/finder/', 'messages/', 'events/', 'events/sleepover/', 'news/2026-q4/', 'help-now/', 'about/', '404.html']);
const configs = (path) => {
  if (translated(path)) return [[320, 'light']];
  if (EVERY_PAIRING.has(path)) return WIDTHS.flatMap((width) => SCHEMES.map((scheme) => [width, scheme]));
  return [[320, 'light'], [1280, 'dark']];
};
const missing = [...EVERY_PAIRING].filter((p) => !paths.includes(p));
test('each page checked in every pairing is in the site', () => assert.deepEqual(missing, []));

for (const path of paths) {
  test(`${path || '/'} passes in the browser`, async () => {
    const failures = [];
    for (const [width, scheme] of configs(path)) {
      const shot = width === 320 && scheme === 'light' ? join(shots, `${(path || 'home/').replace(/\/$/, '').replaceAll('/', '_') || 'home'}.png`) : null;
      failures.push(...(await checkPage(tabs.get(`${width}-${scheme}`), server.base, path, { width, scheme, screenshot: shot })));
    }
    assert.equal(failures.length, 0, '\n' + report(failures));
  });
}
