/**
 * @module slack/listeners/events
 * Events API listeners: an @mention starts (or answers) a thread's conversation, with the files
 * attached to it; a reply in a thread with an open question, or files uploaded there, answers it.
 * Bolt acks every event before these run (an event takes no response), and they only hand off to
 * Conversations, which never blocks them.
 * NOTE: the HTTP answer must leave at once: Slack retries an event it has no answer for after
 * 3 seconds, and planning and running take longer than that.
 */
import type { AllMiddlewareArgs, App, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { Conversations } from '../conversations.ts';
import type { SlackFile } from '../files.ts';
import { cleanMentionText } from '../mention-text.ts';

type MentionArgs = SlackEventMiddlewareArgs<'app_mention'> & AllMiddlewareArgs;
type MessageArgs = SlackEventMiddlewareArgs<'message'> & AllMiddlewareArgs;

interface ThreadReply {
  user: string;
  text: string;
  ts: string;
  thread_ts: string;
  files: SlackFile[];
}

/** A person's reply (or upload) in a thread, or undefined for anything else a message event may carry. */
function threadReply(event: MessageArgs['event'], botUserId?: string): ThreadReply | undefined {
  // NOTE: edits, deletions, joins and bot posts come as subtypes (or with bot_id); only a plain
  // message, a reply also sent to the channel, or files shared in the thread is an answer.
  if (event.subtype !== undefined && event.subtype !== 'thread_broadcast' && event.subtype !== 'file_share') return undefined;
  if ('bot_id' in event && event.bot_id) return undefined;
  const { user, text, ts, thread_ts, files } = event as { user?: string; text?: string; ts: string; thread_ts?: string; files?: SlackFile[] };
  // The app's own uploads (diagrams, results) come back as file_share from its bot user.
  if (!user || user === botUserId || !thread_ts || thread_ts === ts) return undefined;
  return { user, text: text ?? '', ts, thread_ts, files: files ?? [] };
}

export function registerEventListeners(app: App, conversations: Conversations): void {
  app.event('app_mention', async ({ event, body, context, client }: MentionArgs) => {
    if (!event.user || event.bot_id) return;
    const thread = { team: body.team_id, channel: event.channel, ts: event.thread_ts ?? event.ts };
    const said = { text: cleanMentionText(event.text, context.botUserId), files: (event.files ?? []) as SlackFile[] };
    conversations.mention({ thread, user: event.user, client, eventId: body.event_id }, said);
  });

  app.event('message', async ({ event, body, context, client }: MessageArgs) => {
    const reply = threadReply(event, context.botUserId);
    // NOTE: a reply that mentions the app also arrives as app_mention, which handles it.
    if (!reply || (context.botUserId && reply.text.includes(`<@${context.botUserId}`))) return;
    const thread = { team: body.team_id, channel: event.channel, ts: reply.thread_ts };
    conversations.reply({ thread, user: reply.user, client, eventId: body.event_id }, { text: cleanMentionText(reply.text, context.botUserId), files: reply.files });
  });
}
