/**
 * A local server speaking OpenAI's `POST /v1/embeddings`, for testing the OpenAI embedder without
 * the network. Vectors are a deterministic function of the text (hashed letter trigrams), so equal
 * texts get equal vectors and texts sharing words are close. Answers in float or base64, as asked.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface EmbeddingsServer {
  /** Base URL to pass as `baseURL`, ending in `/v1`. */
  baseURL: string;
  requests: { model: string; input: string[]; dimensions?: number; encoding_format?: string; authorization?: string }[];
  /** Makes the next `n` requests fail with this status. */
  failNext(n: number, status: number): void;
  close(): Promise<void>;
}

export function fakeEmbedding(text: string, dims: number): number[] {
  const v = new Array<number>(dims).fill(0);
  const t = ` ${text.toLowerCase()} `;
  for (let i = 0; i + 3 <= t.length; i++) {
    let h = 2166136261;
    for (let j = i; j < i + 3; j++) h = Math.imul(h ^ t.charCodeAt(j), 16777619);
    v[(h >>> 0) % dims]! += 1;
  }
  const n = Math.hypot(...v) || 1;
  return v.map((x) => x / n);
}

export async function startEmbeddingsServer(dims = 64): Promise<EmbeddingsServer> {
  const requests: EmbeddingsServer['requests'] = [];
  let failures = 0;
  let failStatus = 500;
  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    if (req.method !== 'POST' || req.url !== '/v1/embeddings') {
      res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: 'not found' } }));
      return;
    }
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { model: string; input: string | string[]; dimensions?: number; encoding_format?: string };
    const input = Array.isArray(body.input) ? body.input : [body.input];
    requests.push({ ...body, input, authorization: req.headers.authorization });
    if (failures > 0) {
      failures--;
      res.writeHead(failStatus, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: 'the fake server was told to fail', type: 'server_error' } }));
      return;
    }
    const size = body.dimensions ?? dims;
    const data = input.map((text, index) => {
      const v = fakeEmbedding(text, size);
      const embedding = body.encoding_format === 'base64' ? Buffer.from(Float32Array.from(v).buffer).toString('base64') : v;
      return { object: 'embedding', index, embedding };
    });
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ object: 'list', data, model: body.model, usage: { prompt_tokens: 1, total_tokens: 1 } }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    failNext(n, status) {
      failures = n;
      failStatus = status;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
