// Building a site with the promise binary and serving it on 127.0.0.1, so
// the browser reaches nothing but this machine.

import { execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { dirname, extname, join, normalize, relative, resolve } from 'node:path';
import { after } from 'node:test';
import { fileURLToPath } from 'node:url';

import { launch } from './checks.mjs';

export const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const work = join(repo, 'target', 'browser');

/// A fresh copy of the example's content in target/browser/`name`/, to
/// change on purpose: its content folder, and where to build it.
export function copyOfExample(name) {
  const root = join(work, name);
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  const content = join(root, 'content');
  cpSync(join(repo, 'content'), content, { recursive: true });
  return { content, out: join(root, 'site') };
}

const types = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
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

/// The rules of a `_headers` file as Netlify reads it: a path on a line of
/// its own (ending in `*` to match everything under it), then its headers
/// indented as `Name: value`. A line of any other shape throws, as the host
/// would refuse it.
export function headerRules(text) {
  const rules = [];
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '' || line.startsWith('#')) return;
    if (line.startsWith('/')) {
      if (/\s/.test(line) || (line.includes('*') && !line.endsWith('*'))) throw new Error(`_headers line ${i + 1}: ${line}`);
      rules.push({ path: line, headers: [] });
      return;
    }
    const header = /^  ([A-Za-z0-9-]+): (.+)$/.exec(line);
    if (!header || rules.length === 0) throw new Error(`_headers line ${i + 1}: ${line}`);
    rules.at(-1).headers.push([header[1], header[2]]);
  });
  return rules;
}

/// The headers Netlify sends for `path`: every matching rule's, a later
/// rule's value replacing an earlier one's.
function hostHeaders(root, path) {
  const file = join(root, '_headers');
  if (!existsSync(file)) return {};
  const sent = {};
  for (const rule of headerRules(readFileSync(file, 'utf8'))) {
    const matches = rule.path.endsWith('*') ? path.startsWith(rule.path.slice(0, -1)) : path === rule.path;
    if (matches) for (const [name, value] of rule.headers) sent[name.toLowerCase()] = value;
  }
  return sent;
}

/// Where `_redirects` sends `path`, if anywhere.
function redirected(root, path) {
  const file = join(root, '_redirects');
  if (!existsSync(file)) return undefined;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const [from, to, status] = line.trim().split(/\s+/);
    if (from === path && status === '301') return to;
  }
  return undefined;
}

/// Serves `root` on a free port of 127.0.0.1 as its host would: with the
/// headers of its `_headers` and the redirects of its `_redirects`, if it
/// has them; missing pages get 404.html.
export async function serve(root) {
  // With no signal, every connection fails.
  let signal = true;
  const server = createServer((req, res) => {
    if (!signal) {
      req.socket.destroy();
      return;
    }
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    let file = normalize(join(root, path));
    if (relative(root, file).startsWith('..')) {
      res.writeHead(400).end();
      return;
    }
    const headers = hostHeaders(root, path);
    const to = redirected(root, path);
    if (to) {
      res.writeHead(301, { ...headers, location: to }).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      res.writeHead(404, { ...headers, 'content-type': types['.html'] }).end(readFileSync(join(root, '404.html')));
      return;
    }
    res.writeHead(200, { ...headers, 'content-type': types[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const base = `http://127.0.0.1:${server.address().port}/`;
  return {
    base,
    close: () => new Promise((ok) => server.close(ok)),
    /// Takes the signal away (false) or gives it back (true).
    signal: (on) => {
      signal = on;
      server.closeAllConnections();
    },
  };
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

/// Every HTML file under `dir` that young people read: not the editor's
/// page in admin/, which is the participation team's.
export function htmlFiles(dir) {
  return readdirSync(dir, { recursive: true })
    .filter((f) => f.endsWith('.html') && !f.startsWith('admin/'))
    .map((f) => join(dir, f))
    .sort();
}

/// Builds `content` into `out`, serves it on 127.0.0.1 and starts Chromium,
/// all closed again when the file's tests end.
export async function builtAndServed(content, out, extra = []) {
  const server = await serve(out);
  build(content, out, server.base, extra);
  const browser = await launch();
  after(async () => {
    await browser.close();
    await server.close();
  });
  return { server, browser };
}
