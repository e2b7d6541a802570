/**
 * @module slack/thread
 * A Slack thread, and the conversation id the agent keeps for it.
 */

export interface SlackThread {
  team: string;
  channel: string;
  /** The ts of the thread's first message (for a mention outside a thread: the mention's own ts). */
  ts: string;
}

/**
 * The agent's conversation id of a thread: `<team>:<channel>:<thread_ts>`.
 * @example
 * conversationId({ team: 'T1', channel: 'C1', ts: '1700000000.000100' }); // 'T1:C1:1700000000.000100'
 */
export const conversationId = (thread: SlackThread): string => `${thread.team}:${thread.channel}:${thread.ts}`;
