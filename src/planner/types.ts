/**
 * @module planner/types
 * What the planner gives back: the Workflow (v1, with optional `alternatives`, `unsupported` and
 * per-node `reason`) plus the ranking of final-function candidates used by evaluation and the chat.
 */
import type { Workflow } from '../workflow/types.ts';

export interface RankedFunction {
  function: string;
  score: number;
}

export interface PlanResult {
  workflow: Workflow;
  /** Candidates for the final (goal) function, best first; the first is the one planned. */
  finalCandidates: RankedFunction[];
  /** Short sentences explaining the decisions, in order, for the CLI and the chat. */
  reasons: string[];
  /** Milliseconds spent planning. */
  ms: number;
}

/** Decisions the user has made, for re-planning around them (the chat's alternatives question). */
export interface PlanOptions {
  /** The final function to build the plan around, whatever the ranking says. */
  goal?: string;
  /** Helper functions to take wherever they can provide an input. */
  prefer?: string[];
}

export interface Planner {
  plan(request: string, options?: PlanOptions): Promise<PlanResult>;
}
