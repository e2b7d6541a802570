/**
 * @module agent/files
 * Files as answers: what a file input takes (an image input wants an image), checking a file
 * against that and the size limit, and reading a download no further than the limit. The chats
 * fetch files (Slack from its file host, the terminal from a path or URL); the agent checks them.
 */
import type { FileJson, InputSpec } from '../catalog/types.ts';

/** The `accept` of an input that wants an image. */
export const IMAGE = 'image/*';

/**
 * NOTE: a catalog spec has no field for the file types an input takes, so its words say it: an
 * input named or described as an image, photo or picture (or an image format) wants an image.
 * "The file to share" wants any file.
 */
const IMAGE_WORDS = /\b(images?|photos?|pictures?|png|jpe?g|webp|gif|avif|tiff|svg)\b/i;

/**
 * The MIME types a file input takes, or undefined when any file will do.
 * @example
 * acceptOf({ name: 'image', type: 'file', description: 'The image file to resize.' }); // 'image/*'
 * acceptOf({ name: 'file', type: 'file', description: 'The file to share.' });         // undefined
 */
export function acceptOf(input: Pick<InputSpec, 'name' | 'type' | 'description'>): string | undefined {
  if (input.type !== 'file') return undefined;
  return IMAGE_WORDS.test(`${input.name.replace(/_/g, ' ')} ${input.description}`) ? IMAGE : undefined;
}

/** The image formats the default catalog's image functions read, as users know them. */
export const IMAGE_FORMATS = 'PNG, JPEG, GIF, WebP, AVIF, TIFF or SVG';

const startsWith = (bytes: Uint8Array, at: number, ascii: string) => [...ascii].every((c, i) => bytes[at + i] === c.charCodeAt(0));

/**
 * The image type the bytes are, by the signature every file of that format starts with; undefined
 * when they are none of `IMAGE_FORMATS`. NOTE: the bytes decide, not the name or the declared MIME
 * type, which a renamed or mislabelled file gets wrong.
 */
export function imageTypeOf(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0x89 && startsWith(bytes, 1, 'PNG\r\n\x1a\n')) return 'image/png';
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (startsWith(bytes, 0, 'GIF87a') || startsWith(bytes, 0, 'GIF89a')) return 'image/gif';
  if (startsWith(bytes, 0, 'RIFF') && startsWith(bytes, 8, 'WEBP')) return 'image/webp';
  if (startsWith(bytes, 0, 'II*\0') || startsWith(bytes, 0, 'MM\0*')) return 'image/tiff';
  if (startsWith(bytes, 4, 'ftypavi')) return 'image/avif';
  const text = Buffer.from(bytes).toString('utf8').replace(/^\uFEFF/, '').trimStart();
  if (text.startsWith('<') && /<svg[\s>]/i.test(text)) return 'image/svg+xml';
  return undefined;
}

/** "2.4 MB", "512 KB", "90 bytes". */
export function formatBytes(n: number): string {
  if (n >= 1024 ** 2) return `${(n / 1024 ** 2).toFixed(1).replace(/\.0$/, '')} MB`;
  if (n >= 1024) return `${Math.round(n / 1024)} KB`;
  return `${n} byte${n === 1 ? '' : 's'}`;
}

/** Bytes of a file in JSON form, without decoding it. */
export const byteLength = (file: FileJson): number => Math.floor((file.base64.length * 3) / 4) - (file.base64.match(/=*$/)?.[0].length ?? 0);

export type FileCheck = { ok: true; file: FileJson } | { ok: false; error: string };

/**
 * Checks a file for an input: not empty, within the size limit, and of a type the input takes (an
 * image input gets its MIME type from the bytes). The error says what was wrong and what to send.
 * @example
 * checkFile({ name: 'notes.txt', mime: 'text/plain', base64: 'aGk=' }, { name: 'image', accept: 'image/*' }, 20 * 1024 * 1024);
 * // { ok: false, error: '"notes.txt" is not an image I can read (text/plain); send a PNG, JPEG, GIF, WebP, AVIF, TIFF or SVG image' }
 */
export function checkFile(file: FileJson, input: { accept?: string }, maxBytes: number): FileCheck {
  const size = byteLength(file);
  if (size === 0) return { ok: false, error: `"${file.name}" is empty; send the file itself` };
  if (size > maxBytes) return { ok: false, error: tooLarge(file.name, size, maxBytes) };
  if (input.accept !== IMAGE) return { ok: true, file };
  // Enough bytes for every signature above, and for an SVG's opening lines.
  const head = Buffer.from(file.base64.slice(0, 1368), 'base64');
  const mime = imageTypeOf(head);
  if (!mime) return { ok: false, error: `"${file.name}" is not an image I can read (${file.mime || 'of unknown type'}); send a ${IMAGE_FORMATS} image` };
  return { ok: true, file: { ...file, mime } };
}

/**
 * The refusal of a file over the limit, worded the same wherever it is noticed; `size` is undefined
 * when only the download ran past the limit.
 */
export const tooLarge = (name: string, size: number | undefined, maxBytes: number): string =>
  `"${name}" is ${size === undefined ? 'more' : `${formatBytes(size)}, more`} than the ${formatBytes(maxBytes)} I can take; send a smaller file`;

/**
 * The body of a download, read no further than `maxBytes`; undefined (and the download stopped)
 * when it is longer. For the chats, which fetch the files they pass to the agent.
 * @example
 * const bytes = await readAtMost(await fetch(url), 20 * 1024 * 1024);
 * if (!bytes) return refuse('too large');
 */
export async function readAtMost(response: Response, maxBytes: number): Promise<Uint8Array | undefined> {
  const declared = Number(response.headers.get('content-length'));
  if (declared > maxBytes) {
    await response.body?.cancel();
    return undefined;
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  if (!response.body) return new Uint8Array();
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}
