/**
 * Planner scale benchmark: the Reverse Chain catalog (../shared/bench/reversechain/catalog.json, 823
 * functions) grown to N functions by copies with other names and reworded descriptions (seeded, so
 * every run plans over the same catalog), then a real planner over it plans a sample of the Reverse
 * Chain dev requests.
 *
 * Each size runs in two fresh processes, so the memory figures are the planner's own and not what an
 * earlier size or bench section left behind:
 * 1. `build`: the function index built into a temporary DATA_DIR (as `action-engine index` does),
 *    timed by phase, then loaded back once;
 * 2. `plan`: word vectors, catalog, `createPlanner` (which loads the saved index), 10 warm-up plans,
 *    then the timed sample. Resident set and heap after a full collection at each stage.
 *
 * `npm run bench -- scale` runs it at the catalog's own size, 10k and 100k. Directly, for one size
 * and a profile of the planning alone:
 *   node --expose-gc --import tsx bench/planner-scale.ts 100000 --cpu-prof /tmp/plan.cpuprofile --heap-prof /tmp/plan.heapprofile
 * prints the functions planning spends its time in and the allocation sites of what is still held
 * after planning (open the files in Chrome DevTools for the whole tree).
 */
import { fork } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import type { Profiler, HeapProfiler } from 'node:inspector';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeCatalog, type FunctionSpec, type InputSpec, type OutputSpec } from '../src/catalog/index.ts';
import { parseDataset, percentile } from '../src/cli/commands/eval.ts';
import { FunctionIndex, loadWordVectors, WordVectorEmbedder, type IndexProgress } from '../src/index/index.ts';
import { createPlanner } from '../src/planner/index.ts';

export const REVERSECHAIN_DIR = fileURLToPath(new URL('../../shared/bench/reversechain/', import.meta.url));
const CATALOG_FILE = join(REVERSECHAIN_DIR, 'catalog.json');
const DEV_FILE = join(REVERSECHAIN_DIR, 'dev.jsonl');
/** 0 stands for the catalog as it is (823 functions), the baseline the copies are compared with. */
export const SCALE_SIZES = [0, 10_000, 100_000];
const WARM_UP = 10;
const REQUESTS = 200;
const SEED = 20_240_601;

/** mulberry32: a small seeded generator, so the catalog and the request sample are the same every run. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

// NOTE: a verb is swapped only for one of the same class: the planner reads "changes the world" from
// the first word of a name when the catalog marks no sideEffects (this one marks none), and a copy
// that turned a booking into a lookup would plan differently for reasons other than scale.
const LOOKUP_VERBS: Record<string, string[]> = {
  get: ['Fetch', 'Retrieve', 'Lookup', 'Obtain', 'Read', 'Query', 'Pull'],
  find: ['Search', 'Locate', 'Lookup', 'Discover', 'Seek'],
  search: ['Find', 'Query', 'Browse', 'Lookup'],
  fetch: ['Get', 'Retrieve', 'Load', 'Pull'],
  retrieve: ['Get', 'Fetch', 'Obtain'],
  check: ['Verify', 'Validate', 'Inspect', 'Test'],
  calculate: ['Compute', 'Estimate', 'Determine', 'Evaluate'],
  recommend: ['Suggest', 'Propose', 'Advise'],
  suggest: ['Recommend', 'Propose', 'Advise'],
  generate: ['Produce', 'Compose', 'Build'],
  convert: ['Transform', 'Translate', 'Map'],
  locate: ['Find', 'Pinpoint', 'Lookup'],
  plan: ['Organize', 'Arrange', 'Prepare'],
  list: ['Enumerate', 'Browse', 'Show'],
};
const CHANGING_VERBS: Record<string, string[]> = {
  book: ['Reserve', 'Order', 'Schedule'],
  reserve: ['Book', 'Schedule', 'Order'],
  add: ['Append', 'Put', 'Attach'],
  create: ['Register', 'Submit'],
  buy: ['Purchase', 'Order'],
  purchase: ['Buy', 'Order'],
  order: ['Buy', 'Purchase'],
  send: ['Dispatch', 'Mail', 'Post'],
  update: ['Change', 'Set', 'Write'],
  delete: ['Remove', 'Drop'],
  cancel: ['Revoke', 'Drop'],
};
/** Words put after the verb (or first, in a name without one); none is a verb of either class. */
const QUALIFIERS = ['Quick', 'Smart', 'Global', 'Local', 'Cloud', 'Easy', 'Instant', 'Live', 'Daily', 'Premium', 'Basic', 'Advanced', 'Unified', 'Simple', 'Secure', 'Fast'];
const SUFFIXES = ['V2', 'V3', 'Api', 'Service', 'Tool', 'Lite', 'Plus', 'Pro', 'Ex', 'Hub', 'Now', 'Online'];
const VENDORS = ['Acme', 'Globex', 'Initech', 'Umbrella', 'Stark', 'Hooli', 'Vandelay', 'Contoso', 'Fabrikam', 'Northwind', 'Tailspin', 'Wonka', 'Cyberdyne', 'Soylent'];

