/**
 * @module cli/messages
 * Every sentence the CLI prints, apart from the logic that decides when.
 */
import type { Score } from '../workflow/compare.ts';
import type { RunEvent, RunRecord } from '../workflow/types.ts';
import { pyFixed } from '../workflow/python-text.ts';
import type { EvalReport } from './commands/eval.ts';
import type { ProductEvalReport } from './commands/eval-product.ts';

const ms = (n: number) => (n >= 1000 ? `${(n / 1000).toFixed(1)} s` : `${Math.round(n)} ms`);

export const messages = {
  noSuchFile: (path: string) => `${path}: no such file; check the path`,
  notJson: (path: string, why: string) => `${path}: not valid JSON (${why})`,
  setSyntax: (a: string) => `--set ${a}: write NODE.PARAM=VALUE or PARAM=VALUE`,
  setNoTarget: (key: string) =>
    `--set ${key}=…: no node input "${key}" and no question for an input named "${key}"; use NODE.PARAM=VALUE with a node id from the workflow`,
  setFileMissing: (target: string, path: string) => `--set ${target}=${path}: the input takes a file, and ${path} cannot be read`,
  unfilledAsk: (node: string, param: string, question: string) =>
    `node "${node}" input "${param}" still needs an answer ("${question}"); pass --set ${node}.${param}=VALUE`,
  catalogOk: (count: number, path: string) => `✔ ${path}: ${count} function${count === 1 ? '' : 's'}, all valid`,
  diagramWritten: (path: string) => `diagram written to ${path}`,
  diagramFormat: (path: string) => `--out ${path}: the file name must end in .png, .svg or .dot`,
  fileSaved: (key: string, path: string) => `  ${key}: file saved to ${path}`,
  event(e: RunEvent): string {
    switch (e.type) {
      case 'started':
        return `▶ ${e.node} ${e.function}${e.attempt > 1 ? ` (attempt ${e.attempt})` : ''}`;
      case 'retrying':
        return `↻ ${e.node} ${e.function}: ${e.error}; retrying in ${ms(e.delayMs)}`;
      case 'succeeded':
        return `✔ ${e.node} ${e.function} (${ms(e.ms)})`;
      case 'failed':
        return `✖ ${e.error}`;
      case 'skipped':
        return `↷ ${e.node} ${e.function}: ${e.reason}`;
    }
  },
  summary: (r: RunRecord) => {
    const count = (s: string) => Object.values(r.nodes).filter((n) => n.status === s).length;
    const label = { succeeded: '✔ succeeded', partial: '◐ partial', failed: '✖ failed' }[r.status];
    return `${label} in ${ms(r.ms)}: ${count('succeeded')} succeeded, ${count('failed')} failed, ${count('skipped')} skipped`;
  },
  internal: (e: unknown) =>
    `internal error — this is a bug in action-engine. Please report it with the command you ran and this trace:\n${e instanceof Error ? (e.stack ?? e.message) : String(e)}`,
};

/** Messages of the `plan` and `eval` commands (appended apart so their owners do not collide). */
const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const f3 = (x: number) => x.toFixed(3);
const fmtMs = (n: number) => (n >= 1000 ? `${(n / 1000).toFixed(1)} s` : `${Math.round(n)} ms`);

