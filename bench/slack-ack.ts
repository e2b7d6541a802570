/**
 * Slack ack benchmark: the real app (Bolt's HTTP receiver, signature checks) against the fake Web
 * API, with a scripted agent that takes 200 ms per turn, so the figure is the time to answer Slack
 * and excludes planning. Sends correctly signed app_mention events one after another (distinct
 * event ids and threads) and measures each HTTP response time, while the conversations of the
 * earlier events post their plans, diagrams and questions in the background (same process).
 * One whole turn runs first, untimed: the first Slack calls of a process load code lazily.
 */
import { scriptedAgent } from '../test/fakes/scripted-agent.ts';
import { BOT_USER } from '../test/fakes/slack-requests.ts';
import { mentionApp, startSlackHarness } from '../test/slack/harness.ts';
import { dateQuestion, plan } from '../test/slack/script.ts';

export interface AckFigures {
  count: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Answers that were not 200. */
  errors: number;
}

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;

export async function benchSlackAck(count = 200): Promise<AckFigures> {
  const agent = scriptedAgent({ 'add 3 days': [{ events: [plan], then: dateQuestion }] }, { turnMs: 200 });
  const h = await startSlackHarness({ agent });
  const times: number[] = [];
  let errors = 0;
  try {
    await mentionApp(h, 'add 3 days');
    for (let i = 0; i < count; i++) {
      const start = performance.now();
      const { response } = await h.send.mention({ text: `<@${BOT_USER}> add 3 days` });
      await response.arrayBuffer();
      times.push(performance.now() - start);
      if (response.status !== 200) errors++;
    }
  } finally {
    await h.close();
  }
  times.sort((a, b) => a - b);
  return { count, p50Ms: quantile(times, 0.5), p95Ms: quantile(times, 0.95), p99Ms: quantile(times, 0.99), maxMs: times.at(-1)!, errors };
}
