/**
 * Checks the hand-written request sets of this folder against their catalogs, so that a typo in a
 * gold workflow never shows up later as a planner "mistake".
 *
 *   node --import tsx bench/requests/check.ts [--scorer PATH]
 *
 * Every `bench/requests/<name>.jsonl` is checked over `bench/catalogs/<name>/catalog.json` when that
 * exists, else over the default `catalog/` folder, loaded with the project's own loader. Then each
 * set's gold, turned into predictions, is scored by the official product scorer (default
 * `../shared/bench/product/score.py`, skipped when absent), which must find every line right: that
 * proves the scorer reads the lines as we mean them. Prints every problem and exits 1 if any.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCatalog, type Catalog, type InputSpec } from '../../src/catalog/index.ts';
import { isAssignable } from '../../src/workflow/index.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const HERE = fileURLToPath(new URL('.', import.meta.url));
const KINDS = ['single', 'chain', 'multi', 'ask', 'unsupported'] as const;
type Kind = (typeof KINDS)[number];

interface GoldNode {
  id: string;
  function: string;
  inputs: Record<string, Record<string, unknown>>;
}
interface GoldWorkflow {
  nodes: GoldNode[];
  outputs: { from: string; output: string }[];
}
interface Item {
  id: string;
  request: string;
  kind: Kind;
  unsupported?: boolean;
  gold: GoldWorkflow[];
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

// NOTE: the conventions below are those of README.md in this folder (units as convert-units codes,
// IANA zones, ISO dates, channels as written). They are checked by input name because the catalogs
// of other domains use the same names for the same kinds of value.
const UNIT_CODES = new Set(
  (createRequire(import.meta.url)('convert-units') as () => { list(): { abbr: string }[] })()
    .list()
    .map((u) => u.abbr),
);
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?(Z|[+-]\d{2}:\d{2})?)?$/;
const CHANNEL = /^(#[a-z0-9][a-z0-9._-]*|<#C[A-Z0-9]+\|[a-z0-9._-]+>|C[A-Z0-9]{8,})$/;
const USER_ID = /^[A-Z0-9]{6,}$/;

function isIanaZone(zone: string): boolean {
  if (zone !== 'UTC' && !/^[A-Z][A-Za-z_]+(\/[A-Za-z_-]+)+$/.test(zone)) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** What is wrong with a literal bound to `input`, or undefined when it fits. */
function literalProblem(input: InputSpec, value: unknown): string | undefined {
  const shown = JSON.stringify(value);
  switch (input.type) {
    case 'string':
      if (typeof value !== 'string' || value.trim() === '') return `expects a non-empty string, got ${shown}`;
      break;
    case 'integer':
      if (!Number.isInteger(value)) return `expects an integer (a JSON number), got ${shown}`;
      break;
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) return `expects a number (a JSON number), got ${shown}`;
      break;
    case 'boolean':
      if (typeof value !== 'boolean') return `expects true or false, got ${shown}`;
      break;
    case 'list':
      if (!Array.isArray(value)) return `expects a JSON array, got ${shown}`;
      break;
    case 'object':
      if (!isObject(value)) return `expects a JSON object, got ${shown}`;
      break;
    case 'date':
      if (typeof value !== 'string' || !ISO_DATE.test(value) || Number.isNaN(Date.parse(value))) {
        return `expects an ISO date or date-time (relative dates are steps), got ${shown}`;
      }
      break;
    case 'file':
      return 'is a file: it comes from another node or is asked, never a literal';
    case 'any':
      break;
  }
  if (input.enum && !input.enum.some((e) => e === value)) {
    return `must be one of ${input.enum.map((e) => JSON.stringify(e)).join(', ')}; got ${shown}`;
  }
  if (typeof value !== 'string') return undefined;
  if (/^(from|to)_unit$/.test(input.name) && !UNIT_CODES.has(value)) return `${shown} is not a convert-units code (mi, km, lb, F, C, m/h...)`;
  if (/(^|_)zone$/.test(input.name) && !isIanaZone(value)) return `${shown} is not an IANA time zone (Asia/Tokyo, UTC)`;
  if (input.name === 'channel' && !CHANNEL.test(value)) return `${shown} is not a channel as people write it (#name or <#C…|name>)`;
  if (input.name === 'user_id' && !USER_ID.test(value)) return `${shown} is not a user id; a name goes through a lookup step`;
  if (input.name === 'url' && !/^https?:\/\/\S+$/.test(value)) return `${shown} is not an http(s) URL`;
  return undefined;
}

