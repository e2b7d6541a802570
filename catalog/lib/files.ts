/**
 * Helpers shared by the default catalog's functions. A `file` value is `{ name, mime, data }` with
 * the bytes in `data`; the runtime converts it to and from `{ name, mime, base64 }` in JSON.
 */
import type { FileValue } from '../../src/catalog/types.ts';

export type { FileValue };

export function fileValue(name: string, mime: string, data: Uint8Array): FileValue {
  return { name, mime, data: Buffer.from(data.buffer, data.byteOffset, data.byteLength) };
}

/** Replaces the extension of `name` (or appends one). */
export function renameExtension(name: string, ext: string): string {
  const base = name.replace(/\.[^./\\]+$/, '');
  return `${base || 'file'}.${ext}`;
}
