// Connections (with close) and channels.
'use strict';

(function (W) {
  const h = W.h;
  const fmt = W.fmt;

  W.pages = W.pages || {};

  function clientName(c) {
    const props = c.client_properties || {};
    const product = [props.product, props.version].filter(Boolean).join(' ');
    return props.connection_name || product || '—';
  }

  W.pages.connections = function () {
    const list = h('div#connection-list', {}, h('p.empty', {}, 'Loading…'));

    async function refresh() {
      const connections = await W.get('/api/connections');
      W.fill(list, W.table(
        ['Name', 'Virtual host', 'User', 'Client', 'Protocol', 'State', 'Channels', 'Connected since', ''],
        connections.map((c) => [
          h('span.mono', {}, c.name),
          fmt.vhost(c.vhost),
          c.user,
          clientName(c),
          c.protocol || 'AMQP 0-9-1',
          h('span.badge', {}, c.state || 'running'),
          fmt.num(c.channels),
          typeof c.connected_at === 'number' ? new Date(c.connected_at).toLocaleString('en-GB') : '—',
          W.confirmButton('Close', async () => {
            await W.api('DELETE', W.path('connections', c.name), undefined,
              { 'X-Reason': 'Closed via management UI' });
            W.flash('Connection ' + c.name + ' closed');
            await W.refreshNow();
          }, 'small'),
        ]), 'No open connections.'));
    }

    return {
      title: 'Connections',
      element: h('div#page-connections', {},
        h('div.page-head', {}, h('h1', {}, 'Connections')),
        W.section('All connections', list)),
      refresh,
    };
  };

  W.pages.channels = function () {
    const list = h('div#channel-list', {}, h('p.empty', {}, 'Loading…'));

    async function refresh() {
      const channels = await W.get('/api/channels');
      W.fill(list, W.table(
        ['Channel', 'Virtual host', 'User', 'Mode', 'State', 'Consumers', 'Prefetch', 'Unacked', 'Unconfirmed'],
        channels.map((c) => [
          h('span.mono', {}, c.name),
          fmt.vhost(c.vhost),
          c.user,
          [c.confirm ? 'confirm' : null, c.transactional ? 'transactional' : null].filter(Boolean).join(', ') || '—',
          h('span.badge', {}, c.state || 'running'),
          fmt.num(c.consumer_count),
          fmt.num(c.prefetch_count),
          fmt.num(c.messages_unacknowledged),
          fmt.num(c.messages_unconfirmed),
        ]), 'No open channels.'));
    }

    return {
      title: 'Channels',
      element: h('div#page-channels', {},
        h('div.page-head', {}, h('h1', {}, 'Channels')),
        W.section('All channels', list)),
      refresh,
    };
  };
})(window.W);
