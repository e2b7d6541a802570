/**
 * @module cli/messages
 * Every sentence the CLI prints, apart from the logic that decides when.
 */
import type { RunEvent, RunRecord } from '../workflow/types.ts';

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