/** A node's signature with its producers' signatures embedded, as the scorer compares plans (ids vanish). */
function signature(wf: GoldWorkflow): string {
  const byId = new Map(wf.nodes.map((n) => [n.id, n]));
  const sig = (id: string, depth: number): string => {
    const n = byId.get(id);
    if (!n || depth > wf.nodes.length) return '?';
    const parts = Object.entries(n.inputs)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([p, b]) => ('from' in b ? `${p}<-${sig(String(b.from), depth + 1)}.${String(b.output)}` : `${p}=${JSON.stringify(b)}`));
    return `${n.function}(${parts.join(',')})`;
  };
  return wf.nodes.map((n) => sig(n.id, 0)).sort().join(' ');
}

function checkWorkflow(wf: unknown, catalog: Catalog, at: string, problems: string[]): wf is GoldWorkflow {
  if (!isObject(wf) || !Array.isArray(wf.nodes) || !Array.isArray(wf.outputs)) {
    problems.push(`${at}: a workflow is {"nodes": [...], "outputs": [...]}`);
    return false;
  }
  const nodes: unknown[] = wf.nodes;
  const outputs: unknown[] = wf.outputs;
  if (nodes.length === 0) problems.push(`${at}: no nodes (an unsupported request has "gold": [] instead)`);
  const seen = new Map<string, number>();
  const consumed = new Set<string>();
  nodes.forEach((raw, index) => {
    if (!isObject(raw) || typeof raw.id !== 'string' || typeof raw.function !== 'string' || !isObject(raw.inputs)) {
      problems.push(`${at}: node #${index + 1} is not {"id", "function", "inputs": {...}}`);
      return;
    }
    const node = `${at} node "${raw.id}"`;
    if (seen.has(raw.id)) problems.push(`${node}: id used twice`);
    seen.set(raw.id, index);
    const spec = catalog.get(raw.function);
    if (!spec) {
      problems.push(`${node}: function "${raw.function}" is not in the catalog`);
      return;
    }
    const declared = new Map(spec.inputs.map((i) => [i.name, i]));
    for (const [param, binding] of Object.entries(raw.inputs)) {
      const input = declared.get(param);
      const where = `${node} ${spec.name}.${param}`;
      if (!input) {
        problems.push(`${node}: ${spec.name} has no input "${param}" (it has ${[...declared.keys()].join(', ')})`);
        continue;
      }
      const keys = isObject(binding) ? Object.keys(binding).sort().join(',') : '';
      if (!isObject(binding) || !['value', 'from,output', 'ask'].includes(keys)) {
        problems.push(`${where}: a binding is {"value": v}, {"from": id, "output": o} or {"ask": true}; got ${JSON.stringify(binding)}`);
        continue;
      }
      if ('ask' in binding) {
        if (binding.ask !== true) problems.push(`${where}: write an ask as {"ask": true}`);
      } else if ('from' in binding) {
        const from = String(binding.from);
        consumed.add(from);
        const producerIndex = seen.get(from);
        const producer = nodes[producerIndex ?? -1] as GoldNode | undefined;
        if (producerIndex === undefined || producer === undefined || producerIndex >= index) {
          problems.push(`${where}: reads node "${from}", which is not an earlier node`);
          continue;
        }
        const producerSpec = catalog.get(producer.function);
        const output = producerSpec?.outputs.find((o) => o.name === binding.output);
        if (!producerSpec) continue; // reported on that node
        if (!output) {
          problems.push(`${where}: ${producerSpec.name} has no output "${String(binding.output)}" (it has ${producerSpec.outputs.map((o) => o.name).join(', ')})`);
        } else if (!isAssignable(output.type, input.type)) {
          problems.push(`${where} (${input.type}) cannot take ${producerSpec.name}.${output.name} (${output.type}); add the converting step (e.g. a list through a join)`);
        }
      } else {
        const problem = literalProblem(input, binding.value);
        if (problem) problems.push(`${where}: ${problem}`);
      }
    }
    for (const input of spec.inputs) {
      if (input.required && input.default === undefined && !(input.name in raw.inputs)) {
        problems.push(`${node}: required input ${spec.name}.${input.name} is not bound (a missing value is {"ask": true})`);
      }
    }
  });
  for (const out of outputs) {
    if (!isObject(out) || typeof out.from !== 'string' || typeof out.output !== 'string') {
      problems.push(`${at}: an output is {"from": id, "output": name}`);
      continue;
    }
    consumed.add(out.from);
    const producer = nodes[seen.get(out.from) ?? -1] as GoldNode | undefined;
    const spec = producer && catalog.get(producer.function);
    if (!producer) problems.push(`${at}: outputs: no node "${out.from}"`);
    else if (spec && !spec.outputs.some((o) => o.name === out.output)) problems.push(`${at}: outputs: ${spec.name} has no output "${out.output}"`);
  }
  if (outputs.length === 0) problems.push(`${at}: no outputs`);
  for (const id of seen.keys()) if (!consumed.has(id)) problems.push(`${at}: node "${id}" feeds nothing and is not an output`);
  return true;
}

