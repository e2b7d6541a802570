/**
 * @module cli/chat-messages
 * The terminal chat's text (the agent gives structure; this is how it reads in a terminal).
 */
import type { Question } from '../agent/index.ts';
import type { RunEvent } from '../workflow/types.ts';
import { messages } from './messages.ts';

const indent = (text: string) => text.replace(/\n/g, '\n    ');

export const chatMessages = {
  welcome: 'Action Engine — describe what you want done; answer "cancel" to any question to stop, "exit" to leave.',
  requestPrompt: '\nrequest> ',
  plan: (summary: string) => `\n${summary}`,
  reason: (r: string) => `  • ${r}`,
  diagram: (path: string) => `  diagram: ${path}`,
  question(q: Question): string {
    const lines = [q.error ? `That answer did not work: ${q.error}.` : '', q.text];
    if (q.kind === 'choice' || q.kind === 'confirm') {
      q.choices.forEach((c, i) => lines.push(`  ${i + 1}. ${c.label}${c.description ? ` — ${c.description}` : ''}`));
    } else {
      lines.push(`  (${q.input} of ${q.function}, ${q.type}${q.enum ? `: one of ${q.enum.join(', ')}` : ''})`);
    }
    return `${lines.filter(Boolean).join('\n')}\n> `;
  },
  /** A run event as `action-engine run` prints it, indented under the plan. */
  progress: (e: RunEvent) => `  ${messages.event(e)}`,
  result: (text: string) => `\n${text}`,
  failure: (node: string, fn: string, error: string) => `  ✖ step ${node} (${fn}) failed: ${error}`,
  textItem: (label: string, text: string) => `  ${label}:\n    ${indent(text)}`,
  fileItem: (label: string, path: string) => `  ${label}: file saved to ${path}`,
  leftOpen: 'The input ended with a question open; nothing was run.',
};
