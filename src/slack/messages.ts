/**
 * @module slack/messages
 * Every sentence the Slack app writes itself, apart from the code that decides when. Texts that
 * come from the agent (questions, summaries, results) are rendered in src/slack/render.
 */
import type { AnswersFrom } from './config.ts';

export const messages = {
  usage: (answersFrom: AnswersFrom) =>
    [
      '*Action Engine* turns a request into a workflow of catalog functions and runs it.',
      '• Mention me with what you want, e.g. `@Action Engine add 3 days to 2026-01-01`.',
      '• I post the plan and its diagram in a thread, ask there for anything missing, run it, and post the results.',
      `• Answer by replying in the thread or with the buttons${answersFrom === 'requester' ? ' (only the person who asked can answer)' : ''}. Say \`cancel\` to stop.`,
      '',
      '*Commands*',
      '• `/workflow help`: this help',
    ].join('\n'),
  unknownSubcommand: (name: string) => `\`/workflow ${name}\` is not a command I know.`,
  emptyMention: 'Tell me what to do after the mention, e.g. `@Action Engine add 3 days to 2026-01-01`.',
  onlyRequester: (requester: string) => `Only <@${requester}> can answer this question: they asked for this workflow.`,
  staleQuestion: 'That question has already been answered.',
  chose: (user: string, label: string) => `<@${user}> chose *${label}*`,
  replyHint: {
    buttons: 'Click a button, or reply in this thread with its number or name. Say `cancel` to stop.',
    value: (step: string, input: string, type: string, allowed?: readonly unknown[]) =>
      `For ${step} (\`${input}\`). Reply in this thread with the ${type === 'any' ? 'value' : type}${allowed?.length ? ` (one of ${allowed.map((a) => `\`${String(a)}\``).join(', ')})` : ''}. Say \`cancel\` to stop.`,
  },
  progressTitle: (done: boolean) => (done ? '*Run finished*' : '*Running…*'),
  fileFailed: (name: string, why: string) => `:warning: Could not upload ${name}: ${why}`,
  userError: (message: string) => `:warning: ${message}`,
  internalError: (message: string) =>
    `:warning: Something went wrong on my side (${message}). This is a bug in Action Engine; please report it with a link to this thread.`,
};
