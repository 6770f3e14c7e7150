// DOM building without innerHTML: every server value becomes a text node, so nothing the broker
// returns (queue names, payloads, client properties) can inject markup.
'use strict';
window.W = window.W || {};

(function (W) {
  /** h('tag.class#id', {attr: value, onclick: fn}, child...) with strings as text nodes. */
  W.h = function (spec, attrs, ...children) {
    const match = /^([a-z0-9]+)?((?:[.#][\w-]+)*)$/i.exec(spec);
    const el = document.createElement((match && match[1]) || 'div');
    if (match && match[2]) {
      for (const part of match[2].match(/[.#][\w-]+/g)) {
        if (part[0] === '.') el.classList.add(part.slice(1));
        else el.id = part.slice(1);
      }
    }
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (key.startsWith('on') && typeof value === 'function') {
        el.addEventListener(key.slice(2), value);
      } else if (key === 'dataset') {
        Object.assign(el.dataset, value);
      } else if (key === 'value') {
        el.value = value;
      } else if (key === 'checked' || key === 'selected' || key === 'disabled' || key === 'hidden') {
        el[key] = Boolean(value);
      } else {
        el.setAttribute(key, value === true ? '' : String(value));
      }
    }
    append(el, children);
    return el;
  };

  function append(el, children) {
    for (const child of children) {
      if (child === null || child === undefined || child === false) continue;
      if (Array.isArray(child)) append(el, child);
      else if (child instanceof Node) el.appendChild(child);
      else el.appendChild(document.createTextNode(String(child)));
    }
  }

  /** Replaces el's children. */
  W.fill = function (el, ...children) {
    el.replaceChildren();
    append(el, children);
    return el;
  };

  /** A table with a header row; rows are arrays of cells (strings or nodes). */
  W.table = function (headers, rows, emptyText) {
    if (!rows.length) {
      return W.h('p.empty', {}, emptyText || 'Nothing here yet.');
    }
    return W.h('table.data', {},
      W.h('thead', {}, W.h('tr', {}, headers.map((label) => W.h('th', {}, label)))),
      W.h('tbody', {}, rows.map((cells) => W.h('tr', {}, cells.map((c) => W.h('td', {}, c))))));
  };

  W.fmt = {
    num(value) {
      return typeof value === 'number' ? value.toLocaleString('en-US') : '—';
    },
    rate(value) {
      return typeof value === 'number' ? value.toFixed(value < 10 ? 1 : 0) + '/s' : '—';
    },
    bool(value) {
      return value ? 'yes' : 'no';
    },
    vhost(name) {
      return name === undefined || name === null ? '—' : name;
    },
    bytes(value) {
      if (typeof value !== 'number') return '—';
      const units = ['B', 'KiB', 'MiB', 'GiB'];
      let i = 0;
      while (value >= 1024 && i < units.length - 1) {
        value /= 1024;
        i++;
      }
      return (i ? value.toFixed(1) : value) + ' ' + units[i];
    },
  };

  /** A hash link to a page for one object, path segments percent-encoded. */
  W.link = function (text, ...segments) {
    return W.h('a', { href: '#/' + segments.map(encodeURIComponent).join('/') }, text);
  };

  /** A button that asks for a second click before running a destructive action. */
  W.confirmButton = function (label, action, cls) {
    let armed = null;
    const button = W.h('button.' + (cls || 'danger'), { type: 'button' }, label);
    button.addEventListener('click', async () => {
      if (!armed) {
        button.textContent = 'Click again to confirm';
        button.classList.add('armed');
        armed = setTimeout(() => {
          armed = null;
          button.textContent = label;
          button.classList.remove('armed');
        }, 4000);
        return;
      }
      clearTimeout(armed);
      armed = null;
      button.classList.remove('armed');
      button.textContent = label;
      button.disabled = true;
      try {
        await action();
      } finally {
        button.disabled = false;
      }
    });
    return button;
  };

  /** A labelled form field. */
  W.field = function (label, input, hint) {
    const wide = input.tagName === 'TEXTAREA';
    return W.h(wide ? 'label.field.wide' : 'label.field', {}, W.h('span.label', {}, label), input,
      hint ? W.h('span.hint', {}, hint) : null);
  };

  /** A select of the given options ([value, text] pairs or plain strings). */
  W.select = function (attrs, options, selected) {
    return W.h('select', attrs, options.map((option) => {
      const [value, text] = Array.isArray(option) ? option : [option, option];
      return W.h('option', { value, selected: value === selected }, text);
    }));
  };

  /** A form whose submit runs handler(values) and reports its outcome in the flash area. */
  W.form = function (id, fields, submitLabel, handler) {
    const form = W.h('form.inline-form', { id }, fields,
      W.h('div.actions', {}, W.h('button.primary', { type: 'submit' }, submitLabel)));
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const button = form.querySelector('button[type=submit]');
      button.disabled = true;
      try {
        await handler(form);
      } catch (error) {
        W.flash(error.message, true);
      } finally {
        button.disabled = false;
      }
    });
    return form;
  };

  let flashTimer = null;
  let flashOutlivesPage = false;
  /**
   * A short message under the top bar; errors stay until the next message or page. Pass
   * outlivesPage for an action that moves to another page (a deleted queue's page goes away).
   */
  W.flash = function (message, isError, outlivesPage) {
    flashOutlivesPage = Boolean(outlivesPage);
    const el = document.getElementById('flash');
    el.textContent = message;
    el.classList.toggle('error', Boolean(isError));
    el.hidden = false;
    clearTimeout(flashTimer);
    if (!isError) {
      flashTimer = setTimeout(() => (el.hidden = true), 4000);
    }
  };

  /**
   * Renders one part of a page from its own request, so a failing part shows its error in place
   * while the rest of the page stays live.
   */
  W.load = async function (el, promise, render) {
    try {
      W.fill(el, render(await promise));
    } catch (error) {
      if (error.status === 401) throw error;
      W.fill(el, W.h('p.section-error', {}, error.message));
    }
  };

  /** Called on every page change: last page's message goes unless it was meant to follow. */
  W.clearFlash = function () {
    if (!flashOutlivesPage) document.getElementById('flash').hidden = true;
    flashOutlivesPage = false;
  };

  /** A page section with a heading. */
  W.section = function (title, ...children) {
    return W.h('section.card', {}, W.h('h2', {}, title), children);
  };
})(window.W);
