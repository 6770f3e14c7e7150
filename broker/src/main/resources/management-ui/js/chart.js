// A small time-series line chart on <canvas>: a rolling window of samples, an auto-scaled y axis
// with round tick values, a legend. Sized in CSS pixels and scaled for the display's density.
'use strict';

(function (W) {
  const PAD = { left: 56, right: 16, top: 14, bottom: 26 };

  class LineChart {
    /** series: [{key, label, color}]; windowSize: samples kept. */
    constructor(series, options) {
      this.series = series;
      this.windowSize = (options && options.windowSize) || 60;
      this.unit = (options && options.unit) || '';
      this.samples = [];
      this.canvas = W.h('canvas.chart', { height: 220, dataset: { points: '0' } });
      this.legend = W.h('div.legend', {}, series.map((s) =>
        W.h('span.legend-item', {},
          W.h('span.swatch', { dataset: { color: s.color } }),
          s.label,
          W.h('strong', { dataset: { key: s.key } }, '—'))));
      for (const swatch of this.legend.querySelectorAll('.swatch')) {
        swatch.style.background = swatch.dataset.color;
      }
      this.element = W.h('div.chart-box', {}, this.canvas, this.legend);
      this.resize = () => this.draw();
      window.addEventListener('resize', this.resize);
    }

    /** Adds one sample: values by series key (null for a gap). */
    push(time, values) {
      this.samples.push({ time, values });
      if (this.samples.length > this.windowSize) this.samples.shift();
      this.canvas.dataset.points = String(this.samples.length);
      for (const s of this.series) {
        const value = values[s.key];
        this.legend.querySelector('strong[data-key="' + s.key + '"]').textContent =
          typeof value === 'number' ? format(value) + this.unit : '—';
      }
      this.draw();
    }

    dispose() {
      window.removeEventListener('resize', this.resize);
    }

    draw() {
      const canvas = this.canvas;
      const width = canvas.clientWidth || 600;
      const height = 220;
      const ratio = window.devicePixelRatio || 1;
      canvas.width = Math.round(width * ratio);
      canvas.height = Math.round(height * ratio);
      canvas.style.height = height + 'px';
      const ctx = canvas.getContext('2d');
      ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
      ctx.clearRect(0, 0, width, height);

      const plotW = width - PAD.left - PAD.right;
      const plotH = height - PAD.top - PAD.bottom;
      const max = niceMax(this.maxValue());
      // Enough decimals that neighbouring ticks never print the same label (0.02, 0.04, ...).
      const step = max / 5;
      const decimals = step >= 1 ? 0 : Math.min(3, Math.ceil(-Math.log10(step) - 1e-9));
      ctx.font = '11px system-ui, sans-serif';
      ctx.textBaseline = 'middle';

      // Five divisions of a 1/2/5 maximum land every tick on a round number.
      for (let i = 0; i <= 5; i++) {
        const y = PAD.top + plotH - (plotH * i) / 5;
        ctx.strokeStyle = i === 0 ? '#94a3b8' : '#e2e8f0';
        ctx.beginPath();
        ctx.moveTo(PAD.left, Math.round(y) + 0.5);
        ctx.lineTo(PAD.left + plotW, Math.round(y) + 0.5);
        ctx.stroke();
        ctx.fillStyle = '#64748b';
        ctx.textAlign = 'right';
        const label = i === 0 || step >= 1 ? format(step * i) : (step * i).toFixed(decimals);
        ctx.fillText(label, PAD.left - 8, y);
      }

      const samples = this.samples;
      if (samples.length === 0) {
        ctx.textAlign = 'center';
        ctx.fillText('waiting for data…', PAD.left + plotW / 2, PAD.top + plotH / 2);
        return;
      }
      const end = samples[samples.length - 1].time;
      const span = Math.max(end - samples[0].time, 1);
      const x = (t) => PAD.left + plotW - ((end - t) / span) * plotW;
      const y = (v) => PAD.top + plotH - (v / max) * plotH;

      ctx.textAlign = 'center';
      ctx.fillStyle = '#64748b';
      ctx.fillText(clock(samples[0].time), PAD.left + 24, height - 10);
      ctx.fillText(clock(end), PAD.left + plotW - 24, height - 10);

      for (const s of this.series) {
        ctx.strokeStyle = s.color;
        ctx.lineWidth = 2;
        ctx.lineJoin = 'round';
        ctx.beginPath();
        let drawing = false;
        for (const sample of samples) {
          const value = sample.values[s.key];
          if (typeof value !== 'number') {
            drawing = false;
            continue;
          }
          if (drawing) ctx.lineTo(x(sample.time), y(value));
          else ctx.moveTo(x(sample.time), y(value));
          drawing = true;
        }
        ctx.stroke();
        const last = samples[samples.length - 1].values[s.key];
        if (typeof last === 'number') {
          ctx.fillStyle = s.color;
          ctx.beginPath();
          ctx.arc(x(end), y(last), 3, 0, 2 * Math.PI);
          ctx.fill();
        }
      }
      ctx.lineWidth = 1;
    }

    maxValue() {
      let max = 0;
      for (const sample of this.samples) {
        for (const s of this.series) {
          const v = sample.values[s.key];
          if (typeof v === 'number' && v > max) max = v;
        }
      }
      return max;
    }
  }

  /** The smallest 1/2/5 x 10^n at or above value, so ticks read as round numbers. */
  function niceMax(value) {
    if (value <= 0) return 1;
    const magnitude = Math.pow(10, Math.floor(Math.log10(value)));
    for (const step of [1, 2, 5, 10]) {
      if (step * magnitude >= value) return step * magnitude;
    }
    return 10 * magnitude;
  }

  function format(value) {
    if (value >= 1e6) return (value / 1e6).toFixed(1) + 'M';
    if (value >= 1e4) return (value / 1e3).toFixed(0) + 'k';
    return Number.isInteger(value) ? String(value) : value.toFixed(1);
  }

  function clock(time) {
    return new Date(time).toLocaleTimeString('en-GB');
  }

  /**
   * Rates per second for the given message_stats keys: RabbitMQ's own "<key>_details.rate" when the
   * broker reports it, else the difference of totals since the previous sample.
   */
  class RateTracker {
    constructor(keys) {
      this.keys = keys;
      this.previous = null;
    }

    rates(time, stats) {
      const out = {};
      const totals = {};
      for (const key of this.keys) {
        const details = stats && stats[key + '_details'];
        totals[key] = stats && typeof stats[key] === 'number' ? stats[key] : null;
        if (details && typeof details.rate === 'number') {
          out[key] = details.rate;
        } else if (this.previous && totals[key] !== null && this.previous.totals[key] !== null) {
          const seconds = (time - this.previous.time) / 1000;
          out[key] = seconds > 0 ? Math.max(0, (totals[key] - this.previous.totals[key]) / seconds) : 0;
        } else {
          out[key] = totals[key] === null ? null : 0;
        }
      }
      this.previous = { time, totals };
      return out;
    }
  }

  W.LineChart = LineChart;
  W.RateTracker = RateTracker;
})(window.W);
