/**
 * @module slack/render/progress
 * The progress message: one line per step with its status, and a count underneath. A long
 * workflow shows the lines that fit in one section and counts the rest.
 */
import type { ProgressLine } from '../../agent/index.ts';
import { messages } from '../messages.ts';
import { context, escapeMrkdwn, fit, LIMITS, message, section, type SlackMessage } from './blocks.ts';

const ICON: Record<ProgressLine['status'], string> = {
  pending: ':white_circle:',
  running: ':hourglass_flowing_sand:',
  succeeded: ':white_check_mark:',
  failed: ':x:',
  skipped: ':fast_forward:',
};

const lineText = (l: ProgressLine) =>
  `${ICON[l.status]} \`${escapeMrkdwn(l.node)}\` ${escapeMrkdwn(l.function)}${l.detail ? ` — ${fit(l.detail, 200)}` : ''}`;

/** True when no step is pending or running any more. */
const isFinal = (lines: ProgressLine[]): boolean => lines.every((l) => l.status !== 'pending' && l.status !== 'running');

/**
 * @example
 * renderProgress([{ node: 'n1', function: 'AddToDate', status: 'running' }]);
 */
export function renderProgress(lines: ProgressLine[]): SlackMessage {
  const title = messages.progressTitle(isFinal(lines));
  const shown: string[] = [];
  let length = title.length;
  for (const l of lines) {
    const text = lineText(l);
    // Room is kept for the "… and N more steps" line.
    if (length + text.length + 1 > LIMITS.text - 40) break;
    shown.push(text);
    length += text.length + 1;
  }
  const more = lines.length - shown.length;
  const body = [title, ...shown, ...(more ? [`… and ${more} more steps`] : [])].join('\n');
  const tally = new Map<string, number>();
  for (const l of lines) tally.set(l.status, (tally.get(l.status) ?? 0) + 1);
  const counts = [...tally].map(([status, n]) => `${n} ${status}`);
  return message(`${title.replace(/\*/g, '')} ${counts.join(', ')}`, [section(body), context(counts.join(' · '))]);
}
