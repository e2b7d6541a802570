/** MakeThumbnail: crops an image to a square around its most interesting region and scales it to `size` pixels, as PNG. */
import sharp from 'sharp';
import type { FileValue } from '../lib/files.ts';
import { checkDimension, encodeImage, openImage } from './image.ts';

export async function makeThumbnail(inputs: { image: FileValue; size?: number }): Promise<{ thumbnail: FileValue }> {
  const size = checkDimension('size', inputs.size ?? 128);
  const { img } = await openImage(inputs.image);
  const square = img.resize({ width: size, height: size, fit: 'cover', position: sharp.strategy.attention });
  const thumbnail = await encodeImage(square, 'png', inputs.image.name.replace(/(\.[^./\\]+)?$/, '-thumbnail$1'));
  return { thumbnail };
}
