// "Save to read offline": keeps this site's pages on the phone for reading
// with no signal, only when the reader asks, and "Remove saved pages" takes
// them all away again. Without JavaScript, or in a browser without service
// workers, the box stays hidden and the site reads as before.
(() => {
  const box = document.querySelector('[data-offline]');
  if (!box || !('serviceWorker' in navigator) || !('caches' in window)) return;
  const save = box.querySelector('[data-save]');
  const remove = box.querySelector('[data-remove]');
  const status = box.querySelector('[data-status]');
  const root = new URL(box.dataset.root || './', location.href).href;
  const say = (words) => { status.textContent = box.dataset[words]; };
  // This site's copies, and only this site's: a council's other sites may
  // share the address.
  const ours = (key) => key.startsWith('promise:' + root);
  const saved = async () => (await caches.keys()).some(ours);
  const showRemove = async () => { remove.hidden = !(await saved()); };

  // Asks the worker, and waits for its answer.
  const ask = (worker, message) => new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = (event) => resolve(event.data);
    worker.postMessage(message, [channel.port2]);
  });

  save.addEventListener('click', async () => {
    save.disabled = true;
    say('saving');
    try {
      await navigator.serviceWorker.register(root + 'sw.js', { scope: root });
      const ready = await navigator.serviceWorker.ready;
      const answer = await ask(ready.active, { save: box.dataset.prefix, root });
      say(answer && answer.ok ? 'saved' : 'failed');
    } catch {
      say('failed');
    }
    save.disabled = false;
    await showRemove();
  });

  remove.addEventListener('click', async () => {
    for (const registration of await navigator.serviceWorker.getRegistrations()) {
      if (registration.scope === root) await registration.unregister();
    }
    for (const key of (await caches.keys()).filter(ours)) await caches.delete(key);
    say('removed');
    await showRemove();
    save.focus();
  });

  box.hidden = false;
  showRemove();
})();
