/**
 * A fake Slack Web API for tests: a node:http server on 127.0.0.1 that accepts Web API POSTs
 * (form-urlencoded or JSON) at /api/<method>, records every call, and answers from a small
 * in-memory workspace (channels, users, messages, files). Point SLACK_API_URL at `url`.
 *
 * @example
 * const slack = await startFakeSlack();
 * process.env.SLACK_API_URL = slack.url;
 * // ... run code that calls Slack ...
 * assert.equal(slack.callsTo('chat.postMessage')[0]?.body.text, 'hello');
 * slack.set('chat.postMessage', { ok: false, error: 'channel_not_found' }); // override one method
 * slack.set('chat.postMessage', reply(500, 'boom'));                        // or answer with HTTP 500
 * await slack.waitFor('chat.update', 2);                                     // poll until 2 calls arrived
 * const file = slack.hostFile({ name: 'cat.png', mimetype: 'image/png', data }); // a file a user shared
 * slack.state.files.get(uploadedId)?.data;                                   // the bytes the app uploaded
 * await slack.close();
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Json = Record<string, unknown>;

/**
 * One request the fake received. File uploads to an upload_url are recorded as method "upload",
 * and posts to a `responseUrl()` (a slash command's or action's response_url) as "response_url".
 * Downloads of a `hostFile()` (GET of its url_private or url_private_download) are recorded as
 * "download".
 */
export interface FakeSlackCall {
  method: string;
  body: Json;
  /** The token from the Authorization header (or the body's `token`), if any. */
  token?: string;
}

/** A raw HTTP answer, for failures such as 500 or 429: `reply(429, {}, { 'retry-after': '1' })`. */
export class FakeReply {
  constructor(
    readonly status: number,
    readonly body: unknown = {},
    readonly headers: Record<string, string> = {},
  ) {}
}

export function reply(status: number, body: unknown = {}, headers: Record<string, string> = {}): FakeReply {
  return new FakeReply(status, body, headers);
}

type Answer = Json | FakeReply;
/** A fixed answer, or a function of the request body (and the recorded call) giving one. */
export type FakeResponder = Answer | ((body: Json, call: FakeSlackCall) => Answer | Promise<Answer>);

export interface FakeChannel {
  id: string;
  name: string;
  is_private?: boolean;
  is_member?: boolean;
}

export interface FakeUser {
  id: string;
  name: string;
  real_name?: string;
  deleted?: boolean;
  is_bot?: boolean;
  profile?: { real_name?: string; display_name?: string; email?: string };
}

export interface FakeMessage {
  ts: string;
  text: string;
  user?: string;
  bot_id?: string;
  thread_ts?: string;
  subtype?: string;
  files?: { id: string }[];
}

export interface FakeFile {
  id: string;
  filename: string;
  length: number;
  /** Bytes received at the upload URL (undefined until uploaded). */
  bytes?: number;
  title?: string;
  channel_id?: string;
  /** The bytes: received at the upload URL, or given to `hostFile`. */
  data?: Uint8Array;
  mimetype?: string;
}

/** A file as Slack describes it in events and files.info (the fields the app reads). */
export interface FakeSlackFileJson {
  id: string;
  name: string;
  title: string;
  mimetype: string;
  filetype: string;
  size: number;
  url_private: string;
  url_private_download: string;
  mode: string;
}

/** The fake workspace. Tests may read and change it directly. */
export interface FakeWorkspace {
  team: { id: string; name: string };
  bot: { user_id: string; bot_id: string; name: string };
  channels: FakeChannel[];
  users: FakeUser[];
  /** Messages per channel id, oldest first. */
  messages: Map<string, FakeMessage[]>;
  files: Map<string, FakeFile>;
}

export interface FakeSlackOptions {
  channels?: FakeChannel[];
  users?: FakeUser[];
  /** Seed messages per channel id (oldest first); `ts` is filled in when missing. */
  messages?: Record<string, (Omit<FakeMessage, 'ts'> & { ts?: string })[]>;
  /**
   * The WebSocket URL apps.connections.open answers (a `startFakeSocketMode()` server's `url`);
   * without it that method is unknown, as for an app with Socket Mode off.
   */
  socketModeUrl?: string;
}

