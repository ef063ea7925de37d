// "Listen to this page": the browser's own voice reads the page's main
// content aloud, sentence by sentence, marking the sentence it is reading.
// Nothing is sent anywhere. The buttons stay hidden without JavaScript, and
// when the browser has no voice for the page's language.
const controls = document.querySelector('[data-listen]');
const root = document.getElementById('main');

// The voice for a language tag: one for the same tag, else for its language.
function voiceFor(tag) {
  const voices = speechSynthesis.getVoices();
  const primary = (t) => t.toLowerCase().split(/[-_]/)[0];
  return voices.find((v) => v.lang.toLowerCase() === tag.toLowerCase()) ?? voices.find((v) => primary(v.lang) === primary(tag));
}

// The parts of the page read aloud, in order: headings, paragraphs, list
// items and definitions that are shown; not the controls themselves.
function blocks() {
  const found = [...root.querySelectorAll('h1, h2, h3, h4, p, li, dt, dd')];
  return found.filter((el) => {
    if (el.closest('[data-listen], [hidden], [aria-hidden="true"], nav, .share, .leaflet')) return false;
    // A list item holding a paragraph is read through its paragraph.
    if (el.querySelector('p, li')) return false;
    return el.textContent.trim() !== '';
  });
}

// Each sentence of a block as a range of its text, so it can be marked.
function sentences(block) {
  const nodes = [];
  const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
  let text = '';
  while (walker.nextNode()) {
    nodes.push([walker.currentNode, text.length]);
    text += walker.currentNode.data;
  }
  const at = (offset) => {
    let found = nodes[0];
    for (const node of nodes) if (node[1] <= offset) found = node;
    return [found[0], Math.min(offset - found[1], found[0].data.length)];
  };
  const lang = block.closest('[lang]')?.lang || document.documentElement.lang;
  const parts = 'Segmenter' in Intl ? [...new Intl.Segmenter(lang, { granularity: 'sentence' }).segment(text)].map((s) => [s.index, s.segment]) : [[0, text]];
  return parts
    .filter(([, words]) => words.trim() !== '')
    .map(([index, words]) => {
      const range = document.createRange();
      range.setStart(...at(index));
      range.setEnd(...at(index + words.length));
      return { words: words.trim(), range, block, lang };
    });
}

// The sentence being read, marked like a highlighter pen (in the system's
// colours in forced colours). Set here, where the browser can draw it: the
// stylesheet's checkers do not know the rule yet.
function markSentences() {
  if (!window.CSS?.highlights || !window.Highlight || !document.adoptedStyleSheets) return false;
  const sheet = new CSSStyleSheet();
  sheet.replaceSync('::highlight(listen) { background-color: #fff0a0; color: #1b1b1b; } @media (forced-colors: active) { ::highlight(listen) { background-color: Highlight; color: HighlightText; } }');
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  return true;
}

if (controls && root && 'speechSynthesis' in window) {
  const [play, pause, stop] = ['play', 'pause', 'stop'].map((name) => controls.querySelector(`[data-listen-${name}]`));
  const lang = document.documentElement.lang;
  let queue = [];
  let reading = false;
  const highlights = markSentences();

  const mark = (sentence) => {
    document.querySelector('.listen-now')?.classList.remove('listen-now');
    if (highlights) CSS.highlights.delete('listen');
    if (!sentence) return;
    sentence.block.classList.add('listen-now');
    if (highlights) CSS.highlights.set('listen', new Highlight(sentence.range));
  };
  const show = (state) => {
    play.hidden = state !== 'stopped';
    pause.hidden = state === 'stopped';
    stop.hidden = state === 'stopped';
    pause.textContent = state === 'paused' ? pause.dataset.resume : pause.dataset.pause;
    pause.setAttribute('aria-pressed', String(state === 'paused'));
  };
  const end = () => {
    reading = false;
    queue = [];
    speechSynthesis.cancel();
    mark(null);
    show('stopped');
  };
  const next = () => {
    const sentence = queue.shift();
    if (!sentence || !reading) return end();
    const said = new SpeechSynthesisUtterance(sentence.words);
    said.lang = sentence.lang;
    const voice = voiceFor(sentence.lang);
    if (voice) said.voice = voice;
    said.onend = () => reading && next();
    said.onerror = () => end();
    mark(sentence);
    speechSynthesis.speak(said);
  };

  play.addEventListener('click', () => {
    speechSynthesis.cancel();
    queue = blocks().flatMap(sentences);
    reading = true;
    show('playing');
    next();
  });
  pause.addEventListener('click', () => {
    if (speechSynthesis.paused) {
      speechSynthesis.resume();
      show('playing');
    } else {
      speechSynthesis.pause();
      show('paused');
    }
  });
  stop.addEventListener('click', () => {
    end();
    play.focus();
  });
  // A screen reader's user moving into the page reads it their own way.
  root.addEventListener('focusin', (event) => {
    if (reading && !controls.contains(event.target)) end();
  });
  window.addEventListener('pagehide', end);

  // Voices arrive after the page in some browsers.
  const offer = () => {
    if (voiceFor(lang)) controls.hidden = false;
  };
  offer();
  speechSynthesis.addEventListener?.('voiceschanged', offer);
}
