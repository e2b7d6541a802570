/**
 * The real Slack app (Bolt, HTTP receiver on a free port) against the fake Web API, with signed
 * requests ready to send. Tests and the ack benchmark start it the same way.
 *
 * @example
 * const h = await startSlackHarness({ agent: scriptedAgent(script) });
 * await h.send.mention({ text: `<@${BOT_USER}> add 3 days` });
 * await h.slack.waitFor('chat.postMessage');
 * await h.close();
 */
import type { Agent } from '../../src/agent/index.ts';
import { createSlackApp, readSlackConfig, type SlackConfig } from '../../src/slack/app.ts';
import { SIGNING_SECRET, slackRequests, type SlackRequests } from '../fakes/slack-requests.ts';
import { startFakeSlack, type FakeSlack } from '../fakes/slack-web-api.ts';

export interface SlackHarness {
  slack: FakeSlack;
  send: SlackRequests;
  /** The app's request URL (POST /slack/events). */
  url: string;
  config: SlackConfig;
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
    return {
      slack,
      send: slackRequests(url, SIGNING_SECRET),
      url,
      config,
      async close() {
        await app.stop();
        await slack.close();
      },
    };
  } catch (error) {
    await slack.close();
    throw error;
  }
}
