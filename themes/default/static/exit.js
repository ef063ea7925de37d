// "Exit this page", as GOV.UK builds it: the button (or the Shift key
// pressed three times) leaves for the exit address and replaces this page
// in the browser's history, so the back button does not bring it back.
// Without JavaScript the button is a plain link that still leaves.
(() => {
  const box = document.querySelector('[data-exit-page]');
  const link = box && box.querySelector('[data-exit]');
  if (!link) return;
  const status = box.querySelector('[data-exit-status]');
  const leave = (event) => {
    if (event) event.preventDefault();
    status.textContent = box.dataset.leaving;
    document.body.classList.add('exiting');
    location.replace(link.href);
  };
  link.addEventListener('click', leave);
  // Shift three times within five seconds; any other key starts again.
  let presses = [];
  document.addEventListener('keyup', (event) => {
    if (event.key !== 'Shift') {
      presses = [];
      return;
    }
    const now = Date.now();
    presses = presses.filter((at) => now - at < 5000);
    presses.push(now);
    if (presses.length >= 3) {
      leave();
    } else {
      status.textContent = box.dataset.pressed.replace('{count}', String(3 - presses.length));
    }
  });
})();
