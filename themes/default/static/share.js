// "Share": the phone's own share sheet (WhatsApp, Snapchat, Signal, Teams)
// where the browser has one, or the link copied where it has not. Without
// JavaScript the button stays hidden: the address bar shares the page.
for (const button of document.querySelectorAll('[data-share]')) {
  const status = button.parentElement.querySelector('[data-share-status]');
  button.hidden = false;
  button.addEventListener('click', async () => {
    // The page's own title and address only: nothing about the site.
    const shared = { title: button.dataset.title, url: button.dataset.url };
    try {
      if (navigator.share) {
        await navigator.share(shared);
      } else {
        await navigator.clipboard.writeText(shared.url);
        status.textContent = button.dataset.copied;
      }
    } catch (error) {
      // Closing the share sheet is not a failure.
      if (error.name !== 'AbortError') status.textContent = button.dataset.failed;
    }
  });
}
