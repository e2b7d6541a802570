/** UploadFileToSlack: shares a file (an image, chart, document...) in a Slack channel. */
import type { FileValue } from '../lib/files.ts';
import { callSlack, slackClient } from '../lib/slack-client.ts';
import { resolveChannel } from './resolve.ts';

/** The bytes of a file value as a Buffer (the Slack client only sends Buffers as binary). */
function bytesOf(file: FileValue | { name?: string; base64?: string }): Buffer {
  if ('data' in file && file.data instanceof Uint8Array) return Buffer.from(file.data.buffer, file.data.byteOffset, file.data.byteLength);
  if ('base64' in file && typeof file.base64 === 'string') return Buffer.from(file.base64, 'base64');
  throw new Error('file has no content: expected { name, mime, data }');
}

export async function uploadFileToSlack({
  file,
  channel,
  title,
  comment,
}: {
  file: FileValue;
  channel: string;
  title?: string;
  comment?: string;
}) {
  const data = bytesOf(file);
  if (data.byteLength === 0) throw new Error(`file ${file.name} is empty`);
  const client = slackClient();
  const channelId = await resolveChannel(client, channel);
  const result = await callSlack('files.uploadV2', () =>
    client.filesUploadV2({
      channel_id: channelId,
      file: data,
      filename: file.name || 'file',
      title: title || file.name || 'file',
      ...(comment ? { initial_comment: comment } : {}),
    }),
  );
  const fileId = result.files?.[0]?.files?.[0]?.id;
  if (!fileId) throw new Error('Slack files.completeUploadExternal returned no file id');
  return { file_id: fileId };
}
