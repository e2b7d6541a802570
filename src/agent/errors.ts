/** @module agent/errors */

export type AgentErrorCode = 'agent.not-waiting' | 'agent.config';

export class AgentError extends Error {
  override readonly name = 'AgentError';
  constructor(
    readonly code: AgentErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export function isAgentError(e: unknown): e is AgentError {
  return e instanceof Error && e.name === 'AgentError';
}
