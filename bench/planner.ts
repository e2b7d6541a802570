/**
 * Planning benchmarks: accuracy and latency of the offline planner, with the function index
 * already built, on
 * - the Reverse Chain dev sets (../shared/bench/reversechain beside the checkout), scored by
 *   functions, edges and values;
 * - the product request sets, scored as their official scorer (score.py) does: the shared
 *   ../shared/bench/product dev.jsonl + dev-more.jsonl together over the default `catalog/`, and each
 *   `bench/requests/<name>.jsonl` over `bench/catalogs/<name>/catalog.json` when that exists, else
 *   over the default `catalog/`.
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_CATALOG } from '../src/agent/config.ts';
import { loadCatalog, type Catalog } from '../src/catalog/index.ts';
import { evaluate, parseDataset, type BadLine, type EvalReport } from '../src/cli/commands/eval.ts';
import { evaluateProduct, parseProductDataset, type ProductEvalReport, type ProductLine } from '../src/cli/commands/eval-product.ts';
import { createPlanner, type Planner } from '../src/planner/index.ts';

export const REVERSECHAIN_DIR = fileURLToPath(new URL('../../shared/bench/reversechain/', import.meta.url));
export const PRODUCT_DIR = fileURLToPath(new URL('../../shared/bench/product/', import.meta.url));
export const PRODUCT_FILES = ['dev.jsonl', 'dev-more.jsonl'];
export const REQUESTS_DIR = fileURLToPath(new URL('./requests/', import.meta.url));
const CATALOGS_DIR = fileURLToPath(new URL('./catalogs/', import.meta.url));

/** One planner per catalog, each over its own index in a fresh temporary folder. */
async function plannerOver(catalog: Catalog): Promise<Planner> {
  return createPlanner({ catalog, dataDir: mkdtempSync(join(tmpdir(), 'ae-bench-')) });
}

export async function benchPlanner(files = ['dev.jsonl', 'dev-all.jsonl']): Promise<{ file: string; report: EvalReport }[] | undefined> {
  if (!existsSync(join(REVERSECHAIN_DIR, 'catalog.json'))) return undefined;
  const planner = await plannerOver(loadCatalog(join(REVERSECHAIN_DIR, 'catalog.json')));
  const out: { file: string; report: EvalReport }[] = [];
  for (const file of files) {
    const dataset = parseDataset(readFileSync(join(REVERSECHAIN_DIR, file), 'utf8'));
    out.push({ file, report: await evaluate(planner, dataset) });
  }
  return out;
}

export interface ProductBench {
  /** What was planned: `product dev + dev-more` or `bench/requests/<name>.jsonl`. */
  name: string;
  /** The catalog it was planned over. */
  catalog: string;
  report: ProductEvalReport;
  /** Bad lines, each with the file it is in. */
  bad: (BadLine & { file: string })[];
}

/** A product request set: its files, read as one data set, and the catalog to plan them over. */
interface ProductSet {
  name: string;
  files: string[];
  catalog: string;
}

/** The product sets there are: the shared dev sets (when that folder exists) and bench/requests/*.jsonl. */
export function productSets(): { sets: ProductSet[]; sharedMissing: boolean } {
  const sets: ProductSet[] = [];
  const shared = PRODUCT_FILES.map((f) => join(PRODUCT_DIR, f));
  const sharedMissing = !shared.every((f) => existsSync(f));
  if (!sharedMissing) sets.push({ name: `product ${PRODUCT_FILES.map((f) => basename(f, '.jsonl')).join(' + ')}`, files: shared, catalog: DEFAULT_CATALOG });
  const requests = existsSync(REQUESTS_DIR) ? readdirSync(REQUESTS_DIR).filter((f) => f.endsWith('.jsonl')).sort() : [];
  for (const file of requests) {
    const own = join(CATALOGS_DIR, basename(file, '.jsonl'), 'catalog.json');
    sets.push({ name: `bench/requests/${file}`, files: [join(REQUESTS_DIR, file)], catalog: existsSync(own) ? own : DEFAULT_CATALOG });
  }
  return { sets, sharedMissing };
}

/** Plans and scores every product set, one planner per catalog. */
export async function benchProduct(sets: ProductSet[]): Promise<ProductBench[]> {
  const planners = new Map<string, { catalog: Catalog; planner: Planner }>();
  const out: ProductBench[] = [];
  for (const set of sets) {
    let p = planners.get(set.catalog);
    if (!p) {
      const catalog = loadCatalog(set.catalog);
      p = { catalog, planner: await plannerOver(catalog) };
      planners.set(set.catalog, p);
    }
    const items: ProductLine[] = [];
    const bad: ProductBench['bad'] = [];
    for (const file of set.files) {
      const dataset = parseProductDataset(readFileSync(file, 'utf8'));
      items.push(...dataset.items);
      bad.push(...dataset.bad.map((b) => ({ ...b, file })));
    }
    out.push({ name: set.name, catalog: set.catalog, bad, report: await evaluateProduct(p.planner, { items, bad }, p.catalog) });
  }
  return out;
}
