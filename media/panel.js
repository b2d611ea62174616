// The opportunity panel's only script. It renders nothing from data: the page
// arrives escaped from the extension; this wires buttons, keyboard behaviour,
// and keeps scroll position and closed groups through hide, refresh and reload.
(function () {
  const vscode = acquireVsCodeApi();
  const statusLine = document.querySelector('.status-line');
  const id = Number(document.body.dataset.opportunityId);
  const saved = vscode.getState() || {};
  const state = { id, scrollY: saved.id === id ? saved.scrollY || 0 : 0, closedGroups: saved.id === id ? saved.closedGroups || [] : [] };

  for (const group of document.querySelectorAll('details[data-group]')) {
    if (state.closedGroups.includes(group.dataset.group)) {
      group.removeAttribute('open');
    }
  }
  window.scrollTo(0, state.scrollY);
  vscode.setState(state);

  function save() {
    state.scrollY = Math.round(window.scrollY);
    state.closedGroups = Array.from(document.querySelectorAll('details[data-group]:not([open])'), (g) => g.dataset.group);
    vscode.setState(state);
  }
  let scrollTimer;
  window.addEventListener('scroll', () => {
    clearTimeout(scrollTimer);
    scrollTimer = setTimeout(save, 100);
  });
  document.addEventListener('toggle', save, true);

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
