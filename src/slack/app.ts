/**
 * @module slack/app
 * The Slack app: reads the environment (the only place in src/slack that does), picks the receiver
 * (Socket Mode with SLACK_APP_TOKEN, else HTTP at POST /slack/events), and wires the listeners to
 * the agent.
 */
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { App, HTTPReceiver, SocketModeReceiver, type Receiver } from '@slack/bolt';
import { WebClient } from '@slack/web-api';
import { DEFAULT_FILE_MAX_BYTES, type Agent, type AgentConfig } from '../agent/index.ts';
import { readSlackConfig, SlackConfigError, type SlackConfig } from './config.ts';
import { Conversations } from './conversations.ts';
import { SlackFiles } from './files.ts';
import { registerActionListeners } from './listeners/actions.ts';
import { registerCommandListeners } from './listeners/commands.ts';
import { registerEventListeners } from './listeners/events.ts';
import { boltLogger, createLogger, type Logger } from './logger.ts';

export { readSlackConfig, SlackConfigError, type SlackConfig };

export interface SlackAppOptions {
  config: SlackConfig;
  agent: Agent;
  /** Default: a pino logger at `config.logLevel`. */
  logger?: Logger;
}

export interface SlackApp {
  app: App;
  /** Checks the bot token with Slack, then listens; `port` is the bound one (HTTP mode only). */
  start(): Promise<{ port?: number }>;
  /** Stops taking requests, then waits for the work already handed off. */
  stop(): Promise<void>;
}

/** The bot token was refused by Slack (or Slack could not be reached) at startup. */
const slackSaid = (error: unknown): string => {
  const code = (error as { data?: { error?: string } }).data?.error;
  return code ? `Slack answered "${code}"` : error instanceof Error ? error.message : String(error);
};

function tokenError(error: unknown): SlackConfigError {
  return new SlackConfigError(
    `Could not check SLACK_BOT_TOKEN with auth.test (${slackSaid(error)}): copy the Bot User OAuth Token (xoxb-…) again from "OAuth & Permissions", and check SLACK_API_URL if you set it.`,
    { cause: error },
  );
}

function appTokenError(error: unknown): SlackConfigError {
  return new SlackConfigError(
    `Could not open a Socket Mode connection with SLACK_APP_TOKEN (${slackSaid(error)}): create an app-level token (xapp-…) with the connections:write scope under "Basic Information", enable Socket Mode, or unset SLACK_APP_TOKEN to use the HTTP endpoint.`,
    { cause: error },
  );
}

function pickReceiver(config: SlackConfig, logger: ReturnType<typeof boltLogger>): Receiver {
  if (config.appToken) {
    // NOTE: the receiver's Socket Mode client has its own WebClient (for apps.connections.open,
    // with the app token), built from `installerOptions.clientOptions` only: the App's
    // `clientOptions` never reach it. Without this, SLACK_API_URL (the fake Web API in tests)
    // would not apply to it and it would always ask the real Slack for the WebSocket URL. A fresh
    // object, as the client writes its retry policy into the one it is given.
    const clientOptions = config.apiUrl ? { slackApiUrl: config.apiUrl } : {};
    return new SocketModeReceiver({ appToken: config.appToken, logger, installerOptions: { clientOptions } });
  }
  if (!config.signingSecret) throw new SlackConfigError('SLACK_SIGNING_SECRET is not set: the HTTP receiver needs it (or set SLACK_APP_TOKEN for Socket Mode).');
  // NOTE: processBeforeResponse stays false, so the HTTP response goes out at ack() and the
  // listeners' work continues after it.
  return new HTTPReceiver({ signingSecret: config.signingSecret, endpoints: '/slack/events', port: config.port, logger });
}

/**
 * @example
 * const config = readSlackConfig({ SLACK_BOT_TOKEN: 'xoxb-…', SLACK_SIGNING_SECRET: '…', PORT: '0' });
 * const slack = createSlackApp({ config, agent: await openAgent(config.agent) });
 * const { port } = await slack.start();
 */
export function createSlackApp({ config, agent, logger = createLogger(config.logLevel) }: SlackAppOptions): SlackApp {
  const bolt = boltLogger(logger);
  const receiver = pickReceiver(config, bolt);
  const app = new App({
    token: config.botToken,
    receiver,
    logger: bolt,
    // NOTE: the same level the adapter reports, so Bolt does not reset it (LOG_LEVEL rules).
    logLevel: bolt.getLevel(),
    clientOptions: config.apiUrl ? { slackApiUrl: config.apiUrl } : {},
    convoStore: false,
    // NOTE: init() (auth.test) runs in start(), so a bad token fails there with a clear message
    // instead of as an unhandled rejection from the constructor.
    deferInitialization: true,
  });
  const files = new SlackFiles({ botToken: config.botToken, apiUrl: config.apiUrl, maxBytes: config.agent.fileMaxBytes ?? DEFAULT_FILE_MAX_BYTES, logger });
  const conversations = new Conversations({ agent, answersFrom: config.answersFrom, logger, files });
  registerEventListeners(app, conversations);
  registerActionListeners(app, conversations);
  registerCommandListeners(app, { answersFrom: config.answersFrom, capabilities: () => agent.capabilities() });
  app.error(async (error) => {
    logger.error({ err: error, code: error.code }, 'Slack listener failed');
  });

  return {
    app,
    async start() {
      // NOTE: a client without retries checks the token first: Bolt's own client retries for
      // about 30 minutes, which would hide a wrong token or SLACK_API_URL behind a silent wait.
      const check = new WebClient(config.botToken, { ...app.webClientOptions, retryConfig: { retries: 0 } });
      await check.auth.test().catch((e: unknown) => {
        throw tokenError(e);
      });
      await app.init();
      if (receiver instanceof HTTPReceiver) {
        const server = await receiver.start(config.port);
        const { port } = server.address() as AddressInfo;
        logger.info({ port, path: '/slack/events' }, 'Slack app listening (HTTP)');
        return { port };
      }
      await receiver.start().catch((e: unknown) => {
        throw appTokenError(e);
      });
      logger.info('Slack app connected (Socket Mode)');
      return {};
    },
    async stop() {
      await app.stop();
      await conversations.idle();
    },
  };
}

/** What `startFromEnvironment` runs: the app, and the agent it opened (closed by `stop`). */
export interface RunningApp {
  port?: number;
  stop(): Promise<void>;
}

/**
 * Reads `.env` (if present) and `process.env`, opens the agent with `openAgent`, and starts the app. Used by main.ts;
 * `openAgent` is passed in so this module never loads the agent's runtime unless asked to.
 * @example
 * const running = await startFromEnvironment(openAgent);
 * process.once('SIGTERM', () => void running.stop());
 */
export async function startFromEnvironment(openAgent: (config: AgentConfig) => Promise<Agent>): Promise<RunningApp> {
  // A .env file in the working folder (see .env.example), if there is one; what the environment
  // already sets wins over it.
  if (existsSync('.env')) process.loadEnvFile('.env');
  const config = readSlackConfig(process.env);
  const logger = createLogger(config.logLevel);
  const agent = await openAgent(config.agent);
  const slack = createSlackApp({ config, agent, logger });
  try {
    const { port } = await slack.start();
    return {
      ...(port !== undefined ? { port } : {}),
      async stop() {
        logger.info('stopping: finishing the work in progress');
        await slack.stop();
        await agent.close();
      },
    };
  } catch (error) {
    await agent.close();
    throw error;
  }
}
