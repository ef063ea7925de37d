// The Nu HTML checker (vnu.jar from npm), run once over every page with the
// machine's Java.

import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { relative } from 'node:path';

const require = createRequire(import.meta.url);
const jar = require.resolve('vnu-jar/build/dist/vnu.jar');

/// Every error the checker finds in `files`, as failures.
export function validate(root, files) {
  const run = spawnSync('java', ['-jar', jar, '--errors-only', '--format', 'json', '--also-check-css', ...files], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.error) throw run.error;
  const { messages } = JSON.parse(run.stderr || '{"messages": []}');
  return messages
    .filter((m) => m.type === 'error' || m.subType === 'fatal')
    .map((m) => ({
      page: relative(root, new URL(m.url).pathname),
      rule: 'Nu HTML checker',
      element: `line ${m.lastLine ?? '?'}: ${(m.extract ?? '').trim()}`,
      fix: m.message,
    }));
}
