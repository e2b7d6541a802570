/**
 * @module agent/nodes/plan
 * Plans the request (around the user's pick, when there is one), answers its file questions with the
 * files that came with the request, and shows the plan with its diagram.
 * NOTE: no interrupt in this node, so it never re-runs on resume and the plan is shown once per plan.
 */
import { renderWorkflowDiagram } from '../../workflow/diagram.ts';
import { answerWithAttachments } from '../attachments.ts';
import { DEFAULT_FILE_MAX_BYTES } from '../config.ts';
import type { AgentDeps, NodeRuntime } from '../deps.ts';
import { planSummary } from '../report.ts';
import type { State, Update } from '../state.ts';

export function planNode(deps: AgentDeps) {
  return async (state: State, config: NodeRuntime): Promise<Update> => {
    const emit = config.context!.emit;
    const { workflow, reasons } = await deps.planner.plan(state.request, state.choice ?? {});
    if (workflow.nodes.length === 0) {
      const goals = workflow.unsupported ?? [state.request];
      await emit({ type: 'unsupported', text: `I can't do that with the functions I have: ${reasons.join(' ')}`, goals });
      return { workflow, reasons, outcome: 'unsupported' };
    }
    const { answers, rejected } = answerWithAttachments(workflow, deps.catalog, state.attachments ?? [], deps.fileMaxBytes ?? DEFAULT_FILE_MAX_BYTES);
    const diagram = deps.diagrams === false ? undefined : await renderWorkflowDiagram(workflow, deps.catalog, 'png');
    await emit({ type: 'plan', workflow, summary: planSummary(workflow, answers), reasons, diagram, unsupported: workflow.unsupported ?? [] });
    return { workflow, reasons, answers, rejected };
  };
}
