/**
 * Files people share, and "what can you do?", in the Slack app over real HTTP with real signatures
 * against the fake Web API (which also serves the shared files), with a scripted agent: what is
 * fetched, from where, with which token, and what the thread shows when a file cannot be used.
 */
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, it } from 'node:test';
import type { ValueQuestion } from '../../src/agent/index.ts';
import { scriptedAgent, type Turn } from '../fakes/scripted-agent.ts';
import { BOB, BOT_USER } from '../fakes/slack-requests.ts';
import { reply } from '../fakes/slack-web-api.ts';
import { mentionApp, startSlackHarness, type SlackHarness } from './harness.ts';
import { blocksOf, textOf } from './posted.ts';
import { dateQuestion, plan, PNG, result, running } from './script.ts';

const imageQuestion: ValueQuestion = {
  kind: 'value',
  id: 'value:n1.image',
  node: 'n1',
  function: 'MakeThumbnail',
  input: 'image',
  type: 'file',
  accept: 'image/*',
  text: 'What is the image file to make a thumbnail of?',
};

const SCRIPT: Record<string, Turn[]> = {
  'make a thumbnail of this': [
    { events: [plan], then: imageQuestion },
    { events: [...running, result], then: 'succeeded' },
  ],
  'add 3 days': [
    { events: [plan], then: dateQuestion },
    { events: [...running, result], then: 'succeeded' },
  ],
};

let h: SlackHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

async function start(env: Record<string, string> = {}) {
  const agent = scriptedAgent(SCRIPT);
  h = await startSlackHarness({ agent, env });
  return { agent, h };
}

const base64 = (data: Uint8Array) => Buffer.from(data).toString('base64');

