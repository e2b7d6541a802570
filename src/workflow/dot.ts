/**
 * @module workflow/dot
 * Workflow → Graphviz DOT text. One rounded box per node (function name in bold, literal inputs as
 * `param = value` rows, `{ask}` inputs as amber `param = ?` rows), one edge per producer→consumer
 * pair labelled `output → input`, and a final "result" node fed by the workflow outputs.
 * Labels are HTML-like (`label=<…>`); every piece of workflow text is escaped before it goes in.
 */
import type { Catalog, FunctionSpec } from '../catalog/types.ts';
import { isAskBinding, isFromBinding, isValueBinding, type Binding, type Workflow, type WorkflowNode } from './types.ts';

export type NodeStatus = 'pending' | 'running' | 'succeeded' | 'failed' | 'skipped';

export interface DiagramOptions {
  /** Per-node run status (keyed by node id); colours the node and adds a status line. */
  status?: Record<string, NodeStatus>;
}

/** The font both Graphviz (for layout metrics) and resvg (for drawing) use. */
export const DIAGRAM_FONT = 'DejaVu Sans';

/** Longest value shown in a node before it is cut with an ellipsis. */
const MAX_VALUE_CHARS = 40;

/** Muted palette (Tailwind slate/amber/…). */
const C = {
  text: '#1e293b',
  muted: '#64748b',
  border: '#94a3b8',
  fill: '#f8fafc',
  edge: '#64748b',
  askText: '#b45309',
  askBorder: '#d97706',
  askFill: '#fffbeb',
  errorText: '#b91c1c',
  resultBorder: '#475569',
  resultFill: '#e2e8f0',
} as const;

const STATUS_STYLE: Record<NodeStatus, { border: string; fill: string; text: string; label: string; dashed?: boolean; pen?: number }> = {
  pending: { border: '#94a3b8', fill: '#f8fafc', text: '#64748b', label: '○ pending' },
  running: { border: '#2563eb', fill: '#eff6ff', text: '#1d4ed8', label: '◐ running', pen: 2 },
  succeeded: { border: '#16a34a', fill: '#f0fdf4', text: '#15803d', label: '✓ succeeded' },
  failed: { border: '#dc2626', fill: '#fef2f2', text: '#b91c1c', label: '✗ failed', pen: 2 },
  skipped: { border: '#cbd5e1', fill: '#f1f5f9', text: '#94a3b8', label: '– skipped', dashed: true },
};

