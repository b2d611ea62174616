// The opportunity panel's only script. It renders nothing from data: the page
// arrives escaped from the extension; this wires buttons and keyboard behaviour.
(function () {
  const vscode = acquireVsCodeApi();
  const statusLine = document.querySelector('.status-line');

  document.addEventListener('click', (event) => {
    const target = event.target instanceof Element ? event.target.closest('button') : null;
    if (!target) {
      return;
    }
    if (target.dataset.action) {
      vscode.postMessage({ type: target.dataset.action });
    } else if (target.dataset.link) {
      vscode.postMessage({ type: 'openLink', url: target.dataset.link });
    }
  });

  // Escape hides a shown tooltip without moving focus (WCAG 1.4.13); the next
  // hover or focus shows tooltips again.
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      document.body.classList.add('tooltips-dismissed');
    }
  });
  const showAgain = () => document.body.classList.remove('tooltips-dismissed');
  document.addEventListener('focusin', showAgain);
  document.addEventListener('mouseover', (event) => {
    if (event.target instanceof Element && event.target.classList.contains('label')) {
      showAgain();
    }
  });

  window.addEventListener('message', (event) => {
    const message = event.data;
    if (message && message.type === 'status' && statusLine) {
      statusLine.textContent = String(message.text || '');
    }
  });
})();
