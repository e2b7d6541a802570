import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';

const BIN = fileURLToPath(new URL('../../bin/action-engine.mjs', import.meta.url));
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47]);

describe('action-engine chat (the terminal conversation)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'chat-'));
  after(() => rmSync(dataDir, { recursive: true, force: true }));
  const chat = (input: string) =>
    spawnSync(process.execPath, [BIN, 'chat', '--data-dir', dataDir], { input, encoding: 'utf8', env: { ...process.env, CATALOG_PATH: '' }, timeout: 120_000 });

  it('plans piped requests, asks, re-asks a bad answer, runs, prints progress and results, and writes the diagram', () => {
    const r = chat('convert 5 miles\nkm\nadd days to 2026-01-01\nlots\n3\nexit\n');
    assert.equal(r.status, 0, r.stderr);
    const out = r.stdout;
    assert.match(out, /Plan for “convert 5 miles”: 1 step \(ConvertUnits\)/);
    assert.match(out, /What is the unit to convert to/);
    assert.match(out, /✔ n1 ConvertUnits/);
    assert.match(out, /converted value \(ConvertUnits\):\n\s+8\.04672/);
    assert.match(out, /That answer did not work: "lots" is not an integer/);
    assert.match(out, /2026-01-04/);
    const diagrams = [...out.matchAll(/diagram: (.+\.png)/g)].map((m) => m[1]!);
    assert.equal(diagrams.length, 2);
    for (const path of diagrams) assert.deepEqual(readFileSync(path).subarray(0, 4), PNG, path);
  });

  it('says so and exits 1 when the input ends with a question open', () => {
    const r = chat('convert 5 miles\n');
    assert.equal(r.status, 1, r.stderr);
    assert.match(r.stdout, /The input ended with a question open; nothing was run/);
    assert.ok(existsSync(join(dataDir, 'conversations.sqlite')));
  });
});

describe('action-engine chat: help and files', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'chat-files-'));
  const photo = join(dataDir, 'photo.png');
  const notes = join(dataDir, 'notes.txt');
  before(async () => {
    writeFileSync(photo, await sharp({ create: { width: 300, height: 200, channels: 3, background: '#336699' } }).png().toBuffer());
    writeFileSync(notes, 'just some notes');
  });
  after(() => rmSync(dataDir, { recursive: true, force: true }));
  const env = (extra: Record<string, string> = {}) => ({ ...process.env, CATALOG_PATH: '', ...extra });
  const chat = (input: string) => spawnSync(process.execPath, [BIN, 'chat', '--data-dir', dataDir], { input, encoding: 'utf8', env: env(), timeout: 120_000 });
  /** The chat in its own process without blocking this one, so a server here can answer it. */
  const chatAsync = (input: string, extra: Record<string, string> = {}) =>
    new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve, reject) => {
      const child = spawn(process.execPath, [BIN, 'chat', '--data-dir', dataDir], { env: env(extra) });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d: Buffer) => (stdout += d));
      child.stderr.on('data', (d: Buffer) => (stderr += d));
      child.on('error', reject);
      child.on('close', (status) => resolve({ status, stdout, stderr }));
      child.stdin.end(input);
    });
  const savedThumbnail = async (out: string) => {
    const path = /thumbnail \(MakeThumbnail\): file saved to (.+)/.exec(out)?.[1] ?? assert.fail(`no thumbnail saved:\n${out}`);
    const meta = await sharp(readFileSync(path)).metadata();
    return [meta.format, meta.width, meta.height];
  };

  it('lists what it can do for "help" within a screen, and plans "help me resize this image" as a request', () => {
    const r = chat('help\nhelp me resize this image\ncancel\nexit\n');
    assert.equal(r.status, 0, r.stderr);
    const help = /What I can do[\s\S]*?\nType a request[^\n]*/.exec(r.stdout)?.[0] ?? assert.fail(r.stdout);
    assert.match(help, /What I can do: 33 functions in 5 groups\./);
    for (const group of ['data', 'media', 'slack', 'text', 'time']) assert.match(help, new RegExp(`\\n  ${group}: `));
    assert.match(help, /media: ResizeImage, ConvertImage, MakeThumbnail, GetImageInfo, MakeQrCode, ChartFromNumbers\n    try: resize this photo to 300px wide/);
    assert.ok(help.split('\n').length <= 24, `one screen:\n${help}`);
    assert.match(r.stdout, /Plan for “help me resize this image”: \d steps? \([^)]*ResizeImage/);
    assert.match(r.stdout, /Cancelled: nothing was run/);
  });

  it('answers a file question with a local image path, after refusing a wrong path and a non-image with the reason', async () => {
    const r = chat(`make a thumbnail of this\n/nonexistent/cat.png\n${notes}\n${photo}\nexit\n`);
    assert.equal(r.status, 0, r.stderr);
    const out = r.stdout;
    assert.match(out, /\(image of MakeThumbnail, an image \(PNG, JPEG, GIF, WebP, AVIF, TIFF or SVG\): type a path to a local file or an http\(s\) URL\)/);
    assert.match(out, /That answer did not work: there is no file at \/nonexistent\/cat\.png; type a path to a local file or an http\(s\) URL\./);
    assert.match(out, /That answer did not work: "notes\.txt" is not an image I can read \(text\/plain\); send a PNG, JPEG/);
    assert.equal((out.match(/What is the image file to make a thumbnail of\?/g) ?? []).length, 3, 'asked again after each refusal');
    assert.deepEqual(await savedThumbnail(out), ['png', 128, 128]);
  });

  it('downloads an http(s) URL that answers a file question, and refuses one over FILE_MAX_BYTES', async () => {
    const png = readFileSync(photo);
    const server = createServer((req, res) => {
      if (req.url === '/missing.png') return void res.writeHead(404).end();
      res.writeHead(200, { 'content-type': 'image/png' }).end(req.url === '/big.png' ? Buffer.concat([png, Buffer.alloc(4096)]) : png);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const r = await chatAsync(`make a thumbnail of this\n${base}/missing.png\n${base}/big.png\n${base}/photo.png\nexit\n`, { FILE_MAX_BYTES: String(png.length + 100) });
      assert.equal(r.status, 0, r.stderr);
      assert.match(r.stdout, new RegExp(`could not download ${base}/missing\\.png \\(the server answered HTTP 404\\)`));
      assert.match(r.stdout, new RegExp(`${base}/big\\.png is more than the \\d+ KB I can take; send a smaller file`));
      assert.deepEqual(await savedThumbnail(r.stdout), ['png', 128, 128]);
    } finally {
      server.close();
    }
  });

  it('says how to write FILE_MAX_BYTES when it is not a size', () => {
    const r = spawnSync(process.execPath, [BIN, 'chat', '--data-dir', dataDir], { input: 'exit\n', encoding: 'utf8', env: env({ FILE_MAX_BYTES: 'lots' }) });
    assert.equal(r.status, 2);
    assert.match(r.stderr, /FILE_MAX_BYTES=lots: give a number of bytes, such as 20971520 or 20MB/);
  });
});