/** Escapes text for an HTML-like Graphviz label (and strips control characters Graphviz rejects). */
export function escapeHtml(text: string): string {
  return text
    .replace(/[\u0000-\u001f\u007f]/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** A DOT quoted ID: `"…"` with `\` and `"` escaped, newlines flattened. */
export function dotId(id: string): string {
  return `"${id.replace(/[\r\n]+/g, ' ').replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

function truncate(text: string, max = MAX_VALUE_CHARS): string {
  const chars = Array.from(text);
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : text;
}

function fileName(v: unknown): string | undefined {
  if (typeof v !== 'object' || v === null || typeof (v as { name?: unknown }).name !== 'string') return undefined;
  const o = v as { name: string; data?: unknown; base64?: unknown; mime?: unknown };
  return o.data instanceof Uint8Array || typeof o.base64 === 'string' ? o.name : undefined;
}

/**
 * How a bound literal is shown: strings quoted, files by name, the rest as compact JSON; cut to
 * about 40 characters. Returns plain text (escape before putting it in a label).
 */
export function formatValue(value: unknown): string {
  if (typeof value === 'string') {
    const quoted = JSON.stringify(value);
    return Array.from(quoted).length > MAX_VALUE_CHARS ? `${truncate(quoted, MAX_VALUE_CHARS - 1)}"` : quoted;
  }
  const file = fileName(value);
  if (file !== undefined) return truncate(file);
  if (value instanceof Uint8Array) return `<${value.length} bytes>`;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString();
  if (value === undefined || typeof value === 'function' || typeof value === 'symbol') return String(value);
  if (typeof value === 'bigint') return truncate(`${value}`);
  let json: string | undefined;
  try {
    json = JSON.stringify(value, (_k, x: unknown) => {
      const f = fileName(x);
      return f !== undefined ? `file ${f}` : typeof x === 'bigint' ? String(x) : x;
    });
  } catch {
    json = undefined; // cycles
  }
  return truncate(json ?? Object.prototype.toString.call(value));
}

/** Input names in display order: the catalog's declared order first, then any others as written. */
function inputOrder(node: WorkflowNode, spec: FunctionSpec | undefined): string[] {
  const bound = Object.keys(node.inputs);
  if (!spec) return bound;
  const declared = spec.inputs.map((i) => i.name);
  return [...declared.filter((n) => n in node.inputs || isMissing(n, node, spec)), ...bound.filter((n) => !declared.includes(n))];
}

function isMissing(name: string, node: WorkflowNode, spec: FunctionSpec): boolean {
  const input = spec.inputs.find((i) => i.name === name);
  return !!input && input.required && input.default === undefined && !(name in node.inputs);
}

const row = (text: string): string => `<TR><TD ALIGN="LEFT" COLSPAN="2">${text}</TD></TR>`;
const font = (color: string, html: string, size?: number): string =>
  `<FONT COLOR="${color}"${size ? ` POINT-SIZE="${size}"` : ''}>${html}</FONT>`;

function nodeLabel(
  node: WorkflowNode,
  spec: FunctionSpec | undefined,
  catalog: Catalog | undefined,
  nodeIds: Set<string>,
  status: NodeStatus | undefined,
): Html {
  const rows: string[] = [];
  const title = font(C.text, `<B>${escapeHtml(node.function)}</B>`, 12);
  // Header: function name on the left, the node id (when it says something else) small on the right.
  const id = node.id !== node.function ? font(C.muted, `&#160;&#160;&#160;${escapeHtml(truncate(node.id, 24))}`, 9) : '';
  rows.push(`<TR><TD ALIGN="LEFT">${title}</TD><TD ALIGN="RIGHT" VALIGN="TOP">${id}</TD></TR>`);
  if (catalog && !spec) rows.push(row(font(C.errorText, 'unknown function', 9)));
  if (status) rows.push(row(font(STATUS_STYLE[status].text, escapeHtml(STATUS_STYLE[status].label), 9)));

  const inputRows: string[] = [];
  for (const name of inputOrder(node, spec)) {
    const binding: Binding | undefined = node.inputs[name];
    const param = escapeHtml(truncate(name, 30));
    if (!binding) {
      inputRows.push(row(font(C.errorText, `<I>${param} = missing</I>`)));
    } else if (isAskBinding(binding)) {
      inputRows.push(row(font(C.askText, `<I>${param} = ?</I>`)));
    } else if (isFromBinding(binding)) {
      // Drawn as an edge; only a dangling reference needs a row.
      if (!nodeIds.has(binding.from)) {
        const ref = escapeHtml(truncate(`${binding.from}.${binding.output}`));
        inputRows.push(row(font(C.errorText, `${param} ← ${ref} (no such node)`)));
      }
    } else if (isValueBinding(binding)) {
      inputRows.push(row(font(C.text, `${param} = ${font('#0f766e', escapeHtml(formatValue(binding.value)))}`)));
    }
  }
  if (inputRows.length) {
    rows.push('<TR><TD COLSPAN="2" HEIGHT="3" CELLPADDING="0"></TD></TR>', ...inputRows);
  }
  return html(`<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="1">${rows.join('')}</TABLE>`);
}

/** An HTML-like label, already escaped and wrapped in `<…>`. */
interface Html {
  html: string;
}
const html = (text: string): Html => ({ html: `<${text}>` });

/** Edge label lines in a padded cell, so the text keeps clear of the line it labels. */
const edgeLabel = (lines: string[]): Html =>
  html(`<TABLE BORDER="0" CELLBORDER="0" CELLPADDING="3" CELLSPACING="0"><TR><TD>${lines.map((l) => escapeHtml(l)).join('<BR/>')}</TD></TR></TABLE>`);

function attrs(a: Record<string, string | number | Html | undefined>): string {
  const parts = Object.entries(a)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => (typeof v === 'object' ? `${k}=${v.html}` : `${k}=${dotId(String(v))}`));
  return `[${parts.join(', ')}]`;
}

