import { EchartsElement, numberFormatter } from './echarts-element.js';

const COLORS = { OK: '#2e7d32', ERROR: '#c62828', QUEUE: '#ef8f00', MISSING: '#9e9e9e' };

/**
 * An order's journey as a timeline: one row per stage, a bar from the stage's start to its end,
 * measured from the first stage's start. The server sends all labels already translated, so this
 * element knows nothing about languages.
 *
 * Property `data` (JSON text): {"unit": "ms", "locale": "en", "stages": [{"label", "offset", "duration", "state", "detail"}]}
 */
class JourneyTimeline extends EchartsElement {
  sized(data) {
    this.style.height = `${Math.max(160, data.stages.length * 34 + 60)}px`;
  }

  draw(chart, data) {
    const stages = data.stages;
    chart.setOption({
      animation: false,
      grid: { left: 8, right: 24, top: 8, bottom: 24, containLabel: true },
      tooltip: {
        trigger: 'item',
        formatter: (p) => stages[p.dataIndex].detail || stages[p.dataIndex].label,
      },
      xAxis: { type: 'value', axisLabel: { formatter: numberFormatter(data.locale, data.unit || 'ms') } },
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
