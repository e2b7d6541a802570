/**
 * @module catalog/load
 * Loads a catalog from a JSON file or a directory of JSON files, validates every function and
 * gathers every problem before throwing once.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, relative, resolve } from 'node:path';
import { CatalogError } from './errors.ts';
import { catalogFileSchema, describeIssue, functionSpecSchema } from './schema.ts';
import type { Catalog, FunctionSpec } from './types.ts';

function catalogFiles(path: string): string[] {
  if (!existsSync(path)) {
    throw new CatalogError('catalog.not_found', [`${path}: no such file or directory; pass a catalog JSON file or a folder of them`]);
  }
  if (!statSync(path).isDirectory()) return [path];
  const files = readdirSync(path, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.json') && !f.split(/[\\/]/).includes('node_modules'))
    .map((f) => join(path, f))
    .sort();
  if (files.length === 0) throw new CatalogError('catalog.not_found', [`${path}: the folder holds no .json catalog files`]);
  return files;
}

function display(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel && !rel.startsWith('..') ? rel : file;
}

/** Builds a Catalog from specs already validated (used by tests and by OpenAPI import). */
export function makeCatalog(functions: FunctionSpec[], sourceOf = new Map<string, string>()): Catalog {
  const byName = new Map(functions.map((f) => [f.name, f]));
  return { functions, sourceOf, get: (name) => byName.get(name) };
}

/**
 * Parses and validates the functions of one catalog document. `file` is used in messages and to
 * resolve module paths. Problems are appended to `problems`.
 */
export function parseCatalogDocument(doc: unknown, file: string, problems: string[]): FunctionSpec[] {
  const shown = display(file);
  const top = catalogFileSchema.safeParse(doc);
  if (!top.success) {
    problems.push(`${shown}: ${top.error.issues[0]?.message ?? 'not a catalog'}`);
    return [];
  }
  const specs: FunctionSpec[] = [];
  top.data.functions.forEach((raw, i) => {
    const rawName = (raw as { name?: unknown } | null)?.name;
    const label = typeof rawName === 'string' && rawName.trim() ? `function "${rawName}"` : `function #${i + 1}`;
    const parsed = functionSpecSchema.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) problems.push(`${shown}: ${label}: ${describeIssue(raw, issue)}`);
      return;
    }
    const spec = parsed.data as FunctionSpec;
    for (const list of ['inputs', 'outputs'] as const) {
      const seen = new Set<string>();
      for (const item of spec[list]) {
        if (seen.has(item.name)) problems.push(`${shown}: ${label}: ${list.slice(0, -1)} "${item.name}" is declared twice`);
        seen.add(item.name);
      }
    }
    for (const input of spec.inputs) {
      if (input.enum && input.default !== undefined && !input.enum.some((v) => v === input.default)) {
        problems.push(`${shown}: ${label}: input "${input.name}": default ${JSON.stringify(input.default)} is not in its enum`);
      }
    }
    // NOTE: a catalog folder keeps one file per kind of function (data.json, media.json…), so the
    // file names what its functions are about; a spec's own "group" wins over it.
    spec.group ??= basename(file, extname(file));
    if (spec.runtime?.type === 'module') {
      const abs = resolve(dirname(file), spec.runtime.path);
      if (!existsSync(abs)) {
        problems.push(`${shown}: ${label}: runtime.path "${spec.runtime.path}" does not exist (looked for ${display(abs)})`);
      }
      spec.runtime = { ...spec.runtime, path: abs };
    }
    specs.push(spec);
  });
  return specs;
}

/**
 * Loads and validates a catalog.
 * @example
 * const catalog = loadCatalog('catalog');
 * catalog.get('ResizeImage')?.inputs;
 * @throws CatalogError listing every problem (file, function, field) at once.
 */
export function loadCatalog(path: string): Catalog {
  const problems: string[] = [];
  const functions: FunctionSpec[] = [];
  const sourceOf = new Map<string, string>();
  for (const file of catalogFiles(path)) {
    let doc: unknown;
    try {
      doc = JSON.parse(readFileSync(file, 'utf8'));
    } catch (e) {
      problems.push(`${display(file)}: not valid JSON (${(e as Error).message})`);
      continue;
    }
    for (const spec of parseCatalogDocument(doc, file, problems)) {
      const earlier = sourceOf.get(spec.name);
      if (earlier !== undefined) {
        problems.push(`${display(file)}: function "${spec.name}" is already defined in ${display(earlier)}; function names must be unique`);
        continue;
      }
      sourceOf.set(spec.name, file);
      functions.push(spec);
    }
  }
  if (problems.length > 0) {
    const code = problems.some((p) => p.includes('not valid JSON')) ? 'catalog.parse' : 'catalog.invalid';
    throw new CatalogError(code, problems);
  }
  return makeCatalog(functions, sourceOf);
}
