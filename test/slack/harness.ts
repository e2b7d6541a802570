/**
 * The real Slack app (Bolt, HTTP receiver on a free port) against the fake Web API, with signed
 * requests ready to send. Tests and the ack benchmark start it the same way.
 *
 * @example
 * const h = await startSlackHarness({ agent: scriptedAgent(script) });
 * const { ts, second: question } = await mentionApp(h, 'add 3 days');
 * await h.send.reply({ thread_ts: ts, text: '2026-01-01' });
 * await h.close();
 */
import assert from 'node:assert/strict';
import type { Agent } from '../../src/agent/index.ts';
import { createSlackApp, readSlackConfig, type SlackConfig } from '../../src/slack/app.ts';
import { BOT_USER, SIGNING_SECRET, slackRequests, type SlackRequests } from '../fakes/slack-requests.ts';
import { startFakeSlack, type FakeSlack, type FakeSlackCall } from '../fakes/slack-web-api.ts';
import { blocksOf, textOf, tsOf } from './posted.ts';

export interface SlackHarness {
  slack: FakeSlack;
  send: SlackRequests;
  /** The app's request URL (POST /slack/events). */
  url: string;
  config: SlackConfig;
  /** Stops the app once the work it handed off is done (so a test can assert nothing more happened); idempotent. */
  close(): Promise<void>;
}

export async function startSlackHarness({ agent, env = {} }: { agent: Agent; env?: Record<string, string> }): Promise<SlackHarness> {
  const slack = await startFakeSlack();
  const config = readSlackConfig({
    SLACK_BOT_TOKEN: 'xoxb-test-token',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: slack.url,
    PORT: '0',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent',
    ...env,
  });
  const app = createSlackApp({ config, agent });
  try {
    const { port } = await app.start();
    const url = `http://127.0.0.1:${port}/slack/events`;
    let closing: Promise<void> | undefined;
    return {
      slack,
      send: slackRequests(url, SIGNING_SECRET),
      url,
      config,
      close() {
        closing ??= app.stop().then(() => slack.close());
        return closing;
      },
    };
  } catch (error) {
    await slack.close();
    throw error;
  }
}

/**
 * Mentions the app with `request` in a new thread and waits for the two messages that follow (the
 * plan and the question, or the plan and the results); `earlier` is how many were posted before.
 */
export async function mentionApp(h: SlackHarness, request: string, earlier = 0): Promise<{ ts: string; first: FakeSlackCall; second: FakeSlackCall }> {
  const { ts } = await h.send.mention({ text: `<@${BOT_USER}> ${request}` });
  const posts = await h.slack.waitFor('chat.postMessage', earlier + 2);
  return { ts, first: posts[earlier]!, second: posts[earlier + 1]! };
}

/** Clicks the button of `value` on a question message the app posted in thread `threadTs`. */
export async function clickChoice(h: SlackHarness, question: FakeSlackCall, threadTs: string, value: string, user?: string): Promise<Response> {
  const actions = blocksOf(question).find((b) => b.type === 'actions') ?? assert.fail(`the question has no buttons: ${textOf(question)}`);
  const button = actions.elements!.find((e) => e.value === value) ?? assert.fail(`no button for ${value}`);
  return h.send.click({ message: { ts: tsOf(h.slack, question), thread_ts: threadTs }, block_id: actions.block_id!, action_id: button.action_id!, value, ...(user ? { user } : {}) });
}
