/** ListChannelMessages: reads the most recent messages of a Slack channel, oldest first. */
import { callSlack, slackClient } from '../lib/slack-client.ts';
import { resolveChannel } from './resolve.ts';

/** Housekeeping messages that say nothing (joins, leaves, topic changes). */
const SKIPPED_SUBTYPES = new Set(['channel_join', 'channel_leave', 'channel_topic', 'channel_purpose', 'channel_name']);
const PAGE_MAX = 999;

export async function listChannelMessages({ channel, limit = 20 }: { channel: string; limit?: number }) {
  if (limit < 1) throw new Error(`limit must be at least 1 (got ${limit})`);
  const client = slackClient();
  const channelId = await resolveChannel(client, channel);
  const messages: { user: string; text: string; ts: string }[] = [];
  let cursor: string | undefined;
  do {
    const page = await callSlack('conversations.history', () =>
      client.conversations.history({ channel: channelId, limit: Math.min(PAGE_MAX, limit - messages.length), cursor }),
    );
    for (const m of page.messages ?? []) {
      if (messages.length >= limit) break;
      if ((m.subtype && SKIPPED_SUBTYPES.has(m.subtype)) || !m.text) continue;
      messages.push({ user: m.user ?? m.bot_id ?? m.username ?? '', text: m.text, ts: m.ts ?? '' });
    }
    cursor = page.has_more ? page.response_metadata?.next_cursor || undefined : undefined;
  } while (cursor && messages.length < limit);
  // Slack returns newest first; people (and summaries) read oldest first.
  messages.sort((a, b) => Number(a.ts) - Number(b.ts));
  return { messages, text: messages.map((m) => m.text).join('\n') };
}
