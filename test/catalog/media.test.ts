import { test } from 'node:test';
import assert from 'node:assert/strict';
import sharp from 'sharp';
import QRCode from 'qrcode';
import { loadCatalog } from '../../src/catalog/index.ts';
import { fileValue, type FileValue } from '../../catalog/lib/files.ts';
import { svgToPng } from '../../catalog/lib/svg-to-png.ts';
import { resizeImage } from '../../catalog/media/resize-image.ts';
import { convertImage } from '../../catalog/media/convert-image.ts';
import { makeThumbnail } from '../../catalog/media/make-thumbnail.ts';
import { getImageInfo } from '../../catalog/media/get-image-info.ts';
import { makeQrCode } from '../../catalog/media/make-qr-code.ts';
import { chartFromNumbers } from '../../catalog/media/chart-from-numbers.ts';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** A solid-colour test image of the given size and format. */
async function makeImage(width: number, height: number, format: 'png' | 'jpeg' = 'png', name = `photo.${format === 'png' ? 'png' : 'jpg'}`): Promise<FileValue> {
  const data = await sharp({ create: { width, height, channels: 3, background: { r: 200, g: 30, b: 60 } } })
    .toFormat(format)
    .toBuffer();
  return fileValue(name, format === 'png' ? 'image/png' : 'image/jpeg', data);
}

function assertPng(data: Uint8Array): void {
  assert.deepEqual(Buffer.from(data.subarray(0, 8)), PNG_SIGNATURE, 'starts with the PNG signature');
}

test('resizes an image to the requested width keeping the aspect ratio', async () => {
  const { image } = await resizeImage({ image: await makeImage(400, 200), width: 100, fit: 'inside' });
  const meta = await sharp(image.data).metadata();
  assert.equal(meta.width, 100);
  assert.equal(meta.height, 50);
  assert.equal(meta.format, 'png');
  assert.equal(image.mime, 'image/png');
  assert.equal(image.name, 'photo.png');
});

test('resizes to an exact width and height when fit is fill or cover', async () => {
  for (const fit of ['fill', 'cover'] as const) {
    const { image } = await resizeImage({ image: await makeImage(400, 200), width: 90, height: 120, fit });
    const meta = await sharp(image.data).metadata();
    assert.deepEqual([meta.width, meta.height], [90, 120], fit);
  }
});

test('keeps a JPEG a JPEG when resizing', async () => {
  const { image } = await resizeImage({ image: await makeImage(300, 300, 'jpeg'), width: 30 });
  assert.equal((await sharp(image.data).metadata()).format, 'jpeg');
  assert.equal(image.mime, 'image/jpeg');
  assert.equal(image.name, 'photo.jpg');
});

test('rejects a resize width that is not a positive number of pixels', async () => {
  await assert.rejects(resizeImage({ image: await makeImage(10, 10), width: 0 }), /width must be a whole number of pixels/);
});

test('rejects a file that is not an image with a message naming the file', async () => {
  const notImage = fileValue('notes.txt', 'text/plain', Buffer.from('hello, not an image'));
  await assert.rejects(resizeImage({ image: notImage, width: 10 }), /image "notes\.txt" is not a readable image/);
});

test('converts a PNG to JPEG, WebP, AVIF, TIFF and GIF with the right extension and MIME type', async () => {
  const source = await makeImage(64, 48);
  const expected = {
    jpeg: ['photo.jpg', 'image/jpeg', 'jpeg'],
    webp: ['photo.webp', 'image/webp', 'webp'],
    avif: ['photo.avif', 'image/avif', 'heif'],
    tiff: ['photo.tiff', 'image/tiff', 'tiff'],
    gif: ['photo.gif', 'image/gif', 'gif'],
    png: ['photo.png', 'image/png', 'png'],
  } as const;
  for (const [format, [name, mime, sharpFormat]] of Object.entries(expected)) {
    const { image } = await convertImage({ image: source, format });
    assert.equal(image.name, name);
    assert.equal(image.mime, mime);
    const meta = await sharp(image.data).metadata();
    assert.equal(meta.format, sharpFormat, format);
    assert.deepEqual([meta.width, meta.height], [64, 48], format);
  }
});

test('rejects an unknown target image format', async () => {
  await assert.rejects(convertImage({ image: await makeImage(8, 8), format: 'bmp' }), /format must be one of png, jpeg/);
});

test('makes a square PNG thumbnail of the requested size from a wide photo', async () => {
  const { thumbnail } = await makeThumbnail({ image: await makeImage(640, 360, 'jpeg'), size: 96 });
  const meta = await sharp(thumbnail.data).metadata();
  assertPng(thumbnail.data);
  assert.deepEqual([meta.width, meta.height], [96, 96]);
  assert.equal(thumbnail.name, 'photo-thumbnail.png');
  assert.equal(thumbnail.mime, 'image/png');
});

