/**
 * The Slack app end to end over real HTTP with real signatures (Bolt's HTTP receiver), against the
 * fake Web API, with a scripted agent: what a user sees in the thread for a mention, a reply, a
 * button click; who may answer; redeliveries; bad requests.
 */
import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { scriptedAgent, type ScriptedAgent, type Turn } from '../fakes/scripted-agent.ts';
import { ALICE, BOB, BOT_USER, CHANNEL, TEAM } from '../fakes/slack-requests.ts';
import { clickChoice, mentionApp, startSlackHarness, type SlackHarness } from './harness.ts';
import { blocksOf, textOf, tsOf } from './posted.ts';
import { confirmQuestion, dateQuestion, pickQuestion, plan, PNG, result, running } from './script.ts';

const SCRIPT: Record<string, Turn[]> = {
  'add 3 days': [
    { events: [plan], then: dateQuestion },
    { events: [...running, result], then: 'succeeded' },
  ],
  'look up my order': [
    { events: [plan], then: pickQuestion },
    { events: [...running, result], then: 'succeeded' },
  ],
  'post a greeting': [
    { events: [plan], then: confirmQuestion },
    { events: [{ type: 'cancelled', text: 'Cancelled; nothing was run.' }], then: 'cancelled' },
  ],
  'break it': [
    {
      events: [
        plan,
        {
          type: 'result',
          status: 'partial',
          text: 'Partly done in 0.1 s.',
          items: [{ kind: 'text', label: 'The rows', text: 'x'.repeat(10_000) }],
          failures: [{ node: 'n2', function: 'Broken', error: 'boom' }],
        },
      ],
      then: 'partial',
    },
  ],
  'fly to the moon': [{ events: [{ type: 'unsupported', text: 'Nothing in the catalog does that.', goals: ['fly to the moon'] }], then: 'unsupported' }],
};

let h: SlackHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

/**
 * Waits for the results of "add 3 days", stops the app once its work is done (so nothing more can
 * happen), and checks the agent was started once and resumed once, with `answer`.
 */
async function assertAnsweredOnce(h: SlackHarness, agent: ScriptedAgent, answer: string): Promise<void> {
  await h.slack.waitFor('chat.postMessage', 4);
  await h.close();
  assert.deepEqual(
    agent.calls.map((c) => [c.op, c.text]),
    [
      ['start', 'add 3 days'],
      ['resume', answer],
    ],
  );
}

async function start(env: Record<string, string> = {}) {
  const agent = scriptedAgent(SCRIPT);
  h = await startSlackHarness({ agent, env });
  return { agent, h };
}