export const planMessages = {
  lineNotJson: (why: string) => `not valid JSON (${why})`,
  lineNotObject: 'not a JSON object',
  lineNoId: 'needs an "id" (a string or a number)',
  lineNoRequest: 'needs a "request" (non-empty text)',
  lineNoGold: 'needs a "gold" workflow',
  planLineError: (line: number, why: string) => `line ${line}: ${why}`,
  badLine: (file: string, line: number, why: string) => `${file}:${line}: skipped: ${why}`,
  badLimit: (value: string) => `--limit ${value}: give a whole number of requests, 1 or more`,
  emptyDataset: (file: string) => `${file}: no usable {"id","request","gold"} lines; nothing to evaluate`,
  evalProgress: (done: number, total: number) => `… planned ${done}/${total}`,
  planBothForms: 'give either a request text or --input FILE, not both',
  planNoRequest: 'give a request text (action-engine plan "resize cat.png to 200 px") or --input FILE --output FILE',
  planNoOutput: '--input needs --output FILE for the planned workflows',
  planOutputWithoutInput: '--output goes with --input; for a single request text the workflow is printed',
  cannotWrite: (path: string, why: string) => `${path}: cannot write (${why}); check that the folder exists`,
  batchPlanned: (planned: number, failed: number, path: string) =>
    `${failed === 0 ? '✔' : '◐'} ${planned} planned, ${failed} error line${failed === 1 ? '' : 's'}, written to ${path}`,
  planReason: (reason: string) => `• ${reason}`,
  finalCandidates: (candidates: { function: string; score: number }[]) =>
    `final candidates: ${candidates.slice(0, 3).map((c) => `${c.function} (${c.score.toFixed(2)})`).join(', ')}`,
  unsupportedGoal: (goal: string) => `⚠ no function for: ${goal}`,
  planned: (nodes: number, ms: number) => `planned ${nodes} node${nodes === 1 ? '' : 's'} in ${fmtMs(ms)}`,
  evalReport(dataset: string, r: EvalReport): string {
    const score = (name: string, s: Score) =>
      `${name.padEnd(14)}${f3(s.precision).padStart(7)}${f3(s.recall).padStart(7)}${f3(s.f1).padStart(7)}   tp ${s.tp}  fp ${s.fp}  fn ${s.fn}`;
    const row = (name: string, text: string) => `${name.padEnd(14)}${text}`;
    const e = r.errors;
    return [
      `${dataset}: ${r.requests} request${r.requests === 1 ? '' : 's'}${r.badLines.length ? `, ${r.badLines.length} bad line${r.badLines.length === 1 ? '' : 's'} skipped` : ''}`,
      `${''.padEnd(14)}${'P'.padStart(7)}${'R'.padStart(7)}${'F1'.padStart(7)}`,
      score('functions', r.functions),
      score('edges', r.edges),
      score('values', r.values),
      row('exact match', `${pct(r.exact.rate)} (${r.exact.count}/${r.requests})`),
      row('final top-1', `${pct(r.final.top1)}   top-3 ${pct(r.final.top3)}`),
      row('asks', `${r.asks.perRequest.toFixed(2)} per request (${r.asks.total} total)`),
      row('latency plan', `p50 ${fmtMs(r.latency.planMs.p50)}   p95 ${fmtMs(r.latency.planMs.p95)}`),
      row('latency wall', `p50 ${fmtMs(r.latency.wallMs.p50)}   p95 ${fmtMs(r.latency.wallMs.p95)}`),
      row('unsupported', `${r.unsupported.goals} goal${r.unsupported.goals === 1 ? '' : 's'} in ${r.unsupported.requests} request${r.unsupported.requests === 1 ? '' : 's'}`),
      'not exact, by first cause:',
      row('  plan failed', String(e.planFailed).padStart(4)),
      row('  wrong final', String(e.wrongFinal).padStart(4)),
      row('  helpers', `${String(e.helpers).padStart(4)}  (a helper function missing or extra)`),
      row('  edges', `${String(e.edges).padStart(4)}  (right functions, wrong wiring)`),
      row('  asked', `${String(e.asked).padStart(4)}  (right structure, an input left as a question)`),
      row('  wrong value', `${String(e.wrongValue).padStart(4)}  (right structure, a literal wrong or missing)`),
    ].join('\n');
  },
};

/** Messages of `eval` on product data sets (gold: a list of acceptable workflows), figures as score.py prints them. */
const f3py = (x: number) => pyFixed(x, 3);

export const productMessages = {
  lineNoGold: 'needs a "gold": the list of acceptable workflows ([] for an unsupported request)',
  goldNotList:
    '"gold" must be a list of acceptable workflows: this data set is in the product format (its first "gold" is a list), and this line gives one workflow',
  goldIsList:
    '"gold" is a list of workflows (the product format), but this data set is in the Reverse Chain format (its first "gold" is one workflow); keep one format per file',
  goldPlace: (index: number) => `gold[${index}]`,
  goldNotObject: (where: string) => `${where}: a workflow must be an object {"nodes", "outputs"}`,
  goldNoNodes: (where: string) => `${where}: needs "nodes" (a list)`,
  goldBadNode: (where: string, index: number) => `${where}: node #${index + 1} needs an "id" and a "function" (text)`,
  goldBadInputs: (where: string, index: number) => `${where}: node #${index + 1}: "inputs" must be an object of bindings`,
  goldBadOutputs: (where: string) => `${where}: "outputs" must be a list of {"from", "output"}`,
  goldBadAlternatives: (where: string) => `${where}: "alternatives" must be a list of {"node", "functions"}`,
  kindNotText: '"kind" must be text (single, chain, multi, ask or unsupported)',
  emptyDataset: (file: string) => `${file}: no usable {"id","request","gold"} lines; nothing to evaluate`,
  /** One wrong item, as score.py's --show prints it. */
  wrongItem: (item: { id: string; kind: string; request: string }, forms: { got: string; want: string }) =>
    `${item.id} [${item.kind}] ${item.request}\n   got  ${forms.got}\n   want ${forms.want}`,
  byKind: (perKind: Record<string, string>) =>
    Object.entries(perKind)
      .map(([kind, share]) => `${kind} ${share}`)
      .join('   '),
  report(dataset: string, r: ProductEvalReport): string {
    const s = r.score;
    const row = (name: string, text: string) => `${name.padEnd(14)}${text}`;
    return [
      `${dataset}: ${r.requests} request${r.requests === 1 ? '' : 's'}, product format${r.badLines.length ? `, ${r.badLines.length} bad line${r.badLines.length === 1 ? '' : 's'} skipped` : ''}`,
      row('right', `${s.right}/${s.n} (${f3py(s.right_share)})`),
      row('final top-1', `${f3py(s.final_top1)}   top-3 ${f3py(s.final_top3)}   (over the ${r.goals} request${r.goals === 1 ? '' : 's'} with a goal)`),
      row('function F1', `${f3py(s.fn_F1)}   (against the closest acceptable plan)`),
      row('by kind', productMessages.byKind(s.per_kind)),
      row('latency plan', `p50 ${fmtMs(r.latency.planMs.p50)}   p95 ${fmtMs(r.latency.planMs.p95)}`),
      row('latency wall', `p50 ${fmtMs(r.latency.wallMs.p50)}   p95 ${fmtMs(r.latency.wallMs.p95)}`),
    ].join('\n');
  },
};
