/**
 * @module workflow/types
 * The one home of the Workflow v1 shape (the contract in DEVELOPERS.md). Planner, runtime, agent,
 * Slack and CLI all import these types; nobody writes a copy.
 */

/** A literal value bound to an input. */
export interface ValueBinding {
  value: unknown;
}
/** An input fed by another node's output. */
export interface FromBinding {
  from: string;
  output: string;
}
/** An input still to be asked of the user; `question` is the text to show. */
export interface AskBinding {
  ask: string;
}
export type Binding = ValueBinding | FromBinding | AskBinding;

export interface WorkflowNode {
  id: string;
  function: string;
  inputs: Record<string, Binding>;
  /** Optional: why the planner chose this function (ignored by consumers that do not know it). */
  reason?: string;
}

export interface WorkflowOutput {
  from: string;
  output: string;
}

/** Runners-up for one node, kept when the planner was not sure (at most 3 functions). */
export interface Alternative {
  node: string;
  functions: string[];
  reason?: string;
}

export interface Workflow {
  version: 1;
  request: string;
  nodes: WorkflowNode[];
  outputs: WorkflowOutput[];
  alternatives?: Alternative[];
  unsupported?: string[];
  /** Unknown optional fields are kept and ignored. */
  [extra: string]: unknown;
}

export const isValueBinding = (b: Binding): b is ValueBinding => 'value' in b;
export const isFromBinding = (b: Binding): b is FromBinding => 'from' in b;
export const isAskBinding = (b: Binding): b is AskBinding => 'ask' in b;

export type NodeStatus = 'pending' | 'running' | 'succeeded' | 'failed' | 'skipped';
export type RunStatus = 'succeeded' | 'partial' | 'failed';

/** What happened to one node in a run. */
export interface NodeRun {
  status: NodeStatus;
  outputs?: Record<string, unknown>;
  error?: string;
  attempts: number;
  ms: number;
}

/**
 * The record of one run: `succeeded` when every node did, `failed` when none did, else `partial`.
 * `outputs` holds the workflow's declared outputs that were produced, keyed `node.output`.
 */
export interface RunRecord {
  status: RunStatus;
  nodes: Record<string, NodeRun>;
  outputs: Record<string, unknown>;
  ms: number;
}

/** Progress of a run, one event per node transition, for the chat layers. */
export type RunEvent =
  | { type: 'started'; node: string; function: string; attempt: number }
  | { type: 'retrying'; node: string; function: string; attempt: number; error: string; delayMs: number }
  | { type: 'succeeded'; node: string; function: string; ms: number; outputs: Record<string, unknown> }
  | { type: 'failed'; node: string; function: string; ms: number; error: string }
  | { type: 'skipped'; node: string; function: string; reason: string };
