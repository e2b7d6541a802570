/**
 * @module catalog/schema
 * The zod schema of a catalog file, and the formatting of its issues into messages that name the
 * function and the field at fault.
 */
import { z } from 'zod';
import { VALUE_TYPES } from './types.ts';

const typeList = VALUE_TYPES.join(', ');

const valueType = z.enum(VALUE_TYPES, {
  error: (issue) => `type ${JSON.stringify(issue.input)} is not one of ${typeList}`,
});

const name = z
  .string({ error: 'a name is required (a non-empty string)' })
  .trim()
  .min(1, 'a name is required (a non-empty string)');

const inputSpec = z.strictObject({
  name,
  type: valueType,
  description: z.string().default(''),
  required: z.boolean({ error: '"required" must be true or false' }).default(true),
  default: z.unknown().optional(),
  enum: z.array(z.unknown()).min(1, '"enum" must list at least one value').optional(),
});

const outputSpec = z.strictObject({
  name,
  type: valueType,
  description: z.string().default(''),
});

const limits = {
  timeoutMs: z.number().int().positive('timeoutMs must be a positive number of milliseconds').optional(),
  retries: z.number().int().min(0).max(10).optional(),
};

const runtimeSpec = z.discriminatedUnion(
  'type',
  [
    z.strictObject({ type: z.literal('module'), path: z.string().min(1), export: z.string().min(1), ...limits }),
    z.strictObject({
      type: z.literal('http'),
      url: z.url({ error: 'runtime.url must be an absolute http(s) URL' }),
      headers: z.record(z.string(), z.string()).optional(),
      ...limits,
    }),
  ],
  { error: 'runtime.type must be "module" or "http"' },
);

export const functionSpecSchema = z.strictObject({
  name,
  description: z.string({ error: 'a description is required' }),
  inputs: z.array(inputSpec).default([]),
  outputs: z.array(outputSpec).min(1, 'at least one output is required'),
  runtime: runtimeSpec.optional(),
  sideEffects: z.boolean().optional(),
  group: z.string({ error: '"group" must be a non-empty string' }).trim().min(1, '"group" must be a non-empty string').optional(),
  examples: z
    .array(z.string({ error: 'each example must be a request, as text' }).trim().min(1, 'an example must not be empty'), {
      error: '"examples" must be a list of example requests',
    })
    .optional(),
});

export const catalogFileSchema = z.object({
  functions: z.array(z.unknown(), { error: 'the file must be an object with a "functions" array' }),
});

export type ParsedFunctionSpec = z.infer<typeof functionSpecSchema>;

/** Turns a zod issue path inside one function into `input "width": type`. */
export function describeIssue(raw: unknown, issue: z.core.$ZodIssue): string {
  const [head, index, field, ...rest] = issue.path;
  let where = '';
  if ((head === 'inputs' || head === 'outputs') && typeof index === 'number') {
    const list = (raw as Record<string, unknown[]> | undefined)?.[head];
    const item = Array.isArray(list) ? (list[index] as { name?: unknown } | undefined) : undefined;
    const label = head === 'inputs' ? 'input' : 'output';
    where =
      typeof item?.name === 'string' && item.name.trim() ? `${label} "${item.name}"` : `${label} #${index + 1} (no name)`;
    if (field !== undefined && field !== 'type' && field !== 'name') where += `: ${[field, ...rest].join('.')}`;
  } else if (issue.path.length > 0) {
    where = issue.path.join('.');
  }
  const message = issue.code === 'unrecognized_keys' ? `unknown field(s) ${issue.keys.map((k) => `"${k}"`).join(', ')}` : issue.message;
  return where ? `${where}: ${message}` : message;
}
