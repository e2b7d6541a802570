/**
 * @module slack/listeners/events
 * Events API listeners: an @mention starts (or answers) a thread's conversation; a reply in a
 * thread with an open question answers it. Bolt acks every event before these run (an event
 * takes no response), and they only hand off to Conversations, which never blocks them.
 * NOTE: the HTTP answer must leave at once: Slack retries an event it has no answer for after
 * 3 seconds, and planning and running take longer than that.
 */
import type { AllMiddlewareArgs, App, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { Conversations } from '../conversations.ts';
import { cleanMentionText } from '../mention-text.ts';

type MentionArgs = SlackEventMiddlewareArgs<'app_mention'> & AllMiddlewareArgs;
type MessageArgs = SlackEventMiddlewareArgs<'message'> & AllMiddlewareArgs;

/** A person's reply in a thread, or undefined for anything else a message event may carry. */
function threadReply(event: MessageArgs['event']): { user: string; text: string; ts: string; thread_ts: string } | undefined {
  // NOTE: edits, deletions, joins and bot posts come as subtypes (or with bot_id); only a plain
  // message or a reply also sent to the channel is an answer.
  if (event.subtype !== undefined && event.subtype !== 'thread_broadcast') return undefined;
  if ('bot_id' in event && event.bot_id) return undefined;
  const { user, text, ts, thread_ts } = event as { user?: string; text?: string; ts: string; thread_ts?: string };
  if (!user || !thread_ts || thread_ts === ts) return undefined;
  return { user, text: text ?? '', ts, thread_ts };
}

export function registerEventListeners(app: App, conversations: Conversations): void {
  app.event('app_mention', async ({ event, body, context, client }: MentionArgs) => {
    if (!event.user || event.bot_id) return;
    const thread = { team: body.team_id, channel: event.channel, ts: event.thread_ts ?? event.ts };
    conversations.mention({ thread, user: event.user, client, eventId: body.event_id }, cleanMentionText(event.text, context.botUserId));
  });

  app.event('message', async ({ event, body, context, client }: MessageArgs) => {
    const reply = threadReply(event);
    // NOTE: a reply that mentions the app also arrives as app_mention, which handles it.
    if (!reply || (context.botUserId && reply.text.includes(`<@${context.botUserId}`))) return;
    const thread = { team: body.team_id, channel: event.channel, ts: reply.thread_ts };
    conversations.reply({ thread, user: reply.user, client, eventId: body.event_id }, cleanMentionText(reply.text, context.botUserId));
  });
}