test('reports the width, height, format and byte size of an image', async () => {
  const image = await makeImage(123, 45, 'jpeg');
  assert.deepEqual(await getImageInfo({ image }), { width: 123, height: 45, format: 'jpeg', size_bytes: image.data.byteLength });
});

test('reports the displayed size of a photo rotated by its EXIF orientation', async () => {
  const data = await sharp({ create: { width: 200, height: 100, channels: 3, background: 'blue' } })
    .jpeg()
    .withMetadata({ orientation: 6 })
    .toBuffer();
  const info = await getImageInfo({ image: fileValue('phone.jpg', 'image/jpeg', data) });
  assert.deepEqual([info.width, info.height], [100, 200]);
});

test('reports AVIF images as avif', async () => {
  const { image } = await convertImage({ image: await makeImage(16, 16), format: 'avif' });
  assert.equal((await getImageInfo({ image })).format, 'avif');
});

test('makes a QR code PNG of the requested size whose modules match the encoded text', async () => {
  const text = 'https://example.com/report?id=42';
  const { qr_code } = await makeQrCode({ text, size: 300 });
  assertPng(qr_code.data);
  assert.equal(qr_code.mime, 'image/png');
  const { data, info } = await sharp(qr_code.data).greyscale().raw().toBuffer({ resolveWithObject: true });
  assert.deepEqual([info.width, info.height], [300, 300]);
  // Sample the centre of every module and compare it with the QR matrix for the same text.
  const modules = QRCode.create(text, { errorCorrectionLevel: 'M' }).modules;
  const scale = 300 / (modules.size + 4);
  let mismatches = 0;
  for (let r = 0; r < modules.size; r++) {
    for (let c = 0; c < modules.size; c++) {
      const x = Math.floor((c + 2 + 0.5) * scale);
      const y = Math.floor((r + 2 + 0.5) * scale);
      const dark = (data[y * info.width + x] ?? 255) < 128;
      if (dark !== Boolean(modules.get(r, c))) mismatches++;
    }
  }
  assert.equal(mismatches, 0);
  assert.ok((data[0] ?? 0) > 200, 'the quiet zone is white');
});

test('rejects an empty QR code text', async () => {
  await assert.rejects(makeQrCode({ text: '' }), /text must not be empty/);
});

test('draws a bar chart of numbers as a 640-pixel-wide PNG', async () => {
  const { chart_png } = await chartFromNumbers({ values: [3, 7, 2, 9.5], labels: ['Mon', 'Tue', 'Wed', 'Thu'], title: 'Sales', kind: 'bar' });
  assertPng(chart_png.data);
  assert.equal(chart_png.mime, 'image/png');
  assert.equal(chart_png.name, 'chart.png');
  const meta = await sharp(chart_png.data).metadata();
  assert.equal(meta.width, 640);
  assert.ok((meta.height ?? 0) > 300);
  // The bar colour appears in the image.
  const { data, info } = await sharp(chart_png.data).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  let barPixels = 0;
  for (let i = 0; i < data.length; i += info.channels) if (data[i] === 0x4c && data[i + 1] === 0x78 && data[i + 2] === 0xa8) barPixels++;
  assert.ok(barPixels > 10000, `found ${barPixels} bar-coloured pixels`);
});

test('draws a line chart from numeric strings without labels', async () => {
  const { chart_png } = await chartFromNumbers({ values: ['1', '4', '2.5', '8'], kind: 'line' });
  assertPng(chart_png.data);
  assert.equal((await sharp(chart_png.data).metadata()).width, 640);
});

test('renders the chart the same way twice (bundled font, no system fonts)', async () => {
  const inputs = { values: [1, 2, 3], labels: ['a', 'b', 'c'], title: 'Repeatable' };
  const a = await chartFromNumbers(inputs);
  const b = await chartFromNumbers(inputs);
  assert.deepEqual(Buffer.from(a.chart_png.data), Buffer.from(b.chart_png.data));
});

test('rejects a chart whose labels do not match the values', async () => {
  await assert.rejects(chartFromNumbers({ values: [1, 2], labels: ['only one'] }), /labels has 1 items but values has 2/);
  await assert.rejects(chartFromNumbers({ values: [1, 'lots'] }), /item 2 \("lots"\) is not a number/);
  await assert.rejects(chartFromNumbers({ values: [] }), /at least one number/);
});

test('renders SVG text to PNG with the bundled DejaVu Sans font', async () => {
  const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="60"><text x="10" y="40" font-size="30">Hello</text></svg>';
  const png = svgToPng(svg, { background: 'white' });
  assertPng(png);
  const { data } = await sharp(png).greyscale().raw().toBuffer({ resolveWithObject: true });
  assert.ok(data.some((v) => v < 100), 'the text is drawn');
  const scaled = svgToPng(svg, { width: 400 });
  assert.deepEqual([(await sharp(scaled).metadata()).width, (await sharp(scaled).metadata()).height], [400, 120]);
});
