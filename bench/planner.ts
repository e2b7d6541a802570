/**
 * Planning benchmark: accuracy and latency of the offline planner on the Reverse Chain dev sets
 * (../shared/bench/reversechain beside the checkout), with the function index already built.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCatalog } from '../src/catalog/index.ts';
import { evaluate, parseDataset, type EvalReport } from '../src/cli/commands/eval.ts';
import { createPlanner } from '../src/planner/index.ts';

export const REVERSECHAIN_DIR = fileURLToPath(new URL('../../shared/bench/reversechain/', import.meta.url));

export async function benchPlanner(files = ['dev.jsonl', 'dev-all.jsonl']): Promise<{ file: string; report: EvalReport }[] | undefined> {
  if (!existsSync(join(REVERSECHAIN_DIR, 'catalog.json'))) return undefined;
  const catalog = loadCatalog(join(REVERSECHAIN_DIR, 'catalog.json'));
  const planner = await createPlanner({ catalog, dataDir: mkdtempSync(join(tmpdir(), 'ae-bench-')) });
  const out: { file: string; report: EvalReport }[] = [];
  for (const file of files) {
    const dataset = parseDataset(readFileSync(join(REVERSECHAIN_DIR, file), 'utf8'));
    out.push({ file, report: await evaluate(planner, dataset) });
  }
  return out;
}
