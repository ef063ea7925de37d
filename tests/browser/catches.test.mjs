// The checks must fail on a broken theme: a page without its skip link, text
// in a low-contrast colour, unreadable focus, and a layout wider than a small
// phone.

import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { checkPage, launch, openTab } from './checks.mjs';
import { build, repo, serve, work } from './site.mjs';

const broken = join(work, 'broken');
const content = join(broken, 'content');
const out = join(broken, 'site');
rmSync(broken, { recursive: true, force: true });
mkdirSync(broken, { recursive: true });
cpSync(join(repo, 'content'), content, { recursive: true });
const theme = join(repo, 'themes', 'default');
mkdirSync(join(content, 'theme', 'templates'), { recursive: true });
mkdirSync(join(content, 'theme', 'static'), { recursive: true });
const base = readFileSync(join(theme, 'templates', 'base.html'), 'utf8');
const noSkip = base.replace(/<a class="skip-link"[^\n]*\n/, '');
assert.notEqual(noSkip, base, 'the default base template has a skip link to remove');
writeFileSync(join(content, 'theme', 'templates', 'base.html'), noSkip);
const css = readFileSync(join(theme, 'static', 'site.css'), 'utf8');
writeFileSync(join(content, 'theme', 'static', 'site.css'), `${css}\n.lead { color: #b0b0b0; }\n.bands { min-width: 30rem; }\n.site-header a:focus-visible { color: #fff; }\n`);

const server = await serve(out);
build(content, out, server.base);
const browser = await launch();
after(async () => {
  await browser.close();
  await server.close();
});

test('a broken theme fails the checks, each named', async () => {
  const tab = await openTab(browser, server.base, { width: 320, scheme: 'light' });
  const failures = await checkPage(tab, server.base, '', { width: 320, scheme: 'light' });
  const rules = failures.map((f) => f.rule);
  assert.ok(rules.includes('skip-link'), rules.join(', '));
  assert.ok(rules.some((r) => r.startsWith('axe color-contrast')), rules.join(', '));
  assert.ok(rules.includes('reflow (WCAG 1.4.10)'), rules.join(', '));
  assert.ok(rules.includes('focus contrast (WCAG 1.4.3)'), rules.join(', '));
  const contrast = failures.find((f) => f.rule.startsWith('axe color-contrast'));
  assert.match(contrast.element, /lead/);
  assert.match(contrast.fix, /contrast/i);
});