describe('Slack app: conversation in a thread', () => {
  it('answers a mention with the plan, its diagram and the question, all in the mention’s thread', async () => {
    const { agent, h } = await start();
    const { response, ts } = await h.send.mention({ text: `<@${BOT_USER}> add 3 days` });
    assert.equal(response.status, 200);

    const [summary, question] = await h.slack.waitFor('chat.postMessage', 2);
    assert.deepEqual(agent.calls[0], { op: 'start', thread: `${TEAM}:${CHANNEL}:${ts}`, text: 'add 3 days', user: ALICE });
    assert.equal(summary!.body.thread_ts, ts);
    assert.match(textOf(summary!), /Plan for “add 3 days”/);
    assert.match(textOf(summary!), /Goal: AddToDate/);

    const [complete] = h.slack.callsTo('files.completeUploadExternal');
    assert.equal(complete!.body.channel_id, CHANNEL);
    assert.equal(complete!.body.thread_ts, ts);
    assert.equal(h.slack.callsTo('upload')[0]!.body.bytes, PNG.length);
    assert.equal(h.slack.callsTo('files.getUploadURLExternal')[0]!.body.filename, 'workflow.png');

    assert.equal(question!.body.thread_ts, ts);
    assert.match(textOf(question!), /What is the starting date\?/);
    assert.match(textOf(question!), /Reply in this thread with the date/);
  });

  it('resumes on a reply in the thread: one progress message updated in place, then the results', async () => {
    const { agent, h } = await start();
    const { ts } = await mentionApp(h, 'add 3 days');

    await h.send.reply({ thread_ts: ts, text: '2026-01-01' });
    const posts = await h.slack.waitFor('chat.postMessage', 4);
    assert.deepEqual(agent.calls[1], { op: 'resume', thread: `${TEAM}:${CHANNEL}:${ts}`, text: '2026-01-01', user: ALICE });

    const [progress, results] = posts.slice(2);
    assert.equal(progress!.body.thread_ts, ts);
    assert.match(textOf(progress!), /Running…/);
    const updates = await h.slack.waitFor('chat.update', 1);
    assert.equal(updates.at(-1)!.body.ts, tsOf(h.slack, progress!));
    assert.match(textOf(updates.at(-1)!), /Run finished[\s\S]*:white_check_mark: `n1` AddToDate — 3 ms/);

    assert.equal(results!.body.thread_ts, ts);
    assert.match(textOf(results!), /Done in 0\.1 s\.[\s\S]*\*The new date\*\n2026-01-04/);
    await h.slack.waitFor('files.completeUploadExternal', 2);
    const chart = h.slack.callsTo('files.getUploadURLExternal').find((c) => c.body.filename === 'chart.png');
    assert.ok(chart, 'the file result is uploaded');
    assert.equal(h.slack.callsTo('files.completeUploadExternal')[1]!.body.thread_ts, ts);
  });

  it('treats a click on a choice button as the answer and redraws the question without buttons', async () => {
    const { agent, h } = await start();
    const { ts, second: question } = await mentionApp(h, 'look up my order');
    const actions = blocksOf(question).find((b) => b.type === 'actions')!;
    assert.deepEqual(
      actions.elements!.map((e) => e.value),
      ['LookupOrder', 'DraftCustomerReply'],
    );

    const response = await clickChoice(h, question, ts, 'DraftCustomerReply');
    assert.equal(response.status, 200);

    const [update] = await h.slack.waitFor('chat.update', 1);
    assert.equal(update!.body.ts, tsOf(h.slack, question));
    assert.ok(!blocksOf(update!).some((b) => b.type === 'actions'), 'the buttons are gone');
    assert.match(textOf(update!), new RegExp(`<@${ALICE}> chose \\*DraftCustomerReply\\*`));
    await h.slack.waitFor('chat.postMessage', 4);
    assert.deepEqual(agent.calls[1], { op: 'resume', thread: `${TEAM}:${CHANNEL}:${ts}`, text: 'DraftCustomerReply', user: ALICE });
  });

  it('shows confirm questions with Run and Cancel buttons, and the cancellation', async () => {
    const { h } = await start();
    const { ts, second: question } = await mentionApp(h, 'post a greeting');
    const actions = blocksOf(question).find((b) => b.type === 'actions')!;
    assert.deepEqual(
      actions.elements!.map((e) => [e.value, typeof e.text === 'string' ? e.text : e.text?.text]),
      [
        ['run', 'Run'],
        ['cancel', 'Cancel'],
      ],
    );
    await h.send.reply({ thread_ts: ts, text: 'cancel' });
    const posts = await h.slack.waitFor('chat.postMessage', 3);
    assert.match(textOf(posts[2]!), /Cancelled; nothing was run/);
  });

  it('names failed steps and keeps the partial results, cut to Slack’s size limits', async () => {
    const { h } = await start();
    const { second: results } = await mentionApp(h, 'break it');
    const text = textOf(results);
    assert.match(text, /step `n2` \(Broken\) failed: boom/);
    assert.match(text, /The rows/);
    for (const block of blocksOf(results)) assert.ok((block.text?.text.length ?? 0) <= 3000);
  });

  it('says so when nothing in the catalog does the request', async () => {
    const { h } = await start();
    await h.send.mention({ text: `<@${BOT_USER}> fly to the moon` });
    const [post] = await h.slack.waitFor('chat.postMessage', 1);
    assert.match(textOf(post!), /Nothing in the catalog does that/);
  });
});

describe('Slack app: who may answer', () => {
  it('ignores replies from anyone but the requester, quietly', async () => {
    const { agent, h } = await start();
    const { ts } = await mentionApp(h, 'add 3 days');
    await h.send.reply({ thread_ts: ts, text: '2026-01-01', user: BOB });
    await h.send.reply({ thread_ts: ts, text: '2026-02-02' });
    await assertAnsweredOnce(h, agent, '2026-02-02');
    assert.equal(h.slack.callsTo('chat.postEphemeral').length, 0);
  });

  it('tells someone else who clicks a button, only to them, that only the requester can answer', async () => {
    const { agent, h } = await start();
    const { ts, second: question } = await mentionApp(h, 'look up my order');
    await clickChoice(h, question, ts, 'LookupOrder', BOB);
    const [whisper] = await h.slack.waitFor('chat.postEphemeral', 1);
    assert.equal(whisper!.body.user, BOB);
    assert.equal(whisper!.body.thread_ts, ts);
    assert.match(textOf(whisper!), new RegExp(`Only <@${ALICE}> can answer`));
    assert.equal(agent.calls.length, 1);
  });

  it('takes anyone’s answer with ANSWERS_FROM=anyone', async () => {
    const { agent, h } = await start({ ANSWERS_FROM: 'anyone' });
    const { ts } = await mentionApp(h, 'add 3 days');
    await h.send.reply({ thread_ts: ts, text: '2026-01-01', user: BOB });
    await h.slack.waitFor('chat.postMessage', 4);
    assert.deepEqual(agent.calls[1], { op: 'resume', thread: `${TEAM}:${CHANNEL}:${ts}`, text: '2026-01-01', user: BOB });
  });
});

