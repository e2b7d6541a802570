import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { makeCatalog, parseCatalogDocument } from '../../src/catalog/index.ts';
import { createInvokers, executeWorkflow } from '../../src/runtime/index.ts';
import type { RunEvent, Workflow } from '../../src/workflow/types.ts';
import { delay, startFunctionServer } from '../fakes/function-server.ts';

const modules = fileURLToPath(new URL('../fixtures/modules/functions.ts', import.meta.url));
const invokers = createInvokers({ maxWorkers: 4 });
after(() => invokers.close());

function catalogOf(functions: unknown[]) {
  const problems: string[] = [];
  const specs = parseCatalogDocument({ functions }, modules, problems);
  assert.deepEqual(problems, []);
  return makeCatalog(specs);
}

const httpFn = (name: string, url: string, inputs: string[], outputs: string[], extra: object = {}) => ({
  name,
  description: name,
  inputs: inputs.map((i) => ({ name: i, type: 'string', description: i, required: true })),
  outputs: outputs.map((o) => ({ name: o, type: 'string', description: o })),
  runtime: { type: 'http', url, ...extra },
});

const moduleFn = (name: string, exportName: string, inputs: [string, string][], outputs: [string, string][], extra: object = {}) => ({
  name,
  description: name,
  inputs: inputs.map(([n, type]) => ({ name: n, type, description: n, required: true })),
  outputs: outputs.map(([n, type]) => ({ name: n, type, description: n })),
  runtime: { type: 'module', path: './functions.ts', export: exportName, ...extra },
});

const wf = (nodes: Workflow['nodes'], outputs: Workflow['outputs'] = []): Workflow => ({ version: 1, request: 'test', nodes, outputs });

