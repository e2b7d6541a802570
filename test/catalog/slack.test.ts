import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { loadCatalog } from '../../src/catalog/index.ts';
import { postSlackMessage } from '../../catalog/slack/post-slack-message.ts';
import { listChannelMessages } from '../../catalog/slack/list-channel-messages.ts';
import { findSlackUser } from '../../catalog/slack/find-slack-user.ts';
import { sendDirectMessage } from '../../catalog/slack/send-direct-message.ts';
import { uploadFileToSlack } from '../../catalog/slack/upload-file-to-slack.ts';
import { reply, startFakeSlack, type FakeSlack, type FakeSlackOptions } from '../fakes/slack-web-api.ts';

const TOKEN = 'xoxb-test-token';

/** A fresh fake Slack for one test, with SLACK_API_URL and SLACK_BOT_TOKEN pointing at it. */
async function fakeSlack(t: TestContext, options?: FakeSlackOptions): Promise<FakeSlack> {
  const slack = await startFakeSlack(options);
  const saved = { url: process.env.SLACK_API_URL, token: process.env.SLACK_BOT_TOKEN };
  process.env.SLACK_API_URL = slack.url;
  process.env.SLACK_BOT_TOKEN = TOKEN;
  t.after(async () => {
    await slack.close();
    for (const [key, value] of [['SLACK_API_URL', saved.url], ['SLACK_BOT_TOKEN', saved.token]] as const) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  });
  return slack;
}

const methods = (slack: FakeSlack) => slack.calls.map((c) => c.method);

test('the slack catalog loads, every runtime export exists, and only the writing functions have side effects', async () => {
  const catalog = loadCatalog('catalog/slack');
  for (const spec of catalog.functions) {
    assert.equal(spec.runtime?.type, 'module', spec.name);
    if (spec.runtime?.type !== 'module') continue;
    const mod = (await import(spec.runtime.path)) as Record<string, unknown>;
    assert.equal(typeof mod[spec.runtime.export], 'function', `${spec.name}: ${spec.runtime.export} is exported`);
  }
  const withEffects = catalog.functions.filter((f) => f.sideEffects).map((f) => f.name);
  assert.deepEqual(withEffects, ['PostSlackMessage', 'SendDirectMessage', 'UploadFileToSlack']);
  assert.deepEqual(catalog.get('ListChannelMessages')?.outputs.map((o) => o.name), ['messages', 'text']);
});

test('fails with a clear error when SLACK_BOT_TOKEN is not set', async (t) => {
  await fakeSlack(t);
  delete process.env.SLACK_BOT_TOKEN;
  await assert.rejects(postSlackMessage({ channel: '#general', text: 'hi' }), /SLACK_BOT_TOKEN is not set/);
});

test('posts a message to a channel given by name, resolving the name to its id', async (t) => {
  const slack = await fakeSlack(t);
  const out = await postSlackMessage({ channel: '#general', text: 'Deploy finished :rocket:' });
  assert.deepEqual(methods(slack), ['conversations.list', 'chat.postMessage']);
  const post = slack.callsTo('chat.postMessage')[0]!;
  assert.equal(post.body.channel, 'C0GENERAL1');
  assert.equal(post.body.text, 'Deploy finished :rocket:');
  assert.equal(post.token, TOKEN, 'the bot token is sent as a Bearer header');
  assert.equal(out.channel_id, 'C0GENERAL1');
  assert.equal(out.message_ts, slack.state.messages.get('C0GENERAL1')?.at(-1)?.ts);
});

test('posts to a channel id or mention without listing channels, and can reply in a thread', async (t) => {
  const slack = await fakeSlack(t);
  await postSlackMessage({ channel: 'C0RANDOM01', text: 'one' });
  await postSlackMessage({ channel: '<#C0RANDOM01|random>', text: 'two', thread_ts: '1700000000.000001' });
  assert.deepEqual(methods(slack), ['chat.postMessage', 'chat.postMessage']);
  assert.equal(slack.calls[1]!.body.thread_ts, '1700000000.000001');
  assert.equal(slack.calls[0]!.body.thread_ts, undefined);
});

