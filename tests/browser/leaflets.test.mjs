// The leaflets read back with the tools a print shop and a reader use:
// poppler's pdftotext for the words a screen reader or a copy gets, and
// zbarimg for the QR code as a phone camera reads it, at 150 dpi.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { build, repo, work } from './site.mjs';

const out = join(work, 'leaflets');
rmSync(out, { recursive: true, force: true });
const base = 'https://promise.westmere.example/';
build(join(repo, 'content'), out, base);

/// The words of a leaflet's pages, in reading order, one line each.
function words(file, first, last) {
  const text = execFileSync('pdftotext', ['-f', String(first), '-l', String(last), join(out, file), '-'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  // pdftotext marks right-to-left lines with embedding characters.
  return text.replace(/[\u202a-\u202e]/g, '').split('\n').map((l) => l.trim());
}

/// What the QR code on a page of a leaflet (its cover unless said) says.
function code(file, page = 1) {
  const dir = mkdtempSync(join(tmpdir(), 'promise-qr-'));
  try {
    execFileSync('pdftoppm', ['-r', '150', '-png', '-f', String(page), '-l', String(page), join(out, file), join(dir, 'cover')]);
    const [png] = readdirSync(dir);
    return execFileSync('zbarimg', ['-q', '--raw', join(dir, png)], { encoding: 'utf8' }).trim();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('an Arabic leaflet copies out as Arabic words in reading order', () => {
  const lines = words('ar/leaflets/12-15.pdf', 2, 4);
  // pdftotext guesses spaces from the gaps between letters, and Amiri
  // leaves a wide one after some letters that do not join (ر, ز) and
  // before an Arabic comma: the letters are compared, in reading order.
  const squash = (t) => t.replace(/\s+/g, '');
  const text = squash(lines.join(' '));
  const folder = join(repo, 'content/promises/12-15');
  const sources = readdirSync(folder).filter((f) => f.endsWith('.ar.md')).map((f) => readFileSync(join(folder, f), 'utf8'));
  const promises = sources
    .flatMap((s) => [...s.matchAll(/^- (.*)$/gm)].map((m) => m[1]));
  assert.ok(promises.length >= 10, `${promises.length} promises`);
  assert.equal(lines[0], sources[0].match(/^title: (.*)$/m)[1]);
  for (const promise of promises) {
    assert.ok(text.includes(`•${squash(promise)}`), `"${promise}" in:\n${lines.join('\n')}`);
  }
});

test('an Arabic leaflet is Arabic from its cover to its back page, contacts and all', () => {
  const squash = (t) => t.replace(/\s+/g, '');
  const pages = Number(execFileSync('pdfinfo', [join(out, 'ar/leaflets/12-15.pdf')], { encoding: 'utf8' }).match(/^Pages:\s+(\d+)/m)[1]);
  const cover = squash(words('ar/leaflets/12-15.pdf', 1, 1).join(' '));
  const back = squash(words('ar/leaflets/12-15.pdf', pages, pages).join(' '));
  const arabic = readFileSync(join(repo, 'content/site.ar.toml'), 'utf8');
  const word = (pattern) => squash(arabic.match(pattern)[1]);
  for (const expected of [word(/^title = "(.*)"$/m), word(/\[bands\.12-15\]\nlabel = "(.*)"/), word(/^council = "(.*)"$/m)]) {
    assert.ok(cover.includes(expected), `${expected} on the cover: ${cover}`);
  }
  assert.ok(back.includes(word(/\[contacts\.childrens-rights\]\nname = "(.*)"/)), back);
  for (const english of ['Ourpromisetoyou', 'Age12to15', "Children'sRightsService", 'WestmereBoroughCouncil']) {
    assert.ok(!cover.includes(english) && !back.includes(english), `${english} is still English`);
  }
});

test('an English leaflet reads left to right', () => {
  const lines = words('leaflets/0-11.pdf', 2, 2);
  assert.equal(lines[0], 'Keeping you safe');
});

test('each leaflet’s QR code, on its cover and its last page, opens its page in its language', () => {
  const last = (file) => Number(execFileSync('pdfinfo', [join(out, file)], { encoding: 'utf8' }).match(/^Pages:\s+(\d+)/m)[1]);
  for (const [file, page] of [
    ['ar/leaflets/12-15.pdf', 'ar/12-15/'],
    ['ar/leaflets/local-offer.pdf', 'ar/local-offer/'],
    ['leaflets/16-25.pdf', '16-25/'],
    ['leaflets/print/0-11.pdf', '0-11/'],
  ]) {
    assert.equal(code(file), `${base}${page}`, file);
    assert.equal(code(file, last(file)), `${base}${page}`, `${file}, last page`);
  }
});

/// Every leaflet the build wrote, from the site's root: the readers' and
/// the print shop's.
function leaflets() {
  const found = [];
  for (const dir of ['', ...readdirSync(out, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => `${d.name}/`)]) {
    for (const folder of ['leaflets', 'leaflets/print']) {
      try {
        found.push(...readdirSync(join(out, dir, folder)).filter((f) => f.endsWith('.pdf')).map((f) => `${dir}${folder}/${f}`));
      } catch {
        // a folder with no leaflets
      }
    }
  }
  return found;
}

test('qpdf finds nothing wrong in any leaflet', () => {
  const files = leaflets();
  assert.equal(files.length, 32, files.join(', '));
  for (const file of files) {
    // qpdf exits with 2 on errors and 3 on warnings, which throws here.
    const report = execFileSync('qpdf', ['--check', join(out, file)], { encoding: 'utf8' });
    assert.match(report, /No syntax or stream encoding errors found/, file);
  }
});
