/**
 * @module cli/chat-messages
 * The terminal chat's text (the agent gives structure; this is how it reads in a terminal).
 */
import { formatBytes, IMAGE, IMAGE_FORMATS, type Capabilities, type Question } from '../agent/index.ts';
import type { RunEvent } from '../workflow/types.ts';
import { messages } from './messages.ts';

const indent = (text: string) => text.replace(/\n/g, '\n    ');

/** How to answer a file question here. */
const HOW_TO_GIVE_A_FILE = 'type a path to a local file or an http(s) URL';

export const chatMessages = {
  welcome: 'Action Engine — describe what you want done ("help" lists what I can do); answer "cancel" to any question to stop, "exit" to leave.',
  requestPrompt: '\nrequest> ',
  plan: (summary: string) => `\n${summary}`,
  reason: (r: string) => `  • ${r}`,
  diagram: (path: string) => `  diagram: ${path}`,
  question(q: Question): string {
    const lines = [q.error ? `That answer did not work: ${q.error}.` : '', q.text];
    if (q.kind === 'choice' || q.kind === 'confirm') {
      q.choices.forEach((c, i) => lines.push(`  ${i + 1}. ${c.label}${c.description ? ` — ${c.description}` : ''}`));
    } else if (q.type === 'file') {
      const what = q.accept === IMAGE ? `an image (${IMAGE_FORMATS})` : 'a file';
      lines.push(`  (${q.input} of ${q.function}, ${what}: ${HOW_TO_GIVE_A_FILE})`);
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
  /**
   * "help": each group with its names and its first example on the next line (the terminal shows
   * one example, so the answer stays within a screen).
   */
  capabilities(c: Capabilities): string {
    const lines = [`\nWhat I can do: ${c.functions} function${c.functions === 1 ? '' : 's'} in ${c.groups.length + c.moreGroups} group${c.groups.length + c.moreGroups === 1 ? '' : 's'}.`];
    for (const g of c.groups) {
      lines.push(`  ${g.name}: ${g.functions.join(', ')}${g.moreFunctions ? `, and ${g.moreFunctions} more` : ''}`);
      if (g.examples[0]) lines.push(g.examplesWritten ? `    try: ${g.examples[0]}` : `    for example, ${g.examples[0]}`);
    }
    if (c.moreGroups) lines.push(`  … and ${c.moreGroups} more group${c.moreGroups === 1 ? '' : 's'}.`);
    lines.push(`Type a request in your own words. When I need a file, ${HOW_TO_GIVE_A_FILE}.`);
    return lines.join('\n');
  },
  noFile: (path: string) => `there is no file at ${path}; ${HOW_TO_GIVE_A_FILE}`,
  fileIsFolder: (path: string) => `${path} is a folder; ${HOW_TO_GIVE_A_FILE}`,
  fileUnreadable: (path: string, why: string) => `${path} cannot be read (${why}); check its permissions, or ${HOW_TO_GIVE_A_FILE}`,
  downloadFailed: (url: string, why: string) => `could not download ${url} (${why}); check the URL, or type a path to a local file`,
  downloadTooLarge: (url: string, maxBytes: number) => `${url} is more than the ${formatBytes(maxBytes)} I can take; send a smaller file`,
};
