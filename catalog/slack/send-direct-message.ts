/** SendDirectMessage: sends a private direct message to one Slack user. */
import { callSlack, slackClient } from '../lib/slack-client.ts';
import { resolveUserId } from './resolve.ts';

export async function sendDirectMessage({ user_id, text }: { user_id: string; text: string }) {
  if (!text.trim()) throw new Error('text is empty: there is nothing to send');
  const client = slackClient();
  const user = await resolveUserId(client, user_id);
  const opened = await callSlack('conversations.open', () => client.conversations.open({ users: user }));
  const channelId = opened.channel?.id;
  if (!channelId) throw new Error(`Slack conversations.open returned no channel for user ${user}`);
  const result = await callSlack('chat.postMessage', () => client.chat.postMessage({ channel: channelId, text }));
  return { message_ts: result.ts ?? '', channel_id: channelId };
}
