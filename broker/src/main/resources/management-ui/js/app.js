// Login, hash routing and polling. Each page is a function (params) -> {element, refresh, dispose};
// the router shows one page at a time and calls its refresh now and every few seconds.
'use strict';

(function (W) {
  const POLL_MS = 5000;
  let current = null;
  let timer = null;
  let refreshing = false;

  W.pages = W.pages || {};

  W.showLogin = function (message) {
    stopPage();
    document.getElementById('app').hidden = true;
    document.getElementById('login').hidden = false;
    const error = document.getElementById('login-error');
    error.textContent = message || '';
    error.hidden = !message;
    document.getElementById('login-user').focus();
  };

  function showApp() {
    document.getElementById('login').hidden = true;
    document.getElementById('app').hidden = false;
    document.getElementById('session-user').textContent = W.session.user();
    route();
  }

  function stopPage() {
    clearInterval(timer);
    timer = null;
    if (current && current.dispose) current.dispose();
    current = null;
  }

  /** Runs the current page's refresh now (after an action changed something). */
  W.refreshNow = async function () {
    const page = current;
    if (!page || !page.refresh || refreshing) return;
    refreshing = true;
    try {
      await page.refresh();
    } catch (error) {
      if (error.status !== 401 && page === current) W.flash(error.message, true);
    } finally {
      refreshing = false;
    }
  };

  function route() {
    if (!W.session.token()) {
      W.showLogin();
      return;
    }
    const hash = location.hash.replace(/^#\/?/, '');
    const segments = hash ? hash.split('/').map(decodeURIComponent) : [];
    let name = segments[0] || 'overview';
    let params = segments.slice(1);
    // A queue or exchange page: #/queues/<vhost>/<name>
    if ((name === 'queues' || name === 'exchanges') && params.length === 2) {
      name = name === 'queues' ? 'queue' : 'exchange';
    } else if (!W.pages[name]) {
      name = 'overview';
      params = [];
    }
    stopPage();
    W.clearFlash();
    const section = { queue: 'queues', exchange: 'exchanges' }[name] || name;
    for (const link of document.querySelectorAll('#nav a')) {
      link.classList.toggle('active', link.dataset.page === section);
    }
    current = W.pages[name](params);
    W.fill(document.getElementById('page'), current.element);
    document.title = (current.title || 'Overview') + ' · WarrenMQ';
    W.refreshNow();
    timer = setInterval(() => {
      // A re-render would drop a delete button's "click again to confirm" state mid-decision.
      if (!document.querySelector('#page button.armed')) W.refreshNow();
    }, POLL_MS);
  }

  document.getElementById('login-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const user = document.getElementById('login-user').value;
    const password = document.getElementById('login-password').value;
    W.session.save(user, password);
    try {
      // whoami is newer than some brokers; the overview is what every management user may read.
      await W.get('/api/overview');
    } catch (error) {
      if (error.status !== 401) W.showLogin(error.message);
      return;
    }
    document.getElementById('login-password').value = '';
    showApp();
  });

  document.getElementById('logout').addEventListener('click', () => {
    W.session.clear();
    W.showLogin();
  });

  window.addEventListener('hashchange', () => {
    if (W.session.token()) route();
  });

  if (W.session.token()) showApp();
  else W.showLogin();
})(window.W);
