/**
 * @module slack/messages
 * Every sentence the Slack app writes itself, apart from the code that decides when. Texts that
 * come from the agent (questions, summaries, results) are rendered in src/slack/render.
 */
import type { AnswersFrom } from './config.ts';

/** How to give a file here, said wherever a file is asked for or refused. */
const HOW_TO_GIVE_A_FILE = 'attach or upload it in this thread';

export const messages = {
  usage: (answersFrom: AnswersFrom) =>
    [
      '*Action Engine* turns a request into a workflow of catalog functions and runs it.',
      '• Mention me with what you want, e.g. `@Action Engine add 3 days to 2026-01-01`. Attach a file to the mention when the request is about one (`resize this to 300px wide`).',
      '• I post the plan and its diagram in a thread, ask there for anything missing, run it, and post the results.',
      '• When I ask for a file, attach or upload it in the thread.',
      `• Answer by replying in the thread or with the buttons${answersFrom === 'requester' ? ' (only the person who asked can answer)' : ''}. Say \`cancel\` to stop.`,
      '',
      '*Commands*',
      '• `/workflow help`: this help. Mention me with `help` to show what I can do to the whole channel.',
    ].join('\n'),
  capabilities: {
    title: (functions: number, groups: number) =>
      `*Here is what I can do:* ${functions} function${functions === 1 ? '' : 's'} in ${groups} group${groups === 1 ? '' : 's'}. Mention me with a request in your own words, like these.`,
    examples: (quoted: string[], written: boolean) => (written ? `_e.g._ ${quoted.join(' · ')}` : `_for example, it can_ ${quoted.join(' · ')}`),
    moreFunctions: (n: number) => `, and ${n} more`,
    moreGroups: (n: number) => `… and ${n} more group${n === 1 ? '' : 's'} of functions.`,
    footer: `Attach a file to the mention when the request is about one, or ${HOW_TO_GIVE_A_FILE} when I ask. \`/workflow help\` shows how to answer my questions.`,
  },
  unknownSubcommand: (name: string) => `\`/workflow ${name}\` is not a command I know.`,
  emptyMention: 'Tell me what to do after the mention, e.g. `@Action Engine add 3 days to 2026-01-01`.',
  onlyRequester: (requester: string) => `Only <@${requester}> can answer this question: they asked for this workflow.`,
  staleQuestion: 'That question has already been answered.',
  chose: (user: string, label: string) => `<@${user}> chose *${label}*`,
  replyHint: {
    buttons: 'Click a button, or reply in this thread with its number or name. Say `cancel` to stop.',
    value: (step: string, input: string, type: string, allowed?: readonly unknown[]) =>
      `For ${step} (\`${input}\`). Reply in this thread with the ${type === 'any' ? 'value' : type}${allowed?.length ? ` (one of ${allowed.map((a) => `\`${String(a)}\``).join(', ')})` : ''}. Say \`cancel\` to stop.`,
    /** `what`: "an image (PNG, JPEG…)" or "a file". */
    file: (step: string, input: string, what: string) => `For ${step} (\`${input}\`): ${what}. Attach or upload it in this thread. Say \`cancel\` to stop.`,
  },
  /** A file shared with a mention that starts a request, and could not be used. */
  attachmentRefused: (reason: string) => `:warning: I could not use a file you attached: ${reason}. If I ask for a file, ${HOW_TO_GIVE_A_FILE}.`,
  /** A file sent in answer to a question that wants text. */
  fileNotWanted: (type: string) => `this question wants ${type === 'any' ? 'a value' : `a ${type}`} as text, not a file; reply with it in this thread`,
  fileGone: (name: string) => `"${name}" is no longer available in Slack (deleted, or past the workspace's history); ${HOW_TO_GIVE_A_FILE} again`,
  fileNotFromSlack: (name: string) => `"${name}" is not stored in Slack, and I only fetch files from Slack; ${HOW_TO_GIVE_A_FILE}`,
  fileDownloadFailed: (name: string, why: string) => `"${name}" could not be downloaded from Slack (${why}); ${HOW_TO_GIVE_A_FILE} again`,
  fileNeedsScope: (name: string) =>
    `Slack did not let me download "${name}": the app needs the \`files:read\` scope. Ask whoever installed it to add the scope (it is in manifest.yml) and reinstall the app`,
  progressTitle: (done: boolean) => (done ? '*Run finished*' : '*Running…*'),
  fileFailed: (name: string, why: string) => `:warning: Could not upload ${name}: ${why}`,
  userError: (message: string) => `:warning: ${message}`,
  internalError: (message: string) =>
    `:warning: Something went wrong on my side (${message}). This is a bug in Action Engine; please report it with a link to this thread.`,
};
