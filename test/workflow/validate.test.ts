import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { makeCatalog } from '../../src/catalog/index.ts';
import type { FunctionSpec } from '../../src/catalog/types.ts';
import { isWorkflowError, WorkflowError } from '../../src/workflow/errors.ts';
import { topologicalOrder } from '../../src/workflow/graph.ts';
import { parseWorkflow } from '../../src/workflow/schema.ts';
import type { Workflow } from '../../src/workflow/types.ts';
import { validateWorkflow } from '../../src/workflow/validate.ts';

const fn = (name: string, inputs: [string, FunctionSpec['inputs'][number]['type'], boolean?][], outputs: [string, FunctionSpec['outputs'][number]['type']][]): FunctionSpec => ({
  name,
  description: name,
  inputs: inputs.map(([n, type, required = true]) => ({ name: n, type, description: n, required })),
  outputs: outputs.map(([n, type]) => ({ name: n, type, description: n })),
});

const catalog = makeCatalog([
  fn('Username2ID', [['user_name', 'string']], [['user_ID', 'integer']]),
  fn('GetProfile', [['user_ID', 'integer'], ['verbose', 'boolean', false]], [['profile', 'object'], ['name', 'string']]),
  fn('ResizeImage', [['image', 'file'], ['width', 'integer']], [['image', 'file']]),
]);

const wf = (nodes: Workflow['nodes'], outputs: Workflow['outputs'] = []): Workflow => ({ version: 1, request: 'r', nodes, outputs });

function problemsOf(workflow: Workflow, requireFilled = false): string[] {
  try {
    validateWorkflow(workflow, catalog, { requireFilled });
    return [];
  } catch (e) {
    assert.ok(isWorkflowError(e));
    return (e as WorkflowError).problems;
  }
}

