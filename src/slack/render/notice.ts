/**
 * @module slack/render/notice
 * Short one-section messages: nothing in the catalog fits, the user cancelled, or a sentence of the
 * app's own (already mrkdwn).
 */
import type { AgentEvent } from '../../agent/index.ts';
import { asIs, escapeMrkdwn, fit, LIMITS, section, type SlackMessage } from './blocks.ts';

/** A message of one section; `mrkdwn` is the app's own text (escape what users or the agent wrote). */
export function notice(mrkdwn: string): SlackMessage {
  const text = fit(mrkdwn, LIMITS.text, asIs);
  return { text, blocks: [section(text)] };
}

export function renderUnsupported(event: Extract<AgentEvent, { type: 'unsupported' }>): SlackMessage {
  const goals = event.goals.length ? `\n${event.goals.map((g) => `• ${escapeMrkdwn(g)}`).join('\n')}` : '';
  return notice(`:shrug: ${escapeMrkdwn(event.text)}${goals}`);
}

export const renderCancelled = (event: Extract<AgentEvent, { type: 'cancelled' }>): SlackMessage => notice(`:no_entry_sign: ${escapeMrkdwn(event.text)}`);
