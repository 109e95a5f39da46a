// Lines across campaigns: one line per axis, campaigns in time order on the horizontal axis.
// Styles as for the radars: colour, dash and point shape.
import { CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip } from 'chart.js';
import type { ChartSpec } from '../domain/scoring/series';
import { styledDataset, wrapLabel } from './radar';

Chart.register(LineController, CategoryScale, LinearScale, PointElement, LineElement, Legend, Tooltip);

function data(spec: ChartSpec) {
  return { labels: spec.axes.map((a) => wrapLabel(a, 24)), datasets: spec.series.map((s, i) => styledDataset(s, i)) };
}

export function drawLines(canvas: HTMLCanvasElement, spec: ChartSpec) {
  const start = performance.now();
  const chart = new Chart(canvas, {
    type: 'line',
    data: data(spec),
    options: {
      animation: false,
      responsive: true,
      scales: { y: { min: 0, max: spec.max } },
      plugins: { legend: { position: 'bottom', labels: { usePointStyle: true } } },
    },
  });
  performance.measure(`diagnum:lines:${spec.series.length}`, { start });
  return {
    /** New figures drawn on the same chart: no flash, no new canvas context. */
    update(next: ChartSpec) {
      chart.data = data(next);
      if (chart.options.scales?.['y']) chart.options.scales['y'].max = next.max;
      chart.update();
    },
    destroy: () => chart.destroy(),
  };
}
