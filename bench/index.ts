/**
 * `npm run bench [-- SECTION…]`: prints measured figures. Targets are stated beside each figure;
 * nothing here is a pass/fail test. Sections: `executor`, `slack`, `planner` (Reverse Chain and
 * product request sets), `product` (the product sets only), `index`, `scale` (the planner over the
 * Reverse Chain catalog grown to 10k and 100k functions: several minutes); all of them when none is
 * named, and `no-SECTION` leaves one out (`npm run bench -- no-scale`).
 * `npm run bench -- planner` is the quick one to run while working on the planner.
 */
import { relative } from 'node:path';
import { benchChainOverhead, benchParallelRatio } from './executor.ts';
import { benchIndexScale } from './index-scale.ts';
import { benchPlanner, benchProduct, PRODUCT_DIR, productSets, REVERSECHAIN_DIR } from './planner.ts';
import { benchPlannerScale, formatScaleRow, hasScaleData, SCALE_SIZES } from './planner-scale.ts';
import { benchSlackAck } from './slack-ack.ts';
import { pyFixed } from '../src/workflow/python-text.ts';

const fmt = (n: number, digits = 2) => n.toFixed(digits);
/** The product figures, written as score.py writes them. */
const f3 = (n: number) => pyFixed(n, 3);

const SECTIONS = ['executor', 'slack', 'planner', 'product', 'index', 'scale'] as const;
type Section = (typeof SECTIONS)[number];

async function benchProductSets() {
  const { sets, sharedMissing } = productSets();
  if (sharedMissing) console.log(`product requests: skipped the shared dev sets, none at ${PRODUCT_DIR}`);
  for (const { name, catalog, report: r, bad } of await benchProduct(sets)) {
    const s = r.score;
    const kinds = Object.entries(s.per_kind).map(([k, v]) => `${k} ${v}`).join(', ');
    console.log(
      `planner on ${name} (${r.requests} requests over ${relative(process.cwd(), catalog) || '.'}, offline, scored as score.py): right ${s.right}/${s.n} (${f3(s.right_share)}); final top-1 ${f3(s.final_top1)}, top-3 ${f3(s.final_top3)}; function F1 ${f3(s.fn_F1)}; by kind ${kinds}; planning p50 ${fmt(r.latency.planMs.p50, 1)} ms, p95 ${fmt(r.latency.planMs.p95, 1)} ms`,
    );
    for (const b of bad) console.log(`  ${b.file}:${b.line}: skipped: ${b.why}`);
  }
}

async function main(only: Set<Section>, skip: Set<Section>) {
  console.log(`# action-engine benchmarks — ${new Date().toISOString().slice(0, 10)}, Node ${process.version}`);
  const run = (s: Section) => (only.size === 0 || only.has(s)) && !skip.has(s);

  if (run('executor')) await benchExecutor();
  if (run('slack')) await benchSlack();
  if (run('planner')) await benchReverseChain();
  if (run('planner') || run('product')) await benchProductSets();
  if (run('index')) await benchIndex();
  if (run('scale')) await benchScale();
}

async function benchExecutor() {
  const chain = await benchChainOverhead(200);
  console.log(`executor overhead: ${fmt(chain.perNodeMs, 3)} ms/node on a 200-node chain of trivial module functions (total ${fmt(chain.totalMs, 1)} ms; target < 2 ms/node)`);

  // The first run in a process also pays for loading Node's HTTP client; the second shows the steady state.
  for (const label of ['cold', 'warm']) {
    const par = await benchParallelRatio(200);
    console.log(
      `parallel branches (${label}): wall ${fmt(par.wallMs, 0)} ms vs critical path ${par.criticalPathMs} ms, ratio ${fmt(par.ratio)} (serial would be ${par.serialMs} ms, ratio ${fmt(par.serialMs / par.criticalPathMs)})`,
    );
  }
}

