/** @module runtime/errors */

export type ExecutionErrorCode =
  | 'execution.input'
  | 'execution.output'
  | 'execution.timeout'
  | 'execution.http'
  | 'execution.function'
  | 'execution.no_runtime';

/**
 * A failed call of one function. `retryable` marks failures worth another attempt (HTTP 5xx/429,
 * timeouts, network errors); the executor retries only those.
 */
export class ExecutionError extends Error {
  override readonly name = 'ExecutionError';
  constructor(
    readonly code: ExecutionErrorCode,
    message: string,
    readonly retryable = false,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export function isExecutionError(e: unknown): e is ExecutionError {
  return e instanceof Error && e.name === 'ExecutionError';
}
