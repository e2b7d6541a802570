/**
 * @module workflow/validate
 * Checks a workflow against a catalog before anything runs, gathering every problem (each naming the
 * node) into one WorkflowError. The runtime assumes a workflow that passed.
 */
import type { Catalog } from '../catalog/types.ts';
import { WorkflowError } from './errors.ts';
import { topologicalOrder } from './graph.ts';
import { isAskBinding, isFromBinding, type Workflow } from './types.ts';
import { CoercionError, coerceValue, isAssignable } from './values.ts';

export interface ValidateOptions {
  /** When true, `{ask}` bindings are errors (a workflow about to run). Default false (a plan). */
  requireFilled?: boolean;
}

const quoteList = (names: string[]): string => (names.length ? names.map((n) => `"${n}"`).join(', ') : 'none');

/** The closest name by edit distance, for "did you mean" hints. */
function closest(name: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestScore = Infinity;
  const a = name.toLowerCase();
  for (const c of candidates) {
    const b = c.toLowerCase();
    const row = Array.from({ length: b.length + 1 }, (_, i) => i);
    for (let i = 1; i <= a.length; i++) {
      let prev = row[0]!;
      row[0] = i;
      for (let j = 1; j <= b.length; j++) {
        const cur = row[j]!;
        row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
        prev = cur;
      }
    }
    const d = row[b.length]!;
    if (d < bestScore) [best, bestScore] = [c, d];
  }
  return best !== undefined && bestScore <= Math.max(2, Math.floor(name.length / 3)) ? best : undefined;
}

/**
 * Validates `workflow` against `catalog`.
 * @example
 * validateWorkflow(wf, catalog, { requireFilled: true }); // throws WorkflowError listing every problem
 * @returns the topological order of node ids.
 */
export function validateWorkflow(workflow: Workflow, catalog: Catalog, options: ValidateOptions = {}): string[] {
  const problems: string[] = [];
  let code: WorkflowError['code'] = 'workflow.invalid';
  const nodes = new Map<string, Workflow['nodes'][number]>();
  for (const node of workflow.nodes) {
    if (nodes.has(node.id)) problems.push(`node "${node.id}": the id is used by more than one node; ids must be unique`);
    nodes.set(node.id, node);
  }

  for (const node of workflow.nodes) {
    const at = `node "${node.id}"`;
    const spec = catalog.get(node.function);
    if (!spec) {
      const hint = closest(node.function, catalog.functions.map((f) => f.name));
      problems.push(`${at}: function "${node.function}" is not in the catalog${hint ? `; did you mean "${hint}"?` : ''}`);
      continue;
    }
    const declared = new Map(spec.inputs.map((i) => [i.name, i]));
    for (const [param, binding] of Object.entries(node.inputs)) {
      const input = declared.get(param);
      if (!input) {
        problems.push(`${at}: ${spec.name} has no input "${param}" (its inputs: ${quoteList([...declared.keys()])})`);
        continue;
      }
      if (isAskBinding(binding)) {
        if (options.requireFilled) {
          code = 'workflow.unfilled_ask';
          problems.push(`${at}: input "${param}" is still to be asked ("${binding.ask}"); give it a value`);
        }
      } else if (isFromBinding(binding)) {
        const source = nodes.get(binding.from);
        if (!source) {
          problems.push(`${at}: input "${param}" reads from node "${binding.from}", which does not exist`);
          continue;
        }
        if (binding.from === node.id) {
          problems.push(`${at}: input "${param}" reads the node's own output "${binding.output}"`);
          continue;
        }
        const producer = catalog.get(source.function);
        if (!producer) continue; // reported on that node
        const output = producer.outputs.find((o) => o.name === binding.output);
        if (!output) {
          problems.push(
            `${at}: input "${param}" reads output "${binding.output}" of node "${binding.from}", but ${producer.name} has no such output (its outputs: ${quoteList(producer.outputs.map((o) => o.name))})`,
          );
        } else if (!isAssignable(output.type, input.type)) {
          problems.push(
            `${at}: input "${param}" (${input.type}) cannot take output "${binding.output}" (${output.type}) of node "${binding.from}"; add a step that converts it or bind another output`,
          );
        }
      } else {
        try {
          const value = coerceValue(binding.value, input.type);
          if (input.enum && !input.enum.some((e) => e === value)) {
            problems.push(`${at}: input "${param}" must be one of ${input.enum.map((e) => JSON.stringify(e)).join(', ')}; got ${JSON.stringify(binding.value)}`);
          }
        } catch (e) {
          if (!(e instanceof CoercionError)) throw e;
          problems.push(`${at}: input "${param}": ${e.message}`);
        }
      }
    }
    for (const input of spec.inputs) {
      if (input.required && input.default === undefined && !(input.name in node.inputs)) {
        problems.push(`${at}: required input "${input.name}" of ${spec.name} is not bound; give it a value, connect an output to it, or ask for it`);
      }
    }
  }

  for (const out of workflow.outputs) {
    const source = nodes.get(out.from);
    const spec = source && catalog.get(source.function);
    if (!source) problems.push(`outputs: node "${out.from}" does not exist`);
    else if (spec && !spec.outputs.some((o) => o.name === out.output)) {
      problems.push(`outputs: node "${out.from}" (${spec.name}) has no output "${out.output}"`);
    }
  }

  const { order, cycle } = topologicalOrder(workflow);
  if (cycle) {
    if (problems.length === 0) code = 'workflow.cycle';
    problems.push(`nodes ${cycle.map((id) => `"${id}"`).join(' → ')} form a cycle; a node cannot depend on its own result`);
  }
  if (problems.length > 0) throw new WorkflowError(code, problems);
  return order;
}
