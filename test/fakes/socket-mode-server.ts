/**
 * A fake Slack Socket Mode server for tests: a node:http server on 127.0.0.1 that accepts WebSocket
 * upgrades (RFC 6455, written out here: no WebSocket package is installed), greets each connection
 * with `{"type":"hello"}` like Slack does, sends envelopes (events_api, slash_commands,
 * interactive) and records every message the app sends back: the acks, `{envelope_id, payload}`.
 * It answers pings with pongs and a close frame with a close frame, as Slack does, and records how
 * each connection ended. Give its `url` to the fake Web API as the answer of apps.connections.open
 * (`startFakeSlack({ socketModeUrl })`).
 *
 * @example
 * const socket = await startFakeSocketMode();
 * const slack = await startFakeSlack({ socketModeUrl: socket.url });
 * // ... start the app with SLACK_APP_TOKEN and SLACK_API_URL = slack.url ...
 * const id = socket.eventsApi(eventCallback);
 * const ack = await socket.waitForAck(id);          // { envelope_id: id, payload: {} }
 * await app.stop();
 * await socket.waitForClosed();                     // the app closed the connection
 * await socket.close();
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export type Json = Record<string, unknown>;

/** What the app sent over the socket: parsed JSON (acks are `{ envelope_id, payload? }`). */
export interface SocketMessage {
  /** Which connection it came on (index into `connections`). */
  connection: number;
  message: Json;
}

export interface FakeSocketConnection {
  /** The path and query the app connected to (the URL apps.connections.open gave it). */
  path: string;
  /** True once the TCP connection is gone. */
  closed: boolean;
  /** The status code of the close frame the app sent, if it sent one (1000: a normal close). */
  closeCode?: number;
  /** Who sent the first close frame. */
  closedBy?: 'app' | 'server';
}

export interface FakeSocketModeOptions {
  /** Send `{"type":"hello"}` on connect (default true); without it the app never finishes starting. */
  hello?: boolean;
}

export interface FakeSocketMode {
  /** ws:// URL to answer apps.connections.open with. */
  url: string;
  connections: FakeSocketConnection[];
  /** Every message the app sent, oldest first. */
  received: SocketMessage[];
  /** Sends raw JSON to the newest open connection. */
  send(message: Json): void;
  /** Sends an `events_api` envelope around an event_callback payload; returns its envelope_id. */
  eventsApi(payload: Json, options?: { retryAttempt?: number; retryReason?: string }): string;
  /** Sends a `slash_commands` envelope around the command's fields; returns its envelope_id. */
  slashCommand(payload: Json): string;
  /** Sends an `interactive` envelope (block_actions, view_submission…); returns its envelope_id. */
  interactive(payload: Json): string;
  /** Asks the app to reconnect, as Slack does before recycling a connection. */
  disconnect(reason?: string): void;
  /** Resolves with the app's ack of `envelopeId`; rejects after `timeoutMs` naming what did arrive. */
  waitForAck(envelopeId: string, timeoutMs?: number): Promise<Json>;
  /** Resolves once `count` connections were opened. */
  waitForConnections(count?: number, timeoutMs?: number): Promise<FakeSocketConnection[]>;
  /** Resolves once every connection opened so far is closed. */
  waitForClosed(timeoutMs?: number): Promise<FakeSocketConnection[]>;
  /** Closes every connection (close frame 1001, then the TCP connection) and the server. */
  close(): Promise<void>;
}

const GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';
const OP = { continuation: 0x0, text: 0x1, binary: 0x2, close: 0x8, ping: 0x9, pong: 0xa } as const;

/** One unmasked frame (a server never masks). */
function frame(opcode: number, payload: Buffer = Buffer.alloc(0)): Buffer {
  const length = payload.length;
  const header = length < 126 ? Buffer.alloc(2) : length < 65536 ? Buffer.alloc(4) : Buffer.alloc(10);
  header[0] = 0x80 | opcode;
  if (length < 126) header[1] = length;
  else if (length < 65536) {
    header[1] = 126;
    header.writeUInt16BE(length, 2);
  } else {
    header[1] = 127;
    header.writeBigUInt64BE(BigInt(length), 2);
  }
  return Buffer.concat([header, payload]);
}

