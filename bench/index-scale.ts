/**
 * Function-index scale benchmark: synthetic catalogs of 1k, 10k and 100k functions. Each function
 * is a plausible text ("Get the latest hotel prices for a city…", with typed inputs and outputs)
 * made from word lists and embedded by the offline word-vector embedder, so the vectors have the
 * structure real function texts have (shared domains, near-duplicates). Queries are 1000 fresh
 * request texts from the same lists. Per size: HNSW build time, query p50/p95, recall@10 against
 * BruteForceIndex (ties at the 10th score count as hits), and the resident memory the index adds.
 */
import { rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BruteForceIndex, functionText, HNSW_DEFAULTS, HnswIndex, WordVectorEmbedder, type HnswOptions } from '../src/index/index.ts';

export interface IndexScaleRow {
  size: number;
  buildMs: number;
  /** Query latency and recall per efSearch tried; the default one is marked. */
  searches: { efSearch: number; p50Ms: number; p95Ms: number; recallAt10: number; isDefault: boolean }[];
  /** Growth of the process's resident set while building the HNSW index. */
  /** Resident memory of the whole process right after the build (vectors, queries and index). */
  rssMb: number;
  /** Bytes of the saved index. */
  fileMb: number;
}

const VERBS = `get list create update delete find search convert translate summarize analyze calculate estimate book cancel schedule send post
upload download resize compress predict recommend suggest compare track check validate generate format parse extract count sort filter merge
split encode decode encrypt measure plan order buy sell rent reserve share notify remind record play stream monitor detect classify rank score fetch`.split(/\s+/);
const OBJECTS = `weather forecast temperature flight hotel restaurant recipe song playlist movie ticket stock price currency invoice payment email message
channel meeting calendar event image photo video document report spreadsheet chart sentence language address route distance traffic car bike book
author article news review product shipment package user account password profile team project task issue bug commit repository server database table
column file folder contract salary budget expense loan mortgage insurance policy doctor appointment prescription symptom medicine workout calorie diet
meal grocery store coupon discount recipe ingredient wine coffee pizza train bus taxi airport passport visa museum concert game score player league
match station podcast episode lyrics artist album photo camera printer phone battery charger laptop keyboard garden plant flower tree seed soil pet
dog cat vet school course lesson exam grade student teacher homework library poem story novel joke quote holiday vacation beach mountain lake river
city country population election vote law tax refund donation charity volunteer job resume interview candidate company employee office desk room`.split(/\s+/);
const QUALIFIERS = `daily weekly monthly local nearby top latest cheapest popular upcoming recent current historical average total public private shared
favorite recommended available open closed pending urgent new old annual hourly live official detailed short long free premium international domestic
vegetarian organic electric healthy spicy quiet busy safe fast slow`.split(/\s+/);
const PARAMS = `name id date time city country amount number limit query keyword category language format size width height url code email phone
address location range start end duration level type status rating budget currency unit`.split(/\s+/);

function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

function syntheticTexts(count: number, seed: number): { functions: string[]; queries: (n: number) => string[] } {
  const r = rng(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)]!;
  const cap = (w: string) => w[0]!.toUpperCase() + w.slice(1);
  const functions = Array.from({ length: count }, () => {
    const [verb, qual, obj, obj2] = [pick(VERBS), pick(QUALIFIERS), pick(OBJECTS), pick(OBJECTS)];
    const param = (p: string) => ({ name: `${obj2}_${p}`, type: 'string' as const, description: `the ${p} of the ${obj2}`, required: true });
    return functionText({
      name: `${cap(verb)}${cap(qual)}${cap(obj)}`,
      description: `This API is to ${verb} the ${qual} ${obj} for a ${obj2}.`,
      inputs: Array.from({ length: 1 + Math.floor(r() * 3) }, () => param(pick(PARAMS))),
      outputs: [{ name: `${qual}_${obj}`, type: 'string', description: `the ${qual} ${obj} of the ${obj2}` }],
    });
  });
  const queries = (n: number) =>
    Array.from({ length: n }, () => `Can you ${pick(VERBS)} the ${pick(QUALIFIERS)} ${pick(OBJECTS)} for my ${pick(OBJECTS)} in ${pick(OBJECTS)}?`);
  return { functions, queries };
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;
/** Resident memory after a full collection (npm run bench passes --expose-gc), so JS garbage does not blur the index's own size. */
const rssMb = () => {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().rss / 2 ** 20;
};

/**
 * @example
 * for (const row of await benchIndexScale()) console.log(row.size, row.searches);
 */
export async function benchIndexScale(
  options: { sizes?: number[]; queries?: number; efSearch?: number[]; hnsw?: Omit<HnswOptions, 'capacity'> } = {},
): Promise<IndexScaleRow[]> {
  const { sizes = [1_000, 10_000, 100_000], queries: queryCount = 1000, efSearch = [16, 32, HNSW_DEFAULTS.efSearch, 128] } = options;
  const embedder = new WordVectorEmbedder();
  const rows: IndexScaleRow[] = [];
  for (const size of sizes) {
    const data = syntheticTexts(size, size);
    const vectors = await embedder.embedDocuments(data.functions);
    const queries = await embedder.embedDocuments(data.queries(queryCount));

    const started = performance.now();
    const hnsw = HnswIndex.create(embedder.dimensions, { ...options.hnsw, capacity: size });
    vectors.forEach((v, id) => hnsw.add(id, v));
    const buildMs = performance.now() - started;
    // NOTE: a before/after RSS difference is unreliable (the allocator returns freed pages at will);
    // the index's own memory is close to its file size, reported beside this.
    const rss = rssMb();

    const exact = new BruteForceIndex(embedder.dimensions, size);
    vectors.forEach((v, id) => exact.add(id, v));
    const truth = queries.map((q) => exact.search(q, 10));

    const searches: IndexScaleRow['searches'] = [];
    for (const ef of efSearch) {
      hnsw.efSearch = ef;
      for (const q of queries.slice(0, 50)) hnsw.search(q, 10); // warm-up
      const times: number[] = [];
      let hits = 0;
      queries.forEach((q, i) => {
        const t = performance.now();
        const found = hnsw.search(q, 10);
        times.push(performance.now() - t);
        // NOTE: near-duplicate texts tie at the 10th score; any of the tied ones is a correct answer.
        const tenth = truth[i]![truth[i]!.length - 1]!.score - 1e-6;
        hits += found.filter((h) => h.score >= tenth).length;
      });
      times.sort((a, b) => a - b);
      searches.push({
        efSearch: ef,
        p50Ms: percentile(times, 0.5),
        p95Ms: percentile(times, 0.95),
        recallAt10: hits / (queries.length * 10),
        isDefault: ef === (options.hnsw?.efSearch ?? HNSW_DEFAULTS.efSearch),
      });
    }

    const file = join(tmpdir(), `index-scale-${process.pid}-${size}.hnsw`);
    hnsw.save(file);
    const fileMb = statSync(file).size / 2 ** 20;
    rmSync(file, { force: true });
    rows.push({ size, buildMs, searches, rssMb: rss, fileMb });
  }
  return rows;
}
