/**
 * Files as answers: the checks (type by the bytes, size, empty), files attached to the request,
 * and files answering a file question, with the real planner and runtime over the default catalog.
 */
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, it } from 'node:test';
import sharp from 'sharp';
import { checkFile, IMAGE, readAtMost, readValue, type AgentEvent, type TurnResult, type ValueQuestion } from '../../src/agent/index.ts';
import { acceptOf, imageTypeOf } from '../../src/agent/files.ts';
import type { FileJson } from '../../src/catalog/types.ts';
import { agentFor, eventTrail } from './harness.ts';

const png = async (width: number, height: number) => sharp({ create: { width, height, channels: 3, background: '#336699' } }).png().toBuffer();
const asFile = (name: string, mime: string, data: Uint8Array): FileJson => ({ name, mime, base64: Buffer.from(data).toString('base64') });
const TEXT = asFile('notes.txt', 'text/plain', Buffer.from('just some notes'));
const MB = 1024 * 1024;

function waitingFor(turn: TurnResult): ValueQuestion {
  assert.equal(turn.status, 'waiting', `expected a question, got ${JSON.stringify(turn)}`);
  const q = (turn as { question: ValueQuestion }).question;
  assert.equal(q.kind, 'value');
  return q;
}

const resultOf = (events: AgentEvent[]) => events.filter((e): e is Extract<AgentEvent, { type: 'result' }> => e.type === 'result').at(-1);