async function benchSlack() {
  const ack = await benchSlackAck(200);
  console.log(
    `slack ack: ${ack.count} signed app_mention events sent one after another (real Bolt HTTP receiver, agent taking 200 ms a turn): response p50 ${fmt(ack.p50Ms)} ms, p95 ${fmt(ack.p95Ms)} ms, p99 ${fmt(ack.p99Ms)} ms, max ${fmt(ack.maxMs)} ms${ack.errors ? `, ${ack.errors} not 200` : ''} (target p99 < 50 ms: ${ack.p99Ms < 50 && !ack.errors ? 'met' : 'NOT met'})`,
  );
}

async function benchReverseChain() {
  const planning = await benchPlanner();
  if (!planning) console.log(`planner accuracy: skipped, no Reverse Chain data at ${REVERSECHAIN_DIR}`);
  for (const { file, report: r } of planning ?? []) {
    const f1 = (s: { f1: number }) => fmt(s.f1, 3);
    console.log(
      `planner on reversechain/${file} (${r.requests} requests, offline): function F1 ${f1(r.functions)}, edge F1 ${f1(r.edges)}, value F1 ${f1(r.values)}, exact ${fmt(r.exact.rate, 3)}, final top-1 ${fmt(r.final.top1, 3)}, top-3 ${fmt(r.final.top3, 3)}, asks/request ${fmt(r.asks.perRequest, 2)}, unsupported ${r.unsupported.requests}; planning p50 ${fmt(r.latency.planMs.p50, 1)} ms, p95 ${fmt(r.latency.planMs.p95, 1)} ms (target p50 < 20 ms)`,
    );
    console.log(`  errors: ${Object.entries(r.errors).map(([k, v]) => `${k} ${v}`).join(', ')}`);
  }
}

async function benchIndex() {
  console.log('function index (HNSW M=16, efConstruction=100; synthetic function texts, offline word vectors, 100 dims; 1000 queries; recall@10 vs brute force; target at 100k: p50 < 1 ms, recall ≥ 0.95):');
  for (const row of await benchIndexScale()) {
    const size = row.size >= 1000 ? `${row.size / 1000}k` : String(row.size);
    console.log(`  ${size.padStart(4)} functions: build ${fmt(row.buildMs / 1000, 1)} s, index ${fmt(row.fileMb, 1)} MB (on disk ≈ in memory), process resident ${fmt(row.rssMb, 0)} MB`);
    for (const s of row.searches) {
      console.log(
        `        efSearch ${String(s.efSearch).padStart(3)}: p50 ${fmt(s.p50Ms, 3)} ms, p95 ${fmt(s.p95Ms, 3)} ms, recall@10 ${fmt(s.recallAt10, 3)}${s.isDefault ? '  ← default' : ''}`,
      );
    }
  }
}

async function benchScale() {
  if (!hasScaleData()) {
    console.log(`planner at scale: skipped, no Reverse Chain data at ${REVERSECHAIN_DIR}`);
    return;
  }
  console.log(
    'planner at scale (Reverse Chain catalog plus copies with other names and reworded descriptions; index built in a fresh process, then planning in another: 10 warm-up plans, 200 dev requests; memory after a full collection; target at 100k: p50 < 50 ms, < 400 MB resident):',
  );
  for (const size of SCALE_SIZES) console.log(formatScaleRow(await benchPlannerScale(size)).join('\n'));
}

const args = process.argv.slice(2);
const isSection = (a: string): a is Section => (SECTIONS as readonly string[]).includes(a);
const skipped = args.filter((a) => a.startsWith('no-')).map((a) => a.slice(3));
const asked = args.filter((a) => !a.startsWith('no-'));
const unknown = [...asked, ...skipped].filter((a) => !isSection(a));
if (unknown.length > 0) {
  console.error(`unknown section${unknown.length === 1 ? '' : 's'}: ${unknown.join(', ')}; use npm run bench [-- ${SECTIONS.join('|')} … | no-SECTION …]`);
  process.exit(2);
}
await main(new Set(asked.filter(isSection)), new Set(skipped.filter(isSection)));