const closeFrame = (code: number): Buffer => {
  const body = Buffer.alloc(2);
  body.writeUInt16BE(code, 0);
  return frame(OP.close, body);
};

interface Frame {
  fin: boolean;
  opcode: number;
  payload: Buffer;
}

/** Takes every complete frame off the front of `buffer`; returns them and what is left. */
function readFrames(buffer: Buffer): { frames: Frame[]; rest: Buffer } {
  const frames: Frame[] = [];
  let offset = 0;
  for (;;) {
    if (buffer.length - offset < 2) break;
    const b0 = buffer[offset]!;
    const b1 = buffer[offset + 1]!;
    let length = b1 & 0x7f;
    let at = offset + 2;
    if (length === 126) {
      if (buffer.length < at + 2) break;
      length = buffer.readUInt16BE(at);
      at += 2;
    } else if (length === 127) {
      if (buffer.length < at + 8) break;
      length = Number(buffer.readBigUInt64BE(at));
      at += 8;
    }
    const masked = (b1 & 0x80) !== 0;
    const mask = masked ? buffer.subarray(at, at + 4) : undefined;
    if (masked) at += 4;
    if (buffer.length < at + length) break;
    const payload = Buffer.from(buffer.subarray(at, at + length));
    if (mask) for (let i = 0; i < payload.length; i++) payload[i]! ^= mask[i % 4]!;
    frames.push({ fin: (b0 & 0x80) !== 0, opcode: b0 & 0x0f, payload });
    offset = at + length;
  }
  return { frames, rest: buffer.subarray(offset) };
}