const hasAsk = (wf: GoldWorkflow) => wf.nodes.some((n) => Object.values(n.inputs).some((b) => 'ask' in b));

function checkItem(raw: unknown, catalog: Catalog, at: string, problems: string[]): Item | undefined {
  if (!isObject(raw)) {
    problems.push(`${at}: not a JSON object`);
    return undefined;
  }
  const { id, request, kind, gold } = raw;
  if (typeof id !== 'string' || typeof request !== 'string' || !request.trim() || !Array.isArray(gold)) {
    problems.push(`${at}: a line is {"id", "request", "kind", "gold": [...]}`);
    return undefined;
  }
  const where = `${at} ${id}`;
  if (!KINDS.includes(kind as Kind)) problems.push(`${where}: kind ${JSON.stringify(kind)} is not one of ${KINDS.join(', ')}`);
  const unsupported = raw.unsupported === true;
  if (unsupported !== (kind === 'unsupported') || unsupported !== (gold.length === 0)) {
    problems.push(`${where}: an unsupported request has kind "unsupported", "unsupported": true and "gold": [] (all three or none)`);
  }
  const workflows = gold.filter((wf, i) => checkWorkflow(wf, catalog, `${where} gold[${i}]`, problems));
  if (workflows.length === gold.length && workflows.length > 0) {
    const first = workflows[0]!;
    if (kind === 'single' && first.nodes.length !== 1) problems.push(`${where}: a single request's first gold has one node`);
    if ((kind === 'chain' || kind === 'multi') && workflows.every((wf) => wf.nodes.length < 2)) {
      problems.push(`${where}: a ${kind} request needs more than one node`);
    }
    if (kind === 'ask' && !workflows.every(hasAsk)) problems.push(`${where}: an ask request asks for something in every gold`);
    if (kind !== 'ask' && workflows.some(hasAsk)) problems.push(`${where}: asks for an input but its kind is "${String(kind)}"`);
    const sigs = workflows.map(signature);
    if (new Set(sigs).size !== sigs.length) problems.push(`${where}: two gold workflows are the same plan`);
  }
  return { ...(raw as unknown as Item), kind: kind as Kind };
}

interface SetReport {
  file: string;
  catalogPath: string;
  items: Item[];
}

