/**
 * Small catalogs written for the planner tests (test/fixtures/planner-*.json), and one planner per
 * catalog over a real HNSW index kept in a fresh temporary folder.
 */
import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeCatalog, parseCatalogDocument } from '../../src/catalog/index.ts';
import type { Catalog, FunctionSpec, InputSpec } from '../../src/catalog/types.ts';
import { createPlanner, type Planner } from '../../src/planner/index.ts';
import type { Binding, Workflow, WorkflowNode } from '../../src/workflow/types.ts';

export type FixtureCatalog = 'music' | 'movies' | 'incident-response' | 'producers' | 'tickets';

/** Parses `test/fixtures/planner-<name>.json`; a fixture that does not validate fails the test. */
export function fixtureCatalog(name: FixtureCatalog): Catalog {
  const file = fileURLToPath(new URL(`../fixtures/planner-${name}.json`, import.meta.url));
  const problems: string[] = [];
  const functions = parseCatalogDocument(JSON.parse(readFileSync(file, 'utf8')), file, problems);
  assert.deepEqual(problems, [], `fixture planner-${name}.json is not a valid catalog`);
  return makeCatalog(functions);
}

/** A planner over `catalog` with its index in a fresh temporary folder; `dispose` removes it. */
export async function fixturePlanner(catalog: Catalog): Promise<{ planner: Planner; dispose: () => void }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'planner-test-'));
  const planner = await createPlanner({ catalog, dataDir });
  return { planner, dispose: () => rmSync(dataDir, { recursive: true, force: true }) };
}

/** A required input, for catalogs written inside a test. */
export const requiredInput = (name: string, description: string, type: InputSpec['type'] = 'string'): InputSpec => ({ name, type, description, required: true });

/** A function with one output, for catalogs written inside a test. */
export const oneOutputFunction = (name: string, description: string, inputs: InputSpec[], output: string, type: InputSpec['type'] = 'string'): FunctionSpec => ({
  name,
  description,
  inputs,
  outputs: [{ name: output, type, description: `the ${output.replace(/_/g, ' ')}` }],
});

/**
 * A planner over `catalog` for the tests of the enclosing describe(): built before them, its index
 * removed after. Call the returned function inside a test.
 */
export function plannerFor(catalog: Catalog): () => Planner {
  let fixture: Awaited<ReturnType<typeof fixturePlanner>> | undefined;
  before(async () => {
    fixture = await fixturePlanner(catalog);
  });
  after(() => fixture?.dispose());
  return () => fixture?.planner ?? assert.fail('the planner is built in before()');
}

/** The nodes that call `fn`. */
export const nodesOf = (workflow: Workflow, fn: string): WorkflowNode[] => workflow.nodes.filter((n) => n.function === fn);

/** The single node that calls `fn`; fails, showing the planned functions, when there is not exactly one. */
export function onlyNode(workflow: Workflow, fn: string): WorkflowNode {
  const found = nodesOf(workflow, fn);
  assert.equal(found.length, 1, `expected one ${fn} node; planned: ${workflow.nodes.map((n) => `${n.id}=${n.function}`).join(', ') || 'nothing'}`);
  return found[0]!;
}

/** The node of the final goal: the last of the workflow's outputs. */
export function finalNode(workflow: Workflow): WorkflowNode {
  const id = workflow.outputs.at(-1)?.from;
  const node = workflow.nodes.find((n) => n.id === id);
  assert.ok(node, `the workflow has no output node (outputs: ${JSON.stringify(workflow.outputs)})`);
  return node;
}

/** One line per node, for assertion messages: `n1 Username2ID(user_name="Jenny")`. */
export function describePlan(workflow: Workflow): string {
  const binding = (b: Binding) => ('value' in b ? JSON.stringify(b.value) : 'from' in b ? `${b.from}.${b.output}` : `ask(${JSON.stringify(b.ask)})`);
  const lines = workflow.nodes.map((n) => `${n.id} ${n.function}(${Object.entries(n.inputs).map(([k, b]) => `${k}=${binding(b)}`).join(', ')})`);
  if (workflow.unsupported?.length) lines.push(`unsupported: ${JSON.stringify(workflow.unsupported)}`);
  return lines.join('\n') || '(no nodes)';
}
