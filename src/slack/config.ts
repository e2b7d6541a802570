/**
 * @module slack/config
 * The Slack app's configuration: validated once from an environment-like record and passed down.
 * This module never touches `process.env`; `src/slack/app.ts` hands it the environment.
 */
import { z } from 'zod';
import { DEFAULT_CATALOG, DEFAULT_FILE_MAX_BYTES, readConfirmPolicy, readFileMaxBytes, type AgentConfig } from '../agent/index.ts';

export { DEFAULT_CATALOG };

/** Who may answer the open question of a thread. */
export type AnswersFrom = 'requester' | 'anyone';

export interface SlackConfig {
  /** Bot token (xoxb-…). */
  botToken: string;
  /** HTTP mode only: every request to /slack/events is checked against it. */
  signingSecret?: string;
  /** Set → Socket Mode (no public URL needed); unset → HTTP receiver on `port`. */
  appToken?: string;
  /** Base URL of the Web API, ending in "/" (tests point it at a fake server). */
  apiUrl?: string;
  /** 0 picks a free port (tests). */
  port: number;
  answersFrom: AnswersFrom;
  /** pino level: fatal, error, warn, info, debug, trace or silent. */
  logLevel: string;
  agent: AgentConfig;
}

/** A setting that is missing or wrong; the message names the variable and how to fix it. */
export class SlackConfigError extends Error {
  override readonly name = 'SlackConfigError';
}

const WHERE: Record<string, string> = {
  SLACK_BOT_TOKEN: 'the Bot User OAuth Token (xoxb-…) on the "OAuth & Permissions" page of your Slack app',
  SLACK_SIGNING_SECRET: 'the Signing Secret on the "Basic Information" page of your Slack app',
};

const text = z
  .string()
  .optional()
  .transform((v) => (v && v.trim() ? v.trim() : undefined));

const confirm = text.transform((v, ctx) => {
  const policy = readConfirmPolicy(v);
  if (!policy) ctx.addIssue({ code: 'custom', message: `"${v}" is not one of auto, always, never (or true/false, 1/0)` });
  return policy ?? 'auto';
});

const fileMaxBytes = text.transform((v, ctx) => {
  const bytes = readFileMaxBytes(v);
  if (!bytes) ctx.addIssue({ code: 'custom', message: `"${v}" is not a size; give a number of bytes, such as 20971520 or 20MB (KB, MB and GB count in 1024s)` });
  return bytes ?? DEFAULT_FILE_MAX_BYTES;
});

const schema = z.object({
  SLACK_BOT_TOKEN: text,
  SLACK_SIGNING_SECRET: text,
  SLACK_APP_TOKEN: text,
  SLACK_API_URL: text.pipe(z.url({ error: 'must be an absolute URL of the Web API, ending in /api/' }).optional()),
  PORT: text.transform((v) => (v === undefined ? 3000 : Number(v))).pipe(z.number({ error: 'must be a port number from 0 to 65535' }).int().min(0).max(65535)),
  ANSWERS_FROM: text.pipe(z.enum(['requester', 'anyone'], { error: 'must be "requester" or "anyone"' }).default('requester')),
  CONFIRM_BEFORE_RUN: confirm,
  FILE_MAX_BYTES: fileMaxBytes,
  LOG_LEVEL: text.pipe(z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info')),
  CATALOG_PATH: text.transform((v) => v ?? DEFAULT_CATALOG),
  DATA_DIR: text.transform((v) => v ?? 'data'),
  OPENAI_API_KEY: text,
  OPENAI_BASE_URL: text,
});

/**
 * Validates the environment once. Throws a `SlackConfigError` listing every problem, each naming
 * its variable (and, for a missing secret, where to find it).
 * @example
 * const config = readSlackConfig({ SLACK_BOT_TOKEN: 'xoxb-…', SLACK_SIGNING_SECRET: '…', PORT: '0' });
 */
export function readSlackConfig(env: Record<string, string | undefined>): SlackConfig {
  const parsed = schema.safeParse(env);
  const problems = parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  const e = parsed.success ? parsed.data : undefined;
  const required = env.SLACK_APP_TOKEN?.trim() ? ['SLACK_BOT_TOKEN'] : ['SLACK_BOT_TOKEN', 'SLACK_SIGNING_SECRET'];
  for (const name of required) {
    if (!env[name]?.trim()) problems.push(`${name} is not set: copy ${WHERE[name]} into it`);
  }
  if (!e || problems.length) {
    throw new SlackConfigError(`The Slack app cannot start; fix these settings (see .env.example):\n- ${problems.join('\n- ')}`);
  }
  return {
    botToken: e.SLACK_BOT_TOKEN!,
    ...(e.SLACK_SIGNING_SECRET ? { signingSecret: e.SLACK_SIGNING_SECRET } : {}),
    ...(e.SLACK_APP_TOKEN ? { appToken: e.SLACK_APP_TOKEN } : {}),
    ...(e.SLACK_API_URL ? { apiUrl: e.SLACK_API_URL.endsWith('/') ? e.SLACK_API_URL : `${e.SLACK_API_URL}/` } : {}),
    port: e.PORT,
    answersFrom: e.ANSWERS_FROM,
    logLevel: e.LOG_LEVEL,
    agent: {
      catalogPath: e.CATALOG_PATH,
      dataDir: e.DATA_DIR,
      confirmBeforeRun: e.CONFIRM_BEFORE_RUN,
      fileMaxBytes: e.FILE_MAX_BYTES,
      ...(e.OPENAI_API_KEY ? { openai: { apiKey: e.OPENAI_API_KEY, ...(e.OPENAI_BASE_URL ? { baseURL: e.OPENAI_BASE_URL } : {}) } } : {}),
    },
  };
}
