/**
 * What both data-set formats of `action-engine eval` share: bad lines, latency percentiles, timing
 * one plan, and telling the formats apart.
 */
import type { Planner, PlanResult } from '../../planner/types.ts';
import { planMessages } from '../messages.ts';

export interface BadLine {
  line: number;
  why: string;
}

export interface Percentiles {
  p50: number;
  p95: number;
}

/**
 * - `reversechain`: `{"id","request","gold": Workflow}` lines, scored by functions, edges and values;
 * - `product`: `{"id","request","kind","gold": [Workflow, …]}` lines (acceptable plans, `{"ask": true}`
 *   for questions, `"unsupported": true` with `gold: []`), scored as score.py does.
 */
export type DatasetFormat = 'reversechain' | 'product';

export const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The format of a data set, from its first line that has a `gold`: a list of workflows is the
 * product format, anything else the Reverse Chain one (also when no line has a `gold`, so the
 * Reverse Chain parser reports the lines as before).
 * @example
 * datasetFormat('{"id":"a","request":"x","gold":[],"unsupported":true}'); // 'product'
 */
export function datasetFormat(text: string): DatasetFormat {
  for (const raw of text.split(/\r?\n/)) {
    if (raw.trim() === '') continue;
    let doc: unknown;
    try {
      doc = JSON.parse(raw);
    } catch {
      continue;
    }
    if (isRecord(doc) && 'gold' in doc) return Array.isArray(doc.gold) ? 'product' : 'reversechain';
  }
  return 'reversechain';
}

/**
 * Nearest-rank percentile (0 for an empty list).
 * @example
 * percentile([4, 1, 3, 2], 0.5); // 2
 */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length, Math.max(1, Math.ceil(p * sorted.length))) - 1]!;
}

/**
 * p50 and p95 of the values.
 * @example
 * percentiles(results.map((r) => r.ms)); // { p50, p95 }
 */
export const percentiles = (values: readonly number[]): Percentiles => ({ p50: percentile(values, 0.5), p95: percentile(values, 0.95) });

export interface TimedPlan {
  plan?: PlanResult;
  /** The planner's error message when it threw. */
  error?: string;
  /** Wall-clock milliseconds around `plan()`. */
  wallMs: number;
}

/**
 * Plans one request, timing it and catching the planner's failure.
 * @example
 * const { plan, error, wallMs } = await timedPlan(planner, 'summarise #eng', () => performance.now());
 */
export async function timedPlan(planner: Planner, request: string, now: () => number): Promise<TimedPlan> {
  const start = now();
  try {
    const plan = await planner.plan(request);
    return { plan, wallMs: now() - start };
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e), wallMs: now() - start };
  }
}

/**
 * The JSON objects of a JSON Lines text with their line numbers, blank lines skipped; a line that is
 * no JSON object goes to `bad` with why. `read` turns each object into an item, or returns the
 * problems that make its line bad; reading stops after `limit` items.
 */
export function readObjectLines<T>(text: string, limit: number, read: (doc: Record<string, unknown>, line: number) => T | string[]): { items: T[]; bad: BadLine[] } {
  const items: T[] = [];
  const bad: BadLine[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length && items.length < limit; i++) {
    const raw = lines[i]!.trim();
    if (raw === '') continue;
    const line = i + 1;
    let doc: unknown;
    try {
      doc = JSON.parse(raw);
    } catch (e) {
      bad.push({ line, why: planMessages.lineNotJson((e as Error).message) });
      continue;
    }
    if (!isRecord(doc)) {
      bad.push({ line, why: planMessages.lineNotObject });
      continue;
    }
    const item = read(doc, line);
    if (Array.isArray(item)) bad.push({ line, why: item.join('; ') });
    else items.push(item);
  }
  return { items, bad };
}
