/**
 * @module workflow/diagram
 * Workflow diagrams: DOT text (workflowToDot), SVG (renderSvg, Graphviz WASM) and PNG (renderPng,
 * resvg with DejaVu Sans). `renderWorkflowDiagram` goes from a workflow to any of the three.
 * @example
 * const png = await renderWorkflowDiagram(workflow, catalog, 'png'); // Uint8Array, ready to upload
 */
import type { Catalog } from '../catalog/types.ts';
import type { Workflow } from './types.ts';
import { workflowToDot, type DiagramOptions } from './dot.ts';
import { renderPng, renderSvg } from './render.ts';

export { workflowToDot, formatValue, escapeHtml, dotId, DIAGRAM_FONT } from './dot.ts';
export type { DiagramOptions, NodeStatus } from './dot.ts';
export { renderSvg, renderPng } from './render.ts';

export type DiagramFormat = 'dot' | 'svg' | 'png';

/** The workflow's diagram as DOT text, SVG text, or PNG bytes. */
export function renderWorkflowDiagram(workflow: Workflow, catalog: Catalog | undefined, format: 'png', opts?: DiagramOptions): Promise<Uint8Array>;
export function renderWorkflowDiagram(workflow: Workflow, catalog: Catalog | undefined, format: 'dot' | 'svg', opts?: DiagramOptions): Promise<string>;
export function renderWorkflowDiagram(workflow: Workflow, catalog: Catalog | undefined, format: DiagramFormat, opts?: DiagramOptions): Promise<string | Uint8Array>;
export async function renderWorkflowDiagram(
  workflow: Workflow,
  catalog: Catalog | undefined,
  format: DiagramFormat,
  opts: DiagramOptions = {},
): Promise<string | Uint8Array> {
  const dot = workflowToDot(workflow, catalog, opts);
  if (format === 'dot') return dot;
  const svg = await renderSvg(dot);
  if (format === 'svg') return svg;
  if (format === 'png') return renderPng(svg);
  throw new Error(`Unknown diagram format "${String(format)}" (expected dot, svg or png)`);
}
