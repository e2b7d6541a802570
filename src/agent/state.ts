/**
 * @module agent/state
 * The conversation's state, declared once. Every node is typed from `AgentState.State` and returns
 * an `AgentState.Update`; the reducers below decide how updates merge. Everything here is JSON so
 * the SQLite checkpointer can keep it across restarts.
 */
import { Annotation } from '@langchain/langgraph';
import type { FileJson } from '../catalog/types.ts';
import type { RunRecord, Workflow } from '../workflow/types.ts';

/** How a finished conversation ended. */
export type Outcome = 'succeeded' | 'partial' | 'failed' | 'unsupported' | 'cancelled';

const last = <T>() => Annotation<T>({ reducer: (_, next) => next, default: () => undefined as T });

export const AgentState = Annotation.Root({
  request: Annotation<string>(),
  /** The user who asked; with answers limited to the requester, only theirs count. */
  requester: last<string | undefined>(),
  /** Files that came with the request; they answer file questions of every plan made for it. */
  attachments: last<FileJson[] | undefined>(),
  /** The current plan (rebuilt after the user picks between alternatives). */
  workflow: last<Workflow | undefined>(),
  reasons: last<string[]>(),
  /** What the user picked when asked between alternatives; the planner builds around it. */
  choice: last<{ goal?: string; prefer: string[] } | undefined>(),
  /** The alternatives question is asked once, first. */
  choiceAsked: last<boolean>(),
  /** Answers to `ask` bindings, by `node.input`, already checked against the input's type. */
  answers: Annotation<Record<string, unknown>>({ reducer: (a, b) => ({ ...a, ...b }), default: () => ({}) }),
  /** The last answer that was not taken: the question it was for and why. Cleared by the next good answer. */
  rejected: last<{ question: string; error: string } | undefined>(),
  /** The user said "run" to a plan with side effects. */
  confirmed: last<boolean>(),
  /** The run's record in JSON form (files as base64). */
  run: last<RunRecord | undefined>(),
  outcome: last<Outcome | undefined>(),
});

export type State = typeof AgentState.State;
export type Update = typeof AgentState.Update;
