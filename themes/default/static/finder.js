// "Am I a care leaver?" in one page. Without this script each answer is a
// link to the next page, and the browser keeps every one in its history.
// With it, the first page fetches the steps file once (the same for every
// reader, so it tells nobody anything) and shows each question and the end
// here: the history holds this one page, and "Clear my answers" takes them
// all away. Nothing is stored or sent.
(() => {
  const app = document.querySelector('[data-finder][data-steps]');
  if (!app || !('content' in document.createElement('template'))) return;
  const first = app.querySelector('[data-finder-step]').cloneNode(true);

  const ready = (steps) => {
    const tree = JSON.parse(steps.getElementById('tree').textContent);
    // A part of the steps file; nothing (not the word "null") if it is not there.
    const part = (id) => {
      const found = steps.getElementById(id);
      return found ? document.importNode(found.content, true) : document.createDocumentFragment();
    };
    // The age chosen, and each answer since: { answer, said }.
    let age = null;
    let ageSaid = '';
    let answers = [];

    // The question or the end that the answers so far lead to.
    const where = () => {
      let node = tree[age];
      for (const { answer } of answers) {
        if (answer === 'not-sure') return `e-${age}-not-sure`;
        node = node[answer === 'yes' ? 1 : 2];
      }
      return typeof node === 'string' ? `e-${node}` : `q-${node[0]}`;
    };

    const show = () => {
      // The page's address never changes, and no entry is added.
      history.replaceState(null, '', location.pathname);
      const next = first.cloneNode(age === null);
      if (age !== null) {
        const body = part(where());
        if (!body.firstChild) return;
        // What ends share is in the steps file once; an end names it.
        for (const cards of body.querySelectorAll('[data-cards]')) {
          for (const key of cards.dataset.cards.split(' ').filter(Boolean)) cards.append(part(`card-${key}`));
          delete cards.dataset.cards;
        }
        for (const slot of body.querySelectorAll('[data-part]')) slot.replaceWith(part(`part-${slot.dataset.part}`));
        next.append(part('back'), body, list());
      }
      app.querySelector('[data-finder-step]').replaceWith(next);
      const heading = app.querySelector('[data-finder-step] h1');
      heading.tabIndex = -1;
      heading.focus();
    };

    // "Your answers", each with a way back to change it.
    const list = () => {
      const section = part('answers');
      const ul = section.querySelector('[data-said]');
      [ageSaid, ...answers.map((a) => a.said)].forEach((text, i) => {
        if (!text) return;
        const row = part('said');
        row.querySelector('[data-text]').textContent = text;
        const change = row.querySelector('[data-change]');
        change.dataset.change = String(i);
        change.setAttribute('aria-label', `${change.dataset.label}: ${text}`);
        ul.append(row);
      });
      return section;
    };

    app.addEventListener('click', (event) => {
      const target = event.target.closest('a[data-age], button');
      if (!target || !app.contains(target)) return;
      const data = target.dataset;
      if (data.age !== undefined) {
        age = data.age;
        ageSaid = data.said;
        answers = [];
      } else if (data.answer !== undefined) {
        answers.push({ answer: data.answer, said: data.said || '' });
      } else if (data.change !== undefined) {
        const i = Number(data.change);
        if (i === 0) age = null;
        answers = answers.slice(0, Math.max(0, i - 1));
      } else if (data.finderBack !== undefined) {
        if (answers.length) answers.pop();
        else age = null;
      } else if (data.finderClear !== undefined) {
        age = null;
        answers = [];
      } else {
        return;
      }
      event.preventDefault();
      show();
    });
    app.dataset.finderReady = '';
  };

  fetch(app.dataset.steps, { credentials: 'same-origin' })
    .then((response) => (response.ok ? response.text() : Promise.reject(response.status)))
    .then((text) => ready(new DOMParser().parseFromString(text, 'text/html')))
    // The links still work, a page an answer.
    .catch(() => {});
})();