/** Openings for a description whose original reads "This API is (used) to <do something>". */
const TO_OPENINGS = ['Use this to ', 'Lets you ', 'Call this endpoint to ', 'A service to ', 'Helps you ', 'Used to ', 'Designed to ', 'An API to ', 'This function is meant to ', ''];
/** Openings for one that reads "This API <does something>". */
const DOES_OPENINGS = ['This endpoint ', 'The service ', 'A tool that ', 'This function ', 'It ', 'Our API ', ''];
const CLOSINGS = [
  ' It responds quickly.',
  ' Results come from a trusted provider.',
  ' Works for any region.',
  ' Requires valid inputs.',
  ' Part of the {vendor} suite.',
  ' Data is refreshed daily.',
  ' Returns an error when nothing matches.',
  ' Handy for everyday tasks.',
  ' Available around the clock.',
];
/** Rewordings of verbs and adjectives; nouns are kept, so the copy is about the same things. */
const SYNONYMS: [RegExp, string[]][] = [
  [/\bget\b/g, ['fetch', 'retrieve', 'obtain']],
  [/\bfind\b/g, ['locate', 'look up', 'search for']],
  [/\bspecific\b/g, ['given', 'particular', 'certain']],
  [/\binformation\b/g, ['details', 'info', 'data']],
  [/\bcalculate\b/g, ['compute', 'work out']],
  [/\bprovides\b/g, ['gives', 'returns', 'supplies']],
  [/\breturns\b/g, ['gives back', 'provides', 'yields']],
  [/\bsuggest\b/g, ['recommend', 'propose']],
  [/\bbased on\b/g, ['using', 'according to', 'from']],
  [/\bcheck\b/g, ['verify', 'see']],
];
const PARAM_REWORDINGS: ((d: string) => string)[] = [
  (d) => d.replace(/^the /i, ''),
  (d) => d.replace(/^the /i, 'the given '),
  (d) => `${d} to use`,
  (d) => `${d[0]?.toUpperCase() ?? ''}${d.slice(1)}${/[.!?]$/.test(d) ? '' : '.'}`,
];