/**
 * The DOT text of a workflow diagram (left to right). With a catalog, inputs follow the declared
 * order, unknown functions and unbound required inputs are flagged. `opts.status` colours nodes.
 */
export function workflowToDot(workflow: Workflow, catalog?: Catalog, opts: DiagramOptions = {}): string {
  const nodes = workflow.nodes ?? [];
  const nodeIds = new Set(nodes.map((n) => n.id));
  const lines: string[] = [
    'digraph workflow {',
    `  graph [rankdir="LR", bgcolor="white", pad="0.3", nodesep="0.35", ranksep="0.75", fontname=${dotId(DIAGRAM_FONT)}, fontsize="10"];`,
    `  node [shape="box", style="rounded,filled", color=${dotId(C.border)}, fillcolor=${dotId(C.fill)}, penwidth="1.2", fontname=${dotId(DIAGRAM_FONT)}, fontsize="10", fontcolor=${dotId(C.text)}, margin="0.14,0.08"];`,
    `  edge [color=${dotId(C.edge)}, penwidth="1.1", arrowsize="0.7", fontname=${dotId(DIAGRAM_FONT)}, fontsize="9", fontcolor=${dotId(C.muted)}];`,
  ];

  for (const node of nodes) {
    const spec = catalog?.get(node.function);
    const status = opts.status?.[node.id];
    const hasAsk = Object.values(node.inputs ?? {}).some(isAskBinding);
    let color: string = C.border;
    let fill: string = C.fill;
    let style = 'rounded,filled';
    let pen: number | undefined;
    let fontcolor: string | undefined;
    if (status) {
      const s = STATUS_STYLE[status];
      color = s.border;
      fill = s.fill;
      if (s.dashed) style += ',dashed';
      pen = s.pen;
      if (status === 'skipped') fontcolor = s.text;
    } else if (hasAsk) {
      color = C.askBorder;
      fill = C.askFill;
      style += ',dashed';
    }
    const safeNode: WorkflowNode = { ...node, inputs: node.inputs ?? {} };
    lines.push(
      `  ${dotId(node.id)} ${attrs({
        label: nodeLabel(safeNode, spec, catalog, nodeIds, status),
        color,
        fillcolor: fill,
        style,
        penwidth: pen,
        fontcolor,
        tooltip: spec?.description ?? node.reason ?? node.function,
      })};`,
    );
  }

  // One edge per producer→consumer pair, labelled with every `output → input` it carries.
  const edges = new Map<string, { from: string; to: string; labels: string[] }>();
  for (const node of nodes) {
    for (const [input, binding] of Object.entries(node.inputs ?? {})) {
      if (!isFromBinding(binding) || !nodeIds.has(binding.from)) continue;
      const key = JSON.stringify([binding.from, node.id]);
      const edge = edges.get(key) ?? { from: binding.from, to: node.id, labels: [] };
      edge.labels.push(`${binding.output} → ${input}`);
      edges.set(key, edge);
    }
  }
  for (const e of edges.values()) {
    const label = edgeLabel(e.labels);
    lines.push(`  ${dotId(e.from)} -> ${dotId(e.to)} ${attrs({ label })};`);
  }

  // Workflow outputs flow into a single small "result" node.
  const outputs = (workflow.outputs ?? []).filter((o) => nodeIds.has(o.from));
  if (outputs.length) {
    let resultId = 'result';
    while (nodeIds.has(resultId)) resultId = `_${resultId}`;
    lines.push(
      `  ${dotId(resultId)} ${attrs({
        label: html(font(C.text, '<B>result</B>', 10)),
        shape: 'box',
        style: 'rounded,filled',
        color: C.resultBorder,
        fillcolor: C.resultFill,
        margin: '0.12,0.05',
        penwidth: 1.2,
      })};`,
    );
    const byNode = new Map<string, string[]>();
    for (const o of outputs) byNode.set(o.from, [...(byNode.get(o.from) ?? []), o.output]);
    for (const [from, names] of byNode) {
      const label = edgeLabel(names);
      lines.push(`  ${dotId(from)} -> ${dotId(resultId)} ${attrs({ label, style: 'dashed', color: C.resultBorder })};`);
    }
  }

  lines.push('}');
  return `${lines.join('\n')}\n`;
}
