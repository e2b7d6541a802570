/**
 * @module workflow/compare
 * Scores a predicted workflow against a gold one, as multisets of functions, edges and literal
 * values, and micro-averages the scores over a data set. Pure: no I/O, no catalog.
 *
 * - functions: one item per node, its function name.
 * - edges: one item per `from` binding: (producer function, consumer function, consumer input).
 *   Node ids and output names are not compared, so two plans that differ only in ids score the same.
 * - values: one item per `value` binding: (function, input, normalised literal; see {@link normaliseValue}).
 *   An `ask` binding is not a prediction: it adds nothing to fp, and the gold value it leaves
 *   unfilled counts as fn. So asking lowers recall, guessing wrong lowers precision and recall.
 */
import { isAskBinding, isFromBinding, isValueBinding, type Workflow } from './types.ts';

/** Multiset agreement: tp = items in both (with multiplicity), fp = only predicted, fn = only gold. */
export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export interface Comparison {
  functions: Counts;
  edges: Counts;
  values: Counts;
  /** The three multisets are equal and no `ask` is left in the prediction. */
  exact: boolean;
  /** `ask` bindings in the prediction (never correct against a gold value). */
  asks: number;
}

export interface Score extends Counts {
  precision: number;
  recall: number;
  f1: number;
}

export interface Aggregate {
  /** Number of comparisons aggregated. */
  n: number;
  functions: Score;
  edges: Score;
  values: Score;
  /** Comparisons that were exact. */
  exact: number;
  /** exact / n (0 when n = 0). */
  exactRate: number;
  asks: number;
}

const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/;
const QUOTES: Record<string, string> = { '"': '"', "'": "'", '`': '`', '“': '”', '‘': '’' };

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? String(value);
}

/**
 * The form in which two literals are compared. Applied to both sides alike, so it is symmetric.
 * Strings are lower-cased, trimmed, whitespace-collapsed, and stripped of surrounding quotes and
 * trailing `.,!?;:` (repeatedly, so `"'Imagine'."` is `imagine`). Arrays and objects become
 * canonical JSON (sorted keys) and then go through the same steps. A result that is a plain
 * decimal number is rewritten as JavaScript prints it, so `200`, `"200"` and `"200.0"` agree.
 *
 * NOTE: units and currency signs are part of the literal: `"$200"` and `"200 km"` do not equal
 * `200`. Stripping them would need a list of units and would make unequal amounts equal.
 *
 * @example
 * normaliseValue(' "Chill  Vibes". ') === normaliseValue('chill vibes'); // true
 * normaliseValue('200.0') === normaliseValue(200); // true
 */
export function normaliseValue(value: unknown): string {
  let s = (value !== null && typeof value === 'object' ? canonicalJson(value) : String(value)).toLowerCase().replace(/\s+/g, ' ').trim();
  for (let previous = ''; previous !== s; ) {
    previous = s;
    s = s.replace(/[.,!?;:]+$/, '').trim();
    const close = QUOTES[s[0] ?? ''];
    if (s.length >= 2 && close !== undefined && s.endsWith(close)) s = s.slice(1, -1).trim();
  }
  if (NUMBER.test(s)) {
    const n = Number(s);
    if (Number.isFinite(n)) return String(n);
  }
  return s;
}

function multiset(keys: string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const k of keys) m.set(k, (m.get(k) ?? 0) + 1);
  return m;
}

/** Counts agreement between two multisets given as lists of keys. */
function countAgreement(predicted: string[], gold: string[]): Counts {
  const g = multiset(gold);
  let tp = 0;
  for (const [key, n] of multiset(predicted)) tp += Math.min(n, g.get(key) ?? 0);
  return { tp, fp: predicted.length - tp, fn: gold.length - tp };
}

// JSON arrays as keys: unambiguous whatever characters names and values hold.
const key = (...parts: string[]) => JSON.stringify(parts);

interface Items {
  functions: string[];
  edges: string[];
  values: string[];
  asks: number;
}

function items(workflow: Workflow): Items {
  const functionOf = new Map(workflow.nodes.map((n) => [n.id, n.function]));
  const out: Items = { functions: [], edges: [], values: [], asks: 0 };
  for (const node of workflow.nodes) {
    out.functions.push(node.function);
    for (const [input, binding] of Object.entries(node.inputs)) {
      if (isFromBinding(binding)) {
        // An id that names no node keeps its own key, so it can never match a real producer.
        out.edges.push(key(functionOf.get(binding.from) ?? `?${binding.from}`, node.function, input));
      } else if (isValueBinding(binding)) {
        out.values.push(key(node.function, input, normaliseValue(binding.value)));
      } else if (isAskBinding(binding)) {
        out.asks += 1;
      }
    }
  }
  return out;
}

/**
 * Compares a predicted workflow with the gold one.
 * @example
 * const c = compareWorkflows(result.workflow, item.gold);
 * if (!c.exact) console.log(c.functions, c.edges, c.values);
 */
export function compareWorkflows(predicted: Workflow, gold: Workflow): Comparison {
  const p = items(predicted);
  const g = items(gold);
  const functions = countAgreement(p.functions, g.functions);
  const edges = countAgreement(p.edges, g.edges);
  const values = countAgreement(p.values, g.values);
  const agree = (c: Counts) => c.fp === 0 && c.fn === 0;
  return { functions, edges, values, asks: p.asks, exact: agree(functions) && agree(edges) && agree(values) && p.asks === 0 };
}

/**
 * Precision, recall and F1 from summed counts. When nothing is predicted (tp + fp = 0) precision
 * is 1 if nothing was to be found either (fn = 0), else 0; recall likewise mirrors it when
 * nothing is gold. F1 is 0 when precision + recall is 0.
 * @example
 * score({ tp: 3, fp: 1, fn: 2 }); // precision 0.75, recall 0.6, f1 ≈ 0.667
 */
export function score(c: Counts): Score {
  const precision = c.tp + c.fp > 0 ? c.tp / (c.tp + c.fp) : c.fn === 0 ? 1 : 0;
  const recall = c.tp + c.fn > 0 ? c.tp / (c.tp + c.fn) : c.fp === 0 ? 1 : 0;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { ...c, precision, recall, f1 };
}

const sum = (cs: Counts[]): Counts => cs.reduce((a, c) => ({ tp: a.tp + c.tp, fp: a.fp + c.fp, fn: a.fn + c.fn }), { tp: 0, fp: 0, fn: 0 });

/**
 * Micro-averages comparisons over a data set: counts are summed over all requests first, then
 * turned into P/R/F1 by {@link score} (so a request with many nodes weighs more than a small one).
 * @example
 * const { functions, edges, values, exactRate } = aggregate(items.map((i) => compareWorkflows(i.pred, i.gold)));
 */
export function aggregate(results: readonly Comparison[]): Aggregate {
  const exact = results.filter((r) => r.exact).length;
  return {
    n: results.length,
    functions: score(sum(results.map((r) => r.functions))),
    edges: score(sum(results.map((r) => r.edges))),
    values: score(sum(results.map((r) => r.values))),
    exact,
    exactRate: results.length > 0 ? exact / results.length : 0,
    asks: results.reduce((a, r) => a + r.asks, 0),
  };
}
