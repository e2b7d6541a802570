/**
 * @module slack/thread-replies
 * Everything the app writes goes into one thread: this binds a Web API client to that thread.
 */
import type { WebClient } from '@slack/web-api';
import type { SlackMessage } from './render/blocks.ts';
import type { SlackThread } from './thread.ts';

export interface UploadFile {
  name: string;
  title: string;
  data: Uint8Array;
}

export interface ThreadReplies {
  /** Posts in the thread; resolves to the new message's ts. */
  post(message: SlackMessage): Promise<string>;
  update(ts: string, message: SlackMessage): Promise<void>;
  /** Uploads a file into the thread (files.uploadV2: get an upload URL, send the bytes, complete). */
  upload(file: UploadFile): Promise<void>;
  /** A message in the thread that only `user` sees. */
  whisper(user: string, message: SlackMessage): Promise<void>;
}

/**
 * @example
 * const replies = threadReplies(client, { team: 'T1', channel: 'C1', ts: '1700000000.000100' });
 * await replies.post({ text: 'hi', blocks: [] });
 */
export function threadReplies(client: WebClient, thread: SlackThread): ThreadReplies {
  const where = { channel: thread.channel, thread_ts: thread.ts };
  return {
    async post(message) {
      const result = await client.chat.postMessage({ ...where, ...message });
      return result.ts ?? '';
    },
    async update(ts, message) {
      await client.chat.update({ channel: thread.channel, ts, ...message });
    },
    async upload({ name, title, data }) {
      await client.files.uploadV2({ channel_id: thread.channel, thread_ts: thread.ts, file: Buffer.from(data), filename: name, title });
    },
    async whisper(user, message) {
      await client.chat.postEphemeral({ ...where, user, ...message });
    },
  };
}
