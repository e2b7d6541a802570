/** Shared helpers for the image functions: reading a `file` input with sharp and naming output formats. */
import sharp, { type Metadata, type Sharp } from 'sharp';
import { fileValue, renameExtension, type FileValue } from '../lib/files.ts';

/** Output formats the image functions can write, with their file extension and MIME type. */
export const IMAGE_FORMATS = {
  png: { ext: 'png', mime: 'image/png' },
  jpeg: { ext: 'jpg', mime: 'image/jpeg' },
  webp: { ext: 'webp', mime: 'image/webp' },
  avif: { ext: 'avif', mime: 'image/avif' },
  tiff: { ext: 'tiff', mime: 'image/tiff' },
  gif: { ext: 'gif', mime: 'image/gif' },
} as const;

export type ImageFormat = keyof typeof IMAGE_FORMATS;

/** Largest width or height, in pixels, that a resize may ask for. */
export const MAX_DIMENSION = 10000;

/** Checks that `value` is a whole number of pixels between 1 and MAX_DIMENSION. */
export function checkDimension(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 1 || value > MAX_DIMENSION) {
    throw new Error(`${name} must be a whole number of pixels between 1 and ${MAX_DIMENSION}, got ${value}`);
  }
  return value;
}

/** Opens an image file with sharp (rotated upright from its EXIF orientation) after checking it decodes. */
export async function openImage(image: FileValue, what = 'image'): Promise<{ img: Sharp; meta: Metadata }> {
  if (!image || !(image.data instanceof Uint8Array) || image.data.byteLength === 0) {
    throw new Error(`${what} must be a non-empty image file`);
  }
  let meta: Metadata;
  try {
    meta = await sharp(image.data).metadata();
  } catch (e) {
    throw new Error(`${what} "${image.name}" is not a readable image (${(e as Error).message})`);
  }
  return { img: sharp(image.data, { autoOrient: true }), meta };
}

/** The format name of decoded image metadata, telling AVIF apart from other HEIF files. */
export function formatOf(meta: Metadata): string {
  if (meta.format === 'heif' && meta.compression === 'av1') return 'avif';
  return meta.format ?? 'unknown';
}

/** Writes `img` in `format` and wraps the bytes as a file named after `name` with the right extension. */
export async function encodeImage(img: Sharp, format: ImageFormat, name: string): Promise<FileValue> {
  const { ext, mime } = IMAGE_FORMATS[format];
  const data = await img.toFormat(format).toBuffer();
  return fileValue(renameExtension(name || 'image', ext), mime, data);
}

/** The output format to keep for an input image: its own format when writable, PNG otherwise. */
export function keepFormat(meta: Metadata): ImageFormat {
  const f = formatOf(meta);
  if (f === 'jpg') return 'jpeg';
  return f in IMAGE_FORMATS ? (f as ImageFormat) : 'png';
}
