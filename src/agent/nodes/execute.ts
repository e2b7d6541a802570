/**
 * @module agent/nodes/execute
 * Runs the plan with the user's answers in place of its questions, showing progress as nodes start
 * and finish, and keeps the run's record (JSON, files as base64) in the state.
 */
import { executeWorkflow } from '../../runtime/index.ts';
import { isAskBinding, type RunRecord, type Workflow } from '../../workflow/types.ts';
import { toJsonValue } from '../../workflow/values.ts';
import type { AgentDeps, NodeRuntime } from '../deps.ts';
import { answerKey } from '../questions.ts';
import { ProgressTable } from '../report.ts';
import type { State, Update } from '../state.ts';

/** The workflow with each answered `ask` replaced by the answer's value. */
export function withAnswers(workflow: Workflow, answers: Record<string, unknown>): Workflow {
  return {
    ...workflow,
    nodes: workflow.nodes.map((n) => ({
      ...n,
      inputs: Object.fromEntries(
        Object.entries(n.inputs).map(([input, b]) => {
          const key = answerKey(n.id, input);
          return [input, isAskBinding(b) && key in answers ? { value: answers[key] } : b];
        }),
      ),
    })),
  };
}

export function executeNode(deps: AgentDeps) {
  return async (state: State, config: NodeRuntime): Promise<Update> => {
    const emit = config.context!.emit;
    const workflow = withAnswers(state.workflow!, state.answers);
    const table = new ProgressTable(workflow);
    // The executor's callback is synchronous; events go out in order through one promise chain.
    // NOTE: a sink that fails to show one progress event must not stop the run (the chat layers log
    // their own failures), so a rejection is dropped here and the next event still goes out.
    let sent: Promise<void> = Promise.resolve();
    const record = await executeWorkflow(workflow, deps.catalog, {
      invokers: deps.invokers,
      onEvent: (event) => {
        const lines = table.apply(event);
        sent = sent.then(() => emit({ type: 'progress', event, lines })).catch(() => {});
      },
    });
    await sent;
    return { run: toJsonValue(record) as RunRecord, outcome: record.status };
  };
}
