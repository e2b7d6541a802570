/**
 * A Planner that answers from a script keyed by request text: a Workflow (wrapped into a
 * PlanResult), a full PlanResult, or an Error to throw. An unscripted request throws, so a test
 * notices a request it did not expect. `calls` records every request in order.
 */
import type { Planner, PlanResult, RankedFunction } from '../../src/planner/types.ts';
import type { Workflow } from '../../src/workflow/types.ts';

export type ScriptEntry = Workflow | PlanResult | Error;

export interface ScriptedPlanner extends Planner {
  calls: string[];
}

const isPlanResult = (e: ScriptEntry): e is PlanResult => 'workflow' in e && 'finalCandidates' in e;

/** Sinks of a workflow, last node first: the default final candidates. */
function sinks(workflow: Workflow): RankedFunction[] {
  const read = new Set(workflow.nodes.flatMap((n) => Object.values(n.inputs).flatMap((b) => ('from' in b ? [b.from] : []))));
  return workflow.nodes.filter((n) => !read.has(n.id)).reverse().map((n, i) => ({ function: n.function, score: 1 / (i + 1) }));
}

export function scriptedPlanner(script: Record<string, ScriptEntry>, ms = 5): ScriptedPlanner {
  const calls: string[] = [];
  return {
    calls,
    async plan(request) {
      calls.push(request);
      const entry = script[request];
      if (entry === undefined) throw new Error(`scripted planner: no script for "${request}"`);
      if (entry instanceof Error) throw entry;
      if (isPlanResult(entry)) return entry;
      return { workflow: entry, finalCandidates: sinks(entry), reasons: [`scripted: ${entry.nodes.length} nodes`], ms };
    },
  };
}
