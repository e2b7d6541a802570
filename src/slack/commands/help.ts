/** @module slack/commands/help — `/workflow help`: how to talk to the app, then what it can do (from its catalog). */
import { messages } from '../messages.ts';
import { message, section } from '../render/blocks.ts';
import { capabilityBlocks } from '../render/capabilities.ts';
import type { Subcommand } from './index.ts';

export const help: Subcommand = (_args, { answersFrom, capabilities }) => {
  const usage = messages.usage(answersFrom);
  return message(usage, [section(usage), { type: 'divider' }, ...capabilityBlocks(capabilities)]);
};