test('rejects an unknown channel name with a suggestion, and an empty message', async (t) => {
  const slack = await fakeSlack(t);
  await assert.rejects(postSlackMessage({ channel: '#genral', text: 'hi' }), /channel #genral was not found .*Did you mean #general\?/);
  await assert.rejects(postSlackMessage({ channel: '#general', text: '  ' }), /text is empty/);
  assert.equal(slack.callsTo('chat.postMessage').length, 0);
});

test('lists the latest channel messages oldest first, skipping joins, with their texts joined', async (t) => {
  const slack = await fakeSlack(t, {
    messages: {
      C0GENERAL1: [
        { user: 'U0ALICE001', text: 'first' },
        { user: 'U0BOB00001', text: 'second' },
        { user: 'U0BOB00001', text: '<@U0BOB00001> has joined the channel', subtype: 'channel_join' },
        { user: 'U0ALICE001', text: 'third' },
        { user: 'U0BOB00001', text: 'fourth' },
      ],
    },
  });
  const out = await listChannelMessages({ channel: 'general', limit: 3 });
  assert.deepEqual(out.messages.map((m) => [m.user, m.text]), [['U0BOB00001', 'second'], ['U0ALICE001', 'third'], ['U0BOB00001', 'fourth']]);
  assert.equal(out.text, 'second\nthird\nfourth');
  assert.ok(out.messages.every((m) => /^\d+\.\d+$/.test(m.ts)));
  const history = slack.callsTo('conversations.history');
  assert.equal(history[0]!.body.channel, 'C0GENERAL1');
  assert.equal(history[0]!.body.limit, '3');
  assert.equal(history.length, 2, 'a skipped join message makes it read one more page');
});

test('explains that the bot must be invited when it is not in the channel', async (t) => {
  await fakeSlack(t, { channels: [{ id: 'C0SECRET01', name: 'secret', is_member: false }] });
  await assert.rejects(listChannelMessages({ channel: '#secret' }), (error: Error & { retryable?: boolean }) => {
    assert.match(error.message, /Slack conversations\.history failed: the bot is not a member of the channel; invite it .*\(not_in_channel\)/);
    assert.equal(error.retryable, false);
    return true;
  });
});

test('finds a user by full name, first name, display name, @handle or email, ignoring case', async (t) => {
  const slack = await fakeSlack(t);
  const alice = { user_id: 'U0ALICE001', real_name: 'Alice Smith' };
  for (const name of ['Alice Smith', 'alice smith', 'Alice', '@alice', 'alice@example.com']) {
    assert.deepEqual(await findSlackUser({ user_name: name }), alice, name);
  }
  assert.deepEqual(await findSlackUser({ user_name: 'bobby' }), { user_id: 'U0BOB00001', real_name: 'Bob Jones' });
  assert.ok(slack.callsTo('users.list').length >= 6);
});

test('reports a user who is not found, with suggestions, and a name that matches several people', async (t) => {
  const slack = await fakeSlack(t);
  await assert.rejects(findSlackUser({ user_name: 'Alise' }), /no Slack user matches "Alise"\. Did you mean "alice"/);
  await assert.rejects(findSlackUser({ user_name: 'Action Engine' }), /no Slack user matches/, 'bots are not people');
  slack.state.users.push({ id: 'U0CAROL001', name: 'carol.a', real_name: 'Carol Adams' }, { id: 'U0CAROL002', name: 'carol.b', real_name: 'Carol Brown' });
  await assert.rejects(findSlackUser({ user_name: 'carol' }), /matches several Slack users: Carol Adams \(@carol\.a\), Carol Brown \(@carol\.b\)/);
  slack.state.users.push({ id: 'U0ALICE002', name: 'alice.j', real_name: 'Alice Jones' });
  assert.equal((await findSlackUser({ user_name: 'alice' })).user_id, 'U0ALICE001', 'an exact @handle match wins over a first name');
});

test('sends a direct message by opening a DM conversation and posting in it', async (t) => {
  const slack = await fakeSlack(t);
  const out = await sendDirectMessage({ user_id: 'U0BOB00001', text: 'Your report is ready' });
  assert.deepEqual(methods(slack), ['conversations.open', 'chat.postMessage']);
  assert.equal(slack.calls[0]!.body.users, 'U0BOB00001');
  assert.equal(slack.calls[1]!.body.channel, out.channel_id);
  assert.match(out.channel_id, /^D/);
  assert.equal(slack.calls[1]!.body.text, 'Your report is ready');
  assert.match(out.message_ts, /^\d+\.\d+$/);
});

test('looks up the recipient of a direct message when given a name instead of an id', async (t) => {
  const slack = await fakeSlack(t);
  await sendDirectMessage({ user_id: 'Alice', text: 'hi' });
  assert.deepEqual(methods(slack), ['users.list', 'conversations.open', 'chat.postMessage']);
  assert.equal(slack.calls[1]!.body.users, 'U0ALICE001');
});

test('uploads a file: asks for an upload URL, sends the bytes there, then completes the upload in the channel', async (t) => {
  const slack = await fakeSlack(t);
  const data = new Uint8Array(Buffer.from('name,score\nAda,3\n'));
  const out = await uploadFileToSlack({
    file: { name: 'scores.csv', mime: 'text/csv', data },
    channel: '#random',
    title: 'Scores',
    comment: 'Here are the scores',
  });
  assert.deepEqual(methods(slack), ['conversations.list', 'files.getUploadURLExternal', 'upload', 'files.completeUploadExternal']);
  const [, getUrl, upload, complete] = slack.calls;
  assert.equal(getUrl!.body.filename, 'scores.csv');
  assert.equal(getUrl!.body.length, String(data.byteLength));
  assert.equal(upload!.body.bytes, data.byteLength);
  assert.equal(upload!.body.file_id, out.file_id);
  assert.equal(complete!.body.channel_id, 'C0RANDOM01');
  assert.equal(complete!.body.initial_comment, 'Here are the scores');
  assert.deepEqual(JSON.parse(String(complete!.body.files)), [{ id: out.file_id, title: 'Scores' }]);
  assert.equal(slack.state.files.get(out.file_id)?.channel_id, 'C0RANDOM01');
});

test('marks Slack outages and rate limits retryable, and explains a missing scope', async (t) => {
  const slack = await fakeSlack(t);
  const retryable = (pattern: RegExp, expected: boolean) => (error: Error & { retryable?: boolean }) => {
    assert.match(error.message, pattern);
    assert.equal(error.retryable, expected);
    return true;
  };
  slack.set('chat.postMessage', reply(503, 'unavailable'));
  await assert.rejects(postSlackMessage({ channel: 'C0GENERAL1', text: 'x' }), retryable(/chat\.postMessage failed with HTTP 503/, true));
  slack.set('chat.postMessage', reply(429, { ok: false, error: 'ratelimited' }, { 'retry-after': '7' }));
  await assert.rejects(postSlackMessage({ channel: 'C0GENERAL1', text: 'x' }), retryable(/rate limited; retry after 7 s/, true));
  slack.set('chat.postMessage', { ok: false, error: 'missing_scope', needed: 'chat:write' });
  await assert.rejects(postSlackMessage({ channel: 'C0GENERAL1', text: 'x' }), retryable(/lacks the OAuth scope chat:write/, false));
  slack.set('chat.postMessage', null);
  await postSlackMessage({ channel: 'C0GENERAL1', text: 'x' });
  assert.equal(slack.callsTo('chat.postMessage').length, 4, 'the client itself never retries');
});

test('the fake Slack accepts JSON bodies, records them, and refuses calls without a token', async (t) => {
  const slack = await fakeSlack(t);
  const post = (body: unknown, headers: Record<string, string>) =>
    fetch(`${slack.url}chat.postMessage`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) }).then(
      (r) => r.json() as Promise<Record<string, unknown>>,
    );
  const posted = await post({ channel: 'general', text: 'json' }, { authorization: `Bearer ${TOKEN}` });
  assert.equal(posted.ok, true);
  assert.equal(posted.channel, 'C0GENERAL1');
  assert.deepEqual(slack.calls[0], { method: 'chat.postMessage', body: { channel: 'general', text: 'json' }, token: TOKEN });
  assert.deepEqual(await post({ channel: 'general', text: 'x' }, {}), { ok: false, error: 'not_authed' });
});
