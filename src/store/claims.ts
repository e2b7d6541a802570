/**
 * @module store/claims
 * "Has this been handled already?" for deliveries that can arrive twice (Slack retries an event
 * whose ack it did not see). The first claim of a key wins; claims expire after a TTL.
 */
import type Keyv from 'keyv';

export class ClaimStore {
  /** Claims in flight in this process, so two concurrent claims of one key cannot both win. */
  private readonly inFlight = new Map<string, Promise<boolean>>();

  constructor(
    private readonly kv: Keyv,
    private readonly ttlMs = 24 * 60 * 60 * 1000,
  ) {}

  /**
   * True the first time `key` is claimed (within the TTL), false after.
   * @example
   * if (!(await claims.claim(`event:${eventId}`))) return; // a retry: already handled
   */
  async claim(key: string): Promise<boolean> {
    const pending = this.inFlight.get(key);
    if (pending) return pending.then(() => false);
    const attempt = (async () => {
      // NOTE: get, not has: keyv's has() does not look at the expiry on every store (SQLite keeps the
      // expired row until it is read), so a claim would never be forgotten.
      if ((await this.kv.get(key)) !== undefined) return false;
      await this.kv.set(key, Date.now(), this.ttlMs);
      return true;
    })();
    this.inFlight.set(key, attempt);
    try {
      return await attempt;
    } finally {
      this.inFlight.delete(key);
    }
  }

  close(): Promise<void> {
    return this.kv.disconnect();
  }
}
