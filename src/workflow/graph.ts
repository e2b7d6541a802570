/**
 * @module workflow/graph
 * Dependencies between nodes and a topological order.
 */
import { isFromBinding, type Workflow } from './types.ts';

/** For each node id, the ids of the nodes whose outputs it reads (unknown ids are kept out). */
export function dependencies(workflow: Workflow): Map<string, Set<string>> {
  const ids = new Set(workflow.nodes.map((n) => n.id));
  return new Map(
    workflow.nodes.map((n) => [
      n.id,
      new Set(Object.values(n.inputs).flatMap((b) => (isFromBinding(b) && ids.has(b.from) ? [b.from] : []))),
    ]),
  );
}

/** For each node id, the ids of the nodes that read its outputs. */
export function dependents(workflow: Workflow): Map<string, string[]> {
  const out = new Map<string, string[]>(workflow.nodes.map((n) => [n.id, []]));
  for (const [id, deps] of dependencies(workflow)) for (const d of deps) out.get(d)?.push(id);
  return out;
}

/**
 * Node ids in an order where every node comes after the nodes it reads from (stable: ties keep
 * the workflow's order). Returns `cycle` (the ids on one cycle, first repeated at the end) when
 * there is no such order.
 */
export function topologicalOrder(workflow: Workflow): { order: string[]; cycle?: string[] } {
  const deps = dependencies(workflow);
  const remaining = new Map([...deps].map(([id, d]) => [id, d.size]));
  const readers = dependents(workflow);
  const order: string[] = [];
  const ready = workflow.nodes.map((n) => n.id).filter((id) => remaining.get(id) === 0);
  while (ready.length > 0) {
    const id = ready.shift()!;
    order.push(id);
    for (const r of readers.get(id) ?? []) {
      const left = remaining.get(r)! - 1;
      remaining.set(r, left);
      if (left === 0) ready.push(r);
    }
  }
  if (order.length === workflow.nodes.length) return { order };
  return { order, cycle: findCycle(deps, new Set(order)) };
}

function findCycle(deps: Map<string, Set<string>>, done: Set<string>): string[] {
  // Every node not in `done` lies on or behind a cycle: walk dependencies until a node repeats.
  const start = [...deps.keys()].find((id) => !done.has(id))!;
  const path: string[] = [];
  const seen = new Map<string, number>();
  let at = start;
  while (!seen.has(at)) {
    seen.set(at, path.length);
    path.push(at);
    at = [...deps.get(at)!].find((d) => !done.has(d))!;
  }
  return [...path.slice(seen.get(at)), at];
}
