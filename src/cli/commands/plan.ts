/**
 * `action-engine plan --catalog PATH "request text" [--json]`
 * `action-engine plan --catalog PATH --input requests.jsonl --output plans.jsonl`
 *
 * Single form: the workflow JSON on stdout (the whole PlanResult with `--json`), the reasons and
 * final candidates on stderr. Batch form: `{"id","request"}` lines in, one `{"id","workflow"}` or
 * `{"id","error"}` line out per input line, in order; exit 1 if any line is an error.
 */
import { closeSync, openSync, readFileSync, writeSync } from 'node:fs';
import { loadCatalog, type Catalog } from '../../catalog/index.ts';
import type { Embedder } from '../../index/index.ts';
import type { Planner, PlanResult } from '../../planner/types.ts';
import { ExitError } from '../errors.ts';
import { messages, planMessages } from '../messages.ts';
import type { Output } from '../output.ts';

export interface PlannerArgs {
  catalog: string;
  dataDir: string;
  /** Retrieval embeddings; the offline word vectors when absent. */
  embedder?: Embedder;
}

export interface PlanArgs extends PlannerArgs {
  input?: string;
  output?: string;
  json: boolean;
}

/**
 * Builds the real planner from a catalog path (or the catalog, when the caller has loaded it) and
 * the data folder (where the function index lives).
 * NOTE: the planner module is imported here, not at the top, so commands that never plan (run,
 * diagram, catalog validate) do not load it (nor the index and models it pulls in).
 */
export async function loadPlanner(args: PlannerArgs, catalog: Catalog = loadCatalog(args.catalog)): Promise<Planner> {
  const { createPlanner } = await import('../../planner/index.ts');
  return createPlanner({ catalog, dataDir: args.dataDir, embedder: args.embedder });
}

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Errors of our own layers carry a string `code` (`plan.no_function`, `index.missing`, ...). */
const isCodedError = (e: unknown): e is Error => e instanceof Error && typeof (e as { code?: unknown }).code === 'string';

export interface BatchSummary {
  planned: number;
  failed: number;
}

/**
 * Plans each `{"id","request"}` line of `text` in order and hands one JSON line per input line to
 * `write`: `{"id","workflow"}`, or `{"id","error":"line N: ..."}` (id null when the line has none).
 * Blank lines are skipped. A bad line or a planner failure never stops the batch.
 * @example
 * const lines: string[] = [];
 * const { failed } = await planBatch(planner, '{"id":"a","request":"resize cat.png"}', (l) => lines.push(l));
 */
export async function planBatch(planner: Planner, text: string, write: (line: string) => void): Promise<BatchSummary> {
  const summary: BatchSummary = { planned: 0, failed: 0 };
  const fail = (id: string | number | null, line: number, why: string) => {
    summary.failed += 1;
    write(JSON.stringify({ id, error: planMessages.planLineError(line, why) }));
  };
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!.trim();
    if (raw === '') continue;
    let doc: unknown;
    try {
      doc = JSON.parse(raw);
    } catch (e) {
      fail(null, i + 1, planMessages.lineNotJson(errorText(e)));
      continue;
    }
    const record = typeof doc === 'object' && doc !== null && !Array.isArray(doc) ? (doc as Record<string, unknown>) : undefined;
    const id = typeof record?.id === 'string' || typeof record?.id === 'number' ? record.id : null;
    const request = record?.request;
    if (!record) fail(null, i + 1, planMessages.lineNotObject);
    else if (id === null) fail(null, i + 1, planMessages.lineNoId);
    else if (typeof request !== 'string' || request.trim() === '') fail(id, i + 1, planMessages.lineNoRequest);
    else {
      try {
        const result = await planner.plan(request);
        summary.planned += 1;
        write(JSON.stringify({ id, workflow: result.workflow }));
      } catch (e) {
        fail(id, i + 1, errorText(e));
      }
    }
  }
  return summary;
}

function printPlan(result: PlanResult, json: boolean, out: Output): void {
  if (json) {
    out.log(JSON.stringify(result, null, 2));
    return;
  }
  out.log(JSON.stringify(result.workflow, null, 2));
  for (const reason of result.reasons) out.error(planMessages.planReason(reason));
  if (result.finalCandidates.length > 0) out.error(planMessages.finalCandidates(result.finalCandidates));
  for (const goal of result.workflow.unsupported ?? []) out.error(planMessages.unsupportedGoal(goal));
  out.error(planMessages.planned(result.workflow.nodes.length, result.ms));
}

/**
 * The CLI command. `planner` replaces the real one in tests. Flag problems are gathered and
 * reported together.
 */
export async function plan(request: string | undefined, args: PlanArgs, out: Output, planner?: Planner): Promise<number> {
  const problems: string[] = [];
  if (request !== undefined && args.input !== undefined) problems.push(planMessages.planBothForms);
  if (request === undefined && args.input === undefined) problems.push(planMessages.planNoRequest);
  if (args.input !== undefined && args.output === undefined) problems.push(planMessages.planNoOutput);
  if (request !== undefined && args.output !== undefined) problems.push(planMessages.planOutputWithoutInput);
  if (problems.length > 0) throw new ExitError(problems.join('\n'));

  if (args.input !== undefined && args.output !== undefined) {
    let text: string;
    try {
      text = readFileSync(args.input, 'utf8');
    } catch {
      throw new ExitError(messages.noSuchFile(args.input));
    }
    const p = planner ?? (await loadPlanner(args));
    let fd: number;
    try {
      fd = openSync(args.output, 'w');
    } catch (e) {
      throw new ExitError(planMessages.cannotWrite(args.output, errorText(e)));
    }
    try {
      // NOTE: each line is written as soon as it is planned, so a long batch that is stopped keeps its work.
      const summary = await planBatch(p, text, (line) => writeSync(fd, `${line}\n`));
      out.error(planMessages.batchPlanned(summary.planned, summary.failed, args.output));
      return summary.failed === 0 ? 0 : 1;
    } finally {
      closeSync(fd);
    }
  }

  const p = planner ?? (await loadPlanner(args));
  let result: PlanResult;
  try {
    result = await p.plan(request!);
  } catch (e) {
    // A coded error (PlanError, IndexError...) is a problem to fix, not a bug: show its message.
    if (isCodedError(e)) throw new ExitError(e.message, 1);
    throw e;
  }
  printPlan(result, args.json, out);
  return 0;
}
