/** ResizeImage: scales an image to a width (and optional height) with a chosen fit, keeping its format. */
import type { FileValue } from '../lib/files.ts';
import { checkDimension, encodeImage, keepFormat, openImage } from './image.ts';

type Fit = 'cover' | 'contain' | 'fill' | 'inside' | 'outside';

export async function resizeImage(inputs: { image: FileValue; width: number; height?: number; fit?: Fit }): Promise<{ image: FileValue }> {
  const width = checkDimension('width', inputs.width);
  const height = inputs.height === undefined || inputs.height === null ? undefined : checkDimension('height', inputs.height);
  const fit = inputs.fit ?? 'inside';
  const { img, meta } = await openImage(inputs.image);
  const resized = img.resize({ width, height, fit, background: { r: 255, g: 255, b: 255, alpha: 0 } });
  return { image: await encodeImage(resized, keepFormat(meta), inputs.image.name) };
}
