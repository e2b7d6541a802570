/**
 * The Slack app in Socket Mode (SLACK_APP_TOKEN set) end to end, with no network: the app asks the
 * fake Web API for a connection (apps.connections.open, with the app token), which points it at
 * a local fake Socket Mode server; that server greets it with "hello", delivers envelopes and
 * records the acks. The scripted agent plays the conversation, as in conversation.test.ts.
 */
import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { createSlackApp, readSlackConfig, type SlackApp } from '../../src/slack/app.ts';
import { scriptedAgent, type ScriptedAgent, type Turn } from '../fakes/scripted-agent.ts';
import { ALICE, BOT_USER, CHANNEL, TEAM } from '../fakes/slack-requests.ts';
import { startFakeSlack, type FakeSlack } from '../fakes/slack-web-api.ts';
import { startFakeSocketMode, type FakeSocketMode } from '../fakes/socket-mode-server.ts';
import { textOf } from './posted.ts';
import { dateQuestion, plan, result, running } from './script.ts';

const BOT_TOKEN = 'xoxb-test-token';
const APP_TOKEN = 'xapp-1-A0FAKE0001-test-token';

const SCRIPT: Record<string, Turn[]> = {
  'add 3 days': [
    { events: [plan], then: dateQuestion },
    { events: [...running, result], then: 'succeeded' },
  ],
};

interface SocketModeRun {
  app: SlackApp;
  agent: ScriptedAgent;
  slack: FakeSlack;
  socket: FakeSocketMode;
  /** What `app.start()` returned. */
  started: { port?: number };
  /** Stops the app, waits for it to close its connection, then closes the fakes; idempotent. */
  close(): Promise<void>;
}

let run: SocketModeRun | undefined;
afterEach(async () => {
  await run?.close();
  run = undefined;
});

async function startSocketModeApp(): Promise<SocketModeRun> {
  const socket = await startFakeSocketMode();
  const slack = await startFakeSlack({ socketModeUrl: socket.url });
  const agent = scriptedAgent(SCRIPT);
  // NOTE: no SLACK_SIGNING_SECRET and no PORT: Socket Mode needs neither.
  const config = readSlackConfig({
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_APP_TOKEN: APP_TOKEN,
    SLACK_API_URL: slack.url,
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent',
  });
  const app = createSlackApp({ config, agent });
  const closeFakes = async () => {
    await socket.close();
    await slack.close();
  };
  let started: { port?: number };
  try {
    started = await app.start();
  } catch (error) {
    await closeFakes();
    throw error;
  }
  let closing: Promise<void> | undefined;
  return {
    app,
    agent,
    slack,
    socket,
    started,
    close() {
      closing ??= (async () => {
        try {
          await app.stop();
          await socket.waitForClosed();
        } finally {
          await closeFakes();
        }
      })();
      return closing;
    },
  };
}

let counter = 0;
const nextTs = () => `${1_800_000_000 + ++counter}.${String(counter).padStart(6, '0')}`;

/** The event_callback payload Slack wraps in an events_api envelope. */
function eventCallback(event: Record<string, unknown>): Record<string, unknown> {
  return {
    token: 'unused-verification-token',
    team_id: TEAM,
    api_app_id: 'A0FAKE0001',
    type: 'event_callback',
    event_id: `Ev${String(++counter).padStart(8, '0')}`,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ enterprise_id: null, team_id: TEAM, user_id: BOT_USER, is_bot: true, is_enterprise_install: false }],
    is_ext_shared_channel: false,
    event,
  };
}

/** A channel message event: an app_mention, or (with thread_ts) a reply in a thread. */
function messageEvent(type: 'app_mention' | 'message', text: string, thread_ts?: string): { ts: string; event: Record<string, unknown> } {
  const ts = nextTs();
  return {
    ts,
    event: { type, user: ALICE, text, ts, channel: CHANNEL, channel_type: 'channel', event_ts: ts, ...(thread_ts ? { thread_ts } : {}) },
  };
}

/** The fields of a slash command, as Slack sends them in a slash_commands envelope. */
function slashCommand(command: string, text: string, response_url: string): Record<string, unknown> {
  return {
    token: 'unused-verification-token',
    team_id: TEAM,
    team_domain: 'fake',
    channel_id: CHANNEL,
    channel_name: 'general',
    user_id: ALICE,
    user_name: 'alice',
    command,
    text,
    api_app_id: 'A0FAKE0001',
    is_enterprise_install: 'false',
    response_url,
    trigger_id: `trigger-${++counter}`,
  };
}

/**
 * Resolves once nothing of the app or the fakes keeps this process alive any more: no TCP socket
 * or server (the app's WebSocket, the fakes, pooled HTTP connections) and no timer (a reconnect
 * attempt, a ping interval). Rejects after `timeoutMs` naming what is still there. Anything left
 * would also keep the test process from exiting.
 */