describe('Slack app: deliveries', () => {
  it('runs an event Slack delivers again (X-Slack-Retry-Num, same event_id) only once', async () => {
    const { agent, h } = await start();
    const first = await h.send.mention({ text: `<@${BOT_USER}> add 3 days` });
    const again = await h.send.mention({ text: `<@${BOT_USER}> add 3 days`, ts: first.ts, eventId: first.eventId }, { retryNum: 1 });
    assert.equal(again.response.status, 200);
    await h.slack.waitFor('chat.postMessage', 2);
    await h.send.reply({ thread_ts: first.ts, text: '2026-01-01' });
    await assertAnsweredOnce(h, agent, '2026-01-01');
    assert.equal(h.slack.callsTo('chat.postMessage').length, 4);
  });

  it('refuses a request with a wrong signature (401) and never runs it', async () => {
    const { agent, h } = await start();
    const { response } = await h.send.mention({ text: `<@${BOT_USER}> add 3 days` }, { secret: 'not-the-secret' });
    assert.equal(response.status, 401);
    assert.equal(agent.calls.length, 0);
  });

  it('refuses a correctly signed request older than five minutes (401)', async () => {
    const { agent, h } = await start();
    const sixMinutesAgo = Math.floor(Date.now() / 1000) - 6 * 60;
    const { response } = await h.send.mention({ text: `<@${BOT_USER}> add 3 days` }, { timestamp: sixMinutesAgo });
    assert.equal(response.status, 401);
    assert.equal(agent.calls.length, 0);
  });

  it('ignores bot messages, edits, messages outside threads and replies that mention the app', async () => {
    const { agent, h } = await start();
    const { ts } = await mentionApp(h, 'add 3 days');
    await h.send.event({ type: 'message', subtype: 'bot_message', bot_id: 'B0OTHER001', text: '2026-01-01', ts: '1.000001', thread_ts: ts, channel: CHANNEL }, 'EvBot');
    await h.send.event({ type: 'message', subtype: 'message_changed', channel: CHANNEL, ts: '1.000002', message: { text: 'x', thread_ts: ts } }, 'EvEdit');
    await h.send.event({ type: 'message', user: ALICE, text: '2026-01-01', ts: '1.000003', channel: CHANNEL }, 'EvTop');
    // The reply that mentions the app arrives twice: as app_mention (an answer) and as message (ignored).
    const mentionReply = await h.send.mention({ thread_ts: ts, text: `<@${BOT_USER}> 2026-01-01` });
    await h.send.reply({ thread_ts: ts, text: `<@${BOT_USER}> 2026-01-01`, ts: mentionReply.ts });
    await assertAnsweredOnce(h, agent, '2026-01-01');
  });

  it('says in the thread when the agent fails, instead of going quiet', async () => {
    const { h } = await start();
    await h.send.mention({ text: `<@${BOT_USER}> something unscripted` });
    const [post] = await h.slack.waitFor('chat.postMessage', 1);
    assert.match(textOf(post!), /Something went wrong on my side \(scripted agent: no script for "something unscripted"\)/);
  });
});

describe('Slack app: /workflow', () => {
  for (const text of ['help', '', 'frobnicate']) {
    it(`answers /workflow ${text || '(no arguments)'} with the usage, only to the caller`, async () => {
      const { h } = await start();
      const response = await h.send.command({ command: '/workflow', text, response_url: h.slack.responseUrl('cmd') });
      assert.equal(response.status, 200);
      const [answer] = await h.slack.waitFor('response_url', 1);
      assert.equal(answer!.body.response_type, 'ephemeral');
      assert.match(String(answer!.body.text), /Mention me with what you want/);
      if (text === 'frobnicate') assert.match(String(answer!.body.text), /`\/workflow frobnicate` is not a command I know/);
    });
  }
});
