/**
 * @module agent — the conversation: plan → review → (choose | elicit | confirm) → execute → report,
 * as a LangGraph graph with a persistent checkpointer. Slack and the terminal chat both drive it.
 */
export { openAgent, type OpenAgentOptions } from './open.ts';
export { createAgent, type CreateAgentOptions } from './agent.ts';
export { DEFAULT_CATALOG, DEFAULT_FILE_MAX_BYTES, readConfirmPolicy, readFileMaxBytes, type AgentConfig, type ConfirmPolicy } from './config.ts';
export { AgentError, isAgentError, type AgentErrorCode } from './errors.ts';
export { isCancel, pickChoice, readValue } from './answers.ts';
export { describeCatalog, isHelpRequest } from './capabilities.ts';
export { IMAGE, IMAGE_FORMATS, checkFile, formatBytes, readAtMost, tooLarge } from './files.ts';
export type * from './types.ts';
