/**
 * @module slack/render/capabilities
 * "What can you do?": a heading, one section per group of functions (their names, then up to two
 * example requests), and how to go on. Short by construction: the agent keeps at most six groups.
 */
import type { Capabilities } from '../../agent/index.ts';
import { messages } from '../messages.ts';
import { context, escapeMrkdwn, message, section, type Block, type SlackMessage } from './blocks.ts';

/** The capabilities as blocks, to post alone or after other blocks (`/workflow help`). */
export function capabilityBlocks(c: Capabilities): Block[] {
  const m = messages.capabilities;
  const groups = c.groups.map((g) => {
    const names = g.functions.map((f) => `\`${escapeMrkdwn(f)}\``).join(', ') + (g.moreFunctions ? m.moreFunctions(g.moreFunctions) : '');
    const quoted = g.examples.map((e) => `“${escapeMrkdwn(e)}”`);
    return section(`*${escapeMrkdwn(g.name)}* — ${names}${quoted.length ? `\n${m.examples(quoted, g.examplesWritten)}` : ''}`);
  });
  return [section(m.title(c.functions, c.groups.length + c.moreGroups)), ...groups, ...(c.moreGroups ? [context(m.moreGroups(c.moreGroups))] : []), context(m.footer)];
}

/**
 * @example
 * await replies.post(renderCapabilities(agent.capabilities()));
 */
export function renderCapabilities(c: Capabilities): SlackMessage {
  const text = `What I can do: ${c.groups.map((g) => g.name).join(', ')}`;
  return message(text, capabilityBlocks(c));
}
