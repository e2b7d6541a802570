/** PostSlackMessage: posts a message to a Slack channel (optionally as a thread reply). */
import { callSlack, slackClient } from '../lib/slack-client.ts';
import { resolveChannel } from './resolve.ts';

export async function postSlackMessage({ channel, text, thread_ts }: { channel: string; text: string; thread_ts?: string }) {
  if (!text.trim()) throw new Error('text is empty: there is nothing to post');
  const client = slackClient();
  const channelId = await resolveChannel(client, channel);
  const result = await callSlack('chat.postMessage', () =>
    client.chat.postMessage({ channel: channelId, text, ...(thread_ts ? { thread_ts } : {}) }),
  );
  return { message_ts: result.ts ?? '', channel_id: result.channel ?? channelId };
}
