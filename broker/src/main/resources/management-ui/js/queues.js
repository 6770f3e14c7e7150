// Queues: the list with an add form, and one queue's page (depth chart, consumers, bindings,
// publish, get, purge, delete).
'use strict';

(function (W) {
  const h = W.h;
  const fmt = W.fmt;

  W.pages = W.pages || {};

  /** Options of a vhost <select>, filled once the vhosts have loaded. */
  W.vhostSelect = function (id) {
    const select = h('select', { id, name: 'vhost' });
    W.vhostNames().then((names) => {
      W.fill(select, names.map((name) => h('option', { value: name, selected: name === '/' }, name)));
    }, (error) => W.flash(error.message, true));
    return select;
  };

  W.pages.queues = function () {
    const list = h('div#queue-list', {}, h('p.empty', {}, 'Loading…'));
    const add = W.form('add-queue', [
      W.field('Virtual host', W.vhostSelect('queue-vhost')),
      W.field('Name', h('input#queue-name', { name: 'name', required: true, placeholder: 'orders' })),
      W.field('Durability', W.select({ id: 'queue-durable', name: 'durable' },
        [['true', 'Durable'], ['false', 'Transient']], 'true')),
      W.field('Auto delete', W.select({ id: 'queue-auto-delete', name: 'auto_delete' },
        [['false', 'No'], ['true', 'Yes']], 'false')),
      W.field('Arguments', h('input#queue-arguments', { name: 'arguments', placeholder: '{"x-max-length": 1000}' }),
        'JSON object, optional'),
    ], 'Add queue', async (form) => {
      const vhost = form.vhost.value;
      const name = form.name.value.trim();
      await W.api('PUT', W.path('queues', vhost, name), {
        durable: form.durable.value === 'true',
        auto_delete: form.auto_delete.value === 'true',
        arguments: parseArguments(form.arguments.value),
      });
      form.name.value = '';
      form.arguments.value = '';
      W.flash('Queue ' + name + ' declared');
      await W.refreshNow();
    });

    async function refresh() {
      const queues = await W.get('/api/queues');
      // Rate columns only when the broker reports per-queue rates.
      const rated = queues.some((q) => q.message_stats);
      W.fill(list, W.table(
        ['Virtual host', 'Name', 'Type', 'Features', 'State', 'Ready', 'Unacked', 'Total', 'Consumers']
          .concat(rated ? ['In', 'Out'] : []),
        queues.map((q) => [
          q.vhost,
          W.link(q.name, 'queues', q.vhost, q.name),
          q.type || 'classic',
          features(q),
          h('span.badge', {}, q.state || 'running'),
          fmt.num(q.messages_ready),
          fmt.num(q.messages_unacknowledged),
          fmt.num(q.messages),
          fmt.num(q.consumers),
        ].concat(rated ? [fmt.rate(rate(q, 'publish')), fmt.rate(rate(q, 'deliver_get'))] : [])),
        'No queues yet. Add one below.'));
    }

    return {
      title: 'Queues',
      element: h('div#page-queues', {},
        h('div.page-head', {}, h('h1', {}, 'Queues')),
        W.section('All queues', list),
        W.section('Add a queue', add)),
      refresh,
    };
  };

  function rate(q, key) {
    const details = q.message_stats && q.message_stats[key + '_details'];
    return details ? details.rate : undefined;
  }

  /** RabbitMQ's short feature marks: D durable, AD auto-delete, Excl exclusive, Args. */
  W.features = features;
  function features(item) {
    const marks = [];
    if (item.durable) marks.push(['D', 'durable']);
    if (item.auto_delete) marks.push(['AD', 'auto-delete']);
    if (item.exclusive) marks.push(['Excl', 'exclusive']);
    if (item.internal) marks.push(['I', 'internal']);
    if (item.arguments && Object.keys(item.arguments).length) {
      marks.push(['Args', Object.entries(item.arguments).map(([k, v]) => k + '=' + JSON.stringify(v)).join(', ')]);
    }
    return h('span.features', {}, marks.map(([mark, title]) => h('abbr.feature', { title }, mark)));
  }

  W.parseArguments = parseArguments;
  function parseArguments(text) {
    if (!text || !text.trim()) return {};
    let value;
    try {
      value = JSON.parse(text);
    } catch (error) {
      throw new Error('Arguments must be a JSON object: ' + error.message);
    }
    if (!value || typeof value !== 'object' || Array.isArray(value)) {
      throw new Error('Arguments must be a JSON object');
    }
    return value;
  }

  W.pages.queue = function ([vhost, name]) {
    const depth = new W.LineChart([
      { key: 'ready', label: 'Ready', color: '#7c3aed' },
      { key: 'unacked', label: 'Unacked', color: '#b45309' },
    ]);
    depth.canvas.id = 'chart-queue-depth';
    const summary = h('div.tiles', {},
      tileOf('Ready', 'queue-ready'), tileOf('Unacked', 'queue-unacked'),
      tileOf('Total', 'queue-messages'), tileOf('Consumers', 'queue-consumers'));
    const details = h('dl.details#queue-details');
    const consumers = h('div#queue-consumers-list', {}, h('p.empty', {}, 'Loading…'));
    const bindings = h('div#queue-bindings', {}, h('p.empty', {}, 'Loading…'));
    const messages = h('div#get-results');

    const publish = W.form('publish-message', [
      W.field('Payload', h('textarea#publish-payload', { name: 'payload', rows: 3 })),
      W.field('Delivery mode', W.select({ name: 'delivery_mode', id: 'publish-delivery-mode' },
        [['1', '1 - non-persistent'], ['2', '2 - persistent']], '1')),
      W.field('Headers', h('input', { name: 'headers', placeholder: '{"source": "ui"}' }), 'JSON object, optional'),
    ], 'Publish message', async (form) => {
      // RabbitMQ's UI publishes to a queue through the default exchange, the queue's name as key.
      const result = await W.api('POST', W.path('exchanges', vhost, 'amq.default', 'publish'), {
        properties: publishProperties(form),
        routing_key: name,
        payload: form.payload.value,
        payload_encoding: 'string',
      });
      W.flash(result && result.routed === false ? 'Message published but not routed' : 'Message published');
      form.payload.value = '';
      await W.refreshNow();
    });

    const get = W.form('get-messages', [
      W.field('Ack mode', W.select({ name: 'ackmode', id: 'get-ackmode' }, [
        ['ack_requeue_true', 'Nack message, requeue true'],
        ['ack_requeue_false', 'Ack message, requeue false'],
        ['reject_requeue_true', 'Reject, requeue true'],
        ['reject_requeue_false', 'Reject, requeue false'],
      ], 'ack_requeue_true')),
      W.field('Messages', h('input', { name: 'count', type: 'number', min: 1, value: '1' })),
    ], 'Get messages', async (form) => {
      const got = await W.api('POST', W.path('queues', vhost, name, 'get'), {
        count: Number(form.count.value) || 1,
        ackmode: form.ackmode.value,
        encoding: 'auto',
        truncate: 50000,
      });
      W.fill(messages, got.length
        ? got.map((m, i) => messageCard(m, i + 1))
        : h('p.empty', {}, 'Queue is empty.'));
      await W.refreshNow();
    });

    const danger = h('div.button-row', {},
      W.confirmButton('Purge messages', async () => {
        await W.api('DELETE', W.path('queues', vhost, name, 'contents'));
        W.flash('Queue ' + name + ' purged');
        await W.refreshNow();
      }, 'warning'),
      W.confirmButton('Delete queue', async () => {
        await W.api('DELETE', W.path('queues', vhost, name));
        W.flash('Queue ' + name + ' deleted', false, true);
        location.hash = '#/queues';
      }));

    const element = h('div#page-queue', {},
      h('div.page-head', {},
        h('p.crumbs', {}, W.link('Queues', 'queues'), ' › virtual host ', h('span.vhost', {}, vhost)),
        h('h1', {}, 'Queue ', h('span.name#queue-title', {}, name))),
      summary,
      h('div.grid-2', {},
        W.section('Queue depth', depth.element),
        W.section('Details', details)),
      W.section('Consumers', consumers),
      W.section('Bindings', bindings),
      h('div.grid-2', {},
        W.section('Publish message', publish),
        W.section('Get messages', get, messages)),
      W.section('Purge or delete', danger));

    async function refresh() {
      const q = await W.get(W.path('queues', vhost, name));
      const now = Date.now();
      setText(element, 'queue-ready', fmt.num(q.messages_ready));
      setText(element, 'queue-unacked', fmt.num(q.messages_unacknowledged));
      setText(element, 'queue-messages', fmt.num(q.messages));
      setText(element, 'queue-consumers', fmt.num(q.consumers));
      depth.push(now, { ready: q.messages_ready, unacked: q.messages_unacknowledged });
      W.fill(details,
        detail('Virtual host', q.vhost), detail('Type', q.type || 'classic'),
        detail('Features', features(q)), detail('State', q.state || 'running'),
        detail('Exclusive', fmt.bool(q.exclusive)),
        typeof q.memory === 'number' ? detail('Memory', fmt.bytes(q.memory)) : null);
      const consumerList = q.consumer_details
        ? Promise.resolve(q.consumer_details)
        : W.get(W.path('consumers', vhost)).then((all) =>
          all.filter((c) => c.queue && c.queue.name === name && c.queue.vhost === vhost));
      await Promise.all([
        W.load(consumers, consumerList, W.consumerTable),
        W.load(bindings, W.get(W.path('queues', vhost, name, 'bindings')), (list) =>
          W.table(['From exchange', 'Routing key', 'Arguments'], list.map((b) => [
            b.source === '' ? '(default exchange binding)' : W.link(b.source, 'exchanges', vhost, b.source),
            b.routing_key,
            JSON.stringify(b.arguments || {}),
          ]), 'No bindings.')),
      ]);
    }

    return { title: 'Queue ' + name, element, refresh, dispose: () => depth.dispose() };
  };

  W.consumerTable = function (list) {
    return W.table(['Channel', 'Consumer tag', 'Ack required', 'Exclusive', 'Prefetch'],
      list.map((c) => [
        (c.channel_details && c.channel_details.name) || '—',
        c.consumer_tag,
        fmt.bool(c.ack_required),
        fmt.bool(c.exclusive),
        fmt.num(c.prefetch_count),
      ]), 'No consumers.');
  };

  W.publishProperties = publishProperties;
  function publishProperties(form) {
    const properties = { delivery_mode: Number(form.delivery_mode.value) };
    const headers = parseArguments(form.headers.value);
    if (Object.keys(headers).length) properties.headers = headers;
    return properties;
  }

  function messageCard(m, index) {
    return h('div.message', {},
      h('div.message-head', {},
        h('strong', {}, 'Message ' + index),
        h('span.muted', {}, ' exchange: ', m.exchange === '' ? '(default)' : m.exchange,
          ' · routing key: ', m.routing_key,
          ' · redelivered: ', fmt.bool(m.redelivered),
          ' · ', fmt.num(m.message_count), ' left')),
      h('pre.payload', {}, m.payload),
      h('p.muted', {}, fmt.num(m.payload_bytes), ' bytes, encoding ', m.payload_encoding,
        m.properties && Object.keys(m.properties).length
          ? ' · properties ' + JSON.stringify(m.properties) : ''));
  }

  function tileOf(label, id) {
    return h('div.tile', {}, h('span.tile-value#' + id, {}, '—'), h('span.tile-label', {}, label));
  }

  function setText(root, id, text) {
    root.querySelector('#' + id).textContent = text;
  }

  function detail(term, value) {
    return [h('dt', {}, term), h('dd', {}, value)];
  }
  W.detail = detail;
})(window.W);