/** Polls `check` every 10 ms until it returns a value; rejects with `describe()` after `timeoutMs`. */
async function until<T>(check: () => T | undefined, describe: () => string, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = check();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`fake Socket Mode: waited ${timeoutMs} ms ${describe()}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export async function startFakeSocketMode({ hello = true }: FakeSocketModeOptions = {}): Promise<FakeSocketMode> {
  const connections: FakeSocketConnection[] = [];
  const sockets: { socket: Socket; state: FakeSocketConnection }[] = [];
  const received: SocketMessage[] = [];
  let counter = 0;

  function accept(req: IncomingMessage, socket: Socket, head: Buffer): void {
    const key = req.headers['sec-websocket-key'];
    if (String(req.headers.upgrade).toLowerCase() !== 'websocket' || typeof key !== 'string') {
      socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
      return;
    }
    const acceptKey = createHash('sha1').update(key + GUID).digest('base64');
    // NOTE: no Sec-WebSocket-Extensions answer, so the client sends plain (uncompressed) frames.
    socket.write(`HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${acceptKey}\r\n\r\n`);
    socket.setNoDelay(true);
    const index = connections.length;
    const state: FakeSocketConnection = { path: req.url ?? '/', closed: false };
    connections.push(state);
    const entry = { socket, state };
    sockets.push(entry);

    let buffer: Buffer = head.length ? Buffer.from(head) : Buffer.alloc(0);
    let fragments: Buffer[] = [];
    let fragmentOpcode = 0;
    const onData = (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk]);
      const { frames, rest } = readFrames(buffer);
      buffer = rest;
      for (const f of frames) handle(f);
    };
    const handle = (f: Frame) => {
      if (f.opcode === OP.ping) return void socket.write(frame(OP.pong, f.payload));
      if (f.opcode === OP.pong) return;
      if (f.opcode === OP.close) {
        if (f.payload.length >= 2) state.closeCode = f.payload.readUInt16BE(0);
        if (!state.closedBy) {
          // The app started the closing handshake: answer it, as Slack does, then hang up.
          state.closedBy = 'app';
          socket.end(closeFrame(state.closeCode ?? 1000));
        } else socket.end();
        return;
      }
      if (f.opcode !== OP.continuation) {
        fragments = [];
        fragmentOpcode = f.opcode;
      }
      fragments.push(f.payload);
      if (!f.fin) return;
      const data = Buffer.concat(fragments);
      fragments = [];
      if (fragmentOpcode !== OP.text) {
        received.push({ connection: index, message: { binary: data.toString('base64') } });
        return;
      }
      const text = data.toString('utf8');
      let message: Json;
      try {
        message = JSON.parse(text) as Json;
      } catch {
        message = { unparsed: text };
      }
      received.push({ connection: index, message });
    };
    socket.on('data', onData);
    socket.on('error', () => socket.destroy());
    socket.on('close', () => {
      state.closed = true;
      sockets.splice(sockets.indexOf(entry), 1);
    });
    if (head.length) onData(Buffer.alloc(0));
    if (hello) {
      write(socket, {
        type: 'hello',
        num_connections: connections.filter((c) => !c.closed).length,
        debug_info: { host: 'applink-fake', build_number: 1, approximate_connection_time: 18060 },
        connection_info: { app_id: 'A0FAKE0001' },
      });
    }
  }

  function write(socket: Socket, message: Json): void {
    socket.write(frame(OP.text, Buffer.from(JSON.stringify(message), 'utf8')));
  }

  function current(): Socket {
    const open = sockets.filter((s) => !s.state.closedBy).at(-1);
    if (!open) throw new Error('fake Socket Mode: no open connection to send to (did the app connect?)');
    return open.socket;
  }

  function envelope(type: string, payload: Json, extra: Json = {}): string {
    const envelope_id = `env-${String(++counter).padStart(4, '0')}-${type}`;
    write(current(), { envelope_id, payload, type, ...extra });
    return envelope_id;
  }

  const server = createServer((_req, res) => {
    res.writeHead(426, { 'content-type': 'text/plain' });
    res.end('a WebSocket upgrade is expected here');
  });
  server.on('upgrade', accept);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `ws://127.0.0.1:${port}/link/?ticket=fake-ticket&app_id=A0FAKE0001`,
    connections,
    received,
    send: (message) => write(current(), message),
    eventsApi: (payload, { retryAttempt = 0, retryReason = '' } = {}) =>
      envelope('events_api', payload, { accepts_response_payload: false, retry_attempt: retryAttempt, retry_reason: retryReason }),
    slashCommand: (payload) => envelope('slash_commands', payload, { accepts_response_payload: true }),
    interactive: (payload) => envelope('interactive', payload, { accepts_response_payload: false }),
    disconnect(reason = 'refresh_requested') {
      write(current(), { type: 'disconnect', reason, debug_info: { host: 'applink-fake' } });
    },
    waitForAck: (envelopeId, timeoutMs = 15_000) =>
      until(
        () => received.find((r) => r.message.envelope_id === envelopeId)?.message,
        () => `for the ack of ${envelopeId}; the app sent: ${JSON.stringify(received.map((r) => r.message)) || 'nothing'}`,
        timeoutMs,
      ),
    waitForConnections: (count = 1, timeoutMs = 15_000) =>
      until(
        () => (connections.length >= count ? connections : undefined),
        () => `for ${count} connection(s), got ${connections.length}`,
        timeoutMs,
      ),
    waitForClosed: (timeoutMs = 15_000) =>
      until(
        () => (connections.every((c) => c.closed) ? connections : undefined),
        () => `for every connection to close: ${JSON.stringify(connections)}`,
        timeoutMs,
      ),
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const { socket, state } of [...sockets]) {
          state.closedBy ??= 'server';
          if (socket.writableEnded) socket.destroy();
          else socket.end(closeFrame(1001), () => socket.destroy());
        }
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
