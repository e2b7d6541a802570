/**
 * @module workflow/product-score
 * Scores plans against a product data set (`../shared/bench/product`) exactly as its official
 * scorer, score.py, does, so `action-engine eval` and `npm run bench` print score.py's figures.
 *
 * - An item is **right** when the plan's canonical form (see workflow/canonical.ts) equals that of
 *   one acceptable gold plan. An unsupported item (`"unsupported": true`, or no gold plan) is right
 *   when the plan has no node and a non-empty `unsupported`, or when planning failed.
 * - For the other items (those with a goal): **final top-1** when a final function of the plan is
 *   a final function of some gold plan, **top-3** when it is among the final functions and the
 *   alternatives offered for the final nodes; and the function multiset is compared with the gold
 *   plan that shares most functions with it (the first such), summed into one **function F1**.
 * - Counts are kept per `kind` (single, chain, multi, ask, unsupported).
 */
import { canonicalWorkflow, finalFunctions, functionCounts, sameCanonical, type CatalogFunctions, type ComparableWorkflow, type GoldWorkflow } from './canonical.ts';
import type { Counts } from './compare.ts';
import { byCodePoint, pyRepr, pyStr, pyTruthy } from './python-text.ts';

/** One line of a product data set. */
export interface ProductItem {
  id: string;
  request: string;
  /** `single`, `chain`, `multi`, `ask`, `unsupported`; `?` when the line has none. */
  kind: string;
  /** Acceptable plans; empty for an unsupported request. */
  gold: GoldWorkflow[];
  /** The line's `unsupported` flag (any value Python reads as true). */
  unsupported: boolean;
}

/**
 * What was planned for an item, as a line of `action-engine plan --output`: `{workflow}` or
 * `{error}`; undefined when there is no line for it.
 */
export interface ProductPrediction {
  workflow?: unknown;
  error?: unknown;
}

export interface ProductJudgement {
  id: string;
  kind: string;
  right: boolean;
  /** Absent for unsupported items, which count in neither top-k nor F1. */
  goal?: { top1: boolean; top3: boolean; functions: Counts };
  /** The plan's canonical form; undefined when there was no workflow. */
  planned?: string[];
  /** The planner's error, when it gave one instead of a workflow. */
  error?: string;
  /** The canonical form of each acceptable gold plan. */
  wanted: string[][];
}

/** score.py's `--json` output, under its own names. */
export interface ProductScore {
  n: number;
  right: number;
  right_share: number;
  final_top1: number;
  final_top3: number;
  fn_F1: number;
  /** `"right/total"` per kind, kinds in order. */
  per_kind: Record<string, string>;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The workflow of a prediction, when it has one (Python's `if wf`: an object with some key). */
function workflowOf(prediction: ProductPrediction | undefined): ComparableWorkflow | undefined {
  const wf = prediction?.workflow;
  return isRecord(wf) && Object.keys(wf).length > 0 ? (wf as ComparableWorkflow) : undefined;
}

function overlap(a: Map<string, number>, b: Map<string, number>): number {
  let n = 0;
  for (const [f, k] of a) n += Math.min(k, b.get(f) ?? 0);
  return n;
}

const total = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);

/**
 * Judges one item's plan.
 * @example
 * const j = judgeProductItem(item, { workflow: result.workflow }, catalog);
 * if (!j.right) console.log(j.planned, j.wanted);
 */
export function judgeProductItem(item: ProductItem, prediction: ProductPrediction | undefined, catalog: CatalogFunctions): ProductJudgement {
  const wf = workflowOf(prediction);
  const wanted = item.gold.map((g) => canonicalWorkflow(g, catalog));
  const planned = wf ? canonicalWorkflow(wf, catalog) : undefined;
  const error = prediction && 'error' in prediction ? pyStr(prediction.error) : undefined;
  const base = { id: item.id, kind: item.kind, planned, wanted, ...(error !== undefined && !wf ? { error } : {}) };
  if (item.unsupported || item.gold.length === 0) {
    // Python's `wf is None`: no workflow object at all (an empty object is still a workflow).
    const raw = prediction?.workflow;
    const noWorkflow = !isRecord(raw);
    return { ...base, right: noWorkflow || (!pyTruthy(raw.nodes) && pyTruthy(raw.unsupported)) };
  }
  const right = planned !== undefined && wanted.some((w) => sameCanonical(planned, w));
  const mine = wf ? functionCounts(wf) : new Map<string, number>();
  let best = functionCounts(item.gold[0]!);
  for (const g of item.gold.slice(1)) {
    const counts = functionCounts(g);
    if (overlap(counts, mine) > overlap(best, mine)) best = counts;
  }
  const tp = overlap(best, mine);
  const goldFinals = new Set(item.gold.flatMap((g) => finalFunctions(g).top1));
  const { top1, top3 } = wf ? finalFunctions(wf) : { top1: [], top3: [] };
  return {
    ...base,
    right,
    goal: {
      top1: top1.some((f) => goldFinals.has(f)),
      top3: top3.some((f) => goldFinals.has(f)),
      functions: { tp, fp: total(mine) - tp, fn: total(best) - tp },
    },
  };
}

/**
 * Sums judgements into score.py's figures: right share over all items, top-k over the items with
 * a goal, F1 from the summed function counts (0 when nothing was counted).
 * @example
 * summariseProduct(judgements); // { n: 150, right: 24, right_share: 0.16, ..., per_kind: { ask: '7/24', ... } }
 */
export function summariseProduct(judgements: readonly ProductJudgement[]): ProductScore {
  const n = judgements.length;
  const goals = judgements.flatMap((j) => (j.goal ? [j.goal] : []));
  const sum = (k: keyof Counts) => goals.reduce((a, g) => a + g.functions[k], 0);
  const [tp, fp, fn] = [sum('tp'), sum('fp'), sum('fn')];
  const precision = tp + fp ? tp / (tp + fp) : 0;
  const recall = tp + fn ? tp / (tp + fn) : 0;
  const right = judgements.filter((j) => j.right).length;
  const kinds = new Map<string, [number, number]>();
  for (const j of judgements) {
    const k = kinds.get(j.kind) ?? [0, 0];
    kinds.set(j.kind, [k[0] + (j.right ? 1 : 0), k[1] + 1]);
  }
  return {
    n,
    right,
    right_share: n ? right / n : 0,
    final_top1: goals.length ? goals.filter((g) => g.top1).length / goals.length : 0,
    final_top3: goals.length ? goals.filter((g) => g.top3).length / goals.length : 0,
    fn_F1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0,
    per_kind: Object.fromEntries([...kinds.keys()].sort(byCodePoint).map((k) => [k, `${kinds.get(k)![0]}/${kinds.get(k)![1]}`])),
  };
}

/**
 * What score.py's `--show` prints for a wrong item: the plan's canonical form (or the error, or
 * "no line") and the acceptable ones (or "unsupported"), as Python writes them.
 * @example
 * const { got, want } = shownForms(judgement);
 */
export function shownForms(j: ProductJudgement): { got: string; want: string } {
  return {
    got: j.planned !== undefined ? pyRepr(j.planned) : (j.error ?? 'no line'),
    want: j.wanted.length > 0 ? pyRepr(j.wanted) : 'unsupported',
  };
}
