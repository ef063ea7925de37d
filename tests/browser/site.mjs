// Building a site with the promise binary and serving it on 127.0.0.1, so
// the browser reaches nothing but this machine.

import { execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, extname, join, normalize, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const work = join(repo, 'target', 'browser');

const types = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.pdf': 'application/pdf',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.gif': 'image/gif',
  '.woff2': 'font/woff2',
};

/// Serves `root` on a free port of 127.0.0.1; missing pages get 404.html.
export async function serve(root) {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    let file = normalize(join(root, path));
    if (relative(root, file).startsWith('..')) {
      res.writeHead(400).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      res.writeHead(404, { 'content-type': types['.html'] }).end(readFileSync(join(root, '404.html')));
      return;
    }
    res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const base = `http://127.0.0.1:${server.address().port}/`;
  return { base, close: () => new Promise((ok) => server.close(ok)) };
}

/// The promise binary, built if needed.
export function binary() {
  execFileSync('cargo', ['build', '--quiet'], { cwd: repo, stdio: 'inherit' });
  return join(repo, 'target', 'debug', 'promise');
}

/// Builds `content` into `out` for a site published at `base`, with any
/// `extra` options of `promise build`.
export function build(content, out, base, extra = []) {
  mkdirSync(dirname(out), { recursive: true });
  execFileSync(binary(), ['build', '--content', content, '--out', out, '--base-url', base, ...extra], {
    cwd: repo,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

/// Every page of a built site: those in its sitemap, and the 404 page.
export function pages(out, base) {
  const sitemap = readFileSync(join(out, 'sitemap.xml'), 'utf8');
  const urls = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
  if (!urls.every((u) => u.startsWith(base))) throw new Error(`the sitemap is not for ${base}`);
  return [...urls.map((u) => u.slice(base.length)), '404.html'];
}

/// Every HTML file under `dir`.
export function htmlFiles(dir) {
  return readdirSync(dir, { recursive: true })
    .filter((f) => f.endsWith('.html'))
    .map((f) => join(dir, f))
    .sort();
}
