/** @module slack/commands/help — `/workflow help`: what the app does and how to talk to it. */
import { messages } from '../messages.ts';
import { notice } from '../render/notice.ts';
import type { Subcommand } from './index.ts';

export const help: Subcommand = (_args, { answersFrom }) => notice(messages.usage(answersFrom));
