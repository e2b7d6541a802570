/**
 * `action-engine eval` on a product data set (`../shared/bench/product/README.md`): lines
 * `{"id","request","kind","gold": [Workflow, …]}` with `{"ask": true}` for questions and
 * `"unsupported": true` with `gold: []`. Plans each request and scores the plans as score.py does
 * (see workflow/product-score.ts).
 */
import { performance } from 'node:perf_hooks';
import type { Planner } from '../../planner/types.ts';
import type { CatalogFunctions, GoldWorkflow } from '../../workflow/canonical.ts';
import { judgeProductItem, summariseProduct, type ProductItem, type ProductJudgement, type ProductScore } from '../../workflow/product-score.ts';
import { pyTruthy } from '../../workflow/python-text.ts';
import { planMessages, productMessages } from '../messages.ts';
import { isRecord, percentiles, readObjectLines, timedPlan, type BadLine, type Percentiles } from './eval-common.ts';

export interface ProductLine extends ProductItem {
  /** 1-based line in the data set file. */
  line: number;
}

export interface ProductDataset {
  items: ProductLine[];
  bad: BadLine[];
}

export interface ProductResult extends ProductJudgement {
  /** PlanResult.ms and wall-clock time around `plan()`; absent when planning failed. */
  ms?: number;
  wallMs?: number;
}

export interface ProductEvalReport {
  format: 'product';
  /** Requests planned and scored (bad lines excluded). */
  requests: number;
  badLines: BadLine[];
  /** The figures score.py prints with `--json`, under its names. */
  score: ProductScore;
  /** Requests with a goal (not unsupported): what final top-1, top-3 and function F1 are over. */
  goals: number;
  latency: { planMs: Percentiles; wallMs: Percentiles };
  results: ProductResult[];
}

const isId = (v: unknown) => typeof v === 'string' || typeof v === 'number';

/** Problems of one gold plan that score.py could not read past (it would stop on them). */
function goldProblems(gold: unknown, index: number): string[] {
  const where = productMessages.goldPlace(index);
  if (!isRecord(gold)) return [productMessages.goldNotObject(where)];
  const problems: string[] = [];
  if (!Array.isArray(gold.nodes)) problems.push(productMessages.goldNoNodes(where));
  else {
    gold.nodes.forEach((n: unknown, i) => {
      if (!isRecord(n) || !isId(n.id) || typeof n.function !== 'string') problems.push(productMessages.goldBadNode(where, i));
      else if (n.inputs !== undefined && n.inputs !== null && !isRecord(n.inputs)) problems.push(productMessages.goldBadInputs(where, i));
    });
  }
  if (gold.outputs !== undefined && gold.outputs !== null && !(Array.isArray(gold.outputs) && gold.outputs.every(isRecord))) {
    problems.push(productMessages.goldBadOutputs(where));
  }
  if (gold.alternatives !== undefined && gold.alternatives !== null && !(Array.isArray(gold.alternatives) && gold.alternatives.every(isRecord))) {
    problems.push(productMessages.goldBadAlternatives(where));
  }
  return problems;
}

/**
 * Parses a product data set. Blank lines are skipped; a line that is not a valid item (not JSON,
 * no id or request, `gold` not a list of plans, a `kind` that is not text) is recorded in `bad`
 * with its line number and why, and the rest go on. With `limit`, stops after that many items.
 * @example
 * const { items, bad } = parseProductDataset(readFileSync('dev.jsonl', 'utf8'));
 */
export function parseProductDataset(text: string, limit = Infinity): ProductDataset {
  return readObjectLines<ProductLine>(text, limit, (doc, line) => {
    const { id, request, gold, kind } = doc;
    const problems: string[] = [];
    if (!isId(id)) problems.push(planMessages.lineNoId);
    if (typeof request !== 'string' || request.trim() === '') problems.push(planMessages.lineNoRequest);
    if (gold === undefined) problems.push(productMessages.lineNoGold);
    else if (!Array.isArray(gold)) problems.push(productMessages.goldNotList);
    else problems.push(...gold.flatMap(goldProblems));
    if (kind !== undefined && typeof kind !== 'string') problems.push(productMessages.kindNotText);
    if (problems.length > 0) return problems;
    return {
      id: String(id),
      request: request as string,
      kind: (kind as string | undefined) ?? '?',
      gold: gold as GoldWorkflow[],
      unsupported: pyTruthy(doc.unsupported),
      line,
    };
  });
}

export interface ProductEvaluateOptions {
  /** Called after each request (for progress lines). */
  onProgress?: (done: number, total: number) => void;
  /** Clock in milliseconds, replaceable in tests. */
  now?: () => number;
}

/**
 * Plans each item in turn and scores the plans against the gold plans with the catalog's
 * defaults. A planner that throws counts as an error line (right only for an unsupported item).
 * @example
 * const report = await evaluateProduct(planner, parseProductDataset(text), catalog);
 * console.log(report.score.right, report.score.per_kind);
 */
export async function evaluateProduct(
  planner: Planner,
  dataset: ProductDataset,
  catalog: CatalogFunctions,
  options: ProductEvaluateOptions = {},
): Promise<ProductEvalReport> {
  const now = options.now ?? (() => performance.now());
  const results: ProductResult[] = [];
  for (const item of dataset.items) {
    const { plan, error, wallMs } = await timedPlan(planner, item.request, now);
    const judgement = judgeProductItem(item, plan ? { workflow: plan.workflow } : { error }, catalog);
    results.push(plan ? { ...judgement, ms: plan.ms, wallMs } : judgement);
    options.onProgress?.(results.length, dataset.items.length);
  }
  const timed = results.filter((r) => r.ms !== undefined);
  return {
    format: 'product',
    requests: results.length,
    badLines: dataset.bad,
    score: summariseProduct(results),
    goals: results.filter((r) => r.goal).length,
    latency: { planMs: percentiles(timed.map((r) => r.ms!)), wallMs: percentiles(timed.map((r) => r.wallMs!)) },
    results,
  };
}