describe('Slack app: files shared with a request or an answer', () => {
  it('downloads a file attached to the mention with the bot token and starts the request with it', async () => {
    const { agent, h } = await start();
    const file = h.slack.hostFile({ name: 'cat.png', mimetype: 'image/png', data: PNG });
    await h.send.mention({ text: `<@${BOT_USER}> make a thumbnail of this`, files: [file] });
    await h.slack.waitFor('chat.postMessage', 2);
    const [download] = h.slack.callsTo('download');
    assert.equal(download!.token, 'xoxb-test-token');
    assert.deepEqual(agent.calls[0]!.files, [{ name: 'cat.png', mime: 'image/png', base64: base64(PNG) }]);
  });

  it('never fetches a file whose URL is not on the Slack file host, and says so in the thread', async () => {
    let requests = 0;
    const elsewhere = createServer((_req, res) => {
      requests++;
      res.end('secret');
    });
    await new Promise<void>((resolve) => elsewhere.listen(0, '127.0.0.1', resolve));
    try {
      const { agent, h } = await start();
      const url = `http://127.0.0.1:${(elsewhere.address() as AddressInfo).port}/files-pri/T-F1/cat.png`;
      const file = { id: 'F0OUTSIDE1', name: 'cat.png', mimetype: 'image/png', size: 12, url_private: url, url_private_download: url };
      await h.send.mention({ text: `<@${BOT_USER}> make a thumbnail of this`, files: [file] });
      const [refusal] = await h.slack.waitFor('chat.postMessage', 3);
      assert.match(textOf(refusal!), /I could not use a file you attached: "cat\.png" is not stored in Slack, and I only fetch files from Slack; attach or upload it in this thread/);
      assert.equal(requests, 0);
      assert.equal(agent.calls[0]!.files, undefined, 'the request starts without it');
    } finally {
      elsewhere.close();
    }
  });

  it('answers the open file question with a file uploaded in the thread, and says how to give one', async () => {
    const { agent, h } = await start();
    const { ts, second: question } = await mentionApp(h, 'make a thumbnail of this');
    assert.match(textOf(question), /For MakeThumbnail \(`image`\): an image \(PNG, JPEG, GIF, WebP, AVIF, TIFF or SVG\)\. Attach or upload it in this thread\./);
    const file = h.slack.hostFile({ name: 'cat.png', mimetype: 'image/png', data: PNG });
    await h.send.upload({ thread_ts: ts, files: [file] });
    await h.slack.waitFor('chat.postMessage', 4);
    assert.deepEqual(agent.calls.map((c) => [c.op, c.files?.[0]?.name]), [['start', undefined], ['resume', 'cat.png']]);
  });

  it('refuses a file over FILE_MAX_BYTES without downloading it and asks the same question again', async () => {
    const { agent, h } = await start({ FILE_MAX_BYTES: '1KB' });
    const { ts } = await mentionApp(h, 'make a thumbnail of this');
    const file = h.slack.hostFile({ name: 'huge.png', mimetype: 'image/png', data: PNG, size: 5 * 1024 * 1024 });
    await h.send.upload({ thread_ts: ts, files: [file] });
    const [, , again] = await h.slack.waitFor('chat.postMessage', 3);
    assert.match(textOf(again!), /"huge\.png" is 5 MB, more than the 1 KB I can take; send a smaller file/);
    assert.match(textOf(again!), /What is the image file to make a thumbnail of\?/);
    assert.equal(h.slack.callsTo('download').length, 0);
    assert.deepEqual(agent.calls.map((c) => c.op), ['start'], 'the question stays open');
  });

  it('follows no redirect off the Slack file host', async () => {
    const { agent, h } = await start();
    const { ts } = await mentionApp(h, 'make a thumbnail of this');
    h.slack.set('download', reply(302, '', { location: 'http://127.0.0.1:9/elsewhere.png' }));
    await h.send.upload({ thread_ts: ts, files: [h.slack.hostFile({ name: 'cat.png', mimetype: 'image/png', data: PNG })] });
    const [, , again] = await h.slack.waitFor('chat.postMessage', 3);
    assert.match(textOf(again!), /"cat\.png" is not stored in Slack, and I only fetch files from Slack/);
    assert.deepEqual(agent.calls.map((c) => c.op), ['start']);
  });

  it('says the app needs files:read when Slack answers a download with its sign-in page', async () => {
    const { h } = await start();
    const { ts } = await mentionApp(h, 'make a thumbnail of this');
    h.slack.set('download', reply(200, '<!DOCTYPE html><html>Sign in</html>', { 'content-type': 'text/html; charset=utf-8' }));
    await h.send.upload({ thread_ts: ts, files: [h.slack.hostFile({ name: 'cat.png', mimetype: 'image/png', data: PNG })] });
    const [, , again] = await h.slack.waitFor('chat.postMessage', 3);
    assert.match(textOf(again!), /Slack did not let me download "cat\.png": the app needs the `files:read` scope/);
  });

  it('looks a file up with files.info when the event leaves its details out', async () => {
    const { agent, h } = await start();
    const { ts } = await mentionApp(h, 'make a thumbnail of this');
    const { id } = h.slack.hostFile({ name: 'cat.png', mimetype: 'image/png', data: PNG });
    await h.send.upload({ thread_ts: ts, files: [{ id, file_access: 'check_file_info' }] });
    await h.slack.waitFor('chat.postMessage', 4);
    assert.equal(h.slack.callsTo('files.info')[0]?.body.file, id);
    assert.deepEqual(agent.calls[1]!.files, [{ name: 'cat.png', mime: 'image/png', base64: base64(PNG) }]);
  });

  it('ignores files someone other than the requester uploads, without downloading them', async () => {
    const { agent, h } = await start();
    const { ts } = await mentionApp(h, 'make a thumbnail of this');
    await h.send.upload({ thread_ts: ts, user: BOB, files: [h.slack.hostFile({ name: 'bob.png', mimetype: 'image/png', data: PNG })] });
    await h.close();
    assert.equal(h.slack.callsTo('download').length, 0);
    assert.deepEqual(agent.calls.map((c) => c.op), ['start']);
  });

  it('tells the requester that a question wanting text takes no file', async () => {
    const { agent, h } = await start();
    const { ts } = await mentionApp(h, 'add 3 days');
    await h.send.upload({ thread_ts: ts, files: [h.slack.hostFile({ name: 'date.png', mimetype: 'image/png', data: PNG })] });
    const [, , again] = await h.slack.waitFor('chat.postMessage', 3);
    assert.match(textOf(again!), /this question wants a date as text, not a file; reply with it in this thread/);
    assert.deepEqual(agent.calls.map((c) => c.op), ['start']);
  });

  it('does not take the app’s own uploads in the thread as answers', async () => {
    const { agent, h } = await start();
    const { ts } = await mentionApp(h, 'make a thumbnail of this');
    await h.send.upload({ thread_ts: ts, user: BOT_USER, files: [h.slack.hostFile({ name: 'workflow.png', mimetype: 'image/png', data: PNG })] });
    await h.close();
    assert.deepEqual(agent.calls.map((c) => c.op), ['start']);
  });
});

describe('Slack app: what it can do', () => {
  it('answers "what can you do?" with the catalog’s groups and examples in the thread, planning nothing', async () => {
    const { agent, h } = await start();
    const { ts } = await h.send.mention({ text: `<@${BOT_USER}> what can you do?` });
    const [post] = await h.slack.waitFor('chat.postMessage', 1);
    assert.equal(post!.body.thread_ts, ts);
    assert.match(textOf(post!), /\*time\* — `AddToDate`\n_e\.g\._ “add 3 days to 2026-01-01”/);
    assert.deepEqual(agent.calls, []);
  });

  it('includes them in /workflow help, after the usage', async () => {
    const { h } = await start();
    await h.send.command({ command: '/workflow', text: 'help', response_url: h.slack.responseUrl('cmd') });
    const [answer] = await h.slack.waitFor('response_url', 1);
    const text = blocksOf(answer!).map((b) => b.text?.text ?? '').join('\n');
    assert.match(text, /Mention me with what you want[\s\S]*Here is what I can do:\* 1 function in 1 group[\s\S]*\*time\* — `AddToDate`/);
  });
});
