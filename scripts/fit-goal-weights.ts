/**
 * Refits the goal-ranking weights of src/planner/rank.ts on a data set with gold workflows:
 * listwise logistic regression (softmax over each request's candidates, gold final = target),
 * reporting 5-fold cross-validated top-1/top-3 before printing the weights fitted on everything.
 *
 *   node --import tsx scripts/fit-goal-weights.ts CATALOG.json DATASET.jsonl
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCatalog } from '../src/catalog/index.ts';
import { parseDataset } from '../src/cli/commands/eval.ts';
import { createPlanner, type DeterministicPlanner } from '../src/planner/index.ts';
import { WEIGHTS } from '../src/planner/rank.ts';
import type { Workflow } from '../src/workflow/types.ts';

const [catalogPath, datasetPath] = process.argv.slice(2);
if (!catalogPath || !datasetPath) {
  console.error('usage: node --import tsx scripts/fit-goal-weights.ts CATALOG.json DATASET.jsonl');
  process.exit(2);
}
const keys = Object.keys(WEIGHTS) as (keyof typeof WEIGHTS)[];
const planner = (await createPlanner({ catalog: loadCatalog(catalogPath), dataDir: mkdtempSync(join(tmpdir(), 'fit-')), candidates: 16 })) as DeterministicPlanner;

const sink = (wf: Workflow) => {
  const read = new Set(wf.nodes.flatMap((n) => Object.values(n.inputs).flatMap((b) => ('from' in b ? [b.from] : []))));
  return wf.nodes.find((n) => !read.has(n.id))?.function;
};
const items: { x: number[][]; y: number[] }[] = [];
for (const item of parseDataset(readFileSync(datasetPath, 'utf8')).items) {
  const gold = sink(item.gold);
  const candidates = await planner.goalCandidates(item.request);
  if (!candidates.some((c) => c.function === gold)) continue; // nothing to learn from
  items.push({ x: candidates.map((c) => keys.map((k) => c.features[k])), y: candidates.map((c) => (c.function === gold ? 1 : 0)) });
}

function fit(train: typeof items, l2 = 1e-3, steps = 600, rate = 0.5): number[] {
  const w: number[] = new Array(keys.length).fill(0);
  for (let s = 0; s < steps; s++) {
    const g: number[] = new Array(keys.length).fill(0);
    for (const { x, y } of train) {
      const scores = x.map((row) => row.reduce((t, v, j) => t + v * w[j]!, 0));
      const max = Math.max(...scores);
      const exp = scores.map((v) => Math.exp(v - max));
      const z = exp.reduce((a, b) => a + b, 0);
      const goldMass = y.reduce((a, b) => a + b, 0);
      x.forEach((row, i) => row.forEach((v, j) => (g[j] = g[j]! + v * (exp[i]! / z - y[i]! / goldMass))));
    }
    for (let j = 0; j < w.length; j++) w[j] = w[j]! - rate * (g[j]! / train.length + l2 * w[j]!);
  }
  return w;
}

function accuracy(w: number[], test: typeof items): [number, number] {
  let top1 = 0;
  let top3 = 0;
  for (const { x, y } of test) {
    const order = x.map((row, i) => ({ i, s: row.reduce((t, v, j) => t + v * w[j]!, 0) })).sort((a, b) => b.s - a.s);
    if (y[order[0]!.i]) top1++;
    if (order.slice(0, 3).some((o) => y[o.i])) top3++;
  }
  return [top1 / test.length, top3 / test.length];
}

const folds = 5;
let cvTop1 = 0;
let cvTop3 = 0;
for (let k = 0; k < folds; k++) {
  const test = items.filter((_, i) => i % folds === k);
  const [a1, a3] = accuracy(fit(items.filter((_, i) => i % folds !== k)), test);
  cvTop1 += a1 / folds;
  cvTop3 += a3 / folds;
}
const [now1, now3] = accuracy(keys.map((k) => WEIGHTS[k]), items);
console.log(`${items.length} requests with the gold goal among the candidates`);
console.log(`current weights: top-1 ${now1.toFixed(3)}, top-3 ${now3.toFixed(3)}`);
console.log(`refit, 5-fold cross-validated: top-1 ${cvTop1.toFixed(3)}, top-3 ${cvTop3.toFixed(3)}`);
const w = fit(items);
console.log(`const WEIGHTS = {\n${keys.map((k, j) => `  ${k}: ${w[j]!.toFixed(2)},`).join('\n')}\n};`);