export interface FakeSlack {
  /** Base URL for SLACK_API_URL, ending with "/api/". */
  url: string;
  calls: FakeSlackCall[];
  state: FakeWorkspace;
  /** The recorded calls of one method. */
  callsTo(method: string): FakeSlackCall[];
  /** Overrides the answer of one method ("upload" for upload URLs); `null` restores the default. */
  set(method: string, responder: FakeResponder | null): void;
  /** What the fake answered to a recorded call (a JSON body or a raw reply); undefined until answered. */
  answerTo(call: FakeSlackCall): Json | FakeReply | undefined;
  /**
   * A file a user shared, served like Slack's file host: GET of its `url_private(_download)` with a
   * bot token (xoxb-…) gives the bytes; without one, a sign-in page (HTML), as Slack answers.
   * Returns the file object to put in an event's `files`.
   */
  hostFile(file: { name: string; mimetype: string; data: Uint8Array; size?: number }): FakeSlackFileJson;
  /** A response_url served by this fake (calls recorded as method "response_url"). */
  responseUrl(name?: string): string;
  /**
   * Resolves with the calls of `method` once at least `count` have been answered; rejects after
   * `timeoutMs` naming what did arrive. For waiting on work the app does after its HTTP ack, without sleeps.
   */
  waitFor(method: string, count?: number, timeoutMs?: number): Promise<FakeSlackCall[]>;
  close(): Promise<void>;
}

export const DEFAULT_CHANNELS: FakeChannel[] = [
  { id: 'C0GENERAL1', name: 'general', is_member: true },
  { id: 'C0RANDOM01', name: 'random', is_member: true },
];

export const DEFAULT_USERS: FakeUser[] = [
  { id: 'U0ALICE001', name: 'alice', real_name: 'Alice Smith', profile: { real_name: 'Alice Smith', display_name: 'alice', email: 'alice@example.com' } },
  { id: 'U0BOB00001', name: 'bob', real_name: 'Bob Jones', profile: { real_name: 'Bob Jones', display_name: 'bobby', email: 'bob@example.com' } },
  { id: 'U0BOT00001', name: 'actionbot', real_name: 'Action Engine', is_bot: true, profile: { real_name: 'Action Engine', display_name: 'Action Engine' } },
];

const ok = (extra: Json = {}): Json => ({ ok: true, ...extra });
const fail = (error: string, extra: Json = {}): Json => ({ ok: false, error, ...extra });
const str = (v: unknown): string => (v === undefined || v === null ? '' : String(v));

/** Form values arrive as strings; Slack accepts JSON-encoded arrays and objects in them. */
function jsonField<T>(v: unknown): T | undefined {
  if (typeof v !== 'string') return v as T | undefined;
  try {
    return JSON.parse(v) as T;
  } catch {
    return undefined;
  }
}

