/**
 * @module runtime/module-invoker
 * Runs `{"type":"module"}` functions in a pool of worker threads. Each worker runs one call at a
 * time; a call that passes its timeout has its worker terminated (the only way to stop a hung
 * synchronous function) and the pool starts a fresh one on demand. Idle workers are reused, so a
 * long chain pays the worker start-up once.
 */
import { Worker } from 'node:worker_threads';
import type { FunctionSpec } from '../catalog/types.ts';
import { ExecutionError } from './errors.ts';
import type { InvokeOptions, Invoker } from './invoker.ts';

const WORKER_URL = new URL('./module-worker.mjs', import.meta.url);

interface Reply {
  id: number;
  ok: boolean;
  outputs?: Record<string, unknown>;
  message?: string;
  retryable?: boolean;
}

export interface ModuleInvokerOptions {
  /** Most calls running at once; further calls wait for a free worker. Default 8. */
  maxWorkers?: number;
}

export class ModuleInvoker implements Invoker {
  private readonly idle: Worker[] = [];
  private readonly waiting: ((w: Worker) => void)[] = [];
  private live = 0;
  private nextId = 0;
  private closed = false;
  private readonly maxWorkers: number;

  constructor(options: ModuleInvokerOptions = {}) {
    this.maxWorkers = Math.max(1, options.maxWorkers ?? 8);
  }

  async invoke(spec: FunctionSpec, inputs: Record<string, unknown>, { timeoutMs }: InvokeOptions) {
    const runtime = spec.runtime;
    if (runtime?.type !== 'module') throw new ExecutionError('execution.no_runtime', `${spec.name} is not a module function`);
    const worker = await this.acquire();
    const id = this.nextId++;
    return new Promise<Record<string, unknown>>((resolve, reject) => {
      let settled = false;
      const finish = (healthy: boolean, settle: () => void) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        if (healthy) this.release(worker);
        else this.discard(worker);
        settle();
      };
      const onMessage = (reply: Reply) => {
        if (reply.id !== id) return;
        if (reply.ok) finish(true, () => resolve(reply.outputs as Record<string, unknown>));
        else finish(true, () => reject(new ExecutionError('execution.function', reply.message ?? 'the function failed', reply.retryable)));
      };
      const onError = (error: Error) =>
        finish(false, () => reject(new ExecutionError('execution.function', `the function crashed its worker: ${error.message}`)));
      const onExit = (code: number) =>
        finish(false, () => reject(new ExecutionError('execution.function', `the function's worker exited (code ${code})`)));
      const timer = setTimeout(() => {
        finish(false, () => reject(new ExecutionError('execution.timeout', `timed out after ${timeoutMs} ms`, true)));
      }, timeoutMs);
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      try {
        worker.postMessage({ id, path: runtime.path, exportName: runtime.export, inputs });
      } catch (error) {
        finish(true, () =>
          reject(new ExecutionError('execution.input', `inputs cannot be passed to the function: ${(error as Error).message}`)),
        );
      }
    });
  }

  private acquire(): Promise<Worker> {
    if (this.closed) return Promise.reject(new ExecutionError('execution.function', 'the module invoker is closed'));
    const worker = this.idle.pop();
    if (worker) {
      worker.ref();
      return Promise.resolve(worker);
    }
    if (this.live < this.maxWorkers) {
      this.live++;
      return Promise.resolve(new Worker(WORKER_URL));
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(worker: Worker): void {
    const next = this.waiting.shift();
    if (next) return next(worker);
    // NOTE: idle workers are unref'd so a finished CLI run exits without an explicit close().
    worker.unref();
    this.idle.push(worker);
  }

  private discard(worker: Worker): void {
    this.live--;
    void worker.terminate();
    const next = this.waiting.shift();
    if (next) {
      this.live++;
      next(new Worker(WORKER_URL));
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    const all = this.idle.splice(0);
    this.live -= all.length;
    await Promise.all(all.map((w) => w.terminate()));
  }
}
