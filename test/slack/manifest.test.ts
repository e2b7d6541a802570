/**
 * manifest.yml against the code: the events, command and interactivity the app listens to are the
 * ones Slack is told to send, and the bot scopes are exactly those the Web API methods in
 * src/slack and catalog/slack need. (No YAML package is installed; a reader for the subset the
 * manifest uses is below.)
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

type Yaml = string | boolean | Yaml[] | { [key: string]: Yaml };

/** Block mappings, block lists of scalars or mappings, plain or double-quoted scalars, comments. */
function parseYaml(text: string): Yaml {
  const lines = text
    .split('\n')
    .map((l) => l.replace(/(^|\s+)#.*$/, ''))
    .filter((l) => l.trim())
    .map((l) => ({ indent: l.search(/\S/), text: l.trim() }));
  let i = 0;
  const scalar = (s: string): Yaml => (s === 'true' ? true : s === 'false' ? false : s.replace(/^"(.*)"$/, '$1'));
  const block = (): Yaml => (lines[i]!.text.startsWith('- ') ? list(lines[i]!.indent) : map(lines[i]!.indent));
  function map(indent: number): Yaml {
    const out: Record<string, Yaml> = {};
    while (i < lines.length && lines[i]!.indent === indent && !lines[i]!.text.startsWith('- ')) {
      const [, key, rest] = /^([^:]+):\s*(.*)$/.exec(lines[i]!.text) ?? assert.fail(`not a key: ${lines[i]!.text}`);
      i++;
      out[key!] = rest ? scalar(rest) : block();
    }
    return out;
  }
  function list(indent: number): Yaml {
    const out: Yaml[] = [];
    while (i < lines.length && lines[i]!.indent === indent && lines[i]!.text.startsWith('- ')) {
      const item = lines[i]!.text.slice(2);
      if (/^[\w.-]+:(\s|$)/.test(item)) {
        lines[i] = { indent: indent + 2, text: item };
        out.push(map(indent + 2));
      } else {
        i++;
        out.push(scalar(item));
      }
    }
    return out;
  }
  return block();
}

const root = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));
const get = (y: Yaml, path: string): Yaml => path.split('.').reduce((node, key) => (node as Record<string, Yaml>)[key] ?? assert.fail(`manifest has no ${path}`), y);
const sources = (dir: string): string[] =>
  readdirSync(root(dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => readFileSync(join(root(dir), f), 'utf8'));

/** The scopes each Web API method the code calls needs. A method missing here fails the test. */
const METHOD_SCOPES: Record<string, string[]> = {
  'chat.postMessage': ['chat:write'],
  'chat.update': ['chat:write'],
  'chat.postEphemeral': ['chat:write'],
  'files.uploadV2': ['files:write'],
  'files.info': ['files:read'],
  filesUploadV2: ['files:write'],
  'conversations.history': ['channels:history', 'groups:history'],
  'conversations.list': ['channels:read', 'groups:read'],
  'conversations.open': ['im:write'],
  'users.list': ['users:read'],
};
/** Scopes no method call shows: what they are for. */
const OTHER_SCOPES: Record<string, string> = {
  'app_mentions:read': 'the app_mention event',
  'channels:history': 'the message.channels event',
  'groups:history': 'the message.groups event',
  commands: 'the /workflow command',
  'files:read': 'downloading the files people share with a request or an answer (url_private_download, src/slack/files.ts)',
  'users:read.email': 'emails in users.list, for FindSlackUser by email',
};
/** The Events API subscriptions each event listener needs. */
const EVENT_SUBSCRIPTIONS: Record<string, string[]> = { app_mention: ['app_mention'], message: ['message.channels', 'message.groups'] };

describe('manifest.yml', () => {
  const manifest = parseYaml(readFileSync(root('manifest.yml'), 'utf8'));
  const slackCode = sources('src/slack').join('\n');

  it('subscribes to exactly the events the listeners handle', () => {
    const listened = [...slackCode.matchAll(/app\.event\('([^']+)'/g)].map((m) => m[1]!);
    assert.deepEqual(listened.sort(), ['app_mention', 'message']);
    const expected = listened.flatMap((e) => EVENT_SUBSCRIPTIONS[e] ?? assert.fail(`no subscription known for the ${e} listener`));
    assert.deepEqual([...(get(manifest, 'settings.event_subscriptions.bot_events') as string[])].sort(), expected.sort());
  });

  it('declares the slash command the app handles, and interactivity for its buttons', () => {
    const commands = [...slackCode.matchAll(/app\.command\('([^']+)'/g)].map((m) => m[1]);
    const declared = (get(manifest, 'features.slash_commands') as Record<string, Yaml>[]).map((c) => c.command);
    assert.deepEqual(declared, commands);
    assert.match(slackCode, /app\.action</);
    assert.equal(get(manifest, 'settings.interactivity.is_enabled'), true);
  });

  it('sends every request to /slack/events over HTTP, not Socket Mode', () => {
    const urls = [
      get(manifest, 'settings.event_subscriptions.request_url'),
      get(manifest, 'settings.interactivity.request_url'),
      ...(get(manifest, 'features.slash_commands') as Record<string, Yaml>[]).map((c) => c.url),
    ];
    for (const url of urls) assert.equal(url, 'https://YOUR_HOST/slack/events');
    assert.equal(get(manifest, 'settings.socket_mode_enabled'), false);
  });

  it('asks for exactly the bot scopes the app and the default catalog use', () => {
    const code = [slackCode, ...sources('catalog/slack'), ...sources('catalog/lib')].join('\n');
    const called = new Set([...code.matchAll(/client\.(?:([a-z]+)\.([a-zA-Z0-9]+)|(filesUploadV2))\(/g)].map((m) => m[3] ?? `${m[1]}.${m[2]}`));
    const needed = new Set(Object.keys(OTHER_SCOPES));
    for (const method of called) {
      for (const scope of METHOD_SCOPES[method] ?? assert.fail(`the code calls ${method}: add the scopes it needs to METHOD_SCOPES and manifest.yml`)) needed.add(scope);
    }
    assert.deepEqual([...(get(manifest, 'oauth_config.scopes.bot') as string[])].sort(), [...needed].sort());
  });
});
