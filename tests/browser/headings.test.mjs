// A long word in a big heading must break, not run off a narrow phone: the
// longest word anywhere in the example's content is put in the heading of
// a page of each look (and of a card, and an offer entry), and each page is
// checked at 320 px, where the layout checks apply WCAG text spacing.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { checkPage, openTab, report } from './checks.mjs';
import { builtAndServed, copyOfExample } from './site.mjs';

const { content, out } = copyOfExample('headings');

// The longest word the team wrote, in any file of the content, any language.
const words = readdirSync(content, { recursive: true })
  .filter((f) => f.endsWith('.md'))
  .flatMap((f) => readFileSync(join(content, f), 'utf8').match(/\p{L}+/gu) ?? []);
const longest = words.reduce((a, b) => ([...b].length > [...a].length ? b : a), '');
assert.ok([...longest].length >= 12, `the longest word is only "${longest}"`);

/// Puts the longest word into the title of `file`, twice, as a heading
/// would run: "Relationships: relationships feelings".
function retitle(file) {
  const path = join(content, file);
  const text = readFileSync(path, 'utf8');
  const titled = text.replace(/^title: (.*)$/m, (_, title) => `title: "${longest} ${longest}: ${title.replace(/"/g, '')}"`);
  assert.notEqual(titled, text, `${file} has a title`);
  writeFileSync(path, titled);
}
for (const file of [
  'promises/0-11/keeping-safe.md',
  'promises/12-15/a-safe-home.md',
  'promises/16-25/money.md',
  'local-offer/staying-put.md',
]) {
  retitle(file);
}

const { server, browser } = await builtAndServed(content, out);

test(`"${longest}" in a heading stays on a 320 px phone with text spacing`, async () => {
  const tab = await openTab(browser, server.base, { width: 320, scheme: 'light' });
  const failures = [];
  for (const path of ['0-11/', '0-11/keeping-safe/', '12-15/a-safe-home/', '16-25/money/', 'local-offer/staying-put/', 'local-offer/']) {
    failures.push(...(await checkPage(tab, server.base, path, { width: 320, scheme: 'light' })));
  }
  assert.equal(failures.length, 0, '\n' + report(failures));
});
