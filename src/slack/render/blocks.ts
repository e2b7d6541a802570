/**
 * @module slack/render/blocks
 * Block Kit building blocks with Slack's size limits applied, so no message is ever refused for
 * being too long: every text is escaped for mrkdwn and cut to fit, and a message keeps at most
 * 50 blocks.
 */
import type { types } from '@slack/bolt';

export type Block = types.KnownBlock;

/** A message to post or update: `text` is the notification and screen-reader fallback. */
export interface SlackMessage {
  text: string;
  blocks: Block[];
}

/** Slack's limits. */
export const LIMITS = {
  /** Characters of a section's or context element's text. */
  text: 3000,
  /** Blocks in one message. */
  blocks: 50,
  /** Elements of an actions block. */
  buttons: 25,
  buttonText: 75,
  buttonValue: 2000,
  /** Elements of a context block. */
  contextElements: 10,
} as const;

/** Escapes the three characters Slack reads as markup in message text. */
export const escapeMrkdwn = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const omitted = (n: number) => `… (${n.toLocaleString('en-US')} more characters)`;

/**
 * `text` cut to at most `max` characters (after `escape`), marking what was left out. The cut is
 * made between characters of the raw text, so it never splits an escaped entity or an emoji.
 * @example
 * fit('a'.repeat(5000), 3000); // 'aaa…a… (2,025 more characters)': 3000 characters at most
 */
export function fit(text: string, max: number, escape: (s: string) => string = escapeMrkdwn): string {
  const whole = escape(text);
  if (whole.length <= max) return whole;
  const budget = max - omitted(text.length).length;
  let out = '';
  let used = 0;
  for (const ch of text) {
    const piece = escape(ch);
    if (out.length + piece.length > budget) break;
    out += piece;
    used += ch.length;
  }
  return out + omitted(text.length - used);
}

/** Raw text as-is: for mrkdwn the renderer built itself (already escaped where needed). */
export const asIs = (s: string): string => s;

export const section = (mrkdwn: string): Block => ({ type: 'section', text: { type: 'mrkdwn', text: fit(mrkdwn, LIMITS.text, asIs) } });

export const context = (mrkdwn: string): Block => ({ type: 'context', elements: [{ type: 'mrkdwn', text: fit(mrkdwn, LIMITS.text, asIs) }] });

/** The first `LIMITS.blocks` blocks; when some are dropped, the last one says how many. */
function capBlocks(blocks: Block[], what = 'more results'): Block[] {
  if (blocks.length <= LIMITS.blocks) return blocks;
  const kept = blocks.slice(0, LIMITS.blocks - 1);
  return [...kept, context(`… and ${blocks.length - kept.length} ${what} not shown (Slack allows ${LIMITS.blocks} blocks per message).`)];
}

/** A message from blocks; `text` (raw) becomes the escaped fallback, fitted like a section. */
export const message = (text: string, blocks: Block[]): SlackMessage => ({ text: fit(text, LIMITS.text), blocks: capBlocks(blocks) });
