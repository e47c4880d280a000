import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([BarChart, GridComponent, TooltipComponent, SVGRenderer]);

const COLORS = { OK: '#2e7d32', ERROR: '#c62828', QUEUE: '#ef8f00', MISSING: '#9e9e9e' };

/**
 * An order's journey as a timeline: one row per stage, a bar from the stage's start to its end,
 * measured from the first stage's start. The server sends all labels already translated, so this
 * element knows nothing about languages.
 *
 * Property `data` (JSON text): {"unit": "ms", "stages": [{"label", "offset", "duration", "state", "detail"}]}
 */
class JourneyTimeline extends HTMLElement {
  constructor() {
    super();
    this._data = null;
  }

  set data(json) {
    this._data = json ? JSON.parse(json) : null;
    this._render();
  }

  get data() {
    return this._data ? JSON.stringify(this._data) : null;
  }

  connectedCallback() {
    // Vaadin may set `data` before this element is defined; that value then shadows the setter.
    if (Object.prototype.hasOwnProperty.call(this, 'data')) {
      const early = this.data;
      delete this.data;
      this.data = early;
    }
    if (!this.style.display) {
      this.style.display = 'block';
    }
    this._resizeObserver = new ResizeObserver(() => this._chart && this._chart.resize());
    this._resizeObserver.observe(this);
    this._render();
  }

  disconnectedCallback() {
    this._resizeObserver && this._resizeObserver.disconnect();
    this._chart && this._chart.dispose();
    this._chart = null;
  }

  _render() {
    if (!this.isConnected || !this._data) {
      return;
    }
    const stages = this._data.stages;
    this.style.height = `${Math.max(160, stages.length * 34 + 60)}px`;
    if (!this._chart) {
      this._chart = echarts.init(this, null, { renderer: 'svg' });
    }
    const unit = this._data.unit || 'ms';
    this._chart.setOption({
      animation: false,
      grid: { left: 8, right: 24, top: 8, bottom: 24, containLabel: true },
      tooltip: {
        trigger: 'item',
        formatter: (p) => stages[p.dataIndex].detail || stages[p.dataIndex].label,
      },
      xAxis: { type: 'value', axisLabel: { formatter: `{value} ${unit}` } },
      yAxis: { type: 'category', inverse: true, data: stages.map((s) => s.label) },
      series: [
        {
          type: 'bar',
          stack: 'timeline',
          silent: true,
          itemStyle: { color: 'transparent' },
          data: stages.map((s) => s.offset),
        },
        {
          type: 'bar',
          stack: 'timeline',
          barMinWidth: 3,
          data: stages.map((s) => ({
            value: s.state === 'MISSING' ? 0 : Math.max(s.duration, 0.5),
            itemStyle: { color: COLORS[s.state] || COLORS.OK },
          })),
        },
      ],
    }, true);
  }
}

customElements.define('journey-timeline', JourneyTimeline);