/** `AddSongToPlaylist` → Add, Song, To, Playlist; `Username2ID` → Username, 2, ID. */
const nameParts = (name: string) => name.match(/[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+/g) ?? [name];

function variedName(name: string, r: () => number): string {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const parts = nameParts(name);
  const first = parts[0]!.toLowerCase();
  const synonyms = LOOKUP_VERBS[first] ?? CHANGING_VERBS[first];
  if (synonyms && r() < 0.6) parts[0] = pick(synonyms);
  const roll = r();
  if (roll < 0.35) parts.splice(synonyms ? 1 : 0, 0, pick(QUALIFIERS));
  else if (roll < 0.6) parts.push(pick(SUFFIXES));
  else if (roll < 0.8) parts.push(pick(['By', 'From', 'Via', '']), pick(VENDORS));
  else {
    parts.splice(synonyms ? 1 : 0, 0, pick(QUALIFIERS));
    parts.push(pick(SUFFIXES));
  }
  return parts.join('');
}

function variedDescription(description: string, r: () => number): string {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const to = /^This API (?:is (?:used |designed |meant )?to|will) (.*)$/i.exec(description);
  const does = to ? undefined : /^This API (.*)$/i.exec(description);
  let core = (to?.[1] ?? does?.[1] ?? description).trim();
  for (const [pattern, words] of SYNONYMS) if (r() < 0.5) core = core.replace(pattern, () => pick(words));
  const opening = to ? pick(TO_OPENINGS) : does ? pick(DOES_OPENINGS) : '';
  let text = opening ? `${opening}${core}` : `${core[0]?.toUpperCase() ?? ''}${core.slice(1)}`;
  if (!/[.!?]$/.test(text)) text += '.';
  if (r() < 0.5) text += pick(CLOSINGS).replace('{vendor}', pick(VENDORS));
  return text;
}

function variedParam<T extends InputSpec | OutputSpec>(param: T, r: () => number): T {
  if (r() >= 0.3 || !param.description) return { ...param };
  return { ...param, description: PARAM_REWORDINGS[Math.floor(r() * PARAM_REWORDINGS.length)]!(param.description) };
}

/**
 * The base catalog's functions, then copies of them in rounds (every function once per round) until
 * there are `size`: each copy with a new unique name and a reworded description; inputs and outputs
 * keep their names and types (so chains still link), some with a reworded description.
 * @example
 * const { functions, originOf } = grownCatalog(base, 100_000);
 * originOf.get(functions[823]!.name); // 'Username2ID'
 */
export function grownCatalog(base: FunctionSpec[], size: number, seed = SEED): { functions: FunctionSpec[]; originOf: Map<string, string> } {
  const r = rng(seed);
  const functions = base.slice(0, size || base.length);
  const originOf = new Map(functions.map((f) => [f.name, f.name]));
  for (let i = 0; functions.length < size; i++) {
    const original = base[i % base.length]!;
    let name = variedName(original.name, r);
    for (let n = 2; originOf.has(name); n++) name = `${variedName(original.name, r)}${n}`;
    originOf.set(name, original.name);
    functions.push({
      ...original,
      name,
      description: variedDescription(original.description, r),
      inputs: original.inputs.map((p) => variedParam(p, r)),
      outputs: original.outputs.map((p) => variedParam(p, r)),
    });
  }
  return { functions, originOf };
}

export interface MemoryStage {
  stage: string;
  /** Resident set of the whole process, after a full collection. */
  rssMb: number;
  /** Live JS heap, after a full collection. */
  heapUsedMb: number;
  /** Memory held by JS objects outside the heap (Buffers: the word vectors' 35 MB file). */
  externalMb: number;
}

function memoryAt(stage: string): MemoryStage {
  (globalThis as { gc?: () => void }).gc?.();
  const m = process.memoryUsage();
  return { stage, rssMb: m.rss / 2 ** 20, heapUsedMb: m.heapUsed / 2 ** 20, externalMb: m.external / 2 ** 20 };
}

export interface BuildReport {
  size: number;
  /** Catalog key (canonical JSON of every spec, hashed), before embedding starts. */
  keyMs: number;
  embedMs: number;
  hnswMs: number;
  /** Saving the HNSW file, hashing it and writing the metadata. */
  saveMs: number;
  buildMs: number;
  /** Opening the saved index again (hash check and read), as every later start does. */
  loadMs: number;
  fileMb: number;
  memory: MemoryStage[];
}

export interface PlanReport {
  size: number;
  /** `createPlanner` as a whole, and the part of it spent in `FunctionIndex.open` (loading the saved index). */
  createMs: number;
  indexOpenMs: number;
  requests: number;
  planMs: { p50: number; p95: number; max: number; mean: number };
  /** The planned final function is the gold one or a copy of it. */
  finalRight: number;
  failed: number;
  memory: MemoryStage[];
  /** The process's peak resident set (before any collection), over the whole run. */
  peakRssMb: number;
  /** Top functions by self and inclusive time while planning, when profiled. */
  cpu?: ProfileSummary;
  /** Allocation sites of what is still held after planning, when profiled. */
  heap?: { site: string; mb: number }[];
}

export interface ScaleRow {
  size: number;
  build: BuildReport;
  plan: PlanReport;
}

function baseCatalog(): FunctionSpec[] {
  return (JSON.parse(readFileSync(CATALOG_FILE, 'utf8')) as { functions: FunctionSpec[] }).functions;
}

async function runBuild(size: number, dataDir: string): Promise<BuildReport> {
  const memory = [memoryAt('start')];
  const vectors = loadWordVectors();
  memory.push(memoryAt('word vectors loaded'));
  const catalog = makeCatalog(grownCatalog(baseCatalog(), size).functions);
  memory.push(memoryAt('catalog built'));
  const embedder = new WordVectorEmbedder(vectors);
  const marks: Partial<Record<'embedStart' | 'embedEnd' | 'hnswStart' | 'hnswEnd', number>> = {};
  const onProgress = (p: IndexProgress) => {
    const now = performance.now();
    if (p.phase === 'embedding' && p.done === 0) marks.embedStart ??= now;
    if (p.phase === 'embedding' && p.done === p.total) marks.embedEnd = now;
    if (p.phase === 'indexing' && p.done === 0) marks.hnswStart ??= now;
    if (p.phase === 'indexing' && p.done === p.total) marks.hnswEnd = now;
  };
  const started = performance.now();
  const built = await FunctionIndex.open(catalog, { dataDir, embedder, onProgress });
  const ended = performance.now();
  memory.push(memoryAt('index built (held)'));
  const fileMb = statSync(built.path).size / 2 ** 20;
  const loadStarted = performance.now();
  const loaded = await FunctionIndex.open(catalog, { dataDir, embedder });
  const loadMs = performance.now() - loadStarted;
  if (!built.built || loaded.built) throw new Error(`expected a build then a load, got ${built.status} then ${loaded.status}`);
  const { embedStart = started, embedEnd = started, hnswStart = embedEnd, hnswEnd = hnswStart } = marks;
  return {
    size: catalog.functions.length,
    keyMs: embedStart - started,
    embedMs: embedEnd - embedStart,
    hnswMs: hnswEnd - hnswStart,
    saveMs: ended - hnswEnd,
    buildMs: ended - started,
    loadMs,
    fileMb,
    memory,
  };
}

interface ProfileOptions {
  cpuProfile?: string;
  heapProfile?: string;
}

async function runPlan(size: number, dataDir: string, count: number, profile: ProfileOptions): Promise<PlanReport> {
  const session = profile.cpuProfile || profile.heapProfile ? new Session() : undefined;
  session?.connect();
  if (profile.heapProfile) {
    await session!.post('HeapProfiler.enable');
    await session!.post('HeapProfiler.startSampling', { samplingInterval: 32 * 1024 });
  }
  const memory = [memoryAt('start')];
  loadWordVectors();
  memory.push(memoryAt('word vectors loaded'));
  const { functions, originOf } = grownCatalog(baseCatalog(), size);
  const catalog = makeCatalog(functions);
  memory.push(memoryAt('catalog built'));

  // NOTE: FunctionIndex.open is wrapped from here, not changed, to split createPlanner's time into
  // loading the index and constructing the planner.
  const open = FunctionIndex.open.bind(FunctionIndex);
  let indexOpenMs = 0;
  FunctionIndex.open = async (...args: Parameters<typeof open>) => {
    const t = performance.now();
    try {
      return await open(...args);
    } finally {
      indexOpenMs += performance.now() - t;
    }
  };
  const created = performance.now();
  const planner = await createPlanner({ catalog, dataDir });
  const createMs = performance.now() - created;
  FunctionIndex.open = open;
  memory.push(memoryAt('planner created'));

  const { items } = parseDataset(readFileSync(DEV_FILE, 'utf8'));
  const r = rng(SEED);
  const shuffled = items.map((item) => ({ item, key: r() })).sort((a, b) => a.key - b.key).map((x) => x.item);
  for (const item of shuffled.slice(0, WARM_UP)) await planner.plan(item.request).catch(() => undefined);

  if (profile.cpuProfile) {
    await session!.post('Profiler.enable');
    await session!.post('Profiler.setSamplingInterval', { interval: 200 });
    await session!.post('Profiler.start');
  }
  const times: number[] = [];
  let finalRight = 0;
  let failed = 0;
  const sample = shuffled.slice(WARM_UP, WARM_UP + count);
  for (const item of sample) {
    const t = performance.now();
    try {
      const { workflow } = await planner.plan(item.request);
      times.push(performance.now() - t);
      const finalOf = (w: typeof workflow) => w.nodes.find((n) => n.id === w.outputs.at(-1)?.from)?.function;
      const planned = finalOf(workflow);
      if (planned && originOf.get(planned) === finalOf(item.gold)) finalRight++;
    } catch {
      times.push(performance.now() - t);
      failed++;
    }
  }
  let cpu: ProfileSummary | undefined;
  if (profile.cpuProfile) {
    const { profile: p } = await session!.post('Profiler.stop');
    writeFileSync(profile.cpuProfile, JSON.stringify(p));
    cpu = summarizeCpuProfile(p);
  }
  memory.push(memoryAt('after planning'));
  let heap: PlanReport['heap'];
  if (profile.heapProfile) {
    (globalThis as { gc?: () => void }).gc?.();
    const { profile: p } = await session!.post('HeapProfiler.stopSampling');
    writeFileSync(profile.heapProfile, JSON.stringify(p));
    heap = summarizeHeapProfile(p);
  }
  session?.disconnect();
  // NOTE: a suspended async function keeps only the locals it still uses; this use keeps the planner
  // and its caches alive through the awaits above, so 'after planning' measures them.
  if (!planner) throw new Error('no planner');
  return {
    size: catalog.functions.length,
    createMs,
    indexOpenMs,
    requests: sample.length,
    planMs: {
      p50: percentile(times, 0.5),
      p95: percentile(times, 0.95),
      max: Math.max(...times),
      mean: times.reduce((a, b) => a + b, 0) / (times.length || 1),
    },
    finalRight: finalRight / (sample.length || 1),
    failed,
    memory,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    cpu,
    heap,
  };
}

export interface ProfileSummary {
  totalMs: number;
  /** Time in the function's own code. */
  self: { fn: string; ms: number; share: number }[];
  /** Time in the function and everything it calls (each sample counted once per function). */
  inclusive: { fn: string; ms: number; share: number }[];
}

const ROOT = fileURLToPath(new URL('..', import.meta.url));
type Frame = { functionName: string; url: string };
const fileOf = (frame: Frame) => (frame.url.startsWith('file:') ? relative(ROOT, fileURLToPath(frame.url)) : frame.url);
const isProjectFrame = (frame: Frame) => frame.url.startsWith('file:') && !frame.url.includes('/node_modules/');

/**
 * A frame as a reader finds it in the source. NOTE: tsx compiles each file to one line, so line
 * numbers say nothing; an anonymous function is named by the function it is written in, and a
 * built-in (Map.set, String.split) by the project function that called it.
 */
function siteName(stack: Frame[]): string {
  const frame = stack.at(-1)!;
  const file = fileOf(frame);
  if (frame.functionName && file && isProjectFrame(frame)) return `${frame.functionName} ${file}`;
  const caller = stack.slice(0, -1).reverse().find((f) => f.functionName && isProjectFrame(f));
  const where = caller ? ` in ${caller.functionName} ${fileOf(caller)}` : file ? ` ${file}` : '';
  return `${frame.functionName || '(anonymous)'}${where}`;
}

function summarizeCpuProfile(p: Profiler.Profile, top = 30): ProfileSummary {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const names = new Map<number, string>();
  const nameOf = (id: number): string => {
    let name = names.get(id);
    if (name === undefined) {
      const stack: Frame[] = [];
      for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) stack.unshift(byId.get(at)!.callFrame);
      name = siteName(stack);
      names.set(id, name);
    }
    return name;
  };
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  const deltas = p.timeDeltas ?? [];
  let totalMs = 0;
  (p.samples ?? []).forEach((id, i) => {
    // A sample's time is the gap to the next one.
    const ms = (deltas[i + 1] ?? 0) / 1000;
    totalMs += ms;
    self.set(nameOf(id), (self.get(nameOf(id)) ?? 0) + ms);
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const name = nameOf(at);
      if (seen.has(name)) continue;
      seen.add(name);
      inclusive.set(name, (inclusive.get(name) ?? 0) + ms);
    }
  });
  const rank = (m: Map<string, number>) =>
    [...m.entries()]
      .filter(([fn]) => fn !== '(root)')
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([fn, ms]) => ({ fn, ms, share: ms / (totalMs || 1) }));
  return { totalMs, self: rank(self), inclusive: rank(inclusive) };
}

