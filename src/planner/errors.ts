/** @module planner/errors */

export type PlanErrorCode = 'plan.unknown-function';

export class PlanError extends Error {
  override readonly name = 'PlanError';
  constructor(
    readonly code: PlanErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export function isPlanError(e: unknown): e is PlanError {
  return e instanceof Error && e.name === 'PlanError';
}
