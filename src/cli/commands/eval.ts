/**
 * `action-engine eval --catalog PATH --dataset FILE.jsonl [--json] [--show] [--limit N] [--data-dir DIR]`
 *
 * Plans every request of a data set and scores the plans against the gold workflows. Two formats,
 * told apart per data set (see {@link datasetFormat}): Reverse Chain lines
 * `{"id","request","gold": Workflow}`, scored here by functions, edges and values; and product
 * lines `{"id","request","kind","gold": [Workflow, …]}`, scored as score.py does
 * (./eval-product.ts). The cores, {@link evaluate} and `evaluateProduct`, take any Planner so
 * tests can script one.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { loadCatalog } from '../../catalog/index.ts';
import type { Planner, PlanResult } from '../../planner/types.ts';
import { canonicalWorkflow, type CatalogFunctions } from '../../workflow/canonical.ts';
import { aggregate, compareWorkflows, type Comparison, type Score } from '../../workflow/compare.ts';
import { shownForms } from '../../workflow/product-score.ts';
import { parseWorkflow } from '../../workflow/schema.ts';
import { isFromBinding, type Workflow } from '../../workflow/types.ts';
import { ExitError } from '../errors.ts';
import { messages, planMessages, productMessages } from '../messages.ts';
import type { Output } from '../output.ts';
import { datasetFormat, percentile, percentiles, readObjectLines, timedPlan, type BadLine, type Percentiles } from './eval-common.ts';
import { evaluateProduct, parseProductDataset } from './eval-product.ts';
import { loadPlanner } from './plan.ts';

export { datasetFormat, percentile, type BadLine, type Percentiles };

export interface EvalItem {
  id: string;
  request: string;
  gold: Workflow;
  /** 1-based line in the data set file. */
  line: number;
}

export interface Dataset {
  items: EvalItem[];
  bad: BadLine[];
}

/**
 * Why a request was not an exact match, the first that applies, in this order:
 * - `planFailed`: the planner threw (scored as an empty workflow);
 * - `wrongFinal`: the planned final function (first of `finalCandidates`) is not a gold sink;
 * - `helpers`: right final, but a helper function is missing or extra;
 * - `edges`: right functions, wrong wiring;
 * - `asked`: right structure, and every literal given is right, but some input is still an `ask`;
 * - `wrongValue`: right structure, but a literal is wrong or missing.
 */
export type ErrorCategory = 'planFailed' | 'wrongFinal' | 'helpers' | 'edges' | 'asked' | 'wrongValue';
export const ERROR_CATEGORIES: readonly ErrorCategory[] = ['planFailed', 'wrongFinal', 'helpers', 'edges', 'asked', 'wrongValue'];

export interface RequestResult {
  id: string;
  outcome: ErrorCategory | 'exact';
  comparison: Comparison;
  /** The gold final function is the first of `finalCandidates` / among the first 3. */
  top1: boolean;
  top3: boolean;
  /** PlanResult.ms and wall-clock time around `plan()`; absent when planning failed. */
  ms?: number;
  wallMs?: number;
  unsupported: number;
  error?: string;
}

export interface EvalReport {
  /** Requests planned and scored (bad lines excluded). */
  requests: number;
  badLines: BadLine[];
  functions: Score;
  edges: Score;
  values: Score;
  exact: { count: number; rate: number };
  asks: { total: number; perRequest: number };
  final: { top1: number; top3: number };
  latency: { planMs: Percentiles; wallMs: Percentiles };
  unsupported: { goals: number; requests: number };
  errors: Record<ErrorCategory, number>;
  results: RequestResult[];
}

