// Windows high contrast (forced colours): the browser paints backgrounds in
// one system colour, so a button or a card that only its background set
// apart would turn into plain text. Every page is opened at a phone's width
// with forced colours on, and each button, card, choice and box is measured:
// it must keep an edge on every side in a colour that differs from what is
// behind it, and what takes focus a visible outline.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';

import { launch, report } from './checks.mjs';
import { build, pages, repo, serve, work } from './site.mjs';

const out = join(work, 'forced-site');
const server = await serve(out);
build(join(repo, 'content'), out, server.base);
const paths = pages(out, server.base);

// What a reader must be able to see the edge of.
const BOXES = [
  '.button',
  '.band-choice',
  '.site-header .help-now',
  '.card',
  '.contact',
  '.talk-first',
  '.law-words',
  '.untranslated',
  '.notice',
  '.contents',
].join(', ');

let browser;
let page;
before(async () => {
  browser = await launch();
  const context = await browser.newContext({ viewport: { width: 320, height: 740 }, forcedColors: 'active', reducedMotion: 'reduce' });
  page = await context.newPage();
});
after(async () => {
  await browser?.close();
  await server.close();
});

/// In the page: every box without an edge, as failures.
function edgeless(selector) {
  const found = [];
  const opaque = (el) => {
    for (let e = el.parentElement; e; e = e.parentElement) {
      const bg = getComputedStyle(e).backgroundColor;
      if (bg !== 'rgba(0, 0, 0, 0)' && bg !== 'transparent') return bg;
    }
    return getComputedStyle(document.documentElement).backgroundColor;
  };
  const name = (el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} "${el.textContent.trim().slice(0, 40)}"`;
  for (const el of document.querySelectorAll(selector)) {
    const box = el.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) continue;
    const style = getComputedStyle(el);
    const behind = opaque(el);
    const sides = ['top', 'right', 'bottom', 'left'].filter((side) => {
      const width = parseFloat(style.getPropertyValue(`border-${side}-width`));
      const kind = style.getPropertyValue(`border-${side}-style`);
      const colour = style.getPropertyValue(`border-${side}-color`);
      return !(width >= 1 && kind !== 'none' && kind !== 'hidden' && colour !== behind && colour !== 'rgba(0, 0, 0, 0)');
    });
    if (sides.length) {
      found.push({
        rule: 'forced-colours-edge',
        element: name(el),
        fix: `give it a border on every side (missing: ${sides.join(', ')}) in @media (forced-colors: active), in a system colour such as ButtonText or CanvasText`,
      });
    }
  }
  return found;
}

/// Every link and button, focused after a key press (so the browser shows
/// focus as it does for the keyboard): each must show an outline.
async function unfocused() {
  await page.keyboard.press('Tab');
  return page.evaluate(() => {
    const found = [];
    for (const el of document.querySelectorAll('a[href], button, summary, [tabindex="0"]')) {
      // Not what is folded away (a closed menu's links), which cannot take focus.
      if (!el.checkVisibility({ contentVisibilityAuto: true, visibilityProperty: true })) continue;
      el.focus();
      const style = getComputedStyle(el);
      if (!(style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2)) {
        found.push({
          rule: 'forced-colours-focus',
          element: `${el.tagName.toLowerCase()} "${el.textContent.trim().slice(0, 40)}"`,
          fix: 'give :focus-visible an outline of 2px or more in @media (forced-colors: active)',
        });
      }
    }
    return found;
  });
}

for (const path of paths) {
  test(`${path || '/'} keeps its edges and focus with forced colours`, async () => {
    await page.goto(server.base + path, { waitUntil: 'load' });
    const failures = [...(await page.evaluate(edgeless, BOXES)), ...(await unfocused())].map((f) => ({
      page: `${path || '/'} at 320px, forced colours`,
      ...f,
    }));
    assert.equal(failures.length, 0, '\n' + report(failures));
  });
}

test('a box with no edge is caught', async () => {
  await page.setContent('<style>.button{background:#263238;color:#fff}</style><a class="button" href="#">Call</a>');
  const failures = await page.evaluate(edgeless, BOXES);
  assert.equal(failures.length, 1, JSON.stringify(failures));
  assert.match(failures[0].fix, /missing: top, right, bottom, left/);
});
