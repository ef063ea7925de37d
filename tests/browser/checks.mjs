// The checks run on every page in Chromium. Each returns failures that name
// the page, the rule, the element and how to fix it.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';

import { HEADER, INLINE_TARGET, LINE, MEASURE_FONT, inPageDesign } from './design.mjs';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
const TARGET = 44;
const BUDGET = 14 * 1024;

// Debian's Chromium now and then dies while starting (seen once in CI: a
// segfault before its first page, in a file whose build had passed). That
// says nothing about the pages, so a start that fails is tried again before
// the suite gives up.
const STARTS = 3;

export async function launch() {
  for (let start = 1; ; start += 1) {
    try {
      return await chromium.launch({
        executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-quic',
          '--no-first-run',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
        ],
      });
    } catch (error) {
      if (start === STARTS) throw error;
      console.error(`Chromium did not start (try ${start} of ${STARTS}): ${error.message.split('\n')[0]}`);
    }
  }
}

/// A browser tab of one width and colour scheme that refuses, and remembers,
/// every request to a host other than `base`'s.
export async function openTab(browser, base, { width, scheme }) {
  const context = await browser.newContext({
    viewport: { width, height: 800 },
    colorScheme: scheme,
    // Focus then scrolls at once, so where it lands can be measured straight away.
    reducedMotion: 'reduce',
    // Only so the checks can add their scripts; the pages' own policy is
    // checked separately, by the Rust tests.
    bypassCSP: true,
  });
  const foreign = [];
  const host = new URL(base).host;
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.protocol === 'data:' || url.host === host) return route.continue();
    foreign.push(url.href);
    return route.abort();
  });
  const page = await context.newPage();
  return { context, page, foreign };
}

/// Runs every check on `path` in `tab`.
export async function checkPage(tab, base, path, { width, scheme, screenshot }) {
  const { page, foreign } = tab;
  const name = `${path || '/'} at ${width}px, ${scheme}`;
  const failures = [];
  const fail = (rule, element, fix) => failures.push({ page: name, rule, element, fix });
  foreign.length = 0;

  await page.goto(base + path, { waitUntil: 'load' });
  for (const url of foreign) {
    fail('no-other-hosts', url, 'serve every file from the site itself: no CDN, web fonts, analytics or images from elsewhere');
  }
  if (screenshot) await page.screenshot({ path: screenshot, fullPage: true });
  // What the page folds (the local offer's areas on a band's page, "More
  // about them") is checked open, as a reader who opens it sees it.
  await page.evaluate(() => document.querySelectorAll('main details').forEach((d) => { d.open = true; }));

  await page.addScriptTag({ content: axeSource });
  const axe = await page.evaluate((tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags } }), AXE_TAGS);
  for (const v of axe.violations) {
    for (const node of v.nodes) {
      fail(`axe ${v.id} (${v.impact})`, node.target.join(' '), `${v.help}. ${node.failureSummary.replace(/\s+/g, ' ')}`);
    }
  }

  // Body text at 7:1 (WCAG 1.4.6), beyond the 4.5:1 the rules above ask.
  const enhanced = await page.evaluate(() => window.axe.run(document, { runOnly: { type: 'rule', values: ['color-contrast-enhanced'] } }));
  for (const v of enhanced.violations) {
    for (const node of v.nodes) fail(`axe ${v.id}`, node.target.join(' '), `${v.help}. ${node.failureSummary.replace(/\s+/g, ' ')}`);
  }

  const layout = await page.evaluate(inPageLayout, { width, TARGET });
  for (const f of layout) fail(f.rule, f.element, f.fix);
  const design = await page.evaluate(inPageDesign, { width, LINE, INLINE_TARGET, MEASURE_FONT, HEADER });
  for (const f of design) fail(f.rule, f.element, f.fix);

  const focus = await checkFocus(page);
  for (const f of focus) fail(f.rule, f.element, f.fix);
  return failures;
}

