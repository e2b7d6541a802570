/**
 * The Slack Web API client used by the Slack catalog functions, plus the translation of Slack
 * failures into clear errors. The token comes from SLACK_BOT_TOKEN and the API base from
 * SLACK_API_URL when set (tests point it at a fake server). The client never retries by itself:
 * the executor owns retries, and errors worth another attempt carry `retryable: true`.
 */
import { LogLevel, WebClient, type WebAPICallError } from '@slack/web-api';

/** Creates a client from the current environment (read on every call, so tests can change it). */
export function slackClient(): WebClient {
  const token = process.env.SLACK_BOT_TOKEN?.trim();
  if (!token) throw new Error('SLACK_BOT_TOKEN is not set: the Slack functions need a bot token (xoxb-...)');
  const base = process.env.SLACK_API_URL?.trim();
  return new WebClient(token, {
    ...(base ? { slackApiUrl: base.endsWith('/') ? base : `${base}/` } : {}),
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    logLevel: LogLevel.ERROR,
  });
}

/** Slack platform errors that are temporary on Slack's side. */
const TEMPORARY = new Set(['ratelimited', 'internal_error', 'fatal_error', 'service_unavailable', 'request_timeout']);

const EXPLAIN: Record<string, string> = {
  not_authed: 'no Slack token was sent',
  invalid_auth: 'the Slack token (SLACK_BOT_TOKEN) is invalid',
  token_revoked: 'the Slack token (SLACK_BOT_TOKEN) was revoked',
  account_inactive: 'the Slack token belongs to a deactivated bot or user',
  channel_not_found: 'the channel does not exist or the bot cannot see it',
  not_in_channel: 'the bot is not a member of the channel; invite it with /invite @<bot name>',
  is_archived: 'the channel is archived',
  user_not_found: 'the user does not exist',
  cannot_dm_bot: 'a bot cannot be sent a direct message',
  msg_too_long: 'the message is too long for Slack (40,000 characters at most)',
  no_text: 'the message is empty',
};

/** An Error with a readable message; `retryable` marks failures worth another attempt. */
export function slackError(method: string, error: unknown): Error {
  const e = error as Partial<WebAPICallError> & Error;
  let message: string;
  let retryable = false;
  switch (e.code) {
    case 'slack_webapi_platform_error': {
      const data = (e as { data?: { error?: string; needed?: string } }).data ?? {};
      const code = data.error ?? 'unknown_error';
      const why =
        code === 'missing_scope'
          ? `the Slack app lacks the OAuth scope ${data.needed ?? '(unknown)'}; add it and reinstall the app`
          : (EXPLAIN[code] ?? code);
      message = `Slack ${method} failed: ${why}${why === code ? '' : ` (${code})`}`;
      retryable = TEMPORARY.has(code);
      break;
    }
    case 'slack_webapi_rate_limited_error':
      message = `Slack ${method} was rate limited; retry after ${(e as { retryAfter?: number }).retryAfter ?? '?'} s`;
      retryable = true;
      break;
    case 'slack_webapi_http_error': {
      const status = (e as { statusCode?: number }).statusCode ?? 0;
      message = `Slack ${method} failed with HTTP ${status}`;
      retryable = status >= 500 || status === 429;
      break;
    }
    case 'slack_webapi_request_error':
      message = `Slack ${method} could not reach Slack: ${(e as { original?: Error }).original?.message ?? e.message}`;
      retryable = true;
      break;
    default:
      return e instanceof Error ? e : new Error(String(error));
  }
  return Object.assign(new Error(message, { cause: error }), { retryable });
}

/** Runs one Slack call, turning its failure into a clear error. */
export async function callSlack<T>(method: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw slackError(method, error);
  }
}
