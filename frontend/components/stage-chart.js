import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

/**
 * A time series chart of stage analytics: lines and bars over time buckets, a legend, tooltips with the
 * exact values. The server sends every label and every value's text already translated and formatted
 * (units included), so this element knows nothing about languages or units.
 *
 * Property `data` (JSON text):
 * {"categories": ["08:07", ...],
 *  "yAxes": [{"name": "ms", "min": 0, "max": null}],
 *  "series": [{"name", "type": "line"|"bar", "yAxisIndex", "dashed", "color",
 *              "data": [{"value", "text"} | null, ...]}],
 * }
 * Fires `point-click` with `detail.index`, the bucket clicked (anywhere in the plot area of that bucket).
 */
class StageChart extends HTMLElement {
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
    if (!this.style.height) {
      this.style.height = '320px';
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
    if (!this._chart) {
      this._chart = echarts.init(this, null, { renderer: 'svg' });
      // a click anywhere over a bucket counts, not only on a line's small symbol
      this._chart.getZr().on('click', (event) => {
        const point = [event.offsetX, event.offsetY];
        if (!this._chart.containPixel('grid', point)) {
          return;
        }
        // with a grid finder the answer is [x, y] in axis values: x is the category index
        const value = this._chart.convertFromPixel({ gridIndex: 0 }, point);
        const index = Math.round(Array.isArray(value) ? value[0] : value);
        if (index >= 0 && index < this._data.categories.length) {
          this.dispatchEvent(new CustomEvent('point-click', { detail: { index } }));
        }
      });
    }
    const data = this._data;
    const series = data.series.map((s) => ({
      name: s.name,
      type: s.type,
      yAxisIndex: s.yAxisIndex || 0,
      showSymbol: data.categories.length <= 72,
      connectNulls: false,
      barMaxWidth: 18,
      lineStyle: s.dashed ? { type: 'dashed', width: 1.5 } : { width: 2 },
      itemStyle: s.color ? { color: s.color, opacity: s.dashed ? 0.6 : 1 } : undefined,
      data: s.data.map((p) => (p == null ? null : p.value)),
    }));
    this._chart.setOption({
      animation: false,
      legend: { top: 0, type: 'scroll' },
      grid: { left: 8, right: 16, top: 36, bottom: 28, containLabel: true },
      tooltip: {
        trigger: 'axis',
        formatter: (items) => {
          if (!items.length) {
            return '';
          }
          const index = items[0].dataIndex;
          const rows = items.map((item) => {
            const point = data.series[item.seriesIndex].data[index];
            return `${item.marker}${escapeHtml(item.seriesName)}: <b>${escapeHtml(point ? point.text : '—')}</b>`;
          });
          return [escapeHtml(data.categories[index]), ...rows].join('<br>');
        },
      },
      xAxis: { type: 'category', data: data.categories, boundaryGap: true },
      yAxis: data.yAxes.map((axis) => ({
        type: 'value', name: axis.name, min: axis.min, max: axis.max, splitLine: { show: true },
      })),
      series,
    }, true);
  }
}

function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}

customElements.define('stage-chart', StageChart);
