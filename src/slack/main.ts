/**
 * @module slack/main
 * `npm start`: the Slack app from the environment, stopped gracefully on SIGINT/SIGTERM (no new
 * requests; conversations in progress finish and are checkpointed).
 */
import { openAgent } from '../agent/index.ts';
import { startFromEnvironment, SlackConfigError } from './app.ts';

try {
  const running = await startFromEnvironment(openAgent);
  const stop = () => {
    running.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (error) {
  if (error instanceof SlackConfigError) {
    console.error(error.message);
    process.exit(2);
  }
  console.error('internal error — this is a bug in Action Engine. Please report it with this trace:', error);
  process.exit(1);
}