describe('executeWorkflow', () => {
  it('runs independent branches in parallel, so wall time follows the critical path', async () => {
    const server = await startFunctionServer({
      '/slow': async ({ text }) => (await delay(300), { body: { text: `${text}!` } }),
      '/join': ({ left, right }) => ({ body: { joined: `${left}+${right}` } }),
    });
    try {
      const catalog = catalogOf([
        httpFn('Slow', server.url('/slow'), ['text'], ['text']),
        httpFn('Join', server.url('/join'), ['left', 'right'], ['joined']),
      ]);
      const workflow = wf(
        [
          { id: 'a1', function: 'Slow', inputs: { text: { value: 'a' } } },
          { id: 'a2', function: 'Slow', inputs: { text: { from: 'a1', output: 'text' } } },
          { id: 'b1', function: 'Slow', inputs: { text: { value: 'b' } } },
          { id: 'b2', function: 'Slow', inputs: { text: { from: 'b1', output: 'text' } } },
          { id: 'j', function: 'Join', inputs: { left: { from: 'a2', output: 'text' }, right: { from: 'b2', output: 'text' } } },
        ],
        [{ from: 'j', output: 'joined' }],
      );
      const record = await executeWorkflow(workflow, catalog, { invokers });
      assert.equal(record.status, 'succeeded');
      assert.deepEqual(record.outputs, { 'j.joined': 'a!!+b!!' });
      // Serial would be 4 × 300 ms; the critical path is 2 × 300 ms.
      assert.ok(record.ms < 1000, `took ${record.ms} ms, expected about 600`);
      assert.ok(record.ms >= 590, `took ${record.ms} ms, faster than the critical path`);
      const a1 = server.calls.find((c) => c.inputs.text === 'a')!;
      const b1 = server.calls.find((c) => c.inputs.text === 'b')!;
      assert.ok(Math.abs(a1.start - b1.start) < 150, 'the two branches started together');
    } finally {
      await server.close();
    }
  });

  it('reports a failing HTTP function as partial, keeps the other branch and names node, function and status', async () => {
    const server = await startFunctionServer({
      '/ok': ({ text }) => ({ body: { text: `ok ${text}` } }),
      '/down': () => ({ status: 503, body: { error: 'maintenance' } }),
    });
    try {
      const catalog = catalogOf([
        httpFn('Works', server.url('/ok'), ['text'], ['text']),
        httpFn('Broken', server.url('/down'), ['text'], ['text']),
      ]);
      const events: RunEvent[] = [];
      const record = await executeWorkflow(
        wf([
          { id: 'good', function: 'Works', inputs: { text: { value: 'x' } } },
          { id: 'bad', function: 'Broken', inputs: { text: { value: 'y' } } },
          { id: 'after_bad', function: 'Works', inputs: { text: { from: 'bad', output: 'text' } } },
        ]),
        catalog,
        { invokers, backoff: { baseMs: 5, maxMs: 10 }, onEvent: (e) => events.push(e) },
      );
      assert.equal(record.status, 'partial');
      assert.deepEqual(record.nodes.good!.outputs, { text: 'ok x' });
      assert.equal(record.nodes.bad!.status, 'failed');
      assert.match(record.nodes.bad!.error!, /node "bad" \(Broken\): HTTP 503/);
      assert.equal(record.nodes.bad!.attempts, 3, 'a 503 is retried twice');
      assert.equal(record.nodes.after_bad!.status, 'skipped');
      assert.deepEqual(
        events.filter((e) => e.node === 'bad').map((e) => e.type),
        ['started', 'retrying', 'started', 'retrying', 'started', 'failed'],
      );
      assert.ok(events.some((e) => e.type === 'skipped' && e.node === 'after_bad'));
    } finally {
      await server.close();
    }
  });

  it('does not retry a client error (HTTP 400)', async () => {
    const server = await startFunctionServer({ '/bad-request': () => ({ status: 400, body: 'missing field' }) });
    try {
      const catalog = catalogOf([httpFn('Picky', server.url('/bad-request'), ['text'], ['text'])]);
      const record = await executeWorkflow(wf([{ id: 'p', function: 'Picky', inputs: { text: { value: 'x' } } }]), catalog, { invokers });
      assert.equal(record.status, 'failed');
      assert.equal(record.nodes.p!.attempts, 1);
      assert.match(record.nodes.p!.error!, /HTTP 400.*missing field/);
    } finally {
      await server.close();
    }
  });

  it('retries a 429 and succeeds when the function recovers', async () => {
    const server = await startFunctionServer({
      '/flaky': (_inputs, call) => (call < 2 ? { status: 429, body: {} } : { body: { text: 'fine' } }),
    });
    try {
      const catalog = catalogOf([httpFn('Flaky', server.url('/flaky'), ['text'], ['text'])]);
      const record = await executeWorkflow(wf([{ id: 'f', function: 'Flaky', inputs: { text: { value: 'x' } } }]), catalog, {
        invokers,
        backoff: { baseMs: 5 },
      });
      assert.equal(record.status, 'succeeded');
      assert.equal(record.nodes.f!.attempts, 2);
    } finally {
      await server.close();
    }
  });

  it('fails a function whose answer is not a JSON object of outputs', async () => {
    const server = await startFunctionServer({ '/html': () => ({ body: '<html>hi</html>' }), '/list': () => ({ body: [1, 2] }) });
    try {
      const catalog = catalogOf([
        httpFn('Html', server.url('/html'), [], ['text']),
        httpFn('List', server.url('/list'), [], ['text']),
      ]);
      const record = await executeWorkflow(
        wf([
          { id: 'h', function: 'Html', inputs: {} },
          { id: 'l', function: 'List', inputs: {} },
        ]),
        catalog,
        { invokers },
      );
      assert.match(record.nodes.h!.error!, /not JSON/);
      assert.match(record.nodes.l!.error!, /not an object of outputs/);
    } finally {
      await server.close();
    }
  });

  it('stops a hung module function at its timeout and keeps the pool usable', async () => {
    const catalog = catalogOf([
      moduleFn('Hang', 'hang', [], [['never', 'string']], { timeoutMs: 300, retries: 0 }),
      moduleFn('Add', 'add', [['a', 'number'], ['b', 'number']], [['sum', 'number']]),
    ]);
    const record = await executeWorkflow(
      wf([
        { id: 'stuck', function: 'Hang', inputs: {} },
        { id: 'sum', function: 'Add', inputs: { a: { value: 2 }, b: { value: 3 } } },
      ]),
      catalog,
      { invokers },
    );
    assert.equal(record.nodes.stuck!.status, 'failed');
    assert.match(record.nodes.stuck!.error!, /timed out after 300 ms/);
    assert.deepEqual(record.nodes.sum!.outputs, { sum: 5 });
    const again = await executeWorkflow(wf([{ id: 's', function: 'Add', inputs: { a: { value: 1 }, b: { value: 1 } } }]), catalog, {
      invokers,
    });
    assert.equal(again.status, 'succeeded');
  });

  it('coerces inputs to their declared types and rejects bad ones before the call, naming node and input', async () => {
    const catalog = catalogOf([
      moduleFn('Add', 'add', [['a', 'integer'], ['b', 'integer']], [['sum', 'integer']]),
      // `any` passes static checks, so only the runtime can catch the bad value.
      moduleFn('Echo', 'echo', [['text', 'string']], [['text', 'any']]),
    ]);
    const ok = await executeWorkflow(wf([{ id: 'n', function: 'Add', inputs: { a: { value: '40' }, b: { value: 2 } } }]), catalog, {
      invokers,
    });
    assert.deepEqual(ok.nodes.n!.outputs, { sum: 42 });

    const bad = await executeWorkflow(
      wf([
        { id: 'e', function: 'Echo', inputs: { text: { value: 'abc' } } },
        { id: 'n', function: 'Add', inputs: { a: { from: 'e', output: 'text' }, b: { value: 2 } } },
      ]),
      catalog,
      { invokers },
    );
    assert.equal(bad.nodes.n!.status, 'failed');
    assert.equal(bad.nodes.n!.attempts, 0, 'the function was never called');
    assert.match(bad.nodes.n!.error!, /node "n" \(Add\): input "a" \(from e.text\): "abc" is not an integer/);
  });

  it('fails a module function that throws or returns the wrong outputs, with the reason', async () => {
    const catalog = catalogOf([
      moduleFn('Explode', 'explode', [], [['x', 'string']]),
      moduleFn('Wrong', 'wrongShape', [], [['x', 'string']]),
    ]);
    const record = await executeWorkflow(
      wf([
        { id: 'boom', function: 'Explode', inputs: {} },
        { id: 'shape', function: 'Wrong', inputs: {} },
      ]),
      catalog,
      { invokers },
    );
    assert.equal(record.status, 'failed');
    assert.match(record.nodes.boom!.error!, /node "boom" \(Explode\): the widget is broken/);
    assert.equal(record.nodes.boom!.attempts, 1);
    assert.match(record.nodes.shape!.error!, /returned no output "x" \(it returned: "unexpected"\)/);
  });

  it('applies declared defaults and leaves unbound optional inputs out', async () => {
    const catalog = catalogOf([
      {
        name: 'Describe',
        description: 'd',
        inputs: [
          { name: 'size', type: 'integer', description: 's', required: false, default: 128 },
          { name: 'label', type: 'string', description: 'l', required: false },
        ],
        outputs: [{ name: 'described', type: 'string', description: 'd' }],
        runtime: { type: 'module', path: './functions.ts', export: 'describeInput' },
      },
    ]);
    const record = await executeWorkflow(wf([{ id: 'd', function: 'Describe', inputs: {} }]), catalog, { invokers });
    assert.equal(record.nodes.d!.outputs!.described, '{"size":128}');
  });

  it('skips nodes not yet started when the run is cancelled', async () => {
    const server = await startFunctionServer({ '/slow': async ({ text }) => (await delay(200), { body: { text } }) });
    try {
      const catalog = catalogOf([httpFn('Slow', server.url('/slow'), ['text'], ['text'])]);
      const controller = new AbortController();
      setTimeout(() => controller.abort(), 50);
      const record = await executeWorkflow(
        wf([
          { id: 'first', function: 'Slow', inputs: { text: { value: 'a' } } },
          { id: 'second', function: 'Slow', inputs: { text: { from: 'first', output: 'text' } } },
        ]),
        catalog,
        { invokers, signal: controller.signal },
      );
      assert.equal(record.nodes.first!.status, 'succeeded');
      assert.equal(record.nodes.second!.status, 'skipped');
      assert.equal(record.status, 'partial');
    } finally {
      await server.close();
    }
  });
});