export interface EvaluateOptions {
  /** Called after each request (for progress lines). */
  onProgress?: (done: number, total: number) => void;
  /** Clock in milliseconds, replaceable in tests. */
  now?: () => number;
  /** Called with each item's plan (undefined and the error when planning failed), e.g. for `--show`. */
  onPlanned?: (item: EvalItem, plan: PlanResult | undefined, result: RequestResult) => void;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Parses a JSONL data set. Blank lines are skipped; a line that is not a valid item is recorded in
 * `bad` with its line number and why, and the rest go on. With `limit`, stops after that many items.
 * @example
 * const { items, bad } = parseDataset(readFileSync('dev.jsonl', 'utf8'), 50);
 */
export function parseDataset(text: string, limit = Infinity): Dataset {
  return readObjectLines<EvalItem>(text, limit, (doc, line) => {
    const { id, request, gold } = doc;
    const problems: string[] = [];
    if (typeof id !== 'string' && typeof id !== 'number') problems.push(planMessages.lineNoId);
    if (typeof request !== 'string' || request.trim() === '') problems.push(planMessages.lineNoRequest);
    let workflow: Workflow | undefined;
    if (gold === undefined) problems.push(planMessages.lineNoGold);
    else if (Array.isArray(gold)) problems.push(productMessages.goldIsList);
    else {
      try {
        workflow = parseWorkflow(gold, 'gold');
      } catch (e) {
        problems.push((e as Error).message);
      }
    }
    return problems.length > 0 || workflow === undefined ? problems : { id: String(id), request: request as string, gold: workflow, line };
  });
}

/** Functions of the nodes no other node reads from (the workflow's goals), as a set. */
export function sinkFunctions(workflow: Workflow): Set<string> {
  const read = new Set(workflow.nodes.flatMap((n) => Object.values(n.inputs).flatMap((b) => (isFromBinding(b) ? [b.from] : []))));
  return new Set(workflow.nodes.filter((n) => !read.has(n.id)).map((n) => n.function));
}

function outcomeOf(c: Comparison, finalRight: boolean): RequestResult['outcome'] {
  if (c.exact) return 'exact';
  if (!finalRight) return 'wrongFinal';
  if (c.functions.fp > 0 || c.functions.fn > 0) return 'helpers';
  if (c.edges.fp > 0 || c.edges.fn > 0) return 'edges';
  return c.values.fp === 0 && c.asks > 0 ? 'asked' : 'wrongValue';
}

const EMPTY: Workflow = { version: 1, request: '', nodes: [], outputs: [] };

/** Scores one plan (or a planning failure) against its gold workflow. */
function scoreOne(item: EvalItem, result: PlanResult | undefined): RequestResult {
  const predicted = result?.workflow ?? EMPTY;
  const comparison = compareWorkflows(predicted, item.gold);
  const goldFinals = sinkFunctions(item.gold);
  // NOTE: a planner that leaves `finalCandidates` empty is ranked by its workflow's sinks (last node
  // first) instead, so top-k still says whether the planned goal was right.
  const ranked = result && result.finalCandidates.length > 0 ? result.finalCandidates.map((c) => c.function) : [...sinkFunctions(predicted)].reverse();
  const top1 = result !== undefined && ranked.slice(0, 1).some((f) => goldFinals.has(f));
  return {
    id: item.id,
    outcome: result === undefined ? 'planFailed' : outcomeOf(comparison, top1),
    comparison,
    top1,
    top3: result !== undefined && ranked.slice(0, 3).some((f) => goldFinals.has(f)),
    unsupported: predicted.unsupported?.length ?? 0,
  };
}

/**
 * Plans each item in turn and scores the plans. Micro-averaged P/R/F1 (see `aggregate` in
 * workflow/compare.ts); rates are over `requests`; latency percentiles are nearest-rank over the
 * requests that planned. A planner that throws is scored as an empty workflow and counted in
 * `errors.planFailed`.
 * @example
 * const report = await evaluate(planner, parseDataset(text));
 * console.log(report.edges.f1, report.exact.rate);
 */
export async function evaluate(planner: Planner, dataset: Dataset, options: EvaluateOptions = {}): Promise<EvalReport> {
  const now = options.now ?? (() => performance.now());
  const results: RequestResult[] = [];
  for (const item of dataset.items) {
    const { plan, error, wallMs } = await timedPlan(planner, item.request, now);
    const scored = scoreOne(item, plan);
    const result = plan ? { ...scored, ms: plan.ms, wallMs } : { ...scored, error };
    results.push(result);
    options.onPlanned?.(item, plan, result);
    options.onProgress?.(results.length, dataset.items.length);
  }
  const totals = aggregate(results.map((r) => r.comparison));
  const n = results.length;
  const rate = (k: number) => (n > 0 ? k / n : 0);
  const timed = results.filter((r) => r.ms !== undefined);
  const errors = Object.fromEntries(ERROR_CATEGORIES.map((c) => [c, results.filter((r) => r.outcome === c).length])) as Record<ErrorCategory, number>;
  return {
    requests: n,
    badLines: dataset.bad,
    functions: totals.functions,
    edges: totals.edges,
    values: totals.values,
    exact: { count: totals.exact, rate: totals.exactRate },
    asks: { total: totals.asks, perRequest: rate(totals.asks) },
    final: { top1: rate(results.filter((r) => r.top1).length), top3: rate(results.filter((r) => r.top3).length) },
    latency: { planMs: percentiles(timed.map((r) => r.ms!)), wallMs: percentiles(timed.map((r) => r.wallMs!)) },
    unsupported: { goals: results.reduce((a, r) => a + r.unsupported, 0), requests: results.filter((r) => r.unsupported > 0).length },
    errors,
    results,
  };
}

export interface EvalArgs {
  catalog: string;
  dataset: string;
  json: boolean;
  /** Print each item that is not right, with its planned and wanted canonical forms. */
  show?: boolean;
  limit?: string;
  dataDir: string;
}

/** How often a progress line is printed while planning. */
const PROGRESS_EVERY = 50;

/**
 * The CLI command: reads the data set, tells its format, builds the real planner (or uses
 * `planner` in tests), evaluates and prints a table (or `--json`). With `--show`, each wrong item
 * is printed first (on stderr with `--json`, so stdout stays one JSON document). Exit 0 when the
 * evaluation ran, even if some lines were bad (they are listed on stderr); 2 when nothing could be
 * evaluated.
 */
export async function evalCommand(args: EvalArgs, out: Output, planner?: Planner): Promise<number> {
  const limit = args.limit === undefined ? Infinity : Number(args.limit);
  if (limit !== Infinity && !(Number.isInteger(limit) && limit >= 1)) throw new ExitError(planMessages.badLimit(String(args.limit)));
  let text: string;
  try {
    text = readFileSync(args.dataset, 'utf8');
  } catch {
    throw new ExitError(messages.noSuchFile(args.dataset));
  }
  const onProgress = (done: number, total: number) => {
    if (done % PROGRESS_EVERY === 0 && done < total) out.error(planMessages.evalProgress(done, total));
  };
  const show = (line: string) => (args.json ? out.error(line) : out.log(line));

  if (datasetFormat(text) === 'product') {
    const dataset = parseProductDataset(text, limit);
    for (const b of dataset.bad) out.error(planMessages.badLine(args.dataset, b.line, b.why));
    if (dataset.items.length === 0) throw new ExitError(productMessages.emptyDataset(args.dataset));
    const catalog = loadCatalog(args.catalog);
    const report = await evaluateProduct(planner ?? (await loadPlanner(args, catalog)), dataset, catalog, { onProgress });
    if (args.show) {
      report.results.forEach((r, i) => {
        if (!r.right) show(productMessages.wrongItem(dataset.items[i]!, shownForms(r)));
      });
    }
    out.log(args.json ? JSON.stringify(report, null, 2) : productMessages.report(args.dataset, report));
    return 0;
  }

  const dataset = parseDataset(text, limit);
  for (const b of dataset.bad) out.error(planMessages.badLine(args.dataset, b.line, b.why));
  if (dataset.items.length === 0) throw new ExitError(planMessages.emptyDataset(args.dataset));
  const catalog = args.show || !planner ? loadCatalog(args.catalog) : undefined;
  const wrong: string[] = [];
  const report = await evaluate(planner ?? (await loadPlanner(args, catalog)), dataset, {
    onProgress,
    onPlanned: (item, plan, result) => {
      if (args.show && result.outcome !== 'exact') wrong.push(exactMiss(item, plan, result, catalog!));
    },
  });
  wrong.forEach(show);
  if (args.json) out.log(JSON.stringify(report, null, 2));
  else out.log(planMessages.evalReport(args.dataset, report));
  return 0;
}

/** The `--show` lines of a Reverse Chain request that was not exact: canonical forms, as for product sets. */
function exactMiss(item: EvalItem, plan: PlanResult | undefined, result: RequestResult, catalog: CatalogFunctions): string {
  const forms = shownForms({
    id: item.id,
    kind: result.outcome,
    right: false,
    planned: plan ? canonicalWorkflow(plan.workflow, catalog) : undefined,
    error: result.error,
    wanted: [canonicalWorkflow(item.gold, catalog)],
  });
  return productMessages.wrongItem({ id: item.id, kind: result.outcome, request: item.request }, forms);
}
