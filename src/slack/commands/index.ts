/**
 * @module slack/commands
 * The `/workflow` slash command: one dispatcher, one entry per subcommand. A new subcommand
 * (save, list, run…) is a file beside help.ts and a line in SUBCOMMANDS.
 */
import type { Capabilities } from '../../agent/index.ts';
import { escapeMrkdwn, type SlackMessage } from '../render/blocks.ts';
import { notice } from '../render/notice.ts';
import type { AnswersFrom } from '../config.ts';
import { messages } from '../messages.ts';
import { help } from './help.ts';

/** What every subcommand may use. */
export interface CommandContext {
  answersFrom: AnswersFrom;
  /** Who typed the command. */
  user: string;
  /** What the agent's catalog can do. */
  capabilities: Capabilities;
}

export type Subcommand = (args: string[], context: CommandContext) => SlackMessage | Promise<SlackMessage>;

const SUBCOMMANDS: Record<string, Subcommand> = { help };

/**
 * The reply to `/workflow <text>`: the subcommand's, or the usage for none or an unknown one.
 * @example
 * await workflowCommand('help', { answersFrom: 'requester', user: 'U1', capabilities: agent.capabilities() }); // usage and capabilities
 */
export async function workflowCommand(text: string, context: CommandContext): Promise<SlackMessage> {
  const [name, ...args] = text.trim().split(/\s+/).filter(Boolean);
  if (name === undefined) return help(args, context);
  const subcommand = SUBCOMMANDS[name.toLowerCase()];
  if (subcommand) return subcommand(args, context);
  return notice(`${messages.unknownSubcommand(escapeMrkdwn(name))}\n\n${messages.usage(context.answersFrom)}`);
}
