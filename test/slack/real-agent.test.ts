/**
 * The Slack app with the real agent (planner, runtime, SQLite checkpoints), over real HTTP with
 * real signatures, against the fake Web API. Offline: the default catalog's date and image
 * functions (images shared through the fake's file host), and a catalog of two HTTP functions
 * served by a local function server.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import sharp from 'sharp';
import { openAgent, type Agent } from '../../src/agent/index.ts';
import { DEFAULT_CATALOG } from '../../src/slack/config.ts';
import { startFunctionServer, type FunctionServer } from '../fakes/function-server.ts';
import { BOT_USER } from '../fakes/slack-requests.ts';
import type { FakeSlack } from '../fakes/slack-web-api.ts';
import { clickChoice, mentionApp, startSlackHarness, type SlackHarness } from './harness.ts';
import { blocksOf, textOf, tsOf } from './posted.ts';

const PNG_SIGNATURE = 8;

/** The app over a real agent on `catalogPath`, with its own data folder. */
async function startWithRealAgent(
  catalogPath: string,
  confirmBeforeRun: 'auto' | 'always' = 'auto',
  fileMaxBytes?: number,
): Promise<{ h: SlackHarness; agent: Agent; stop(): Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ae-slack-'));
  const agent = await openAgent({ catalogPath, dataDir, confirmBeforeRun, ...(fileMaxBytes ? { fileMaxBytes } : {}) });
  const env = { CATALOG_PATH: catalogPath, DATA_DIR: dataDir, CONFIRM_BEFORE_RUN: confirmBeforeRun, ...(fileMaxBytes ? { FILE_MAX_BYTES: String(fileMaxBytes) } : {}) };
  const h = await startSlackHarness({ agent, env });
  return {
    h,
    agent,
    async stop() {
      await h.close();
      await agent.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

describe('Slack app with the real agent and the default catalog', () => {
  let app: Awaited<ReturnType<typeof startWithRealAgent>>;
  before(async () => {
    app = await startWithRealAgent(DEFAULT_CATALOG);
  });
  after(() => app.stop());

  it('plans "add 3 days", asks for the date in the thread, and runs it when the requester replies', async () => {
    const { h } = app;
    const { ts, first: summary, second: question } = await mentionApp(h, 'add 3 days');
    assert.equal(summary.body.thread_ts, ts);
    assert.match(textOf(summary), /AddToDate/);
    const [complete] = await h.slack.waitFor('files.completeUploadExternal', 1);
    assert.equal(complete!.body.thread_ts, ts);
    assert.ok(Number(h.slack.callsTo('upload')[0]!.body.bytes) > PNG_SIGNATURE, 'the diagram PNG is uploaded');
    assert.equal(question.body.thread_ts, ts);
    assert.match(textOf(question), /date/i);

    await h.send.reply({ thread_ts: ts, text: '2026-01-01' });
    const posts = await h.slack.waitFor('chat.postMessage', 4);
    const [progress, results] = posts.slice(2);
    assert.match(textOf(progress!), /AddToDate/);
    assert.equal(progress!.body.thread_ts, ts);
    assert.equal(results!.body.thread_ts, ts);
    assert.match(textOf(results!), /2026-01-04/);
    const updates = h.slack.callsTo('chat.update').filter((u) => u.body.ts === tsOf(h.slack, progress!));
    assert.match(textOf(updates.at(-1) ?? progress!), /Run finished[\s\S]*:white_check_mark: `n1` AddToDate/);
  });
});

describe('Slack app with the real agent and a catalog of HTTP functions', () => {
  let server: FunctionServer;
  let app: Awaited<ReturnType<typeof startWithRealAgent>>;
  let folder: string;
  let catalogPath: string;
  before(async () => {
    server = await startFunctionServer({
      '/lookup-order': ({ order_id }) => ({ body: { shipping_status: order_id === 'A-1001' ? 'shipped' : 'unknown' } }),
      '/draft-reply': ({ shipping_status }) => ({ body: { reply: `Good news: your order has been ${String(shipping_status)}.` } }),
    });
    folder = mkdtempSync(join(tmpdir(), 'ae-slack-catalog-'));
    const template = readFileSync(new URL('../fixtures/http-chain-catalog.json', import.meta.url), 'utf8');
    catalogPath = join(folder, 'catalog.json');
    writeFileSync(catalogPath, template.replaceAll('{{server}}', server.url('').replace(/\/$/, '')));
    app = await startWithRealAgent(catalogPath);
  });
  after(async () => {
    await app.stop();
    await server.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('asks for the order number, then calls LookupOrder before DraftCustomerReply and posts the reply', async () => {
    const { h } = app;
    const { ts, first: summary, second: question } = await mentionApp(h, 'draft a reply for the customer about their order');
    assert.match(textOf(summary), /LookupOrder → DraftCustomerReply/);
    assert.match(textOf(question), /order number/);

    await h.send.reply({ thread_ts: ts, text: 'A-1001' });
    const posts = await h.slack.waitFor('chat.postMessage', 4);
    assert.deepEqual(
      server.calls.map((c) => [c.path, c.inputs]),
      [
        ['/lookup-order', { order_id: 'A-1001' }],
        ['/draft-reply', { shipping_status: 'shipped' }],
      ],
    );
    assert.ok(server.calls[1]!.start >= server.calls[0]!.end, 'DraftCustomerReply starts after LookupOrder has answered');
    assert.match(textOf(posts[3]!), /Good news: your order has been shipped\./);
  });

  it('with CONFIRM_BEFORE_RUN=always, asks Run / Cancel as buttons and runs nothing until Run is clicked', async () => {
    const confirming = await startWithRealAgent(catalogPath, 'always');
    try {
      const { h } = confirming;
      const calledBefore = server.calls.length;
      const { ts, first: summary, second: question } = await mentionApp(h, 'draft a customer reply about order A-1001');
      assert.match(textOf(summary), /LookupOrder → DraftCustomerReply/);
      assert.equal(server.calls.length, calledBefore, 'nothing runs before the click');

      await clickChoice(h, question, ts, 'run');
      const [update] = await h.slack.waitFor('chat.update', 1);
      assert.equal(update!.body.ts, tsOf(h.slack, question));
      assert.match(textOf(update!), /chose \*Run\*/);
      const posts = await h.slack.waitFor('chat.postMessage', 4);
      assert.equal(server.calls.length, calledBefore + 2);
      assert.equal(posts[3]!.body.thread_ts, ts);
      assert.match(textOf(posts[3]!), /Good news: your order has been shipped\./);
    } finally {
      await confirming.stop();
    }
  });
});

const png = (width: number, height: number) => sharp({ create: { width, height, channels: 3, background: '#336699' } }).png().toBuffer();

/** The bytes of the file the app uploaded under `name` (waiting for `uploads` completed uploads in all). */
async function uploaded(slack: FakeSlack, name: RegExp, uploads: number): Promise<Buffer> {
  await slack.waitFor('files.completeUploadExternal', uploads);
  const file = [...slack.state.files.values()].find((f) => name.test(f.filename) && f.data && f.channel_id) ?? assert.fail(`no upload named ${name}: ${[...slack.state.files.values()].map((f) => f.filename).join(', ')}`);
  return Buffer.from(file.data!);
}

describe('Slack app with the real agent: files and what it can do', () => {
  const LIMIT = 64 * 1024;
  let app: Awaited<ReturnType<typeof startWithRealAgent>>;
  before(async () => {
    app = await startWithRealAgent(DEFAULT_CATALOG, 'auto', LIMIT);
  });
  after(() => app.stop());

  it('resizes the PNG attached to "resize this to 300px wide" and uploads the 300 px wide image in the thread', async () => {
    const { h } = app;
    const before = h.slack.callsTo('chat.postMessage').length;
    const photo = h.slack.hostFile({ name: 'photo.png', mimetype: 'image/png', data: await png(600, 400) });
    const { ts } = await h.send.mention({ text: `<@${BOT_USER}> resize this to 300px wide`, files: [photo] });
    const posts = (await h.slack.waitFor('chat.postMessage', before + 2)).slice(before);
    assert.match(textOf(posts[0]!), /ResizeImage/);
    assert.doesNotMatch(textOf(posts[1]!), /\?/, `no question: the image came with the mention and the width with the request; got ${textOf(posts[1]!)}`);
    const uploads = h.slack.callsTo('files.completeUploadExternal').length;
    const resized = await uploaded(h.slack, /^photo.*\.png$/, uploads + 1);
    const meta = await sharp(resized).metadata();
    assert.deepEqual([meta.format, meta.width], ['png', 300]);
    const [photoMessage] = [...(h.slack.state.messages.get('C0GENERAL1') ?? [])].filter((m) => m.files?.some((f) => h.slack.state.files.get(f.id)?.filename.startsWith('photo')));
    assert.equal(photoMessage?.thread_ts, ts, 'uploaded in the mention’s thread');
  });

  it('asks for the image of "make a thumbnail of this", refuses a file too large and a non-image with the reason, then thumbnails the PNG uploaded in the thread', async () => {
    const { h } = app;
    const before = h.slack.callsTo('chat.postMessage').length;
    const { ts, second: question } = await mentionApp(h, 'make a thumbnail of this', before);
    assert.match(textOf(question), /What is the image file to make a thumbnail of\?[\s\S]*Attach or upload it in this thread/);

    const noise = await sharp({ create: { width: 600, height: 600, channels: 3, background: '#000', noise: { type: 'gaussian', mean: 128, sigma: 60 } } }).png().toBuffer();
    await h.send.upload({ thread_ts: ts, files: [h.slack.hostFile({ name: 'noise.png', mimetype: 'image/png', data: noise })] });
    const tooLarge = (await h.slack.waitFor('chat.postMessage', before + 3))[before + 2]!;
    assert.match(textOf(tooLarge), /"noise\.png" is [\d.]+ MB, more than the 64 KB I can take; send a smaller file[\s\S]*What is the image file to make a thumbnail of\?/);

    await h.send.upload({ thread_ts: ts, files: [h.slack.hostFile({ name: 'notes.txt', mimetype: 'text/plain', data: Buffer.from('just some notes') })] });
    const notImage = (await h.slack.waitFor('chat.postMessage', before + 4))[before + 3]!;
    assert.match(textOf(notImage), /"notes\.txt" is not an image I can read \(text\/plain\); send a PNG, JPEG, GIF, WebP, AVIF, TIFF or SVG image[\s\S]*What is the image file to make a thumbnail of\?/);

    const uploads = h.slack.callsTo('files.completeUploadExternal').length;
    await h.send.upload({ thread_ts: ts, files: [h.slack.hostFile({ name: 'cat.png', mimetype: 'image/png', data: await png(300, 200) })] });
    const thumbnail = await sharp(await uploaded(h.slack, /^cat-thumbnail\.png$/, uploads + 1)).metadata();
    assert.deepEqual([thumbnail.format, thumbnail.width, thumbnail.height], ['png', 128, 128]);
    const results = (await h.slack.waitFor('chat.postMessage', before + 6))[before + 5]!;
    assert.equal(results.body.thread_ts, ts);
    assert.match(textOf(results), /Done in/);
  });

  it('answers "what can you do?" with the default catalog’s groups and examples, and plans "help me resize this image"', async () => {
    const { h } = app;
    const before = h.slack.callsTo('chat.postMessage').length;
    const { ts } = await h.send.mention({ text: `<@${BOT_USER}> what can you do?` });
    const help = (await h.slack.waitFor('chat.postMessage', before + 1))[before]!;
    assert.equal(help.body.thread_ts, ts);
    const text = textOf(help);
    assert.match(text, /Here is what I can do:\* 33 functions in 5 groups/);
    for (const group of ['data', 'media', 'slack', 'text', 'time']) assert.match(text, new RegExp(`\\*${group}\\* — `));
    assert.match(text, /\*media\* — `ResizeImage`, `ConvertImage`, `MakeThumbnail`, `GetImageInfo`, `MakeQrCode`, `ChartFromNumbers`\n_e\.g\._ “resize this photo to 300px wide” · “make a QR code for https:\/\/example\.com”/);
    assert.ok(blocksOf(help).length <= 10, 'one short message');

    const planned = await mentionApp(h, 'help me resize this image', before + 1);
    assert.match(textOf(planned.first), /Plan for “help me resize this image”[\s\S]*ResizeImage/);
  });

  it('includes the default catalog’s capabilities in /workflow help', async () => {
    const { h } = app;
    await h.send.command({ command: '/workflow', text: 'help', response_url: h.slack.responseUrl('help') });
    const answer = (await h.slack.waitFor('response_url', 1)).at(-1)!;
    const text = blocksOf(answer).map((b) => b.text?.text ?? '').join('\n');
    assert.match(text, /Mention me with what you want[\s\S]*Here is what I can do:\* 33 functions in 5 groups[\s\S]*\*time\* — `ConvertUnits`/);
  });
});

