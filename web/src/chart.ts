/** Charts drawn with uPlot; each comes with a table of the same numbers for screen readers. */
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { useEffect, useRef } from 'preact/hooks';
import { html } from './ui';

/** One series of points, x ascending. */
export interface ChartProps {
  readonly title: string;
  readonly xLabel: string;
  readonly yLabel: string;
  readonly xs: number[];
  readonly ys: number[];
  /** Draw points only (a scatter of options) instead of a stepped line. */
  readonly pointsOnly?: boolean;
  readonly testId: string;
}

/** A chart of y (a coverage share, 0..1) against x. */
export function Chart({ title, xLabel, yLabel, xs, ys, pointsOnly, testId }: ChartProps) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!host.current) return;
    const width = Math.max(260, Math.min(640, host.current.clientWidth || 640));
    const plot = new uPlot(
      {
        width,
        height: 240,
        legend: { show: false },
        cursor: { show: false },
        // A margin around the points, so none sits on the plot's edge.
        scales: {
          x: {
            time: false,
            range: (_u, min, max) => [Math.max(0, min - (max - min) * 0.06 - 1), max + (max - min) * 0.06 + 1],
          },
          y: { range: [-4, 104] },
        },
        axes: [
          { label: xLabel, stroke: '#333' },
          { label: yLabel, stroke: '#333', values: (_u, ticks) => ticks.map((t) => `${t} %`) },
        ],
        series: [
          {},
          pointsOnly
            ? { stroke: '#1a5fb4', paths: () => null, points: { show: true, size: 10, fill: '#1a5fb4' } }
            : {
                stroke: '#1a5fb4',
                width: 2,
                paths: uPlot.paths.stepped!({ align: 1 }),
                points: { show: true, size: 7 },
              },
        ],
      },
      [xs, ys.map((y) => Math.round(y * 1000) / 10)],
      host.current,
    );
    return () => plot.destroy();
  }, [xs.join(','), ys.join(','), pointsOnly]);
  return html`<figure class="chart" data-testid=${testId}>
    <figcaption>${title}</figcaption>
    <div ref=${host} class="chart-canvas" role="img" aria-label=${`${title}: ${yLabel} against ${xLabel}, ${xs.length} points`}></div>
  </figure>`;
}
