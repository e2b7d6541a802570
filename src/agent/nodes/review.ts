/**
 * @module agent/nodes/review
 * Checks the plan against the catalog and decides what the conversation does next: ask which
 * function the user means, ask for a value, ask to confirm, run, or stop.
 */
import { validateWorkflow } from '../../workflow/validate.ts';
import type { AgentDeps } from '../deps.ts';
import { choiceQuestion, nextValueQuestion, sideEffects } from '../questions.ts';
import type { State, Update } from '../state.ts';

export type Step = 'choose' | 'elicit' | 'confirm' | 'execute' | 'done';

export function reviewNode(deps: AgentDeps) {
  return (state: State): Update => {
    // A plan the planner made is valid by construction; this guards the run against a bad catalog edit.
    if (state.workflow && !state.outcome) validateWorkflow(state.workflow, deps.catalog);
    return {};
  };
}

/** What comes after review. */
export function nextStep(deps: AgentDeps) {
  return (state: State): Step => {
    const wf = state.workflow;
    if (state.outcome || !wf) return 'done';
    if (!state.choiceAsked && choiceQuestion(wf, deps.catalog)) return 'choose';
    if (nextValueQuestion(wf, deps.catalog, state.answers)) return 'elicit';
    const confirm = deps.confirmBeforeRun === 'always' || (deps.confirmBeforeRun === 'auto' && sideEffects(wf, deps.catalog).length > 0);
    if (confirm && !state.confirmed) return 'confirm';
    return 'execute';
  };
}
