/**
 * Sends what Slack sends to an app's request URL, correctly signed: Events API envelopes (JSON),
 * block_actions payloads and slash commands (form-encoded), with Slack's v0 signature
 * (HMAC-SHA256 of `v0:<timestamp>:<raw body>` under the signing secret). Event ids and message
 * timestamps are made up in order, so every call is a distinct delivery unless a test repeats one.
 *
 * @example
 * const slackIn = slackRequests(`http://127.0.0.1:${port}/slack/events`, SIGNING_SECRET);
 * const { response, ts } = await slackIn.mention({ text: '<@U0BOT00001> add 3 days' });
 * await slackIn.reply({ thread_ts: ts, text: '2026-01-01' });
 */
import { createHmac } from 'node:crypto';

export const SIGNING_SECRET = 'test-signing-secret-0123456789';
export const TEAM = 'T0FAKE0001';
export const CHANNEL = 'C0GENERAL1';
export const BOT_USER = 'U0BOT00001';
export const ALICE = 'U0ALICE001';
export const BOB = 'U0BOB00001';

export interface SendOptions {
  /** Seconds since the epoch; default now. */
  timestamp?: number;
  /** Sent as X-Slack-Retry-Num (a redelivery). */
  retryNum?: number;
  /** Sign with this secret instead of the right one. */
  secret?: string;
}

export interface Sent {
  response: Response;
  /** The ts of the message the request carries (events), if any. */
  ts: string;
  eventId: string;
}

/** Slack's request signature for a raw body. */
export const signature = (secret: string, timestamp: number, rawBody: string): string =>
  `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${rawBody}`).digest('hex')}`;

export interface MentionInput {
  text: string;
  user?: string;
  channel?: string;
  thread_ts?: string;
  /** Reuse an event id (a redelivery); default a new one. */
  eventId?: string;
  ts?: string;
  /** Files shared with the message (file objects, as `FakeSlack.hostFile` returns them). */
  files?: unknown[];
  /** A message subtype, such as "file_share" for an upload. */
  subtype?: string;
}

export interface ClickInput {
  /** The question message, as posted by the app (its ts, thread_ts and blocks). */
  message: { ts: string; thread_ts?: string; blocks?: unknown };
  block_id: string;
  action_id: string;
  value: string;
  user?: string;
  response_url?: string;
}

export function slackRequests(url: string, secret: string) {
  let counter = 0;
  const nextTs = () => `${1_800_000_000 + ++counter}.${String(counter).padStart(6, '0')}`;

  async function send(rawBody: string, contentType: string, options: SendOptions = {}): Promise<Response> {
    const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
    const headers: Record<string, string> = {
      'content-type': contentType,
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': signature(options.secret ?? secret, timestamp, rawBody),
      ...(options.retryNum !== undefined ? { 'x-slack-retry-num': String(options.retryNum), 'x-slack-retry-reason': 'http_timeout' } : {}),
    };
    return fetch(url, { method: 'POST', headers, body: rawBody });
  }

  /** An Events API envelope around `event`. */
  async function event(event: Record<string, unknown>, eventId: string, options?: SendOptions): Promise<Response> {
    const envelope = {
      token: 'unused-verification-token',
      team_id: TEAM,
      api_app_id: 'A0FAKE0001',
      type: 'event_callback',
      event_id: eventId,
      event_time: Math.floor(Date.now() / 1000),
      authorizations: [{ enterprise_id: null, team_id: TEAM, user_id: BOT_USER, is_bot: true }],
      event,
    };
    return send(JSON.stringify(envelope), 'application/json', options);
  }

  async function message(type: 'app_mention' | 'message', input: MentionInput, options?: SendOptions): Promise<Sent> {
    const ts = input.ts ?? nextTs();
    const eventId = input.eventId ?? `Ev${String(++counter).padStart(8, '0')}`;
    const body = {
      type,
      user: input.user ?? ALICE,
      text: input.text,
      ts,
      channel: input.channel ?? CHANNEL,
      channel_type: 'channel',
      event_ts: ts,
      ...(input.thread_ts ? { thread_ts: input.thread_ts } : {}),
      ...(input.files ? { files: input.files, upload: true } : {}),
      ...(input.subtype ? { subtype: input.subtype } : {}),
    };
    return { response: await event(body, eventId, options), ts, eventId };
  }

  const form = (fields: Record<string, string>, options?: SendOptions) =>
    send(new URLSearchParams(fields).toString(), 'application/x-www-form-urlencoded', options);

  return {
    send,
    event,
    /** An app_mention (the text should contain `<@BOT_USER>`). */
    mention: (input: MentionInput, options?: SendOptions) => message('app_mention', input, options),
    /** A plain message; with `thread_ts`, a reply in that thread. */
    reply: (input: MentionInput & { thread_ts: string }, options?: SendOptions) => message('message', input, options),
    /** Files uploaded in a thread: a message of subtype file_share carrying them (and an optional comment). */
    upload: (input: Omit<MentionInput, 'text'> & { thread_ts: string; files: unknown[]; text?: string }, options?: SendOptions) =>
      message('message', { ...input, text: input.text ?? '', subtype: 'file_share' }, options),
    /** A click on a button of a message the app posted. */
    click(input: ClickInput, options?: SendOptions): Promise<Response> {
      const payload = {
        type: 'block_actions',
        team: { id: TEAM, domain: 'fake' },
        user: { id: input.user ?? ALICE, username: 'alice', team_id: TEAM },
        api_app_id: 'A0FAKE0001',
        token: 'unused-verification-token',
        container: { type: 'message', message_ts: input.message.ts, channel_id: CHANNEL, is_ephemeral: false },
        trigger_id: `trigger-${++counter}`,
        channel: { id: CHANNEL, name: 'general' },
        message: { type: 'message', user: BOT_USER, ...input.message },
        response_url: input.response_url ?? 'http://127.0.0.1:9/unused',
        actions: [
          {
            type: 'button',
            block_id: input.block_id,
            action_id: input.action_id,
            value: input.value,
            text: { type: 'plain_text', text: input.value },
            action_ts: nextTs(),
          },
        ],
      };
      return form({ payload: JSON.stringify(payload) }, options);
    },
    /** A slash command. */
    command(input: { command: string; text: string; response_url: string; user?: string }, options?: SendOptions): Promise<Response> {
      return form(
        {
          token: 'unused-verification-token',
          team_id: TEAM,
          team_domain: 'fake',
          channel_id: CHANNEL,
          channel_name: 'general',
          user_id: input.user ?? ALICE,
          user_name: 'alice',
          command: input.command,
          text: input.text,
          api_app_id: 'A0FAKE0001',
          response_url: input.response_url,
          trigger_id: `trigger-${++counter}`,
        },
        options,
      );
    },
  };
}

export type SlackRequests = ReturnType<typeof slackRequests>;
