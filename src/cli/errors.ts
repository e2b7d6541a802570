/** @module cli/errors — the exit-code carrying error of the CLI. */

/** Thrown by commands to end with a message and an exit code (2 = bad input, 1 = the run did not succeed). */
export class ExitError extends Error {
  override readonly name = 'ExitError';
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
  }
}
