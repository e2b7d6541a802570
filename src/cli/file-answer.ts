/**
 * @module cli/file-answer
 * In the terminal chat a file question is answered with a local path or an http(s) URL: this reads
 * or downloads it, no further than FILE_MAX_BYTES, into the file value the agent checks (its type
 * against what the input wants is the agent's check, as for any answer).
 */
import { readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readAtMost, tooLarge } from '../agent/index.ts';
import type { FileJson } from '../catalog/types.ts';
import { chatMessages as m } from './chat-messages.ts';
import { mimeOfName } from './workflow-file.ts';

export type FileRead = { ok: true; file: FileJson } | { ok: false; error: string };

/** NOTE: a download that has not finished in 30 s is not a file someone meant to chat about. */
const DOWNLOAD_TIMEOUT_MS = 30_000;

/**
 * The path an answer names: quotes and the backslash-escaped spaces a terminal adds when a file is
 * dragged onto it are removed, `~` is the home folder, and a `file://` URL is its path.
 */
function pathOf(answer: string, cwd: string): string {
  let text = answer.trim().replace(/^(["'])(.*)\1$/s, '$2');
  if (/^file:\/\//i.test(text)) return fileURLToPath(text);
  text = text.replace(/\\ /g, ' ');
  if (text === '~' || text.startsWith('~/')) text = homedir() + text.slice(1);
  return resolve(cwd, text);
}

function readLocal(path: string, maxBytes: number): FileRead {
  let size: number;
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) return { ok: false, error: m.fileIsFolder(path) };
    size = stat.size;
  } catch {
    return { ok: false, error: m.noFile(path) };
  }
  if (size > maxBytes) return { ok: false, error: tooLarge(basename(path), size, maxBytes) };
  try {
    return { ok: true, file: { name: basename(path), mime: mimeOfName(path), base64: readFileSync(path).toString('base64') } };
  } catch (e) {
    return { ok: false, error: m.fileUnreadable(path, (e as Error).message) };
  }
}

async function download(url: string, maxBytes: number): Promise<FileRead> {
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS) });
  } catch (e) {
    const why = (e as Error).name === 'TimeoutError' ? `no answer in ${DOWNLOAD_TIMEOUT_MS / 1000} s` : String((e as Error & { cause?: Error }).cause?.message ?? (e as Error).message);
    return { ok: false, error: m.downloadFailed(url, why) };
  }
  if (!response.ok) {
    await response.body?.cancel();
    return { ok: false, error: m.downloadFailed(url, `the server answered HTTP ${response.status}`) };
  }
  const name = decodeURIComponent(basename(new URL(response.url || url).pathname)) || 'download';
  const data = await readAtMost(response, maxBytes);
  if (!data) return { ok: false, error: m.downloadTooLarge(url, maxBytes) };
  const declared = response.headers.get('content-type')?.split(';')[0]?.trim();
  const mime = declared && declared !== 'application/octet-stream' ? declared : mimeOfName(name);
  return { ok: true, file: { name, mime, base64: Buffer.from(data).toString('base64') } };
}

/**
 * Reads the file an answer names: an http(s) URL is downloaded, anything else is a local path.
 * @example
 * await readFileAnswer('~/Pictures/cat.png', 20 * 1024 * 1024); // { ok: true, file: { name: 'cat.png', mime: 'image/png', base64 } }
 * await readFileAnswer('nope.png', 20 * 1024 * 1024);           // { ok: false, error: 'there is no file at /…/nope.png; …' }
 */
export async function readFileAnswer(answer: string, maxBytes: number, cwd: string = process.cwd()): Promise<FileRead> {
  const text = answer.trim().replace(/^(["'])(.*)\1$/s, '$2');
  if (/^https?:\/\//i.test(text)) return download(text, maxBytes);
  return readLocal(pathOf(answer, cwd), maxBytes);
}
