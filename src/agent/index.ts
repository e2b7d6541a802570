/**
 * @module agent — the conversation: plan → review → (choose | elicit | confirm) → execute → report,
 * as a LangGraph graph with a persistent checkpointer. Slack and the terminal chat both drive it.
 */
export { openAgent, type OpenAgentOptions } from './open.ts';
export { createAgent, type CreateAgentOptions } from './agent.ts';
export { DEFAULT_CATALOG, readConfirmPolicy, type AgentConfig, type ConfirmPolicy } from './config.ts';
export { AgentError, isAgentError, type AgentErrorCode } from './errors.ts';
export { isCancel, pickChoice, readValue } from './answers.ts';
export type * from './types.ts';