function summarizeHeapProfile(p: HeapProfiler.SamplingHeapProfile, top = 30): { site: string; mb: number }[] {
  const bySite = new Map<string, number>();
  const visit = (n: HeapProfiler.SamplingHeapProfileNode, stack: Frame[]) => {
    const here = [...stack, n.callFrame];
    // The profiler's own messages are not the planner's.
    if (n.callFrame.url.startsWith('node:inspector')) return;
    if (n.selfSize) bySite.set(siteName(here), (bySite.get(siteName(here)) ?? 0) + n.selfSize);
    for (const c of n.children) visit(c, here);
  };
  visit(p.head, []);
  return [...bySite.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([site, bytes]) => ({ site, mb: bytes / 2 ** 20 }));
}

const SELF = fileURLToPath(import.meta.url);
const TSX = import.meta.resolve('tsx');

function child<T>(args: string[]): Promise<T> {
  return new Promise((resolve, reject) => {
    const proc = fork(SELF, ['--child', ...args], { execArgv: ['--expose-gc', '--import', TSX], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let result: T | undefined;
    proc.on('message', (m) => (result = m as T));
    proc.on('error', reject);
    proc.on('exit', (code, signal) => {
      if (result !== undefined) resolve(result);
      else reject(new Error(`bench/planner-scale.ts --child ${args.join(' ')} ended (${signal ?? `exit ${code}`}) without a report`));
    });
  });
}

/** Whether the shared Reverse Chain data the benchmark grows its catalog from is there. */
export const hasScaleData = () => existsSync(CATALOG_FILE) && existsSync(DEV_FILE);

/**
 * Builds the index and plans at one size (0: the catalog as it is), each in a fresh process.
 * @example
 * const row = await benchPlannerScale(100_000);
 * row.plan.planMs.p50;
 */
export async function benchPlannerScale(size: number, options: { requests?: number } & ProfileOptions = {}): Promise<ScaleRow> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ae-bench-scale-'));
  try {
    const build = await child<BuildReport>(['build', String(size), dataDir]);
    const extra = [...(options.cpuProfile ? ['--cpu-prof', options.cpuProfile] : []), ...(options.heapProfile ? ['--heap-prof', options.heapProfile] : [])];
    const plan = await child<PlanReport>(['plan', String(size), dataDir, String(options.requests ?? REQUESTS), ...extra]);
    return { size: build.size, build, plan };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const fmt = (n: number, digits = 0) => n.toFixed(digits);
const sizeLabel = (n: number) => (n >= 1000 && n % 1000 === 0 ? `${n / 1000}k` : String(n));

/** The lines `npm run bench` prints for one row. */
export function formatScaleRow(row: ScaleRow): string[] {
  const { build: b, plan: p } = row;
  const mem = (stages: MemoryStage[]) => stages.map((s) => `${s.stage} ${fmt(s.rssMb)}/${fmt(s.heapUsedMb)}`).join(', ');
  const met = (ok: boolean) => (ok ? 'met' : 'NOT met');
  const after = p.memory.at(-1)!;
  const lines = [
    `  ${sizeLabel(row.size).padStart(4)} functions: index build ${fmt(b.buildMs / 1000, 1)} s (key ${fmt(b.keyMs / 1000, 1)} s, embedding ${fmt(b.embedMs / 1000, 1)} s, HNSW ${fmt(b.hnswMs / 1000, 1)} s, save ${fmt(b.saveMs / 1000, 1)} s; file ${fmt(b.fileMb, 1)} MB), load ${fmt(b.loadMs, 0)} ms; createPlanner ${fmt(p.createMs / 1000, 2)} s (index open ${fmt(p.indexOpenMs / 1000, 2)} s, planner ${fmt((p.createMs - p.indexOpenMs) / 1000, 2)} s)`,
    `        planning ${p.requests} requests: p50 ${fmt(p.planMs.p50, 1)} ms, p95 ${fmt(p.planMs.p95, 1)} ms, max ${fmt(p.planMs.max, 1)} ms, mean ${fmt(p.planMs.mean, 1)} ms; final goal right (or a copy of it) ${fmt(p.finalRight, 3)}${p.failed ? `, ${p.failed} failed` : ''}`,
    `        resident/heap MB: ${mem(p.memory)}; peak resident ${fmt(p.peakRssMb)} MB`,
    `        building the index, resident/heap MB: ${mem(b.memory)}`,
  ];
  if (row.size >= 100_000) {
    const rss = Math.max(after.rssMb, p.peakRssMb);
    lines.push(`        target at 100k: p50 < 50 ms ${met(p.planMs.p50 < 50)} (${fmt(p.planMs.p50, 1)} ms); < 400 MB resident ${met(rss < 400)} (${fmt(after.rssMb)} MB after planning, peak ${fmt(p.peakRssMb)} MB)`);
  }
  return lines;
}

function formatProfiles(p: PlanReport): string[] {
  const lines: string[] = [];
  if (p.cpu) {
    const row = (x: { fn: string; ms: number; share: number }) => `    ${fmt(x.share * 100, 1).padStart(5)}%  ${fmt(x.ms).padStart(7)} ms  ${x.fn}`;
    lines.push(`CPU while planning (${fmt(p.cpu.totalMs)} ms sampled), by self time:`, ...p.cpu.self.map(row));
    lines.push('by inclusive time:', ...p.cpu.inclusive.map(row));
  }
  if (p.heap) lines.push('held after planning, by allocation site (sampled):', ...p.heap.map((h) => `    ${fmt(h.mb, 1).padStart(7)} MB  ${h.site}`));
  return lines;
}

async function main(argv: string[]) {
  const flag = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv.splice(i, 2)[1] : undefined;
  };
  if (argv[0] === '--child') {
    const [, mode, size, dataDir, count] = argv;
    const profile = { cpuProfile: flag('--cpu-prof'), heapProfile: flag('--heap-prof') };
    const report = mode === 'build' ? await runBuild(Number(size), dataDir!) : await runPlan(Number(size), dataDir!, Number(count ?? REQUESTS), profile);
    if (process.send) process.send(report);
    else console.log(JSON.stringify(report, null, 1));
    return;
  }
  if (!hasScaleData()) {
    console.log(`planner scale: skipped, no Reverse Chain data at ${REVERSECHAIN_DIR}`);
    return;
  }
  const profile = { cpuProfile: flag('--cpu-prof'), heapProfile: flag('--heap-prof') };
  const requests = Number(flag('--requests') ?? REQUESTS);
  const sizes = argv.length ? argv.map(Number) : SCALE_SIZES;
  for (const size of sizes) {
    const row = await benchPlannerScale(size, { requests, ...profile });
    console.log(formatScaleRow(row).join('\n'));
    for (const line of formatProfiles(row.plan)) console.log(line);
  }
}

if (process.argv[1] === SELF) await main(process.argv.slice(2));
