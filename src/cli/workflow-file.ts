/**
 * @module cli/workflow-file
 * Reads a workflow file and applies `--set` answers to it.
 */
import { readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import type { Catalog } from '../catalog/types.ts';
import { parseWorkflow } from '../workflow/schema.ts';
import { isAskBinding, type Workflow } from '../workflow/types.ts';
import { ExitError } from './errors.ts';
import { messages } from './messages.ts';

export function readWorkflowFile(path: string): Workflow {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new ExitError(messages.noSuchFile(path));
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new ExitError(messages.notJson(path, (e as Error).message));
  }
  return parseWorkflow(doc, path);
}

const MIME_BY_EXT: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.gif': 'image/gif',
  '.svg': 'image/svg+xml',
  '.avif': 'image/avif',
  '.tif': 'image/tiff',
  '.tiff': 'image/tiff',
  '.csv': 'text/csv',
  '.txt': 'text/plain',
  '.json': 'application/json',
  '.pdf': 'application/pdf',
};

/** The MIME type a file name's extension says, or application/octet-stream. */
export const mimeOfName = (name: string): string => MIME_BY_EXT[extname(name).toLowerCase()] ?? 'application/octet-stream';

/** A `--set` value for a `file` input names a local file to read. */
function readFileValue(path: string, target: string) {
  try {
    return { name: basename(path), mime: mimeOfName(path), base64: readFileSync(path).toString('base64') };
  } catch {
    throw new ExitError(messages.setFileMissing(target, path));
  }
}

/**
 * Applies `--set` assignments: `NODE.PARAM=VALUE` sets that input of that node; `PARAM=VALUE` fills
 * every `ask` binding named PARAM. Then every `ask` must be filled, or the error names each one.
 */
export function applyAnswers(workflow: Workflow, catalog: Catalog, assignments: string[]): Workflow {
  const nodes = workflow.nodes.map((n) => ({ ...n, inputs: { ...n.inputs } }));
  const problems: string[] = [];
  const typeOf = (fn: string, param: string) => catalog.get(fn)?.inputs.find((i) => i.name === param)?.type;
  for (const assignment of assignments) {
    const eq = assignment.indexOf('=');
    if (eq <= 0) {
      problems.push(messages.setSyntax(assignment));
      continue;
    }
    const key = assignment.slice(0, eq);
    const raw = assignment.slice(eq + 1);
    const dot = key.indexOf('.');
    const node = dot > 0 ? nodes.find((n) => n.id === key.slice(0, dot)) : undefined;
    const targets = node
      ? [{ node, param: key.slice(dot + 1) }]
      : nodes.flatMap((n) => Object.entries(n.inputs).filter(([p, b]) => p === key && isAskBinding(b)).map(([param]) => ({ node: n, param })));
    if (targets.length === 0) {
      problems.push(messages.setNoTarget(key));
      continue;
    }
    for (const { node: n, param } of targets) {
      const isFile = typeOf(n.function, param) === 'file';
      n.inputs[param] = { value: isFile ? readFileValue(raw, `${n.id}.${param}`) : raw };
    }
  }
  const unfilled = nodes.flatMap((n) =>
    Object.entries(n.inputs).flatMap(([param, b]) => (isAskBinding(b) ? [messages.unfilledAsk(n.id, param, b.ask)] : [])),
  );
  if (problems.length || unfilled.length) throw new ExitError([...problems, ...unfilled].join('\n'));
  return { ...workflow, nodes };
}
