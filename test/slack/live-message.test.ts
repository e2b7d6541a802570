import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LiveMessage } from '../../src/slack/live-message.ts';
import type { SlackMessage } from '../../src/slack/render/blocks.ts';

const state = (n: number): SlackMessage => ({ text: `state ${n}`, blocks: [] });

/** Replies whose calls finish only when the test lets them, recording what was shown. */
function slowReplies() {
  const shown: string[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const waiting: (() => void)[] = [];
  const call = async (text: string) => {
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    await new Promise<void>((resolve) => waiting.push(resolve));
    shown.push(text);
    inFlight--;
  };
  return {
    shown,
    get maxInFlight() {
      return maxInFlight;
    },
    /** Finishes the call in flight. */
    release: async () => {
      waiting.shift()?.();
      await new Promise((resolve) => setImmediate(resolve));
    },
    replies: {
      post: async (m: SlackMessage) => (await call(`post ${m.text}`), '1.0001'),
      update: async (ts: string, m: SlackMessage) => call(`update ${ts} ${m.text}`),
    },
  };
}

describe('LiveMessage', () => {
  it('posts the first state, then coalesces a burst into one update with the last state', async () => {
    const slack = slowReplies();
    const live = new LiveMessage(slack.replies, (e) => assert.fail(String(e)));
    live.show(state(1));
    for (let n = 2; n <= 100; n++) live.show(state(n));
    await slack.release();
    await slack.release();
    await live.settle();
    assert.deepEqual(slack.shown, ['post state 1', 'update 1.0001 state 100']);
    assert.equal(slack.maxInFlight, 1);
  });

  it('shows a state that arrives while the last call is in flight, so the final state is always on screen', async () => {
    const slack = slowReplies();
    const live = new LiveMessage(slack.replies, (e) => assert.fail(String(e)));
    live.show(state(1));
    await slack.release();
    live.show(state(2)); // nothing in flight: goes out at once
    live.show(state(3)); // arrives while state 2 is in flight
    const settled = live.settle();
    await slack.release();
    await slack.release();
    await settled;
    assert.deepEqual(slack.shown, ['post state 1', 'update 1.0001 state 2', 'update 1.0001 state 3']);
  });

  it('reports a failed call and tries again with the next state', async () => {
    const errors: unknown[] = [];
    let fail = true;
    const shown: string[] = [];
    const live = new LiveMessage(
      {
        post: async (m) => {
          if (fail) throw new Error('ratelimited');
          shown.push(m.text);
          return '1.0001';
        },
        update: async () => {},
      },
      (e) => errors.push(e),
    );
    live.show(state(1));
    await live.settle();
    fail = false;
    live.show(state(2));
    await live.settle();
    assert.equal(errors.length, 1);
    assert.deepEqual(shown, ['state 2']);
  });
});
