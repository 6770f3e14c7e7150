// Overview: object counts, and live charts of message rates and queued messages from /api/overview.
'use strict';

(function (W) {
  const h = W.h;

  function tile(label, id) {
    return h('div.tile', {}, h('span.tile-value#' + id, {}, '—'), h('span.tile-label', {}, label));
  }

  W.pages = W.pages || {};
  W.pages.overview = function () {
    const rates = new W.LineChart([
      { key: 'publish', label: 'Publish', color: '#c2410c' },
      { key: 'deliver_get', label: 'Deliver / get', color: '#0369a1' },
      { key: 'ack', label: 'Ack', color: '#15803d' },
    ], { unit: '/s' });
    const depth = new W.LineChart([
      { key: 'ready', label: 'Ready', color: '#7c3aed' },
      { key: 'unacked', label: 'Unacked', color: '#b45309' },
      { key: 'total', label: 'Total', color: '#475569' },
    ]);
    rates.canvas.id = 'chart-rates';
    depth.canvas.id = 'chart-depth';
    const tracker = new W.RateTracker(['publish', 'deliver_get', 'ack']);
    const product = h('p.muted#product', {}, '');

    const element = h('div#page-overview', {},
      h('div.page-head', {}, h('h1', {}, 'Overview'), product),
      h('div.tiles', {},
        tile('Connections', 'count-connections'),
        tile('Channels', 'count-channels'),
        tile('Exchanges', 'count-exchanges'),
        tile('Queues', 'count-queues'),
        tile('Consumers', 'count-consumers'),
        tile('Ready', 'count-ready'),
        tile('Unacked', 'count-unacked')),
      h('div.grid-2', {},
        W.section('Message rates', rates.element),
        W.section('Queued messages', depth.element)));

    function set(id, value) {
      element.querySelector('#' + id).textContent = W.fmt.num(value);
    }

    async function refresh() {
      const overview = await W.get('/api/overview');
      const now = Date.now();
      const totals = overview.object_totals || {};
      const queued = overview.queue_totals || {};
      product.textContent = [overview.product_name, overview.product_version]
        .filter(Boolean).join(' ') + (overview.node ? ' on ' + overview.node : '');
      set('count-connections', totals.connections);
      set('count-channels', totals.channels);
      set('count-exchanges', totals.exchanges);
      set('count-queues', totals.queues);
      set('count-consumers', totals.consumers);
      set('count-ready', queued.messages_ready);
      set('count-unacked', queued.messages_unacknowledged);
      rates.push(now, tracker.rates(now, overview.message_stats));
      depth.push(now, {
        ready: queued.messages_ready,
        unacked: queued.messages_unacknowledged,
        total: queued.messages,
      });
    }

    return {
      title: 'Overview',
      element,
      refresh,
      dispose() {
        rates.dispose();
        depth.dispose();
      },
    };
  };
})(window.W);
