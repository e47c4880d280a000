import { EchartsElement, escapeHtml, numberFormatter } from './echarts-element.js';

/**
 * A time series chart of stage analytics: lines and bars over time buckets, a legend, tooltips with the
 * exact values, axes named and their ticks numbered in the reader's language with the unit. The server sends
 * every label, every unit and every value's text already translated and formatted; the ticks echarts picks are
 * formatted here with `Intl.NumberFormat` for `locale`.
 *
 * Property `data` (JSON text):
 * {"locale": "ru-RU", "xAxisName": "Окончание этапа (UTC)", "categories": ["08:07", ...],
 *  "yAxes": [{"name": "Длительность", "unit": "мс", "min": 0, "max": null}],
 *  "series": [{"name", "type": "line"|"bar", "yAxisIndex", "dashed", "color",
 *              "data": [{"value", "text"} | null, ...]}],
 * }
 * Fires `point-click` with `detail.index`, the bucket clicked (anywhere in the plot area of that bucket).
 */
class StageChart extends EchartsElement {
  sized() {
    if (!this.style.height) {
      this.style.height = '320px';
    }
  }

  created(chart) {
    // a click anywhere over a bucket counts, not only on a line's small symbol
    chart.getZr().on('click', (event) => {
      const point = [event.offsetX, event.offsetY];
      if (!chart.containPixel('grid', point)) {
        return;
      }
      // with a grid finder the answer is [x, y] in axis values: x is the category index
      const value = chart.convertFromPixel({ gridIndex: 0 }, point);
      const index = Math.round(Array.isArray(value) ? value[0] : value);
      if (this._data && index >= 0 && index < this._data.categories.length) {
        this.dispatchEvent(new CustomEvent('point-click', { detail: { index } }));
      }
    });
  }

  draw(chart, data) {
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
    chart.setOption({
      animation: false,
      legend: { top: 0, type: 'scroll' },
      // right: room for half of the last date label, which the category axis centres on its point
      grid: { left: 8, right: 56, top: 48, bottom: 36, containLabel: true },
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
      xAxis: {
        type: 'category',
        data: data.categories,
        boundaryGap: true,
        name: data.xAxisName,
        nameLocation: 'middle',
        nameGap: 24,
      },
      yAxis: data.yAxes.map((axis) => ({
        type: 'value',
        name: axis.name,
        min: axis.min,
        max: axis.max,
        splitLine: { show: true },
        axisLabel: { formatter: numberFormatter(data.locale, axis.unit) },
      })),
      series,
    }, true);
  }
}

customElements.define('stage-chart', StageChart);
