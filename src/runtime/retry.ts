/**
 * @module runtime/retry
 * Exponential backoff with jitter for retryable failures.
 */

export interface BackoffOptions {
  /** Delay before the first retry, before jitter. Default 200 ms. */
  baseMs?: number;
  /** Upper bound of any one delay. Default 5 s. */
  maxMs?: number;
}

/**
 * Delay before retry number `retry` (1 for the first retry): base·2^(retry−1), capped, with
 * "equal jitter" (between half and all of it) so parallel retries do not arrive together.
 */
export function backoffDelay(retry: number, { baseMs = 200, maxMs = 5000 }: BackoffOptions = {}, random = Math.random): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** (retry - 1));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
