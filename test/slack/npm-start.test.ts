/**
 * `npm start` as a user runs it: a separate process configured only by the environment, serving
 * /slack/events against the fake Web API, with the real agent over a catalog of HTTP functions.
 * The process is killed while a question is open; the answer posted after the restart resumes the
 * same run.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { startFunctionServer, type FunctionServer } from '../fakes/function-server.ts';
import { startFakeSlack, type FakeSlack } from '../fakes/slack-web-api.ts';
import { BOT_USER, SIGNING_SECRET, slackRequests } from '../fakes/slack-requests.ts';
import { textOf } from './posted.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

interface Started {
  child: ChildProcess;
  port: number;
  exited: Promise<number | null>;
  /** What it printed so far (pino JSON lines), for failure messages. */
  output(): string;
}

/** Runs `npm start` in its own process group and resolves once it logs the port it listens on. */
function npmStart(env: Record<string, string>): Promise<Started> {
  const child = spawn('npm', ['start', '--silent'], { cwd: ROOT, env: { ...process.env, ...env }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d;
      const port = /"port":(\d+)/.exec(out)?.[1];
      if (port) resolve({ child, port: Number(port), exited, output: () => out });
    });
    child.stderr!.on('data', (d: Buffer) => (out += d));
    void exited.then((code) => reject(new Error(`npm start exited (${code}) before listening:\n${out}`)));
  });
}

/** Signals the whole process group (npm and the node process it started); SIGKILL is a crash. */
async function kill(started: Started, signal: NodeJS.Signals): Promise<void> {
  process.kill(-started.child.pid!, signal);
  await started.exited;
}

describe('npm start (a separate process, configured by the environment)', () => {
  let slack: FakeSlack;
  let functions: FunctionServer;
  let folder: string;
  let env: Record<string, string>;
  before(async () => {
    slack = await startFakeSlack();
    functions = await startFunctionServer({
      '/lookup-order': ({ order_id }) => ({ body: { shipping_status: order_id === 'A-1001' ? 'shipped' : 'unknown' } }),
      '/draft-reply': ({ shipping_status }) => ({ body: { reply: `Good news: your order has been ${String(shipping_status)}.` } }),
    });
    folder = mkdtempSync(join(tmpdir(), 'ae-npm-start-'));
    const template = readFileSync(new URL('../fixtures/http-chain-catalog.json', import.meta.url), 'utf8');
    writeFileSync(join(folder, 'catalog.json'), template.replaceAll('{{server}}', functions.url('').replace(/\/$/, '')));
    env = {
      SLACK_BOT_TOKEN: 'xoxb-test-token',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: slack.url,
      SLACK_APP_TOKEN: '',
      PORT: '0',
      CATALOG_PATH: join(folder, 'catalog.json'),
      DATA_DIR: join(folder, 'data'),
      LOG_LEVEL: 'info',
    };
  });
  after(async () => {
    await slack.close();
    await functions.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('serves a mention, is killed with the question open, and after a restart the answer resumes the same run', async () => {
    const first = await npmStart(env);
    const inFirst = slackRequests(`http://127.0.0.1:${first.port}/slack/events`, SIGNING_SECRET);
    const { ts } = await inFirst.mention({ text: `<@${BOT_USER}> draft a reply for the customer about their order` });
    const [summary, question] = await slack.waitFor('chat.postMessage', 2);
    assert.match(textOf(summary!), /LookupOrder → DraftCustomerReply/);
    assert.match(textOf(question!), /order number/);
    assert.equal(question!.body.thread_ts, ts);
    await kill(first, 'SIGKILL');

    const second = await npmStart(env);
    try {
      const inSecond = slackRequests(`http://127.0.0.1:${second.port}/slack/events`, SIGNING_SECRET);
      // A new sender numbers events and timestamps from the start again: give the reply its own.
      await inSecond.reply({ thread_ts: ts, text: 'A-1001', eventId: 'EvAfterRestart01', ts: `${Number(ts) + 60}` });
      const posts = await slack.waitFor('chat.postMessage', 4).catch((e: Error) => assert.fail(`${e.message}\nthe restarted app said:\n${second.output()}`));
      assert.deepEqual(functions.calls.map((c) => [c.path, c.inputs]), [
        ['/lookup-order', { order_id: 'A-1001' }],
        ['/draft-reply', { shipping_status: 'shipped' }],
      ]);
      assert.match(textOf(posts[3]!), /Good news: your order has been shipped\./);
      assert.equal(posts[3]!.body.thread_ts, ts);
      assert.equal(slack.callsTo('chat.postMessage').filter((c) => /LookupOrder → DraftCustomerReply/.test(textOf(c))).length, 1, 'the plan is not posted again');
    } finally {
      await kill(second, 'SIGTERM');
    }
  });
});

describe('the Slack entry point and .env', () => {
  it('reads .env from the working folder, with what the environment sets winning over it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ae-dotenv-'));
    try {
      writeFileSync(join(dir, '.env'), 'SLACK_BOT_TOKEN=xoxb-from-dotenv\nPORT=not-a-port\n');
      const { SLACK_BOT_TOKEN: _unset, ...inherited } = process.env;
      const env = { ...inherited, PORT: '0', SLACK_SIGNING_SECRET: '', SLACK_APP_TOKEN: '' };
      // tsx is resolved from here, not from the working folder the app runs in.
      const child = spawn(process.execPath, ['--import', import.meta.resolve('tsx'), join(ROOT, 'src/slack/main.ts')], { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      child.stdout!.on('data', (d: Buffer) => (out += d));
      child.stderr!.on('data', (d: Buffer) => (out += d));
      const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
      assert.equal(code, 2, out);
      // The token came from .env; PORT=0 from the environment beat the file's bad value.
      assert.match(out, /SLACK_SIGNING_SECRET is not set/);
      assert.doesNotMatch(out, /SLACK_BOT_TOKEN is not set|PORT/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
