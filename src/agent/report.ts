/**
 * @module agent/report
 * Words and items for the chat: the plan summary, the progress table, and the results of a run
 * (text values as text, files as files, failed steps named with why).
 */
import type { NodeRun, RunEvent, RunRecord, Workflow } from '../workflow/types.ts';
import { isAskBinding } from '../workflow/types.ts';
import { isFileJson } from '../workflow/values.ts';
import { answerKey } from './questions.ts';
import type { ProgressLine, ResultItem } from './types.ts';

/** "3 steps: ParseCsv → ColumnValues → Chart. I need 1 value from you." (`answered`: asks already answered, by `node.input`) */
export function planSummary(workflow: Workflow, answered: Record<string, unknown> = {}): string {
  const steps = workflow.nodes.map((n) => n.function);
  const asks = workflow.nodes.reduce((t, n) => t + Object.entries(n.inputs).filter(([input, b]) => isAskBinding(b) && !(answerKey(n.id, input) in answered)).length, 0);
  const head = `Plan for “${workflow.request.trim()}”: ${steps.length} step${steps.length === 1 ? '' : 's'} (${steps.join(' → ')}).`;
  const need = asks ? ` I need ${asks} more value${asks === 1 ? '' : 's'} from you.` : '';
  const cannot = workflow.unsupported?.length ? ` Not covered by the catalog: ${workflow.unsupported.map((u) => `“${u}”`).join(', ')}.` : '';
  return head + need + cannot;
}

/** Keeps the progress table of a run from its events. */
export class ProgressTable {
  private readonly lines: ProgressLine[];

  constructor(workflow: Workflow) {
    this.lines = workflow.nodes.map((n) => ({ node: n.id, function: n.function, status: 'pending' }));
  }

  apply(event: RunEvent): ProgressLine[] {
    const line = this.lines.find((l) => l.node === event.node);
    if (line) {
      if (event.type === 'started') Object.assign(line, { status: 'running', detail: event.attempt > 1 ? `attempt ${event.attempt}` : undefined });
      else if (event.type === 'retrying') Object.assign(line, { status: 'running', detail: `retrying: ${event.error}` });
      else if (event.type === 'succeeded') Object.assign(line, { status: 'succeeded', detail: `${Math.round(event.ms)} ms` });
      else if (event.type === 'failed') Object.assign(line, { status: 'failed', detail: event.error });
      else Object.assign(line, { status: 'skipped', detail: event.reason });
    }
    return this.lines.map((l) => ({ ...l }));
  }
}

/** The results of a run (its JSON record) as items to show, in the workflow's output order. */
export function resultItems(workflow: Workflow, record: RunRecord): ResultItem[] {
  const items: ResultItem[] = [];
  for (const out of workflow.outputs) {
    const value = record.outputs[`${out.from}.${out.output}`];
    if (value === undefined) continue;
    const fn = workflow.nodes.find((n) => n.id === out.from)?.function ?? out.from;
    const label = `${out.output.replace(/_/g, ' ')} (${fn})`;
    if (isFileJson(value)) items.push({ kind: 'file', label, name: value.name, mime: value.mime, data: Buffer.from(value.base64, 'base64') });
    else items.push({ kind: 'text', label, text: typeof value === 'string' ? value : JSON.stringify(value, null, 2) });
  }
  return items;
}

export function failures(workflow: Workflow, record: RunRecord): { node: string; function: string; error: string }[] {
  return Object.entries(record.nodes)
    .filter(([, r]: [string, NodeRun]) => r.status === 'failed')
    // The runtime's message starts with `node "n2" (Fn): `; the chat names the step itself.
    .map(([node, r]) => ({ node, function: workflow.nodes.find((n) => n.id === node)?.function ?? node, error: (r.error ?? 'failed').replace(/^node "[^"]*" \([^)]*\): /, '') }));
}

/** One line on how the run went (the failed steps are listed apart, in `failures`). */
export function runSummary(record: RunRecord, failed: { node: string }[]): string {
  const secs = (record.ms / 1000).toFixed(1);
  const steps = `${failed.length} step${failed.length === 1 ? '' : 's'}`;
  if (record.status === 'succeeded') return `Done in ${secs} s.`;
  if (record.status === 'partial') return `Partly done in ${secs} s: ${steps} failed; the other results are below.`;
  return `The run failed: ${steps} failed.`;
}
