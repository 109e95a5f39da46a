// Radar charts with Chart.js, registering only what they draw. Series differ by colour (a
// colour-blind-safe palette) and also by line dash and point shape, so that they stay apart in
// greyscale and on paper.
import {
  Chart,
  Filler,
  Legend,
  LineElement,
  PointElement,
  RadarController,
  RadialLinearScale,
  Tooltip,
  type ChartConfiguration,
  type PointStyle,
} from 'chart.js';
import type { ChartSpec } from '../domain/scoring/series';

Chart.register(RadarController, RadialLinearScale, PointElement, LineElement, Filler, Legend, Tooltip);

const COLOURS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#000000', '#E69F00', '#56B4E9'];
const DASHES = [[], [8, 4], [2, 3], [12, 4, 2, 4], [4, 4], [1, 2], [10, 2]];
const POINTS: PointStyle[] = ['circle', 'rect', 'triangle', 'rectRot', 'crossRot', 'star', 'rectRounded'];

export function seriesStyle(index: number) {
  const i = index % COLOURS.length;
  return { colour: COLOURS[i]!, dash: DASHES[i]!, point: POINTS[i]! };
}

/** A series as a Chart.js dataset, in its own colour, dash and point shape. */
export function styledDataset(series: ChartSpec['series'][number], index: number) {
  const style = seriesStyle(index);
  return {
    label: series.label,
    data: series.values,
    borderColor: style.colour,
    backgroundColor: `${style.colour}22`,
    borderDash: style.dash,
    pointStyle: style.point,
    pointRadius: 5,
    pointBackgroundColor: style.colour,
    borderWidth: 2,
    spanGaps: false,
  };
}

/** Axis names on several short lines, so that none is cut at the edge of the chart. */
export function wrapLabel(text: string, width = 18): string[] {
  const lines: string[] = [];
  for (const word of text.split(' ')) {
    const last = lines.at(-1);
    if (last !== undefined && (last + ' ' + word).length <= width) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

function config(spec: ChartSpec): ChartConfiguration<'radar', (number | null)[], string[]> {
  // Past a dozen axes, names are wrapped narrower and drawn smaller, with room around the web.
  const many = spec.axes.length > 12;
  return {
    type: 'radar',
    data: {
      labels: spec.axes.map((axis) => wrapLabel(axis, many ? 14 : 18)),
      datasets: spec.series.map((s, i) => ({ ...styledDataset(s, i), fill: spec.series.length === 1 })),
    },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: true,
      // Printed small (the report's summary), long axis names would be cut at the canvas edge.
      layout: { padding: many ? 16 : 4 },
      scales: { r: { min: 0, max: spec.max, ticks: { stepSize: spec.max / (spec.max <= 3 ? 3 : 4), backdropColor: 'transparent' }, pointLabels: { padding: many ? 4 : 8, font: (ctx) => ({ size: ctx.chart.width < 400 ? 9 : many ? 11 : 12 }) } } },
      plugins: { legend: { position: 'bottom', labels: { usePointStyle: true } } },
    },
  };
}

export function drawRadar(canvas: HTMLCanvasElement, spec: ChartSpec) {
  const start = performance.now();
  const chart = new Chart(canvas, config(spec));
  // For `npm run bench`: one radar drawn, with all its series.
  performance.measure(`diagnum:radar:${spec.series.length}`, { start });
  return {
    update(next: ChartSpec) {
      const c = config(next);
      chart.data = c.data;
      chart.options = c.options!;
      chart.update();
    },
    destroy: () => chart.destroy(),
  };
}
