/**
 * @module slack/listeners/commands
 * The `/workflow` slash command: acked at once, then answered only to the caller (ephemeral)
 * through the command's response_url.
 */
import type { AllMiddlewareArgs, App, SlackCommandMiddlewareArgs } from '@slack/bolt';
import type { Capabilities } from '../../agent/index.ts';
import { workflowCommand } from '../commands/index.ts';
import type { AnswersFrom } from '../config.ts';

type CommandArgs = SlackCommandMiddlewareArgs & AllMiddlewareArgs;

export interface CommandOptions {
  answersFrom: AnswersFrom;
  /** What the agent's catalog can do (in memory: no work before the ack). */
  capabilities: () => Capabilities;
}

export function registerCommandListeners(app: App, { answersFrom, capabilities }: CommandOptions): void {
  app.command('/workflow', async ({ ack, command, respond }: CommandArgs) => {
    await ack();
    await respond({ response_type: 'ephemeral', ...(await workflowCommand(command.text, { answersFrom, user: command.user_id, capabilities: capabilities() })) });
  });
}
