/** ChartFromNumbers: draws a bar or line chart of a list of numbers (with optional labels and title) as a PNG. */
import * as vega from 'vega';
import { toNumbers } from '../data/numbers.ts';
import { fileValue, type FileValue } from '../lib/files.ts';
import { svgToPng } from '../lib/svg-to-png.ts';

/** Width of the chart image in pixels. */
export const CHART_WIDTH = 640;
const PLOT_WIDTH = 560;
const PLOT_HEIGHT = 320;

/** Builds the Vega specification of a bar or line chart over `{label, value}` rows. */
export function chartSpec(rows: { label: string; value: number }[], kind: 'bar' | 'line', title?: string): vega.Spec {
  const bar = kind === 'bar';
  return {
    $schema: 'https://vega.github.io/schema/vega/v6.json',
    width: PLOT_WIDTH,
    height: PLOT_HEIGHT,
    padding: 10,
    autosize: { type: 'fit', contains: 'padding' },
    background: 'white',
    ...(title ? { title: { text: title, fontSize: 16 } } : {}),
    data: [{ name: 'table', values: rows }],
    scales: [
      bar
        ? { name: 'x', type: 'band', domain: { data: 'table', field: 'label' }, range: 'width', padding: 0.1 }
        : { name: 'x', type: 'point', domain: { data: 'table', field: 'label' }, range: 'width', padding: 0.5 },
      { name: 'y', type: 'linear', domain: { data: 'table', field: 'value' }, range: 'height', nice: true, zero: true },
    ],
    axes: [
      { orient: 'bottom', scale: 'x', labelOverlap: true, ...(rows.length > 12 ? { labelAngle: -45, labelAlign: 'right' } : {}) },
      { orient: 'left', scale: 'y', grid: true },
    ],
    marks: bar
      ? [
          {
            type: 'rect',
            from: { data: 'table' },
            encode: {
              enter: {
                x: { scale: 'x', field: 'label' },
                width: { scale: 'x', band: 1 },
                y: { scale: 'y', field: 'value' },
                y2: { scale: 'y', value: 0 },
                fill: { value: '#4C78A8' },
              },
            },
          },
        ]
      : [
          {
            type: 'line',
            from: { data: 'table' },
            encode: {
              enter: {
                x: { scale: 'x', field: 'label' },
                y: { scale: 'y', field: 'value' },
                stroke: { value: '#4C78A8' },
                strokeWidth: { value: 2 },
              },
            },
          },
          {
            type: 'symbol',
            from: { data: 'table' },
            encode: {
              enter: { x: { scale: 'x', field: 'label' }, y: { scale: 'y', field: 'value' }, fill: { value: '#4C78A8' }, size: { value: 30 } },
            },
          },
        ],
  };
}

export async function chartFromNumbers(inputs: {
  values: unknown[];
  labels?: unknown[];
  title?: string;
  kind?: 'bar' | 'line';
}): Promise<{ chart_png: FileValue }> {
  const values = toNumbers(inputs.values, 'values');
  if (values.length === 0) throw new Error('values must hold at least one number to chart');
  const labels = inputs.labels?.length ? inputs.labels.map((l) => String(l ?? '')) : values.map((_, i) => String(i + 1));
  if (labels.length !== values.length) {
    throw new Error(`labels has ${labels.length} items but values has ${values.length}; give one label per value`);
  }
  if (new Set(labels).size !== labels.length) throw new Error('labels must be distinct, one per value');
  const rows = values.map((value, i) => ({ label: labels[i] ?? String(i + 1), value }));
  const view = new vega.View(vega.parse(chartSpec(rows, inputs.kind ?? 'bar', inputs.title)), { renderer: 'none' });
  const svg = await view.toSVG();
  view.finalize();
  return { chart_png: fileValue('chart.png', 'image/png', svgToPng(svg, { width: CHART_WIDTH })) };
}