/** Offset-based pagination with Slack's `cursor` / `next_cursor`. */
function paginate<T>(items: T[], body: Json, defaultLimit: number): { page: T[]; next_cursor: string } {
  const start = Number(str(body.cursor) || 0);
  const limit = Number(str(body.limit) || defaultLimit) || defaultLimit;
  const page = items.slice(start, start + limit);
  return { page, next_cursor: start + limit < items.length ? String(start + limit) : '' };
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function parseBody(raw: Buffer, contentType: string): Json {
  if (raw.length === 0) return {};
  if (contentType.includes('application/json')) return JSON.parse(raw.toString('utf8')) as Json;
  return Object.fromEntries(new URLSearchParams(raw.toString('utf8')));
}

/** Size of an uploaded file: the file part of a multipart body, or the whole raw body. */
async function uploadedBytes(raw: Buffer, contentType: string): Promise<{ bytes: number; filename?: string; data: Uint8Array }> {
  if (contentType.includes('multipart/form-data')) {
    const form = await new Response(raw, { headers: { 'content-type': contentType } }).formData();
    for (const value of form.values()) {
      if (typeof value !== 'string') return { bytes: value.size, filename: (value as File).name, data: new Uint8Array(await value.arrayBuffer()) };
    }
  }
  return { bytes: raw.length, data: new Uint8Array(raw) };
}

export async function startFakeSlack(options: FakeSlackOptions = {}): Promise<FakeSlack> {
  let counter = 0;
  const nextTs = () => `${1_700_000_000 + ++counter}.${String(counter).padStart(6, '0')}`;
  const state: FakeWorkspace = {
    team: { id: 'T0FAKE0001', name: 'Fake Workspace' },
    bot: { user_id: 'U0BOT00001', bot_id: 'B0BOT00001', name: 'actionbot' },
    channels: structuredClone(options.channels ?? DEFAULT_CHANNELS),
    users: structuredClone(options.users ?? DEFAULT_USERS),
    messages: new Map(),
    files: new Map(),
  };
  for (const [channel, list] of Object.entries(options.messages ?? {})) {
    state.messages.set(channel, list.map((m) => ({ ...m, ts: m.ts ?? nextTs() })));
  }
  const calls: FakeSlackCall[] = [];
  const answers = new WeakMap<FakeSlackCall, Answer>();
  const overrides = new Map<string, FakeResponder>();
  let origin = '';

  /** A channel by id or (with or without "#") name; DM ids opened by conversations.open count too. */
  const findChannel = (ref: unknown): FakeChannel | undefined => {
    const key = str(ref).replace(/^#/, '');
    return state.channels.find((c) => c.id === key || c.name === key);
  };
  /** A hosted file as Slack describes it; its URLs point at this fake's file host. */
  const fileJson = (f: FakeFile): FakeSlackFileJson => {
    const url = `${origin}/files-pri/${state.team.id}-${f.id}/${encodeURIComponent(f.filename)}`;
    const type = f.filename.includes('.') ? f.filename.split('.').at(-1)!.toLowerCase() : 'binary';
    return { id: f.id, name: f.filename, title: f.title ?? f.filename, mimetype: f.mimetype ?? 'application/octet-stream', filetype: type, size: f.length, url_private: url, url_private_download: `${url}?download=1`, mode: 'hosted' };
  };
  const messagesOf = (id: string): FakeMessage[] => {
    if (!state.messages.has(id)) state.messages.set(id, []);
    return state.messages.get(id)!;
  };
  const channelJson = (c: FakeChannel): Json => ({
    id: c.id,
    name: c.name,
    name_normalized: c.name,
    is_channel: !c.id.startsWith('D'),
    is_im: c.id.startsWith('D'),
    is_private: Boolean(c.is_private),
    is_archived: false,
    is_member: c.is_member ?? true,
  });
  const postMessage = (body: Json, extra: Partial<FakeMessage> = {}): Json => {
    const channel = findChannel(body.channel);
    if (!channel) return fail('channel_not_found');
    if (!str(body.text) && !body.blocks && !body.attachments) return fail('no_text');
    const message: FakeMessage = { ts: nextTs(), text: str(body.text), user: state.bot.user_id, bot_id: state.bot.bot_id, ...extra };
    if (body.thread_ts) message.thread_ts = str(body.thread_ts);
    messagesOf(channel.id).push(message);
    return ok({ channel: channel.id, ts: message.ts, message: { type: 'message', ...message } });
  };

  const handlers: Record<string, (body: Json, token: string) => Json> = {
    'api.test': (body) => ok({ args: body }),
    // NOTE: like Slack, only an app-level token (xapp-…) may open a Socket Mode connection.
    ...(options.socketModeUrl
      ? { 'apps.connections.open': (_body: Json, token: string) => (token.startsWith('xapp-') ? ok({ url: options.socketModeUrl }) : fail('not_allowed_token_type')) }
      : {}),
    'auth.test': () =>
      ok({
        url: 'https://fake-workspace.slack.com/',
        team: state.team.name,
        team_id: state.team.id,
        user: state.bot.name,
        user_id: state.bot.user_id,
        bot_id: state.bot.bot_id,
      }),
    'chat.postMessage': (body) => postMessage(body),
    'chat.postEphemeral': (body) => (findChannel(body.channel) ? ok({ message_ts: nextTs() }) : fail('channel_not_found')),
    'chat.update': (body) => {
      const channel = findChannel(body.channel);
      if (!channel) return fail('channel_not_found');
      const message = messagesOf(channel.id).find((m) => m.ts === str(body.ts));
      if (!message) return fail('message_not_found');
      if (body.text !== undefined) message.text = str(body.text);
      return ok({ channel: channel.id, ts: message.ts, text: message.text, message: { ...message } });
    },
    'chat.delete': (body) => {
      const channel = findChannel(body.channel);
      if (!channel) return fail('channel_not_found');
      const list = messagesOf(channel.id);
      const index = list.findIndex((m) => m.ts === str(body.ts));
      if (index < 0) return fail('message_not_found');
      list.splice(index, 1);
      return ok({ channel: channel.id, ts: str(body.ts) });
    },
    'conversations.list': (body) => {
      const types = str(body.types || 'public_channel').split(',');
      const wanted = state.channels.filter(
        (c) => !c.id.startsWith('D') && (c.is_private ? types.includes('private_channel') : types.includes('public_channel')),
      );
      const { page, next_cursor } = paginate(wanted, body, 100);
      return ok({ channels: page.map(channelJson), response_metadata: { next_cursor } });
    },
    'conversations.info': (body) => {
      const channel = findChannel(body.channel);
      return channel ? ok({ channel: channelJson(channel) }) : fail('channel_not_found');
    },
    'conversations.history': (body) => {
      const channel = findChannel(body.channel);
      if (!channel) return fail('channel_not_found');
      if (channel.is_member === false) return fail('not_in_channel');
      // Thread replies stay in their thread; history lists top-level messages, newest first.
      const top = messagesOf(channel.id).filter((m) => !m.thread_ts || m.thread_ts === m.ts);
      const { page, next_cursor } = paginate([...top].reverse(), body, 100);
      return ok({ messages: page.map((m) => ({ type: 'message', ...m })), has_more: next_cursor !== '', response_metadata: { next_cursor } });
    },
    'conversations.replies': (body) => {
      const channel = findChannel(body.channel);
      if (!channel) return fail('channel_not_found');
      const ts = str(body.ts);
      const thread = messagesOf(channel.id).filter((m) => m.ts === ts || m.thread_ts === ts);
      if (thread.length === 0) return fail('thread_not_found');
      return ok({ messages: thread.map((m) => ({ type: 'message', ...m })), has_more: false });
    },
    'conversations.open': (body) => {
      const ids = str(body.users).split(',').filter(Boolean);
      if (ids.length === 0) return fail('users_list_not_supplied');
      const unknown = ids.find((id) => !state.users.some((u) => u.id === id));
      if (unknown) return fail('user_not_found');
      const id = `D${ids.map((u) => u.slice(1)).join('')}`.slice(0, 11);
      if (!findChannel(id)) state.channels.push({ id, name: id, is_private: true, is_member: true });
      return ok({ channel: { id } });
    },
    'users.list': (body) => {
      const { page, next_cursor } = paginate(state.users, body, 200);
      return ok({ members: page, response_metadata: { next_cursor } });
    },
    'users.info': (body) => {
      const user = state.users.find((u) => u.id === str(body.user));
      return user ? ok({ user }) : fail('user_not_found');
    },
    'reactions.add': (body) => (findChannel(body.channel) ? ok() : fail('channel_not_found')),
    'files.info': (body) => {
      const file = state.files.get(str(body.file));
      return file?.data ? ok({ file: fileJson(file) }) : fail('file_not_found');
    },
    'files.getUploadURLExternal': (body) => {
      const filename = str(body.filename);
      const length = Number(str(body.length));
      if (!filename || !(length > 0)) return fail('invalid_arguments');
      const file: FakeFile = { id: `F${String(++counter).padStart(9, '0')}`, filename, length };
      state.files.set(file.id, file);
      return ok({ upload_url: `${origin}/upload/${file.id}`, file_id: file.id });
    },
    'files.completeUploadExternal': (body) => {
      const entries = jsonField<{ id: string; title?: string }[]>(body.files) ?? [];
      const files: FakeFile[] = [];
      for (const entry of entries) {
        const file = state.files.get(entry.id);
        if (!file || file.bytes === undefined) return fail('file_not_found');
        file.title = entry.title ?? file.filename;
        files.push(file);
      }
      if (files.length === 0) return fail('invalid_arguments');
      const channelId = str(body.channel_id);
      if (channelId) {
        const channel = findChannel(channelId);
        if (!channel) return fail('channel_not_found');
        for (const f of files) f.channel_id = channel.id;
        const message: FakeMessage = {
          ts: nextTs(),
          text: str(body.initial_comment),
          user: state.bot.user_id,
          files: files.map((f) => ({ id: f.id })),
        };
        if (body.thread_ts) message.thread_ts = str(body.thread_ts);
        messagesOf(channel.id).push(message);
      }
      return ok({
        files: files.map((f) => ({ id: f.id, name: f.filename, title: f.title, size: f.bytes, channels: f.channel_id ? [f.channel_id] : [] })),
      });
    },
  };

  async function answer(call: FakeSlackCall, fallback: () => Answer): Promise<Answer> {
    const responder = overrides.get(call.method);
    const result = responder === undefined ? fallback() : typeof responder === 'function' ? await responder(call.body, call) : responder;
    answers.set(call, result);
    return result;
  }

  function send(res: ServerResponse, result: Answer): void {
    const status = result instanceof FakeReply ? result.status : 200;
    const headers = result instanceof FakeReply ? result.headers : {};
    const payload = result instanceof FakeReply ? result.body : result;
    if (payload instanceof Uint8Array) {
      res.writeHead(status, { 'content-type': 'application/octet-stream', ...headers });
      return void res.end(payload);
    }
    const text = typeof payload === 'string' ? payload : JSON.stringify(payload);
    const type = typeof payload === 'string' ? 'text/plain' : 'application/json; charset=utf-8';
    res.writeHead(status, { 'content-type': type, ...headers });
    res.end(text);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req);
    const contentType = String(req.headers['content-type'] ?? '');
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const auth = /^Bearer\s+(.+)$/i.exec(String(req.headers.authorization ?? ''))?.[1];

    if (path.startsWith('/response/')) {
      const call: FakeSlackCall = { method: 'response_url', body: { ...parseBody(raw, contentType), path } };
      calls.push(call);
      return send(res, await answer(call, () => ok()));
    }

    const hosted = /^\/files-pri\/[^/]+-([^/]+)\/[^/]+$/.exec(path);
    if (hosted && req.method === 'GET') {
      const file = state.files.get(decodeURIComponent(hosted[1]!));
      const call: FakeSlackCall = { method: 'download', body: { file_id: hosted[1]!, path }, ...(auth ? { token: auth } : {}) };
      calls.push(call);
      return send(
        res,
        await answer(call, () => {
          if (!file?.data) return reply(404, 'file not found');
          // NOTE: like Slack, a request without a bot token gets the sign-in page, not an error.
          if (!auth?.startsWith('xoxb-')) return reply(200, '<!DOCTYPE html><html><body>Sign in to Slack</body></html>', { 'content-type': 'text/html' });
          return reply(200, Buffer.from(file.data), { 'content-type': file.mimetype ?? 'application/octet-stream', 'content-length': String(file.data.byteLength) });
        }),
      );
    }

    const upload = /^\/upload\/([^/]+)$/.exec(path);
    if (upload) {
      const fileId = decodeURIComponent(upload[1]!);
      const received = await uploadedBytes(raw, contentType);
      const call: FakeSlackCall = { method: 'upload', body: { file_id: fileId, bytes: received.bytes, ...(received.filename ? { filename: received.filename } : {}) }, ...(auth ? { token: auth } : {}) };
      calls.push(call);
      return send(
        res,
        await answer(call, () => {
          const file = state.files.get(fileId);
          if (!file) return reply(404, 'unknown upload url');
          file.bytes = received.bytes;
          file.data = received.data;
          return reply(200, `OK - ${received.bytes}`);
        }),
      );
    }

    const api = /^\/api\/([A-Za-z0-9_.]+)$/.exec(path);
    if (!api || req.method !== 'POST') return send(res, reply(404, 'not a Slack Web API path'));
    let body: Json;
    try {
      body = parseBody(raw, contentType);
    } catch {
      return send(res, fail('invalid_json'));
    }
    const token = auth ?? (typeof body.token === 'string' ? body.token : undefined);
    const call: FakeSlackCall = { method: api[1]!, body, ...(token ? { token } : {}) };
    calls.push(call);
    send(
      res,
      await answer(call, () => {
        if (!token) return fail('not_authed');
        const handler = handlers[call.method];
        return handler ? handler(body, token) : fail('unknown_method');
      }),
    );
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => send(res, reply(500, `fake Slack error: ${(error as Error).message}`)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: `${origin}/api/`,
    calls,
    state,
    callsTo: (method) => calls.filter((c) => c.method === method),
    set(method, responder) {
      if (responder === null) overrides.delete(method);
      else overrides.set(method, responder);
    },
    answerTo: (call) => answers.get(call),
    hostFile({ name, mimetype, data, size }) {
      const file: FakeFile = { id: `F${String(++counter).padStart(9, '0')}`, filename: name, length: size ?? data.byteLength, bytes: data.byteLength, data, mimetype };
      state.files.set(file.id, file);
      return fileJson(file);
    },
    responseUrl: (name = 'hook') => `${origin}/response/${encodeURIComponent(name)}`,
    async waitFor(method, count = 1, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = calls.filter((c) => c.method === method && answers.has(c));
        if (found.length >= count) return found;
        if (Date.now() > deadline) {
          const seen = calls.map((c) => c.method).join(', ') || 'nothing';
          throw new Error(`fake Slack: waited ${timeoutMs} ms for ${count} × ${method}, got ${found.length}; calls so far: ${seen}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
