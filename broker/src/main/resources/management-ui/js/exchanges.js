// Exchanges: the list with an add form, and one exchange's page (bindings from it and to it, add and
// remove a binding, publish, delete).
'use strict';

(function (W) {
  const h = W.h;
  const fmt = W.fmt;
  const TYPES = ['direct', 'fanout', 'topic', 'headers'];

  W.pages = W.pages || {};

  function displayName(name) {
    return name === '' ? '(AMQP default)' : name;
  }

  W.pages.exchanges = function () {
    const list = h('div#exchange-list', {}, h('p.empty', {}, 'Loading…'));
    const add = W.form('add-exchange', [
      W.field('Virtual host', W.vhostSelect('exchange-vhost')),
      W.field('Name', h('input#exchange-name', { name: 'name', required: true, placeholder: 'events' })),
      W.field('Type', W.select({ id: 'exchange-type', name: 'type' }, TYPES, 'direct')),
      W.field('Durability', W.select({ name: 'durable' }, [['true', 'Durable'], ['false', 'Transient']], 'true')),
      W.field('Auto delete', W.select({ name: 'auto_delete' }, [['false', 'No'], ['true', 'Yes']], 'false')),
      W.field('Internal', W.select({ name: 'internal' }, [['false', 'No'], ['true', 'Yes']], 'false')),
      W.field('Arguments', h('input', { name: 'arguments', placeholder: '{"alternate-exchange": "ae"}' }),
        'JSON object, optional'),
    ], 'Add exchange', async (form) => {
      const name = form.name.value.trim();
      await W.api('PUT', W.path('exchanges', form.vhost.value, name), {
        type: form.type.value,
        durable: form.durable.value === 'true',
        auto_delete: form.auto_delete.value === 'true',
        internal: form.internal.value === 'true',
        arguments: W.parseArguments(form.arguments.value),
      });
      form.name.value = '';
      W.flash('Exchange ' + name + ' declared');
      await W.refreshNow();
    });

    async function refresh() {
      const exchanges = await W.get('/api/exchanges');
      const rated = exchanges.some((x) => x.message_stats);
      W.fill(list, W.table(['Virtual host', 'Name', 'Type', 'Features'].concat(rated ? ['In', 'Out'] : []),
        exchanges.map((x) => [
          x.vhost,
          W.link(displayName(x.name), 'exchanges', x.vhost, x.name === '' ? 'amq.default' : x.name),
          x.type,
          W.features(x),
        ].concat(rated ? [fmt.rate(rate(x, 'publish_in')), fmt.rate(rate(x, 'publish_out'))] : [])),
        'No exchanges.'));
    }

    return {
      title: 'Exchanges',
      element: h('div#page-exchanges', {},
        h('div.page-head', {}, h('h1', {}, 'Exchanges')),
        W.section('All exchanges', list),
        W.section('Add an exchange', add)),
      refresh,
    };
  };

  function rate(x, key) {
    const details = x.message_stats && x.message_stats[key + '_details'];
    return details ? details.rate : undefined;
  }

  W.pages.exchange = function ([vhost, name]) {
    const isDefault = name === 'amq.default' || name === '';
    const details = h('dl.details#exchange-details');
    const outgoing = h('div#exchange-bindings', {}, h('p.empty', {}, 'Loading…'));
    const incoming = h('div#exchange-bindings-in', {}, h('p.empty', {}, 'Loading…'));

    const bind = W.form('add-binding', [
      W.field('To', W.select({ name: 'destination_type' }, [['q', 'Queue'], ['e', 'Exchange']], 'q')),
      W.field('Destination', h('input', { name: 'destination', required: true, placeholder: 'queue name' })),
      W.field('Routing key', h('input', { name: 'routing_key' })),
      W.field('Arguments', h('input', { name: 'arguments', placeholder: '{"x-match": "all"}' }), 'JSON object, optional'),
    ], 'Bind', async (form) => {
      await W.api('POST', W.path('bindings', vhost, 'e', name, form.destination_type.value, form.destination.value), {
        routing_key: form.routing_key.value,
        arguments: W.parseArguments(form.arguments.value),
      });
      form.destination.value = '';
      form.routing_key.value = '';
      W.flash('Binding added');
      await W.refreshNow();
    });

    const publish = W.form('publish-exchange', [
      W.field('Routing key', h('input', { name: 'routing_key' })),
      W.field('Delivery mode', W.select({ name: 'delivery_mode' },
        [['1', '1 - non-persistent'], ['2', '2 - persistent']], '1')),
      W.field('Headers', h('input', { name: 'headers', placeholder: '{"source": "ui"}' }), 'JSON object, optional'),
      W.field('Payload', h('textarea', { name: 'payload', rows: 3 })),
    ], 'Publish message', async (form) => {
      const result = await W.api('POST', W.path('exchanges', vhost, name, 'publish'), {
        properties: W.publishProperties(form),
        routing_key: form.routing_key.value,
        payload: form.payload.value,
        payload_encoding: 'string',
      });
      W.flash(result && result.routed === false ? 'Message published, but not routed to any queue' : 'Message published');
      form.payload.value = '';
    });

    const sections = [
      W.section('Details', details),
      W.section('Bindings from this exchange', outgoing),
    ];
    if (!isDefault) {
      sections.push(W.section('Bindings to this exchange', incoming), W.section('Add a binding', bind));
    }
    sections.push(W.section('Publish message', publish));
    if (!isDefault && !name.startsWith('amq.')) {
      sections.push(W.section('Delete', W.confirmButton('Delete exchange', async () => {
        await W.api('DELETE', W.path('exchanges', vhost, name));
        W.flash('Exchange ' + name + ' deleted', false, true);
        location.hash = '#/exchanges';
      })));
    }

    const element = h('div#page-exchange', {},
      h('div.page-head', {},
        h('p.crumbs', {}, W.link('Exchanges', 'exchanges'), ' › virtual host ', h('span.vhost', {}, vhost)),
        h('h1', {}, 'Exchange ', h('span.name', {}, displayName(isDefault ? '' : name)))),
      sections);

    function bindingRows(list, showSource) {
      return list.map((b) => [
        showSource ? W.link(displayName(b.source), 'exchanges', vhost, b.source || 'amq.default')
          : b.destination_type === 'queue' ? W.link(b.destination, 'queues', vhost, b.destination)
            : W.link(b.destination, 'exchanges', vhost, b.destination),
        b.destination_type,
        b.routing_key,
        JSON.stringify(b.arguments || {}),
        isDefault ? '' : W.confirmButton('Unbind', async () => {
          const kind = b.destination_type === 'queue' ? 'q' : 'e';
          await W.api('DELETE', W.path('bindings', vhost, 'e', b.source, kind, b.destination, b.properties_key));
          W.flash('Binding removed');
          await W.refreshNow();
        }, 'small'),
      ]);
    }

    async function refresh() {
      const x = await W.get(W.path('exchanges', vhost, name));
      W.fill(details, W.detail('Virtual host', x.vhost), W.detail('Type', x.type),
        W.detail('Features', W.features(x)), W.detail('Policy', x.policy || 'none'));
      await Promise.all([
        W.load(outgoing, W.get(W.path('exchanges', vhost, name, 'bindings', 'source')), (list) =>
          W.table(['To', 'Kind', 'Routing key', 'Arguments', ''], bindingRows(list, false),
            isDefault ? 'The default exchange routes to every queue by its name.' : 'No bindings.')),
        isDefault ? null : W.load(incoming, W.get(W.path('exchanges', vhost, name, 'bindings', 'destination')),
          (list) => W.table(['From', 'Kind', 'Routing key', 'Arguments', ''], bindingRows(list, true), 'No bindings.')),
      ]);
    }

    return { title: 'Exchange ' + displayName(name), element, refresh };
  };
})(window.W);
