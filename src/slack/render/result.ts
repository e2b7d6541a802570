/**
 * @module slack/render/result
 * The result message of a run: how it went, each failed step named with why, then every text result
 * as its own section. File results are not part of the message; they are uploaded to the thread.
 */
import type { AgentEvent, ResultItem } from '../../agent/index.ts';
import { escapeMrkdwn, fit, LIMITS, message, section, type SlackMessage } from './blocks.ts';

type ResultEvent = Extract<AgentEvent, { type: 'result' }>;
type TextItem = Extract<ResultItem, { kind: 'text' }>;

const ICON: Record<ResultEvent['status'], string> = { succeeded: ':white_check_mark:', partial: ':large_orange_diamond:', failed: ':x:' };

/** A text result: short values inline, several lines or JSON in a code block. */
function textSection(item: TextItem): ReturnType<typeof section> {
  const label = `*${fit(item.label, 200)}*\n`;
  const room = LIMITS.text - label.length;
  const block = item.text.includes('\n') || /^[[{]/.test(item.text.trim());
  return section(label + (block ? `\`\`\`${fit(item.text, room - 6)}\`\`\`` : fit(item.text, room)));
}

/**
 * @example
 * renderResult({ type: 'result', status: 'succeeded', text: 'Done in 0.2 s.', items: [{ kind: 'text', label: 'The date', text: '2026-01-04' }], failures: [] });
 */
export function renderResult(event: Omit<ResultEvent, 'type'>): SlackMessage {
  const blocks = [
    section(`${ICON[event.status]} ${fit(event.text, LIMITS.text - 30)}`),
    ...event.failures.map((f) => section(`:x: step \`${escapeMrkdwn(f.node)}\` (${escapeMrkdwn(f.function)}) failed: ${fit(f.error, LIMITS.text - 200)}`)),
    ...event.items.filter((i): i is TextItem => i.kind === 'text').map(textSection),
  ];
  return message(event.text, blocks);
}
