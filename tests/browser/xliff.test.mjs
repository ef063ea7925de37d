// The XLIFF 2.0 file `promise translations export` writes, read by a
// reader that is not promise's own (the npm xliff package's xliff2js): its
// languages, every file and piece, and each piece's markdown put back
// together from its words and tags is what the content file says.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { xliff2js } from 'xliff';

import { binary, copyOfExample } from './site.mjs';

/// A piece's markdown from what xliff2js read: its words, and for each tag
/// the markup kept in the unit's originalData.
function markdown(content, data) {
  if (content === undefined) return undefined;
  const parts = Array.isArray(content) ? content : [content];
  return parts
    .map((part) => {
      if (typeof part === 'string') return part;
      const [[kind, tag]] = Object.entries(part);
      switch (kind) {
        case 'Standalone':
          return data[tag.dataRef];
        case 'Span':
          return data[tag.dataRefStart] + markdown(tag.contents, data) + data[tag.dataRefEnd];
        default:
          throw new Error(`a tag promise does not write: ${kind}`);
      }
    })
    .join('');
}

function originalData(unit) {
  const data = {};
  const original = (unit.additionalElements ?? []).find((e) => e.name === 'originalData');
  for (const d of original?.elements ?? []) {
    data[d.attributes.id] = (d.elements ?? []).map((t) => t.text).join('');
  }
  return data;
}

test('an export reads back in another XLIFF 2.0 reader, piece for piece', async () => {
  const { content } = copyOfExample('xliff');
  const file = join(content, '..', 'ar.xlf');
  const said = execFileSync(binary(), ['translations', 'export', '--language', 'ar', '--content', content, '--out', file], {
    encoding: 'utf8',
  });
  const [, pieces, files] = /(\d+) pieces from (\d+) files/.exec(said);
  const read = await xliff2js(readFileSync(file, 'utf8'));
  assert.equal(read.sourceLanguage, 'en-GB');
  assert.equal(read.targetLanguage, 'ar');
  const resources = Object.entries(read.resources);
  assert.equal(resources.length, Number(files));
  assert.equal(resources.flatMap(([, units]) => Object.keys(units)).length, Number(pieces));

  let body = 0;
  let translated = 0;
  for (const [id, units] of resources) {
    const path = id.replaceAll(':', '/');
    for (const [name, unit] of Object.entries(units)) {
      assert.ok(unit.note, `${path} ${name} has a note for the translator`);
      if (!name.startsWith('body.')) continue;
      const data = originalData(unit);
      const source = markdown(unit.source, data);
      assert.ok(readFileSync(join(content, path), 'utf8').includes(source), `${path} ${name}: ${source}`);
      body += 1;
      const target = markdown(unit.target, data);
      if (target !== undefined) {
        const translation = path.replace(/\.md$/, '.ar.md');
        assert.ok(readFileSync(join(content, translation), 'utf8').includes(target), `${translation} ${name}: ${target}`);
        translated += 1;
      }
    }
  }
  assert.ok(body > 80 && translated > 20, `${body} pieces of text, ${translated} translated`);

  const ombudsman = read.resources['pages:how-to-complain.md']['body.4'];
  assert.deepEqual(ombudsman.source[1].Span.contents, 'Local Government and Social Care Ombudsman');
  assert.equal(ombudsman.source[1].Span.type, 'link');
  assert.equal(read.resources['site.toml']['bands.12-15.label'].target, 'من سن 12 إلى 15');
});
