/**
 * @module workflow/schema
 * Structural parsing of a Workflow v1 document (shape only; catalog checks are in validate.ts).
 */
import { z } from 'zod';
import { WorkflowError } from './errors.ts';
import type { Workflow } from './types.ts';

const binding = z.union(
  [
    z.object({ value: z.unknown() }).refine((b) => 'value' in b, 'a value binding needs "value"'),
    z.object({ from: z.string().min(1), output: z.string().min(1) }),
    z.object({ ask: z.string().min(1) }),
  ],
  { error: 'a binding must be {"value": x}, {"from": nodeId, "output": name} or {"ask": "question"}' },
);

const workflowSchema = z.looseObject({
  version: z.literal(1, { error: 'version must be 1' }),
  request: z.string().default(''),
  nodes: z
    .array(
      z.looseObject({
        id: z.string().min(1, 'a node needs an "id"'),
        function: z.string().min(1, 'a node needs a "function"'),
        inputs: z.record(z.string(), binding).default({}),
      }),
    )
    .min(1, 'a workflow needs at least one node'),
  outputs: z.array(z.object({ from: z.string(), output: z.string() })).default([]),
});

/**
 * Parses a workflow document (already JSON-decoded), throwing a WorkflowError that names the node
 * and field for each structural problem.
 */
export function parseWorkflow(doc: unknown, source = 'workflow'): Workflow {
  const parsed = workflowSchema.safeParse(doc);
  if (parsed.success) return parsed.data as Workflow;
  const nodes = (doc as { nodes?: { id?: unknown }[] } | null)?.nodes;
  const problems = parsed.error.issues.map((issue) => {
    const [head, index, ...rest] = issue.path;
    if (head === 'nodes' && typeof index === 'number') {
      const id = Array.isArray(nodes) ? nodes[index]?.id : undefined;
      const label = typeof id === 'string' ? `node "${id}"` : `node #${index + 1}`;
      return `${source}: ${label}${rest.length ? `: ${rest.join('.')}` : ''}: ${issue.message}`;
    }
    return `${source}: ${issue.path.length ? `${issue.path.join('.')}: ` : ''}${issue.message}`;
  });
  throw new WorkflowError('workflow.parse', problems);
}
