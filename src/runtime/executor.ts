/**
 * @module runtime/executor
 * Runs a workflow DAG. Every node starts as soon as the nodes it reads from have succeeded, so
 * independent branches run in parallel and wall time follows the critical path. A failed node
 * fails only the nodes downstream of it (skipped); the rest complete and the run is `partial`.
 */
import type { Catalog, FunctionSpec, InputSpec } from '../catalog/types.ts';
import { dependents } from '../workflow/graph.ts';
import {
  isAskBinding,
  isFromBinding,
  type NodeRun,
  type RunEvent,
  type RunRecord,
  type Workflow,
  type WorkflowNode,
} from '../workflow/types.ts';
import { validateWorkflow } from '../workflow/validate.ts';
import { CoercionError, coerceValue } from '../workflow/values.ts';
import { ExecutionError, isExecutionError } from './errors.ts';
import { HttpInvoker } from './http-invoker.ts';
import type { Invoker } from './invoker.ts';
import { ModuleInvoker } from './module-invoker.ts';
import { backoffDelay, sleep, type BackoffOptions } from './retry.ts';

export interface ExecuteOptions {
  /** Invokers by runtime type; see createInvokers(). */
  invokers: Invokers;
  /** Progress events, one per node transition. Must not throw. */
  onEvent?: (event: RunEvent) => void;
  /** Per-call timeout when the function's runtime sets none. Default 30 s. */
  defaultTimeoutMs?: number;
  /** Retries after a retryable failure when the function's runtime sets none. Default 2. */
  defaultRetries?: number;
  backoff?: BackoffOptions;
  /** Aborting stops starting new nodes; those left are skipped. */
  signal?: AbortSignal;
}

export interface Invokers {
  module: Invoker;
  http: Invoker;
}

/** The default invokers. Call `close()` on the module invoker when done, or let idle workers exit with the process. */
export function createInvokers(options: { maxWorkers?: number } = {}): Invokers & { close(): Promise<void> } {
  const module = new ModuleInvoker(options);
  const http = new HttpInvoker();
  return { module, http, close: () => module.close() };
}

function nodeInputs(node: WorkflowNode, spec: FunctionSpec, results: Map<string, NodeRun>): Record<string, unknown> {
  const inputs: Record<string, unknown> = {};
  const coerce = (input: InputSpec, value: unknown, source: string) => {
    try {
      return coerceValue(value, input.type);
    } catch (e) {
      if (!(e instanceof CoercionError)) throw e;
      throw new ExecutionError('execution.input', `input "${input.name}" (${source}): ${e.message}`);
    }
  };
  for (const input of spec.inputs) {
    const binding = node.inputs[input.name];
    if (binding === undefined) {
      if (input.default !== undefined) inputs[input.name] = coerce(input, input.default, 'default');
    } else if (isFromBinding(binding)) {
      const value = results.get(binding.from)?.outputs?.[binding.output];
      inputs[input.name] = coerce(input, value, `from ${binding.from}.${binding.output}`);
    } else if (!isAskBinding(binding)) {
      inputs[input.name] = coerce(input, binding.value, 'value');
    }
    const value = inputs[input.name];
    if (value !== undefined && input.enum && !input.enum.some((e) => e === value)) {
      throw new ExecutionError(
        'execution.input',
        `input "${input.name}": ${JSON.stringify(value)} is not one of ${input.enum.map((e) => JSON.stringify(e)).join(', ')}`,
      );
    }
  }
  return inputs;
}

function checkOutputs(spec: FunctionSpec, raw: unknown): Record<string, unknown> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new ExecutionError('execution.output', `returned ${Array.isArray(raw) ? 'a list' : typeof raw} instead of an object of outputs`);
  }
  const result = raw as Record<string, unknown>;
  const outputs: Record<string, unknown> = {};
  for (const output of spec.outputs) {
    if (!(output.name in result) || result[output.name] === undefined) {
      throw new ExecutionError(
        'execution.output',
        `returned no output "${output.name}" (it returned: ${Object.keys(result).map((k) => `"${k}"`).join(', ') || 'nothing'})`,
      );
    }
    try {
      outputs[output.name] = result[output.name] === null ? null : coerceValue(result[output.name], output.type);
    } catch (e) {
      if (!(e instanceof CoercionError)) throw e;
      throw new ExecutionError('execution.output', `output "${output.name}": ${e.message}`);
    }
  }
  return outputs;
}

