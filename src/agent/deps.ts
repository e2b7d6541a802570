/**
 * @module agent/deps
 * What the graph's nodes work with: bound when the graph is built (catalog, planner, invokers) or
 * passed with each run (`context.emit`, which is not saved in checkpoints).
 */
import { Annotation, type Runtime } from '@langchain/langgraph';
import type { Catalog } from '../catalog/types.ts';
import type { Planner } from '../planner/index.ts';
import type { Invokers } from '../runtime/index.ts';
import type { EventSink } from './types.ts';

export interface AgentDeps {
  catalog: Catalog;
  planner: Planner;
  invokers: Invokers;
  /** See AgentConfig.confirmBeforeRun. */
  confirmBeforeRun: 'auto' | 'always' | 'never';
  /** Render the plan diagram (PNG) for the chat; default true. */
  diagrams?: boolean;
  /** The largest file an answer or attachment may be (FILE_MAX_BYTES); default `DEFAULT_FILE_MAX_BYTES`. */
  fileMaxBytes?: number;
}

/** Per-run context (LangGraph `context`): where events go. */
export const AgentContextSchema = Annotation.Root({ emit: Annotation<EventSink>() });
export type AgentContext = typeof AgentContextSchema.State;
/** The second argument of every node. */
export type NodeRuntime = Runtime<AgentContext>;
