/** MakeQrCode: draws a QR code PNG of `size` pixels that encodes a text or link. */
import QRCode from 'qrcode';
import { fileValue, type FileValue } from '../lib/files.ts';
import { checkDimension } from './image.ts';

export async function makeQrCode(inputs: { text: string; size?: number }): Promise<{ qr_code: FileValue }> {
  const text = String(inputs.text ?? '');
  if (text.length === 0) throw new Error('text must not be empty: give the text or link the QR code should encode');
  const size = checkDimension('size', inputs.size ?? 256);
  if (size < 64) throw new Error(`size must be at least 64 pixels so the QR code stays scannable, got ${size}`);
  let data: Buffer;
  try {
    data = await QRCode.toBuffer(text, { type: 'png', width: size, margin: 2, errorCorrectionLevel: 'M' });
  } catch (e) {
    throw new Error(`text cannot be encoded as a QR code (${(e as Error).message})`);
  }
  return { qr_code: fileValue('qr-code.png', 'image/png', data) };
}
