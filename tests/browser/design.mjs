// Checks of the design the bands promise their readers, run in the page:
// help one tap away, numbers that dial, cards that are one link, borders and
// buttons that can be seen, lines short enough to follow, and links in
// sentences big enough to tap.

/// The longest line of text, in characters, that a desktop reader is asked
/// to follow (GOV.UK keeps to about 75).
export const LINE = 75;
/// A link inside a sentence is at least this tall (WCAG 2.5.8).
export const INLINE_TARGET = 24;
/// The font the line lengths are measured in: Liberation Sans has the
/// widths of Arial, so the count does not depend on this machine's fonts.
export const MEASURE_FONT = 'Liberation Sans';

/// The tallest a phone's header may be: 15% of a 360 x 740 screen.
export const HEADER = 0.15 * 740;

/// Runs in the page; returns failures as { rule, element, fix }.
export function inPageDesign({ width, LINE, INLINE_TARGET, MEASURE_FONT, HEADER }) {
  const found = [];
  const describe = (el) => {
    const cls = typeof el.className === 'string' && el.className.trim() ? '.' + el.className.trim().split(/\s+/).join('.') : '';
    return `<${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}${cls}> "${(el.textContent || '').trim().replace(/\s+/g, ' ').slice(0, 50)}"`;
  };
  const visible = (el) => {
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden';
  };

  // Help is one tap away: a "Need help now?" link at the top of every page.
  const help = document.querySelector('header a.help-now');
  if (!help || !/\/help-now\/(index\.html)?$/.test(new URL(help.href).pathname) || !visible(help)) {
    found.push({ rule: 'help one tap away', element: 'the page header', fix: 'put the "Need help now?" link to the help page in the header of every page' });
  } else if (help.getBoundingClientRect().top > window.innerHeight / 2) {
    found.push({ rule: 'help one tap away', element: describe(help), fix: 'keep "Need help now?" at the top of the page, where it is seen without scrolling' });
  }

  // Every phone number on the page dials when tapped, and dials the number shown.
  const digits = (s) => s.replace(/\D/g, '').replace(/^44/, '0');
  const phone = /(?<![\d£$€])(?:0\d{2,4}[ -]?\d{3,4}[ -]?\d{3,4}|116 ?\d{3}|999)(?![\d])/g;
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    if (!el || el.closest('script, style, time') || !visible(el)) continue;
    for (const m of node.textContent.matchAll(phone)) {
      const link = el.closest('a[href^="tel:"]');
      if (!link) {
        found.push({ rule: 'tap-to-call', element: describe(el), fix: `"${m[0]}" is a phone number that cannot be tapped; show it as a contact's phone, or link it as [${m[0]}](tel:${digits(m[0])})` });
      } else if (digits(decodeURIComponent(link.getAttribute('href').slice(4))) !== digits(m[0])) {
        found.push({ rule: 'tap-to-call', element: describe(link), fix: `it shows ${m[0]} but dials ${link.getAttribute('href')}` });
      }
    }
  }

  // A card is one link, and every part of it taps. A promise's card holds
  // its text inside the link; a local offer entry's link is its title,
  // stretched over the card, beside which only "Only for ..." may be a link
  // of its own (to what the law's words mean).
  for (const card of document.querySelectorAll('.card')) {
    const links = [...card.querySelectorAll('a[href]')];
    const main = links.filter((l) => l.matches('.card-link'));
    const others = links.filter((l) => !l.matches('.card-link'));
    if (main.length !== 1 || others.some((l) => !l.matches('.tag-law'))) {
      found.push({ rule: 'one link per card', element: describe(card), fix: `it has ${links.length} links; make the whole card one link with its text inside` });
      continue;
    }
    const link = main[0];
    const text = (el) => el.textContent.replace(/\s+/g, ' ').trim();
    if (!card.matches('.entry') && text(link) !== text(card)) {
      found.push({ rule: 'one link per card', element: describe(card), fix: 'some of its text is outside its link; put the whole card inside the link' });
    }
    const c = card.getBoundingClientRect();
    const cs = getComputedStyle(card);
    // Inside the border, and clear of a rounded corner's curve.
    const inset = (side) => parseFloat(cs[`border${side}Width`]) + 0.3 * parseFloat(cs.borderTopLeftRadius) + 2;
    const points = [
      [c.left + inset('Left'), c.top + inset('Top')],
      [c.right - inset('Right'), c.top + inset('Top')],
      [c.left + inset('Left'), c.bottom - inset('Bottom')],
      [c.right - inset('Right'), c.bottom - inset('Bottom')],
      [(c.left + c.right) / 2, (c.top + c.bottom) / 2],
    ];
    for (const [x, y] of points) {
      if (y < 0 || y >= window.innerHeight) {
        card.scrollIntoView({ block: 'center' });
        break;
      }
    }
    const r = card.getBoundingClientRect();
    const dx = r.left - c.left;
    const dy = r.top - c.top;
    const missed = points.some(([x, y]) => {
      const at = document.elementFromPoint(x + dx, y + dy);
      return !at || !(link.contains(at) || (at.closest('.tag-law') && card.contains(at)));
    });
    if (missed) {
      found.push({ rule: 'one link per card', element: describe(card), fix: 'part of the card cannot be tapped; let its link fill the card' });
    }
  }
  window.scrollTo(0, 0);

  // Borders, buttons and tags: at least 3:1 against what is behind them.
  const rgba = (c) => (c.match(/[\d.]+/g) ?? []).map(Number);
  const lum = ([r, g, b]) => [r, g, b].map((v) => (v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4)
    .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
  const ratio = (a, b) => {
    const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
    return (x + 0.05) / (y + 0.05);
  };
  const behind = (el) => {
    for (let p = el.parentElement; p; p = p.parentElement) {
      const bg = rgba(getComputedStyle(p).backgroundColor);
      if (bg.length >= 3 && (bg[3] ?? 1) === 1) return bg;
    }
    return rgba(getComputedStyle(document.body).backgroundColor);
  };
  for (const el of document.querySelectorAll('body *')) {
    if (!visible(el) || el.closest('svg')) continue;
    const cs = getComputedStyle(el);
    const back = behind(el);
    for (const side of ['Top', 'Right', 'Bottom', 'Left']) {
      if (cs[`border${side}Style`] === 'none' || parseFloat(cs[`border${side}Width`]) < 1) continue;
      const colour = rgba(cs[`border${side}Color`]);
      const own = rgba(cs.backgroundColor);
      const inside = own.length >= 3 && (own[3] ?? 1) === 1 ? own : back;
      const worst = Math.min(ratio(colour, back), ratio(colour, inside));
      if (worst < 3) {
        found.push({ rule: 'border contrast (WCAG 1.4.11)', element: describe(el), fix: `its ${side.toLowerCase()} border is ${worst.toFixed(2)}:1; make it at least 3:1 against the background` });
        break;
      }
    }
    if (el.matches('.button, .band-choice, .help-now') && !parseFloat(cs.borderTopWidth)) {
      const fill = rgba(cs.backgroundColor);
      const r = ratio(fill, back);
      if (r < 3) {
        found.push({ rule: 'button contrast (WCAG 1.4.11)', element: describe(el), fix: `the button is ${r.toFixed(2)}:1 against the page; make it at least 3:1, or give it a border that is` });
      }
    }
  }

  // Links in sentences: at least 24 px to tap (buttons are held to 44 px elsewhere).
  for (const a of document.querySelectorAll('main a[href]')) {
    if (getComputedStyle(a).display !== 'inline' || !visible(a)) continue;
    const line = a.getClientRects()[0];
    if (line && line.height < INLINE_TARGET - 0.5) {
      found.push({ rule: 'link target size (WCAG 2.5.8)', element: describe(a), fix: `it is ${line.height.toFixed(1)}px tall; give links in sentences padding so they are at least ${INLINE_TARGET}px` });
    }
  }

  // Line length on a desktop screen, in a font with Arial's widths.
  if (width >= 1024) {
    const style = document.createElement('style');
    style.textContent = `body, body * { font-family: "${MEASURE_FONT}" !important; }`;
    document.head.append(style);
    for (const block of document.querySelectorAll('main :is(p, li, dd, blockquote, h1, h2, h3, .card-text)')) {
      if (!visible(block)) continue;
      const lines = new Map();
      const texts = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
      for (let node = texts.nextNode(); node; node = texts.nextNode()) {
        const range = document.createRange();
        for (let i = 0; i < node.length; i++) {
          range.setStart(node, i);
          range.setEnd(node, i + 1);
          const r = range.getClientRects()[0];
          if (!r) continue;
          const top = Math.round(r.top + r.height / 2);
          const key = [...lines.keys()].find((t) => Math.abs(t - top) < r.height / 2) ?? top;
          lines.set(key, (lines.get(key) ?? '') + node.data[i]);
        }
      }
      const longest = [...lines.values()].map((l) => l.trim()).sort((a, b) => b.length - a.length)[0] ?? '';
      if (longest.length > LINE) {
        found.push({ rule: 'line length', element: describe(block), fix: `a line is ${longest.length} characters ("${longest.slice(0, 40)}..."); keep lines to ${LINE} at most with a max-width` });
      }
    }
    style.remove();
  }

  // A page about keeping safe, and the help page, can be left in one tap.
  for (const exit of document.querySelectorAll('a.button-exit')) {
    const rel = (exit.getAttribute('rel') ?? '').split(/\s+/);
    if (!rel.includes('nofollow') || !rel.includes('noreferrer') || !exit.href.startsWith('https://')) {
      found.push({ rule: 'exit this page', element: describe(exit), fix: 'link "Exit this page" to a neutral https page with rel="nofollow noreferrer"' });
    }
  }
  if (/\/help-now\/(index\.html)?$/.test(location.pathname) && !document.querySelector('a.button-exit')) {
    found.push({ rule: 'exit this page', element: 'the help page', fix: 'the help page needs an "Exit this page" button' });
  }

  // On a phone the header leaves the screen to the page: at most 15% of a
  // 740 px tall screen, with the menu closed.
  const header = document.querySelector('.site-header');
  if (width <= 400 && header && header.getBoundingClientRect().height > HEADER) {
    found.push({ rule: 'compact header', element: `the header, ${Math.round(header.getBoundingClientRect().height)} px tall`, fix: `keep the header under ${HEADER} px on a phone: the site's name, the menu, help and the languages in two rows` });
  }

  // A young reader finds someone to talk to near the top of the page.
  if (document.body.classList.contains('look-young') && document.querySelector('main a[href^="tel:"]')) {
    const talk = document.querySelector('#talk-first');
    if (!talk || talk.getBoundingClientRect().top > 1.5 * window.innerHeight) {
      found.push({ rule: 'who can I talk to', element: talk ? describe(talk) : 'the page', fix: 'put "Who can I talk to?" near the top of every young page' });
    }
  }
  return found;
}
