/**
 * @module runtime/invoker
 * The interface every way of calling a function implements (local module, HTTP).
 */
import type { FunctionSpec } from '../catalog/types.ts';

export interface InvokeOptions {
  /** The call fails with a retryable `execution.timeout` after this many milliseconds. */
  timeoutMs: number;
}

export interface Invoker {
  /**
   * Calls `spec` with inputs already coerced to their declared types, resolving to the raw outputs
   * object. Throws ExecutionError (retryable or not) on failure.
   */
  invoke(spec: FunctionSpec, inputs: Record<string, unknown>, options: InvokeOptions): Promise<Record<string, unknown>>;
  /** Releases workers or sockets; the invoker may not be used afterwards. */
  close?(): Promise<void>;
}
