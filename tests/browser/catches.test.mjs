// The checks must fail on a broken theme: a page without its skip link or
// its help link, text in a low-contrast colour, unreadable focus, a layout
// wider than a small phone, faint borders, cards only partly a link, small
// links in sentences, long lines and a number that cannot be tapped.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { checkPage, openTab } from './checks.mjs';
import { builtAndServed, copyOfExample, repo } from './site.mjs';

const { content, out } = copyOfExample('broken');
const theme = join(repo, 'themes', 'default');
mkdirSync(join(content, 'theme', 'templates'), { recursive: true });
mkdirSync(join(content, 'theme', 'static'), { recursive: true });
const base = readFileSync(join(theme, 'templates', 'base.html'), 'utf8');
const broken_base = base
  .replace(/<a class="skip-link"[^\n]*\n/, '')
  .replace(/<a class="help-now"[^\n]*\n/, '')
  .replace('{{ council }}</p>', '{{ council }}, 0113 496 0101</p>');
for (const part of ['skip-link', 'help-now', '{{ council }}</p>']) assert.ok(base.includes(part), `the default base template has ${part} to break`);
writeFileSync(join(content, 'theme', 'templates', 'base.html'), broken_base);
const css = readFileSync(join(theme, 'static', 'site.css'), 'utf8');
const breaks = [
  '.lead { color: #b0b0b0; }',
  '.bands { min-width: 30rem; }',
  '.site-header a:focus-visible { color: #fff; }',
  '.card { border-color: #ddd; }',
  '.card { padding: 1rem; } .card-link { padding: 0; }',
  'main :is(p, li, td, dd) > a:not([class]) { padding: 0; }',
  'p, li { max-width: none !important; }',
];
writeFileSync(join(content, 'theme', 'static', 'site.css'), `${css}\n${breaks.join('\n')}\n`);

const { server, browser } = await builtAndServed(content, out);

test('a broken theme fails the checks, each named', async () => {
  const tab = await openTab(browser, server.base, { width: 320, scheme: 'light' });
  const failures = await checkPage(tab, server.base, '', { width: 320, scheme: 'light' });
  const rules = failures.map((f) => f.rule);
  assert.ok(rules.includes('skip-link'), rules.join(', '));
  assert.ok(rules.some((r) => r.startsWith('axe color-contrast')), rules.join(', '));
  assert.ok(rules.includes('reflow (WCAG 1.4.10)'), rules.join(', '));
  assert.ok(rules.includes('focus contrast (WCAG 1.4.3)'), rules.join(', '));
  for (const rule of ['help one tap away', 'tap-to-call', 'border contrast (WCAG 1.4.11)', 'one link per card']) {
    assert.ok(rules.includes(rule), `${rule} not in ${rules.join(', ')}`);
  }
  // The home page has no link inside a sentence (999 is a button): a page
  // that has them shows their target size broken.
  const sentences = await checkPage(tab, server.base, 'how-to-complain/', { width: 320, scheme: 'light' });
  const small = sentences.map((f) => f.rule);
  assert.ok(small.includes('link target size (WCAG 2.5.8)'), `link target size not in ${small.join(', ')}`);
  const contrast = failures.find((f) => f.rule.startsWith('axe color-contrast'));
  assert.match(contrast.element, /lead/);
  assert.match(contrast.fix, /contrast/i);
});

test('long lines fail on a desktop screen', async () => {
  const tab = await openTab(browser, server.base, { width: 1280, scheme: 'light' });
  const failures = await checkPage(tab, server.base, 'accessibility/', { width: 1280, scheme: 'light' });
  const long = failures.filter((f) => f.rule === 'line length');
  assert.ok(long.length > 0, failures.map((f) => f.rule).join(', '));
  assert.match(long[0].fix, /a line is \d+ characters/);
});