/// Sideways scrolling, WCAG 1.4.12 text spacing, and tap target size. Runs in
/// the page.
function inPageLayout({ width, TARGET }) {
  const found = [];
  const describe = (el) => {
    const cls = typeof el.className === 'string' && el.className.trim() ? '.' + el.className.trim().split(/\s+/).join('.') : '';
    return `<${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}${cls}> "${(el.textContent || '').trim().replace(/\s+/g, ' ').slice(0, 50)}"`;
  };
  const overflowing = () => document.documentElement.scrollWidth > window.innerWidth;
  if (width <= 320 && overflowing()) {
    const wide = [...document.querySelectorAll('body *')].find((el) => el.getBoundingClientRect().right > window.innerWidth + 1);
    found.push({
      rule: 'reflow (WCAG 1.4.10)',
      element: wide ? describe(wide) : 'the page',
      fix: `the page scrolls sideways at ${width}px; remove fixed widths and let long words wrap`,
    });
  }

  // Text spacing: the user's own spacing must not cut off or overlap text.
  const style = document.createElement('style');
  style.textContent = '* { line-height: 1.5 !important; letter-spacing: .12em !important; word-spacing: .16em !important; } p { margin-bottom: 2em !important; }';
  document.head.append(style);
  if (overflowing()) {
    found.push({ rule: 'text spacing (WCAG 1.4.12)', element: 'the page', fix: 'with wider text spacing the page scrolls sideways; let text wrap' });
  }
  for (const el of document.querySelectorAll('body *')) {
    const cs = getComputedStyle(el);
    const clips = /hidden|clip/.test(cs.overflowX + cs.overflowY);
    if (clips && (el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1) && el.textContent.trim()) {
      found.push({ rule: 'text spacing (WCAG 1.4.12)', element: describe(el), fix: 'text is cut off with wider spacing; do not fix the height or hide overflow' });
    }
  }
  const blocks = [...document.querySelectorAll('main li, main p, main h1, main h2, main h3, .card, .button')];
  for (const el of blocks) {
    const next = el.nextElementSibling;
    if (!next || !blocks.includes(next)) continue;
    const a = el.getBoundingClientRect();
    const b = next.getBoundingClientRect();
    const overlap = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
    const side = Math.min(a.right, b.right) - Math.max(a.left, b.left);
    if (overlap > 2 && side > 2 && a.height && b.height) {
      found.push({ rule: 'text spacing (WCAG 1.4.12)', element: describe(next), fix: `overlaps ${describe(el)} with wider spacing` });
    }
  }
  style.remove();

  // Tap targets, except links inside a sentence. A link whose ::after is
  // stretched over its box (a local offer card's title) taps all of it.
  const tapped = (el) => {
    const after = getComputedStyle(el, '::after');
    const stretched = after.position === 'absolute' && ['top', 'right', 'bottom', 'left'].every((side) => after[side] === '0px');
    return (stretched && el.offsetParent ? el.offsetParent : el).getBoundingClientRect();
  };
  for (const el of document.querySelectorAll('a[href], button, input, select, textarea, summary')) {
    const r = tapped(el);
    if (!r.width || r.bottom < 0 || r.right < 0) continue;
    const inSentence = getComputedStyle(el).display === 'inline' &&
      [...el.parentElement.childNodes].some((n) => n !== el && n.textContent.trim());
    if (inSentence) continue;
    if (r.width < TARGET - 0.5 || r.height < TARGET - 0.5) {
      found.push({
        rule: 'tap target size',
        element: describe(el),
        fix: `it is ${Math.round(r.width)}×${Math.round(r.height)}px; make it at least ${TARGET}×${TARGET}px with padding or min-height`,
      });
    }
  }
  return found;
}

