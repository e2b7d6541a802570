/**
 * @module agent/nodes/report
 * Posts what the run produced: text results, files, and for failed steps which one and why.
 */
import type { NodeRuntime } from '../deps.ts';
import { failures, resultItems, runSummary } from '../report.ts';
import type { State, Update } from '../state.ts';

export function reportNode() {
  return async (state: State, config: NodeRuntime): Promise<Update> => {
    const run = state.run!;
    const failed = failures(state.workflow!, run);
    await config.context!.emit({
      type: 'result',
      status: run.status,
      text: runSummary(run, failed),
      items: resultItems(state.workflow!, run),
      failures: failed,
    });
    return {};
  };
}
