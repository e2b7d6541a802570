/** @module workflow/errors */

export type WorkflowErrorCode = 'workflow.parse' | 'workflow.invalid' | 'workflow.cycle' | 'workflow.unfilled_ask';

/**
 * A workflow that cannot run as written. `problems` lists every issue found, each naming the node,
 * so one message shows everything to fix.
 */
export class WorkflowError extends Error {
  override readonly name = 'WorkflowError';
  constructor(
    readonly code: WorkflowErrorCode,
    readonly problems: string[],
  ) {
    super(problems.length === 1 ? problems[0] : `${problems.length} problems in the workflow:\n- ${problems.join('\n- ')}`);
  }
}

export function isWorkflowError(e: unknown): e is WorkflowError {
  return e instanceof Error && e.name === 'WorkflowError';
}
