/**
 * @module slack/logger
 * One pino logger for the Slack app, and an adapter so Bolt (and its Web API client) log through it
 * too: LOG_LEVEL is the single switch, and tests set it to "silent".
 */
import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import { pino, type Logger } from 'pino';

export type { Logger };

/**
 * @example
 * const logger = createLogger('info');
 * logger.info({ thread }, 'conversation started');
 */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { app: 'action-engine-slack' },
    // NOTE: nothing logs tokens or the signing secret on purpose; redaction is the safety net for a
    // config or request object logged by mistake.
    redact: { paths: ['*.botToken', '*.appToken', '*.signingSecret', '*.token', '*.apiKey', 'headers.authorization'], censor: '[secret]' },
  });
}

const toBolt = (level: string): LogLevel =>
  level === 'debug' || level === 'trace' ? LogLevel.DEBUG : level === 'info' ? LogLevel.INFO : level === 'warn' ? LogLevel.WARN : LogLevel.ERROR;

/**
 * Bolt's logger interface over a pino child named "bolt". Bolt passes several arguments per line;
 * they are joined into the message.
 */
export function boltLogger(logger: Logger): BoltLogger {
  const child = logger.child({ component: 'bolt' });
  const line = (msg: unknown[]) => msg.map((m) => (typeof m === 'string' ? m : m instanceof Error ? m.message : JSON.stringify(m))).join(' ');
  return {
    debug: (...msg) => child.debug(line(msg)),
    info: (...msg) => child.info(line(msg)),
    warn: (...msg) => child.warn(line(msg)),
    error: (...msg) => child.error(line(msg)),
    setLevel: (level) => {
      child.level = level;
    },
    getLevel: () => toBolt(child.level),
    setName: () => {},
  };
}
