/** ConvertImage: re-encodes an image in another format (PNG, JPEG, WebP, AVIF, TIFF or GIF). */
import type { FileValue } from '../lib/files.ts';
import { IMAGE_FORMATS, encodeImage, openImage, type ImageFormat } from './image.ts';

export async function convertImage(inputs: { image: FileValue; format: string }): Promise<{ image: FileValue }> {
  const format = String(inputs.format).toLowerCase().replace(/^jpg$/, 'jpeg').replace(/^tif$/, 'tiff');
  if (!(format in IMAGE_FORMATS)) {
    throw new Error(`format must be one of ${Object.keys(IMAGE_FORMATS).join(', ')}, got "${inputs.format}"`);
  }
  const { img } = await openImage(inputs.image);
  return { image: await encodeImage(img, format as ImageFormat, inputs.image.name) };
}
