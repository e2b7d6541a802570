/** GetImageInfo: reads an image's width, height (as displayed, after EXIF rotation), format and size in bytes. */
import type { FileValue } from '../lib/files.ts';
import { formatOf, openImage } from './image.ts';

export async function getImageInfo(inputs: { image: FileValue }): Promise<{ width: number; height: number; format: string; size_bytes: number }> {
  const { meta } = await openImage(inputs.image);
  return {
    width: meta.autoOrient?.width ?? meta.width ?? 0,
    height: meta.autoOrient?.height ?? meta.height ?? 0,
    format: formatOf(meta),
    size_bytes: inputs.image.data.byteLength,
  };
}