async function nothingLeftOpen(timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const open = process.getActiveResourcesInfo().filter((r) => /^(TCPSocketWrap|TCPServerWrap|TLSWrap|Timeout)$/.test(r));
    if (open.length === 0) return;
    if (Date.now() > deadline) assert.fail(`still open ${timeoutMs} ms after the app stopped: ${open.join(', ')}`);
    // NOTE: this timer has fired (and is gone) by the time the next check runs.
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('Slack app in Socket Mode (fake Socket Mode server, fake Web API)', () => {
  it('connects with the app token through apps.connections.open and opens no HTTP port', async () => {
    run = await startSocketModeApp();
    const { slack, socket, started } = run;

    assert.equal(started.port, undefined);
    const [open] = slack.callsTo('apps.connections.open');
    assert.equal(open?.token, APP_TOKEN, 'the WebSocket URL is asked for with the app-level token');
    assert.ok(
      slack.callsTo('auth.test').every((c) => c.token === BOT_TOKEN),
      'the bot token is checked with auth.test',
    );
    assert.equal(socket.connections.length, 1);
    assert.match(socket.connections[0]!.path, /^\/link\/\?ticket=/);
  });

  it('acks a mention over the socket and answers in its thread; a reply in the thread resumes it', async () => {
    run = await startSocketModeApp();
    const { slack, socket, agent } = run;

    const mention = messageEvent('app_mention', `<@${BOT_USER}> add 3 days`);
    const envelopeId = socket.eventsApi(eventCallback(mention.event));
    assert.deepEqual(await socket.waitForAck(envelopeId), { envelope_id: envelopeId, payload: {} });

    const [summary, question] = await slack.waitFor('chat.postMessage', 2);
    assert.deepEqual(agent.calls[0], { op: 'start', thread: `${TEAM}:${CHANNEL}:${mention.ts}`, text: 'add 3 days', user: ALICE });
    assert.equal(summary!.token, BOT_TOKEN);
    assert.equal(summary!.body.channel, CHANNEL);
    assert.equal(summary!.body.thread_ts, mention.ts);
    assert.match(textOf(summary!), /Plan for “add 3 days”/);
    assert.equal(question!.body.thread_ts, mention.ts);
    assert.match(textOf(question!), /What is the starting date\?/);

    const reply = messageEvent('message', '2026-01-01', mention.ts);
    const replyId = socket.eventsApi(eventCallback(reply.event));
    assert.deepEqual(await socket.waitForAck(replyId), { envelope_id: replyId, payload: {} });
    const posts = await slack.waitFor('chat.postMessage', 4);
    assert.deepEqual(agent.calls[1], { op: 'resume', thread: `${TEAM}:${CHANNEL}:${mention.ts}`, text: '2026-01-01', user: ALICE });
    assert.equal(posts[3]!.body.thread_ts, mention.ts);
    assert.match(textOf(posts[3]!), /Done in 0\.1 s\.[\s\S]*2026-01-04/);

    await run.close();
    assert.equal(agent.calls.length, 2, 'each envelope was handled once');
  });

  it('acks /workflow help over the socket and answers with the usage, only to the caller', async () => {
    run = await startSocketModeApp();
    const { slack, socket } = run;

    const envelopeId = socket.slashCommand(slashCommand('/workflow', 'help', slack.responseUrl('cmd')));
    // NOTE: the listener acks at once with an empty body (as over HTTP) and sends the usage
    // through the command's response_url, which works the same in Socket Mode.
    assert.deepEqual(await socket.waitForAck(envelopeId), { envelope_id: envelopeId, payload: {} });
    const [answer] = await slack.waitFor('response_url', 1);
    assert.equal(answer!.body.response_type, 'ephemeral');
    assert.match(String(answer!.body.text), /Mention me with what you want/);
    assert.equal(socket.received.length, 1, 'one message on the socket: the ack');
  });

  it('stops cleanly: closes its WebSocket with a normal close and leaves nothing open', async () => {
    run = await startSocketModeApp();
    const { slack, socket, agent } = run;
    const mention = messageEvent('app_mention', `<@${BOT_USER}> add 3 days`);
    await socket.waitForAck(socket.eventsApi(eventCallback(mention.event)));
    await slack.waitFor('chat.postMessage', 2);

    // app.stop(), then the fake server sees the connection end, and only then do the fakes close.
    await run.close();
    run = undefined;
    const [connection] = socket.connections;
    assert.equal(connection!.closedBy, 'app', 'the app started the closing handshake');
    assert.equal(connection!.closeCode, 1000, 'a normal closure');
    await nothingLeftOpen();
    assert.equal(socket.connections.length, 1, 'it did not reconnect');
    assert.equal(agent.calls.length, 1);
  });
});

describe('Slack app in Socket Mode with a refused app token', () => {
  it('fails to start with an error that names SLACK_APP_TOKEN and how to get a good one', async () => {
    const slack = await startFakeSlack();
    slack.set('apps.connections.open', { ok: false, error: 'invalid_auth' });
    const config = readSlackConfig({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_APP_TOKEN: APP_TOKEN, SLACK_API_URL: slack.url, LOG_LEVEL: 'silent' });
    const app = createSlackApp({ config, agent: scriptedAgent(SCRIPT) });
    try {
      await assert.rejects(app.start(), (e: Error) => e.name === 'SlackConfigError' && /SLACK_APP_TOKEN \(Slack answered "invalid_auth"\).*connections:write/.test(e.message));
    } finally {
      await app.stop().catch(() => {});
      await slack.close();
    }
  });
});
