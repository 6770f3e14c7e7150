// The management HTTP API with RabbitMQ's paths. Credentials live in sessionStorage (gone when the
// tab closes) and go out as HTTP basic auth on every request; a 401 sends the user back to login.
'use strict';

(function (W) {
  const KEY = 'warrenmq.auth';

  class ApiError extends Error {
    constructor(status, reason) {
      super(reason);
      this.status = status;
    }
  }
  W.ApiError = ApiError;

  function base64(text) {
    const bytes = new TextEncoder().encode(text);
    let binary = '';
    for (const b of bytes) binary += String.fromCharCode(b);
    return btoa(binary);
  }

  W.session = {
    user() {
      const stored = sessionStorage.getItem(KEY);
      return stored ? JSON.parse(stored).user : null;
    },
    save(user, password) {
      sessionStorage.setItem(KEY, JSON.stringify({ user, token: base64(user + ':' + password) }));
    },
    clear() {
      sessionStorage.removeItem(KEY);
    },
    token() {
      const stored = sessionStorage.getItem(KEY);
      return stored ? JSON.parse(stored).token : null;
    },
  };

  /** Path from segments, each percent-encoded ('/' as the default vhost becomes %2F). */
  W.path = function (...segments) {
    return '/api/' + segments.map((s) => encodeURIComponent(s)).join('/');
  };

  /**
   * One API call; resolves to the parsed JSON (null for an empty body), rejects with ApiError
   * carrying RabbitMQ's "reason". extraHeaders is for headers such as X-Reason.
   */
  W.api = async function (method, path, body, extraHeaders) {
    // X-Requested-With marks a script's request, for which a server may leave out the
    // WWW-Authenticate challenge that would make the browser pop up its own login dialog.
    const headers = Object.assign({
      Authorization: 'Basic ' + W.session.token(),
      'X-Requested-With': 'XMLHttpRequest',
    }, extraHeaders);
    const init = { method, headers, cache: 'no-store' };
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    let response;
    try {
      response = await fetch(path, init);
    } catch (error) {
      throw new ApiError(0, 'The broker is not reachable (' + error.message + ')');
    }
    const text = await response.text();
    let json = null;
    if (text) {
      try {
        json = JSON.parse(text);
      } catch (error) {
        json = null;
      }
    }
    if (response.status === 401) {
      W.session.clear();
      W.showLogin((json && json.reason) || 'Please log in.');
      throw new ApiError(401, (json && json.reason) || 'Not authorised');
    }
    if (!response.ok) {
      const reason = json && (json.reason || json.error);
      throw new ApiError(response.status, reason || response.status + ' ' + response.statusText);
    }
    return json;
  };

  W.get = (path) => W.api('GET', path);

  /** Names of the vhosts the user can see, for the forms' vhost selects. */
  W.vhostNames = async function () {
    const vhosts = await W.get('/api/vhosts');
    return vhosts.map((v) => v.name).sort();
  };
})(window.W);