/**
 * Validates and runs `workflow`; never throws for a failing node (see the record), only for an
 * invalid workflow (WorkflowError).
 * @example
 * const invokers = createInvokers();
 * const record = await executeWorkflow(wf, catalog, { invokers, onEvent: console.log });
 * record.status; // 'succeeded' | 'partial' | 'failed'
 */
export async function executeWorkflow(workflow: Workflow, catalog: Catalog, options: ExecuteOptions): Promise<RunRecord> {
  validateWorkflow(workflow, catalog, { requireFilled: true });
  const started = performance.now();
  const emit = options.onEvent ?? (() => {});
  const readers = dependents(workflow);
  const results = new Map<string, NodeRun>(workflow.nodes.map((n) => [n.id, { status: 'pending', attempts: 0, ms: 0 }]));
  const waitingOn = new Map(
    workflow.nodes.map((n) => [n.id, new Set(Object.values(n.inputs).filter(isFromBinding).map((b) => b.from)).size]),
  );
  const byId = new Map(workflow.nodes.map((n) => [n.id, n]));

  const skipDownstream = (id: string, reason: string) => {
    for (const reader of readers.get(id) ?? []) {
      const run = results.get(reader)!;
      if (run.status !== 'pending') continue;
      run.status = 'skipped';
      run.error = reason;
      emit({ type: 'skipped', node: reader, function: byId.get(reader)!.function, reason });
      skipDownstream(reader, reason);
    }
  };

  const runNode = async (node: WorkflowNode): Promise<void> => {
    const spec = catalog.get(node.function)!;
    const run = results.get(node.id)!;
    if (options.signal?.aborted) {
      run.status = 'skipped';
      run.error = 'the run was cancelled';
      emit({ type: 'skipped', node: node.id, function: spec.name, reason: run.error });
      skipDownstream(node.id, run.error);
      return;
    }
    run.status = 'running';
    const t0 = performance.now();
    const timeoutMs = spec.runtime?.timeoutMs ?? options.defaultTimeoutMs ?? 30_000;
    const maxAttempts = 1 + (spec.runtime?.retries ?? options.defaultRetries ?? 2);
    try {
      if (!spec.runtime) throw new ExecutionError('execution.no_runtime', 'the function has no runtime in the catalog, so it cannot run here');
      const invoker = options.invokers[spec.runtime.type];
      const inputs = nodeInputs(node, spec, results);
      for (;;) {
        run.attempts++;
        emit({ type: 'started', node: node.id, function: spec.name, attempt: run.attempts });
        try {
          run.outputs = checkOutputs(spec, await invoker.invoke(spec, inputs, { timeoutMs }));
          break;
        } catch (error) {
          const retryable = isExecutionError(error) && error.retryable;
          if (!retryable || run.attempts >= maxAttempts || options.signal?.aborted) throw error;
          const delayMs = backoffDelay(run.attempts, options.backoff);
          emit({ type: 'retrying', node: node.id, function: spec.name, attempt: run.attempts, error: error.message, delayMs });
          await sleep(delayMs);
        }
      }
      run.status = 'succeeded';
      run.ms = performance.now() - t0;
      emit({ type: 'succeeded', node: node.id, function: spec.name, ms: run.ms, outputs: run.outputs });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const tries = run.attempts > 1 ? ` (after ${run.attempts} attempts)` : '';
      run.status = 'failed';
      run.error = `node "${node.id}" (${spec.name}): ${message}${tries}`;
      run.ms = performance.now() - t0;
      emit({ type: 'failed', node: node.id, function: spec.name, ms: run.ms, error: run.error });
      skipDownstream(node.id, `skipped because node "${node.id}" (${spec.name}) failed`);
      return;
    }
    await Promise.all(
      (readers.get(node.id) ?? []).flatMap((reader) => {
        const left = waitingOn.get(reader)! - 1;
        waitingOn.set(reader, left);
        return left === 0 && results.get(reader)!.status === 'pending' ? [runNode(byId.get(reader)!)] : [];
      }),
    );
  };

  await Promise.all(workflow.nodes.filter((n) => waitingOn.get(n.id) === 0).map(runNode));

  const statuses = [...results.values()].map((r) => r.status);
  const status = statuses.every((s) => s === 'succeeded') ? 'succeeded' : statuses.includes('succeeded') ? 'partial' : 'failed';
  const outputs: Record<string, unknown> = {};
  for (const out of workflow.outputs) {
    const value = results.get(out.from)?.outputs?.[out.output];
    if (value !== undefined) outputs[`${out.from}.${out.output}`] = value;
  }
  return { status, nodes: Object.fromEntries(results), outputs, ms: performance.now() - started };
}
