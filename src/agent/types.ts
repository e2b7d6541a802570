/**
 * @module agent/types
 * What the conversation agent says and hears. Chat surfaces (Slack, the terminal) render
 * `AgentEvent`s and `Question`s and send back the user's answers as text; they never see the graph.
 */
import type { FileJson, InputSpec, ValueType } from '../catalog/types.ts';
import type { RunEvent, RunRecord, Workflow } from '../workflow/types.ts';

/** One of the choices of a choice or confirm question. `value` is what to send back to pick it. */
export interface Choice {
  value: string;
  label: string;
  description?: string;
}

interface QuestionBase {
  /** Stable for one question of one conversation: re-asking the same question keeps it. */
  id: string;
  /** The question, in plain words. */
  text: string;
  /** Why the previous answer was not taken, when this is a re-ask. */
  error?: string;
}

/** Which of several near-equal functions the user means (asked before any value). */
export interface ChoiceQuestion extends QuestionBase {
  kind: 'choice';
  /** The node the choice is for. */
  node: string;
  choices: Choice[];
}

/** A value the plan needs and the request did not give. */
export interface ValueQuestion extends QuestionBase {
  kind: 'value';
  node: string;
  function: string;
  input: string;
  type: ValueType;
  enum?: InputSpec['enum'];
  /** For a file input: the MIME types it takes (`image/*` for an image); absent when any file will do. */
  accept?: string;
}

/** Run a workflow with side effects? (`CONFIRM_BEFORE_RUN`) */
export interface ConfirmQuestion extends QuestionBase {
  kind: 'confirm';
  choices: Choice[];
  /** Functions of the plan that change something outside. */
  sideEffects: string[];
}

export type Question = ChoiceQuestion | ValueQuestion | ConfirmQuestion;

/** A result worth showing: a text (or JSON) value, or a file to upload. */
export type ResultItem =
  | { kind: 'text'; label: string; text: string }
  | { kind: 'file'; label: string; name: string; mime: string; data: Uint8Array };

/** Node status for progress displays, in the workflow's order. */
export interface ProgressLine {
  node: string;
  function: string;
  status: 'pending' | 'running' | 'succeeded' | 'failed' | 'skipped';
  detail?: string;
}

export type AgentEvent =
  /** The plan: a summary, the reasons, and its diagram as PNG bytes. Sent again after a re-plan. */
  | { type: 'plan'; workflow: Workflow; summary: string; reasons: string[]; diagram?: Uint8Array; unsupported: string[] }
  /** Nothing in the catalog does the request. */
  | { type: 'unsupported'; text: string; goals: string[] }
  /** Every node transition while running, with the whole progress table. */
  | { type: 'progress'; event: RunEvent; lines: ProgressLine[] }
  /** The run is over: a one-line status, the results, and for each failed step which one and why. */
  | { type: 'result'; status: RunRecord['status']; text: string; items: ResultItem[]; failures: { node: string; function: string; error: string }[] }
  /** The user stopped the conversation. */
  | { type: 'cancelled'; text: string };

/**
 * An answer to a question: text, or a file (as the workflow carries files in JSON) that the chat
 * read or downloaded for a file question.
 */
export type Answer = string | FileJson;

/** One group of functions of "what can you do?", in catalog order. */
export interface CapabilityGroup {
  name: string;
  /** The function names that fit one short line. */
  functions: string[];
  /** How many names did not fit. */
  moreFunctions: number;
  /** Up to two example requests: the catalog's own, or short phrases from descriptions. */
  examples: string[];
  /** False when `examples` are phrases from descriptions (the catalog wrote none for this group). */
  examplesWritten: boolean;
}

/** What the agent can do, drawn from its catalog, short enough for one message or screen. */
export interface Capabilities {
  /** Functions in the catalog. */
  functions: number;
  groups: CapabilityGroup[];
  /** Groups left out to keep the answer short. */
  moreGroups: number;
}

/** Delivers events to the user. Awaited, so events arrive in order. */
export type EventSink = (event: AgentEvent) => Promise<void> | void;

/** Where a conversation stands after a turn. */
export type TurnResult =
  | { status: 'waiting'; question: Question }
  | { status: 'finished'; outcome: 'succeeded' | 'partial' | 'failed' | 'unsupported' | 'cancelled' };

export interface StartOptions {
  /** Who asked (kept with the conversation, so a chat can let only them answer). */
  user?: string;
  onEvent: EventSink;
  /**
   * Files that came with the request (attached to a Slack mention): they answer the plan's file
   * inputs that they fit without asking; one that does not fit is refused in its question.
   */
  files?: FileJson[];
}

export interface ResumeOptions {
  user?: string;
  onEvent: EventSink;
}

/** The open question of a conversation, and whose answer it waits for. */
export interface Pending {
  question: Question;
  requester?: string;
}

export interface Agent {
  /**
   * Plans a request and goes on until it needs an answer or is done. On a thread already waiting for
   * an answer it changes nothing and returns that question; on a finished one it starts afresh.
   */
  start(thread: string, request: string, options: StartOptions): Promise<TurnResult>;
  /** Gives the open question its answer (text, a choice's `value`, "cancel", or a file for a file question). */
  resume(thread: string, answer: Answer, options: ResumeOptions): Promise<TurnResult>;
  /** The open question of a thread, if it has one — also after a restart. */
  pending(thread: string): Promise<Pending | undefined>;
  /**
   * True the first time a key is claimed (kept across restarts for a day), false after: for
   * dropping deliveries already handled, such as a Slack event retried with the same event_id.
   */
  claim(key: string): Promise<boolean>;
  /** What the catalog lets the agent do, for "help" and "what can you do?" (see `isHelpRequest`). */
  capabilities(): Capabilities;
  /** Frees what the agent holds (checkpointer, workers). */
  close(): Promise<void>;
}