/// Tabs through the page: the first stop is a skip link to main, and every
/// stop shows a visible focus indicator that nothing covers.
async function checkFocus(page) {
  await page.evaluate(() => {
    const look = (el) => {
      const cs = getComputedStyle(el);
      return [cs.outlineStyle, cs.outlineWidth, cs.outlineColor, cs.boxShadow, cs.backgroundColor, cs.color, cs.textDecorationLine].join('|');
    };
    window.__unfocused = new Map([...document.querySelectorAll('a[href], button, input, select, textarea, [tabindex]')].map((el) => [el, look(el)]));
    window.__look = look;
    // Tab starts from the top of the page: from a mark that cannot be
    // tabbed to, put first and focused. Blurring what had focus is not
    // enough: Chromium goes on from where it was.
    const start = document.createElement('span');
    start.tabIndex = -1;
    start.id = 'promise-focus-start';
    document.body.prepend(start);
    start.focus();
  });
  const found = [];
  for (let stop = 0; stop < 200; stop++) {
    await page.keyboard.press('Tab');
    const result = await page.evaluate((stop) => {
      const el = document.activeElement;
      if (!el || el === document.body) return { done: true };
      if (el.dataset.promiseSeen) return { done: true };
      el.dataset.promiseSeen = '1';
      const cls = typeof el.className === 'string' && el.className.trim() ? '.' + el.className.trim().split(/\s+/).join('.') : '';
      const name = `<${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}${cls}> "${(el.textContent || '').trim().replace(/\s+/g, ' ').slice(0, 50)}"`;
      const problems = [];
      // Contrast of two computed colours, or null when the background is see-through.
      const contrast = (fg, bg) => {
        const rgb = (c) => c.match(/[\d.]+/g).map(Number);
        const [br, bgG, bb, ba = 1] = rgb(bg);
        if (ba < 1) return null;
        const lum = ([r, g, b]) => [r, g, b].map((v) => (v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4)
          .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
        const [a, b] = [lum(rgb(fg)), lum([br, bgG, bb])].sort((x, y) => y - x);
        return (a + 0.05) / (b + 0.05);
      };
      if (stop === 0 && !(el.tagName === 'A' && el.getAttribute('href') === '#main' && document.getElementById('main'))) {
        problems.push(['skip-link', 'the first Tab must reach a link to #main, the main content, so keyboard users can skip the menu']);
      }
      const before = window.__unfocused.get(el);
      const now = window.__look(el);
      const cs = getComputedStyle(el);
      const outline = cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) >= 2 && !/rgba\(.*, 0\)|transparent/.test(cs.outlineColor);
      if (!outline && before === now) {
        problems.push(['focus visible (WCAG 2.4.7)', 'nothing changes when it has focus; give it a :focus-visible style']);
      }
      // A link that wraps is measured by its first line, not the gap between lines.
      const ratio = contrast(cs.color, cs.backgroundColor);
      if (ratio && ratio < 4.5) {
        problems.push(['focus contrast (WCAG 1.4.3)', `with focus its text is ${ratio.toFixed(2)}:1 on its background; make it at least 4.5:1`]);
      }
      const r = el.getClientRects()[0] ?? el.getBoundingClientRect();
      const x = Math.min(Math.max(r.left + r.width / 2, 0), window.innerWidth - 1);
      const y = Math.min(Math.max(r.top + r.height / 2, 0), window.innerHeight - 1);
      const top = document.elementFromPoint(x, y);
      const inView = r.bottom > 0 && r.top < window.innerHeight && r.right > 0 && r.left < window.innerWidth;
      if (!inView || !(top && (el === top || el.contains(top)))) {
        problems.push(['focus not obscured (WCAG 2.4.11)', `with focus it is ${inView ? 'covered by ' + (top ? top.tagName.toLowerCase() : 'nothing') : 'off the screen'}; keep it in view and on top`]);
      }
      return { done: false, name, problems };
    }, stop);
    if (result.done) break;
    for (const [rule, fix] of result.problems) found.push({ rule, element: result.name, fix });
  }
  await page.evaluate(() => document.getElementById('promise-focus-start')?.remove());
  return found;
}

/// A page's HTML and the stylesheets it links, gzipped, against the 14 KB
/// a phone gets in the first round trip.
export function sizeFailures(name, html, css) {
  const total = gzipSync(html, { level: 9 }).length + css.reduce((n, c) => n + gzipSync(c, { level: 9 }).length, 0);
  return total > BUDGET
    ? [{ page: name, rule: 'page weight', element: 'the HTML and CSS', fix: `${total} bytes gzipped; keep it under ${BUDGET}: shorten the page or the stylesheet` }]
    : [];
}

export function report(failures) {
  return failures.map((f) => `${f.page}: [${f.rule}] ${f.element}\n    fix: ${f.fix}`).join('\n');
}