describe('checking a file for an input', () => {
  it('wants an image for an input named or described as one, and any file otherwise', () => {
    assert.equal(acceptOf({ name: 'image', type: 'file', description: 'The image file to resize.' }), IMAGE);
    assert.equal(acceptOf({ name: 'scan', type: 'file', description: 'A photo of the receipt.' }), IMAGE);
    assert.equal(acceptOf({ name: 'file', type: 'file', description: 'The file to share.' }), undefined);
    assert.equal(acceptOf({ name: 'image_url', type: 'string', description: 'Link to an image.' }), undefined);
  });

  it('knows an image by its bytes, not by its name or declared type', async () => {
    assert.equal(imageTypeOf(await png(4, 4)), 'image/png');
    assert.equal(imageTypeOf(await sharp(await png(4, 4)).jpeg().toBuffer()), 'image/jpeg');
    assert.equal(imageTypeOf(await sharp(await png(4, 4)).webp().toBuffer()), 'image/webp');
    assert.equal(imageTypeOf(Buffer.from('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"/>')), 'image/svg+xml');
    assert.equal(imageTypeOf(Buffer.from('just some notes')), undefined);
    const mislabelled = checkFile(asFile('photo.png', 'image/png', Buffer.from('not really')), { accept: IMAGE }, MB);
    assert.deepEqual(mislabelled, { ok: false, error: '"photo.png" is not an image I can read (image/png); send a PNG, JPEG, GIF, WebP, AVIF, TIFF or SVG image' });
    const unlabelled = checkFile(asFile('photo', 'application/octet-stream', await png(4, 4)), { accept: IMAGE }, MB);
    assert.equal(unlabelled.ok && unlabelled.file.mime, 'image/png');
  });

  it('refuses an empty file, a file over the limit, and a non-image for an image, saying what to send', async () => {
    const no = (r: ReturnType<typeof checkFile>) => (r.ok ? assert.fail('taken') : r.error);
    assert.match(no(checkFile(asFile('empty.png', 'image/png', new Uint8Array()), {}, MB)), /"empty\.png" is empty; send the file itself/);
    assert.match(no(checkFile(asFile('big.png', 'image/png', await png(400, 400)), { accept: IMAGE }, 100)), /"big\.png" is \d+ KB, more than the 100 bytes I can take; send a smaller file/);
    assert.match(no(checkFile(TEXT, { accept: IMAGE }, MB)), /"notes\.txt" is not an image I can read \(text\/plain\); send a PNG, JPEG/);
    assert.equal(checkFile(TEXT, {}, MB).ok, true, 'any file will do where no type is wanted');
  });

  it('answers a file question with a file only, and a value question with text only', () => {
    const no = (r: ReturnType<typeof readValue>) => (r.ok ? assert.fail('taken') : r.error);
    assert.match(no(readValue('cat.png', { name: 'image', type: 'file', accept: IMAGE })), /image needs a file, not text/);
    assert.match(no(readValue(TEXT, { name: 'amount', type: 'integer' })), /a file cannot answer this; reply with the integer as text/);
    assert.deepEqual(readValue(TEXT, { name: 'file', type: 'file' }), { ok: true, value: TEXT });
  });

  it('reads a download up to the limit and stops one that goes past it', async () => {
    const body = Buffer.alloc(5000, 1);
    const server = createServer((req, res) => {
      // The second path sends no length up front, so only counting the bytes can stop it.
      if (req.url === '/chunked') {
        res.write(body.subarray(0, 2500));
        res.end(body.subarray(2500));
      } else res.end(body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      assert.equal((await readAtMost(await fetch(url), 5000))?.length, 5000);
      assert.equal(await readAtMost(await fetch(url), 4999), undefined);
      assert.equal(await readAtMost(await fetch(`${url}/chunked`), 4000), undefined);
    } finally {
      server.close();
    }
  });
});

describe('agent: a file question answered with files', () => {
  const t = agentFor({ fileMaxBytes: 64 * 1024 });

  it('asks for the image in a question that says it wants one, and re-asks a text, a non-image and a file too large, with the reason', async () => {
    const thread = 'T1:C1:300.1';
    const q = waitingFor(await t.agent.start(thread, 'make a thumbnail of this', { user: 'U1', onEvent: t.onEvent }));
    assert.deepEqual([q.function, q.input, q.type, q.accept], ['MakeThumbnail', 'image', 'file', IMAGE]);

    const again = waitingFor(await t.agent.resume(thread, 'the one from yesterday', { onEvent: t.onEvent }));
    assert.equal(again.id, q.id);
    assert.match(again.error ?? '', /image needs a file, not text/);
    const notImage = waitingFor(await t.agent.resume(thread, TEXT, { onEvent: t.onEvent }));
    assert.match(notImage.error ?? '', /"notes\.txt" is not an image I can read/);
    const noise = await sharp({ create: { width: 600, height: 600, channels: 3, background: '#000', noise: { type: 'gaussian', mean: 128, sigma: 60 } } }).png().toBuffer();
    const tooBig = waitingFor(await t.agent.resume(thread, asFile('noise.png', 'image/png', noise), { onEvent: t.onEvent }));
    assert.match(tooBig.error ?? '', /"noise\.png" is .* MB, more than the 64 KB I can take; send a smaller file/);
    assert.deepEqual(eventTrail(t.events), ['plan'], 'nothing ran while the answers were refused');

    const turn = await t.agent.resume(thread, asFile('photo.png', 'image/png', await png(300, 200)), { onEvent: t.onEvent });
    assert.deepEqual(turn, { status: 'finished', outcome: 'succeeded' });
    const [item] = resultOf(t.events)!.items;
    assert.equal(item?.kind, 'file');
    const meta = await sharp(item!.kind === 'file' ? item.data : new Uint8Array()).metadata();
    assert.deepEqual([meta.format, meta.width, meta.height], ['png', 128, 128]);
  });

  it('fills the file question with the file that came with the request, without asking', async () => {
    const thread = 'T1:C1:300.2';
    const before = t.events.length;
    const turn = await t.agent.start(thread, 'make a thumbnail of this', { user: 'U1', onEvent: t.onEvent, files: [asFile('photo.png', 'image/png', await png(300, 200))] });
    assert.deepEqual(turn, { status: 'finished', outcome: 'succeeded' });
    const events = t.events.slice(before);
    const plan = events.find((e) => e.type === 'plan');
    assert.ok(plan?.type === 'plan' && !/I need/.test(plan.summary), 'the plan needs nothing more from the user');
    assert.equal(resultOf(events)?.items[0]?.kind, 'file');
  });

  it('asks for the image when the file that came with the request is not one, saying why', async () => {
    const q = waitingFor(await t.agent.start('T1:C1:300.3', 'make a thumbnail of this', { user: 'U1', onEvent: t.onEvent, files: [TEXT] }));
    assert.equal(q.input, 'image');
    assert.match(q.error ?? '', /the file that came with the request: "notes\.txt" is not an image I can read/);
  });
});
