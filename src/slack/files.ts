/**
 * @module slack/files
 * Files people attach to a mention or upload in a thread, fetched for the agent: from Slack's own
 * file host only, with the bot token, and no further than FILE_MAX_BYTES. A file that cannot be
 * had comes back with the reason, in words for the person who sent it.
 */
import type { WebClient } from '@slack/web-api';
import { readAtMost, tooLarge } from '../agent/index.ts';
import type { FileJson } from '../catalog/types.ts';
import type { Logger } from './logger.ts';
import { messages } from './messages.ts';

/** A file as Slack describes it in an event's `files` (or in files.info). */
export interface SlackFile {
  id: string;
  name?: string;
  title?: string;
  mimetype?: string;
  size?: number;
  url_private?: string;
  url_private_download?: string;
  /** "check_file_info" when the event leaves the details out (files.info has them). */
  file_access?: string;
  /** "tombstone" for a deleted file, "hidden_by_limit" for one past the workspace's history. */
  mode?: string;
}

export type Fetched = { ok: true; file: FileJson } | { ok: false; reason: string };

/**
 * NOTE: Slack serves every file at files.slack.com. An event's URL is only followed (with the bot
 * token) to that host, or to SLACK_API_URL's when it is set (a self-hosted proxy, the tests' fake):
 * a URL elsewhere would hand the token, and our network, to whoever wrote the event.
 */
const SLACK_FILE_HOST = 'https://files.slack.com';
/** Slack answers a download at once; a file that is not in after 30 s will not be. */
const DOWNLOAD_TIMEOUT_MS = 30_000;
/** Slack may redirect within its file host; more hops than this is a loop. */
const MAX_REDIRECTS = 3;

const originOf = (url: string): string | undefined => {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
};

export interface SlackFilesOptions {
  botToken: string;
  /** SLACK_API_URL: when set, files come from its host instead of files.slack.com. */
  apiUrl?: string;
  maxBytes: number;
  logger: Logger;
}

export class SlackFiles {
  readonly #token: string;
  readonly #origin: string;
  readonly #maxBytes: number;
  readonly #logger: Logger;

  constructor({ botToken, apiUrl, maxBytes, logger }: SlackFilesOptions) {
    this.#token = botToken;
    this.#origin = apiUrl ? new URL(apiUrl).origin : SLACK_FILE_HOST;
    this.#maxBytes = maxBytes;
    this.#logger = logger;
  }

  /**
   * The file's bytes as the agent takes them, or why they cannot be had.
   * @example
   * const got = await files.fetch(event.files[0], client);
   * if (got.ok) await agent.resume(id, got.file, { onEvent });
   */
  async fetch(shared: SlackFile, client: WebClient): Promise<Fetched> {
    const file = await this.#details(shared, client);
    const name = file.name || file.title || file.id;
    if (file.mode === 'tombstone' || file.mode === 'hidden_by_limit') return { ok: false, reason: messages.fileGone(name) };
    if (file.size !== undefined && file.size > this.#maxBytes) return { ok: false, reason: tooLarge(name, file.size, this.#maxBytes) };
    const url = file.url_private_download || file.url_private;
    if (!url) return { ok: false, reason: messages.fileGone(name) };
    try {
      const response = await this.#get(url);
      if (!response) return { ok: false, reason: messages.fileNotFromSlack(name) };
      if (!response.ok) {
        await response.body?.cancel();
        return { ok: false, reason: messages.fileDownloadFailed(name, `HTTP ${response.status}`) };
      }
      // NOTE: without the files:read scope Slack answers with its sign-in page (200, HTML), not an error.
      if (response.headers.get('content-type')?.startsWith('text/html') && !file.mimetype?.includes('html')) {
        await response.body?.cancel();
        this.#logger.warn({ file: file.id }, 'Slack sent a web page instead of a file: is the files:read scope missing?');
        return { ok: false, reason: messages.fileNeedsScope(name) };
      }
      const data = await readAtMost(response, this.#maxBytes);
      if (!data) return { ok: false, reason: tooLarge(name, undefined, this.#maxBytes) };
      return { ok: true, file: { name, mime: file.mimetype || 'application/octet-stream', base64: Buffer.from(data).toString('base64') } };
    } catch (error) {
      this.#logger.warn({ err: error, file: file.id }, 'could not download a file from Slack');
      return { ok: false, reason: messages.fileDownloadFailed(name, (error as Error).name === 'TimeoutError' ? `no answer in ${DOWNLOAD_TIMEOUT_MS / 1000} s` : 'Slack could not be reached') };
    }
  }

  /** An event may leave a file's details out (`file_access: check_file_info`): files.info has them. */
  async #details(file: SlackFile, client: WebClient): Promise<SlackFile> {
    if (file.url_private || file.url_private_download || file.mode === 'tombstone' || file.mode === 'hidden_by_limit') return file;
    try {
      const info = await client.files.info({ file: file.id });
      return { ...file, ...(info.file as SlackFile | undefined) };
    } catch (error) {
      this.#logger.warn({ err: error, file: file.id }, 'files.info failed');
      return file;
    }
  }

  /** GET with the bot token, following redirects only within the file host; undefined for a URL elsewhere. */
  async #get(url: string): Promise<Response | undefined> {
    let next = url;
    for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
      const origin = originOf(next);
      if (origin !== this.#origin) {
        this.#logger.warn({ origin }, 'a shared file points outside the Slack file host; not fetched');
        return undefined;
      }
      const response = await fetch(next, {
        headers: { authorization: `Bearer ${this.#token}` },
        redirect: 'manual',
        signal: AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS),
      });
      const location = response.status >= 300 && response.status < 400 ? response.headers.get('location') : null;
      if (!location) return response;
      await response.body?.cancel();
      next = new URL(location, next).href;
    }
    return undefined;
  }
}
