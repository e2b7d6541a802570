/**
 * The Slack app with the real agent (planner, runtime, SQLite checkpoints), over real HTTP with
 * real signatures, against the fake Web API. Offline: the default catalog's date functions, and a
 * catalog of two HTTP functions served by a local function server.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { openAgent, type Agent } from '../../src/agent/index.ts';
import { DEFAULT_CATALOG } from '../../src/slack/config.ts';
import { startFunctionServer, type FunctionServer } from '../fakes/function-server.ts';
import { clickChoice, mentionApp, startSlackHarness, type SlackHarness } from './harness.ts';
import { textOf, tsOf } from './posted.ts';

const PNG_SIGNATURE = 8;

/** The app over a real agent on `catalogPath`, with its own data folder. */
async function startWithRealAgent(catalogPath: string, confirmBeforeRun: 'auto' | 'always' = 'auto'): Promise<{ h: SlackHarness; agent: Agent; stop(): Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ae-slack-'));
  const agent = await openAgent({ catalogPath, dataDir, confirmBeforeRun });
  const h = await startSlackHarness({ agent, env: { CATALOG_PATH: catalogPath, DATA_DIR: dataDir, CONFIRM_BEFORE_RUN: confirmBeforeRun } });
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
