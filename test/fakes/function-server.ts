/**
 * A local HTTP server playing remote FaaS functions for executor tests: each route is a function
 * that receives the POSTed JSON inputs. Records every call with its start and end time.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Route = (inputs: Record<string, unknown>, call: number) => Promise<{ status?: number; body: unknown }> | { status?: number; body: unknown };

export interface FunctionServer {
  url: (path: string) => string;
  calls: { path: string; inputs: Record<string, unknown>; start: number; end: number }[];
  close(): Promise<void>;
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
}

export async function startFunctionServer(routes: Record<string, Route>): Promise<FunctionServer> {
  const calls: FunctionServer['calls'] = [];
  const counts = new Map<string, number>();
  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const route = routes[path];
    const start = performance.now();
    const inputs = await readJson(req);
    if (!route) {
      res.writeHead(404).end('no such function');
      return;
    }
    const n = (counts.get(path) ?? 0) + 1;
    counts.set(path, n);
    const { status = 200, body } = await route(inputs, n);
    calls.push({ path, inputs, start, end: performance.now() });
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(typeof body === 'string' ? body : JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    calls,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export const delay = (ms: number) => new Promise((r) => setTimeout(r, ms));