describe('validateWorkflow', () => {
  it('accepts a valid chain and returns its topological order', () => {
    const order = validateWorkflow(
      wf(
        [
          { id: 'p', function: 'GetProfile', inputs: { user_ID: { from: 'u', output: 'user_ID' } } },
          { id: 'u', function: 'Username2ID', inputs: { user_name: { value: 'Jenny' } } },
        ],
        [{ from: 'p', output: 'profile' }],
      ),
      catalog,
    );
    assert.deepEqual(order, ['u', 'p']);
  });

  it('names an unknown function and suggests the closest one', () => {
    assert.deepEqual(problemsOf(wf([{ id: 'n1', function: 'Username2Id', inputs: {} }])), [
      'node "n1": function "Username2Id" is not in the catalog; did you mean "Username2ID"?',
    ]);
  });

  it('names unknown inputs and missing required inputs', () => {
    const problems = problemsOf(wf([{ id: 'n1', function: 'Username2ID', inputs: { username: { value: 'x' } } }]));
    assert.deepEqual(problems, [
      'node "n1": Username2ID has no input "username" (its inputs: "user_name")',
      'node "n1": required input "user_name" of Username2ID is not bound; give it a value, connect an output to it, or ask for it',
    ]);
  });

  it('rejects a reference to a missing node or a missing output', () => {
    const problems = problemsOf(
      wf([
        { id: 'u', function: 'Username2ID', inputs: { user_name: { value: 'a' } } },
        { id: 'p', function: 'GetProfile', inputs: { user_ID: { from: 'ghost', output: 'user_ID' } } },
        { id: 'q', function: 'GetProfile', inputs: { user_ID: { from: 'u', output: 'id' } } },
      ]),
    );
    assert.equal(problems.length, 2);
    assert.match(problems[0]!, /node "p": input "user_ID" reads from node "ghost", which does not exist/);
    assert.match(problems[1]!, /node "q": .*Username2ID has no such output \(its outputs: "user_ID"\)/);
  });

  it('rejects a workflow whose steps form a cycle, naming the nodes on it', () => {
    const problems = problemsOf(
      wf([
        { id: 'a', function: 'ResizeImage', inputs: { image: { from: 'b', output: 'image' }, width: { value: 1 } } },
        { id: 'b', function: 'ResizeImage', inputs: { image: { from: 'a', output: 'image' }, width: { value: 1 } } },
      ]),
    );
    assert.equal(problems.length, 1);
    assert.match(problems[0]!, /nodes "(a|b)" → "(a|b)" → "\1" form a cycle/);
  });

  it('rejects an output feeding an input of an incompatible type', () => {
    const problems = problemsOf(
      wf([
        { id: 'p', function: 'GetProfile', inputs: { user_ID: { value: 1 } } },
        { id: 'r', function: 'ResizeImage', inputs: { image: { from: 'p', output: 'name' }, width: { value: 10 } } },
      ]),
    );
    assert.deepEqual(problems, [
      'node "r": input "image" (file) cannot take output "name" (string) of node "p"; add a step that converts it or bind another output',
    ]);
  });

  it('rejects a literal that does not fit the input type', () => {
    const problems = problemsOf(wf([{ id: 'p', function: 'GetProfile', inputs: { user_ID: { value: 'abc' } } }]));
    assert.deepEqual(problems, ['node "p": input "user_ID": "abc" is not an integer']);
  });

  it('allows ask bindings in a plan but not in a workflow about to run', () => {
    const planned = wf([{ id: 'u', function: 'Username2ID', inputs: { user_name: { ask: 'Whose account?' } } }]);
    assert.deepEqual(problemsOf(planned), []);
    assert.deepEqual(problemsOf(planned, true), ['node "u": input "user_name" is still to be asked ("Whose account?"); give it a value']);
  });

  it('rejects duplicate node ids and workflow outputs that point nowhere', () => {
    const problems = problemsOf(
      wf(
        [
          { id: 'u', function: 'Username2ID', inputs: { user_name: { value: 'a' } } },
          { id: 'u', function: 'Username2ID', inputs: { user_name: { value: 'b' } } },
        ],
        [{ from: 'u', output: 'nope' }, { from: 'x', output: 'y' }],
      ),
    );
    assert.deepEqual(problems, [
      'node "u": the id is used by more than one node; ids must be unique',
      'outputs: node "u" (Username2ID) has no output "nope"',
      'outputs: node "x" does not exist',
    ]);
  });
});

describe('parseWorkflow', () => {
  it('names the node and field of a malformed binding', () => {
    assert.throws(
      () => parseWorkflow({ version: 1, request: '', nodes: [{ id: 'n1', function: 'F', inputs: { x: { form: 'a' } } }], outputs: [] }, 'wf.json'),
      (e: WorkflowError) => e.code === 'workflow.parse' && /wf\.json: node "n1": inputs\.x: a binding must be/.test(e.message),
    );
  });

  it('rejects another version and keeps unknown optional fields', () => {
    assert.throws(() => parseWorkflow({ version: 2, nodes: [{ id: 'a', function: 'F' }] }), /version must be 1/);
    const parsed = parseWorkflow({ version: 1, request: 'r', nodes: [{ id: 'a', function: 'F', inputs: {} }], alternatives: [], extra: 1 });
    assert.equal(parsed.extra, 1);
    assert.deepEqual(parsed.outputs, []);
  });
});

describe('topologicalOrder', () => {
  it('keeps the written order among independent nodes', () => {
    const order = topologicalOrder(
      wf([
        { id: 'd', function: 'F', inputs: { x: { from: 'b', output: 'o' }, y: { from: 'c', output: 'o' } } },
        { id: 'b', function: 'F', inputs: { x: { from: 'a', output: 'o' } } },
        { id: 'c', function: 'F', inputs: { x: { from: 'a', output: 'o' } } },
        { id: 'a', function: 'F', inputs: {} },
      ]),
    );
    assert.deepEqual(order, { order: ['a', 'b', 'c', 'd'] });
  });
});
