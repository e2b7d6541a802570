/**
 * @module slack/live-message
 * A message that shows the latest of a stream of states: posted for the first state, then edited
 * with chat.update. A burst of states is coalesced: at most one Slack call is in flight, states that
 * arrive meanwhile replace each other, and the last state is always the one left on screen.
 */
import type { SlackMessage } from './render/blocks.ts';
import type { ThreadReplies } from './thread-replies.ts';

export class LiveMessage {
  #latest: SlackMessage | undefined;
  #shown: SlackMessage | undefined;
  #ts: string | undefined;
  #flushing: Promise<void> | undefined;

  constructor(
    private readonly replies: Pick<ThreadReplies, 'post' | 'update'>,
    private readonly onError: (error: unknown) => void,
  ) {}

  /** Shows `message` as soon as the call in flight (if any) is done; never waits. */
  show(message: SlackMessage): void {
    this.#latest = message;
    this.#flushing ??= this.#flush();
  }

  /** Resolves once the latest state is on screen (or failed to get there). */
  settle(): Promise<void> {
    return this.#flushing ?? Promise.resolve();
  }

  async #flush(): Promise<void> {
    try {
      while (this.#latest !== this.#shown) {
        const message = (this.#shown = this.#latest!);
        if (this.#ts === undefined) this.#ts = await this.replies.post(message);
        else await this.replies.update(this.#ts, message);
      }
    } catch (error) {
      this.onError(error);
    } finally {
      // NOTE: no await between the loop's last check and here, so a show() cannot slip in unseen.
      this.#flushing = undefined;
    }
  }
}
