// The editor's page loads one script from elsewhere: Sveltia CMS, of one
// version, with a Subresource Integrity hash. The hash is recomputed here
// from that version's file in the npm package (in this suite's lock file),
// so a wrong hash, or a version the lock file does not hold, fails.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { repo } from './site.mjs';

test('the editor page pins its script by version and by a hash of that version', () => {
  const page = readFileSync(join(repo, 'content/admin/index.html'), 'utf8');
  const scripts = [...page.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
  assert.equal(scripts.length, 1, page);
  const [, url] = scripts[0].match(/src="([^"]+)"/);
  const [, integrity] = scripts[0].match(/integrity="([^"]+)"/);
  assert.match(scripts[0], /crossorigin="anonymous"/);
  const [, version, file] = url.match(/^https:\/\/unpkg\.com\/@sveltia\/cms@(\d+\.\d+\.\d+)\/(dist\/[^/]+\.js)$/);

  const root = join(repo, 'tests/browser/node_modules/@sveltia/cms');
  assert.equal(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version, version, 'the lock file holds the version the page loads');
  const hash = `sha384-${createHash('sha384').update(readFileSync(join(root, file))).digest('base64')}`;
  assert.equal(integrity, hash);
});
