/**
 * Executor benchmarks: overhead per node on a long chain of trivial module functions, and the
 * parallel ratio of two branches of slow HTTP functions joined by a third.
 */
import { fileURLToPath } from 'node:url';
import { makeCatalog, parseCatalogDocument } from '../src/catalog/index.ts';
import { createInvokers, executeWorkflow } from '../src/runtime/index.ts';
import type { Workflow } from '../src/workflow/types.ts';
import { delay, startFunctionServer } from '../test/fakes/function-server.ts';

function catalogOf(functions: unknown[], base: string) {
  const problems: string[] = [];
  const specs = parseCatalogDocument({ functions }, base, problems);
  if (problems.length) throw new Error(problems.join('\n'));
  return makeCatalog(specs);
}

export async function benchChainOverhead(length = 200, rounds = 5): Promise<{ perNodeMs: number; totalMs: number }> {
  const catalog = catalogOf(
    [
      {
        name: 'Increment',
        description: 'n + 1',
        inputs: [{ name: 'n', type: 'integer', description: 'n', required: true }],
        outputs: [{ name: 'n', type: 'integer', description: 'n + 1' }],
        runtime: { type: 'module', path: './trivial.ts', export: 'increment' },
      },
    ],
    fileURLToPath(new URL('./fixtures/catalog.json', import.meta.url)),
  );
  const workflow: Workflow = {
    version: 1,
    request: 'chain',
    nodes: Array.from({ length }, (_, i) => ({
      id: `n${i}`,
      function: 'Increment',
      inputs: { n: i === 0 ? { value: 0 } : { from: `n${i - 1}`, output: 'n' } },
    })),
    outputs: [{ from: `n${length - 1}`, output: 'n' }],
  };
  const invokers = createInvokers();
  try {
    await executeWorkflow(workflow, catalog, { invokers }); // warm-up: worker start and module load
    const times: number[] = [];
    for (let r = 0; r < rounds; r++) {
      const record = await executeWorkflow(workflow, catalog, { invokers });
      if (record.outputs[`n${length - 1}.n`] !== length) throw new Error('chain produced a wrong result');
      times.push(record.ms);
    }
    const totalMs = times.sort((a, b) => a - b)[Math.floor(rounds / 2)]!;
    return { perNodeMs: totalMs / length, totalMs };
  } finally {
    await invokers.close();
  }
}

export async function benchParallelRatio(stepMs = 200): Promise<{ wallMs: number; criticalPathMs: number; serialMs: number; ratio: number }> {
  const server = await startFunctionServer({
    '/slow': async ({ text }) => (await delay(stepMs), { body: { text } }),
    '/join': ({ left, right }) => ({ body: { joined: `${left}${right}` } }),
  });
  try {
    const fn = (name: string, path: string, inputs: string[], output: string) => ({
      name,
      description: name,
      inputs: inputs.map((i) => ({ name: i, type: 'string', description: i, required: true })),
      outputs: [{ name: output, type: 'string', description: output }],
      runtime: { type: 'http', url: server.url(path) },
    });
    const catalog = catalogOf([fn('Slow', '/slow', ['text'], 'text'), fn('Join', '/join', ['left', 'right'], 'joined')], 'bench');
    const workflow: Workflow = {
      version: 1,
      request: 'two branches',
      nodes: [
        { id: 'a1', function: 'Slow', inputs: { text: { value: 'a' } } },
        { id: 'a2', function: 'Slow', inputs: { text: { from: 'a1', output: 'text' } } },
        { id: 'b1', function: 'Slow', inputs: { text: { value: 'b' } } },
        { id: 'b2', function: 'Slow', inputs: { text: { from: 'b1', output: 'text' } } },
        { id: 'j', function: 'Join', inputs: { left: { from: 'a2', output: 'text' }, right: { from: 'b2', output: 'text' } } },
      ],
      outputs: [{ from: 'j', output: 'joined' }],
    };
    const invokers = createInvokers();
    const record = await executeWorkflow(workflow, catalog, { invokers });
    await invokers.close();
    const criticalPathMs = 2 * stepMs;
    return { wallMs: record.ms, criticalPathMs, serialMs: 4 * stepMs, ratio: record.ms / criticalPathMs };
  } finally {
    await server.close();
  }
}
