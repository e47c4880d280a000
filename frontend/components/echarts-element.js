import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

// every chart of the portal draws with these: registered once, for all of them
echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

/**
 * What the portal's echarts web components share: the `data` property (JSON text from the server), the echarts
 * instance (SVG) created when the element is attached and disposed when it is detached, resizing with the
 * element. A subclass draws in `draw(chart, data)` and may react once to the new chart in `created(chart)`.
 */
export class EchartsElement extends HTMLElement {
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
    this.sized(this._data);
    if (!this._chart) {
      this._chart = echarts.init(this, null, { renderer: 'svg' });
      this.created(this._chart);
    }
    this.draw(this._chart, this._data);
  }

  /** Sets the element's height for the data, before the chart is created or drawn. */
  sized(data) {}

  /** Called once per echarts instance, e.g. to listen to its events. */
  created(chart) {}

  draw(chart, data) {
    throw new Error('draw(chart, data) not implemented');
  }
}

export function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}

/** Numbers in the reader's language (e.g. 1,234.5 in English, 1 234,5 in Russian), with the unit after them. */
export function numberFormatter(locale, unit, maximumFractionDigits = 2) {
  const format = new Intl.NumberFormat(locale || undefined, { maximumFractionDigits });
  return (value) => (unit ? `${format.format(value)} ${unit}` : format.format(value));
}