function checkSet(file: string, ids: Set<string>, problems: string[]): SetReport | undefined {
  const name = basename(file, '.jsonl');
  const own = join(ROOT, 'bench', 'catalogs', name, 'catalog.json');
  const catalogPath = existsSync(own) ? own : join(ROOT, 'catalog');
  const shown = relative(process.cwd(), file) || file;
  let catalog: Catalog;
  try {
    catalog = loadCatalog(catalogPath);
  } catch (e) {
    problems.push(`${shown}: its catalog ${relative(ROOT, catalogPath)} does not load: ${(e as Error).message}`);
    return undefined;
  }
  const items: Item[] = [];
  const requests = new Set<string>();
  const prefixes = new Set<string>();
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      if (!line.trim()) return;
      const at = `${shown}:${i + 1}`;
      let raw: unknown;
      try {
        raw = JSON.parse(line);
      } catch (e) {
        problems.push(`${at}: not JSON (${(e as Error).message})`);
        return;
      }
      const item = checkItem(raw, catalog, at, problems);
      if (!item) return;
      if (ids.has(item.id)) problems.push(`${at}: id ${item.id} is used twice`);
      ids.add(item.id);
      if (requests.has(item.request)) problems.push(`${at}: the same request appears twice`);
      requests.add(item.request);
      prefixes.add(item.id.replace(/\d+$/, ''));
      items.push(item);
    });
  if (prefixes.size > 1) problems.push(`${shown}: ids use several prefixes (${[...prefixes].join(', ')}); one per file`);
  return { file, catalogPath, items };
}

/** Scores the gold, turned into predictions, with the official scorer; every line must be right. */
function scoreGoldAsPredictions(set: SetReport, scorer: string, problems: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'bench-requests-'));
  try {
    const pred = join(dir, 'pred.jsonl');
    const lines = set.items.map((item) =>
      JSON.stringify(
        item.gold[0]
          ? { id: item.id, workflow: { version: 1, request: item.request, ...item.gold[0] } }
          : { id: item.id, workflow: { version: 1, request: item.request, nodes: [], outputs: [], unsupported: [item.request] } },
      ),
    );
    writeFileSync(pred, lines.join('\n') + '\n');
    const run = spawnSync('python3', [scorer, '--catalog', set.catalogPath, '--gold', set.file, '--pred', pred, '--json'], { encoding: 'utf8' });
    if (run.status !== 0) {
      problems.push(`${relative(ROOT, set.file)}: the scorer failed: ${run.error?.message ?? run.stderr.trim()}`);
      return 'scorer failed';
    }
    const result = JSON.parse(run.stdout.trim().split('\n').pop() ?? '{}') as { right?: number; n?: number };
    if (result.right !== set.items.length || result.n !== set.items.length) {
      problems.push(`${relative(ROOT, set.file)}: the scorer finds ${result.right}/${result.n} of the gold-as-predictions right; every line should be`);
    }
    return `scorer on gold as predictions: right ${result.right}/${result.n}`;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function main(): void {
  const argv = process.argv.slice(2);
  const flag = argv.indexOf('--scorer');
  const scorer = flag >= 0 ? argv[flag + 1] ?? '' : join(ROOT, '..', 'shared', 'bench', 'product', 'score.py');
  const files = readdirSync(HERE)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()
    .map((f) => join(HERE, f));
  const problems: string[] = [];
  const ids = new Set<string>();
  for (const file of files) {
    const before = problems.length;
    const set = checkSet(file, ids, problems);
    if (!set) continue;
    const counts = KINDS.map((k) => `${k} ${set.items.filter((i) => i.kind === k).length}`).join(', ');
    const catalog = loadCatalog(set.catalogPath);
    const used = new Set(set.items.flatMap((i) => i.gold.flatMap((wf) => wf.nodes.map((n) => n.function))));
    const scored = problems.length === before && existsSync(scorer) ? scoreGoldAsPredictions(set, scorer, problems) : existsSync(scorer) ? 'not scored (fix the problems first)' : `scorer skipped (no ${scorer})`;
    console.log(
      `${relative(ROOT, file)}: ${set.items.length} requests over ${relative(ROOT, set.catalogPath)} (${catalog.functions.length} functions, ${used.size} used in gold); ${counts}; ${scored}`,
    );
  }
  if (files.length === 0) problems.push(`no .jsonl request sets in ${relative(ROOT, HERE)}`);
  for (const p of problems) console.log(`  problem: ${p}`);
  console.log(problems.length ? `${problems.length} problem(s)` : 'all request sets check out');
  process.exitCode = problems.length ? 1 : 0;
}

main();
