/**
 * @module index/hnsw
 * Approximate cosine search with hnswlib's HNSW graph (hnswlib-node), on unit vectors in inner
 * product space, so score = 1 − distance = cosine similarity.
 */
import hnswlib from 'hnswlib-node';
import { IndexError } from './errors.ts';
import { checkId, checkVector, unit, writeAtomically, type VectorHit, type VectorIndex } from './vector-index.ts';

export interface HnswOptions {
  /** Graph degree (links per node per layer; twice that on the bottom layer). */
  m?: number;
  /** Candidate list size while inserting: higher builds a better graph, more slowly. */
  efConstruction?: number;
  /** Candidate list size while searching (at least k is used): higher gives better recall, more slowly. */
  efSearch?: number;
  /** Initial room; the index grows (doubling) when it fills. */
  capacity?: number;
  /** Seed of the level generator, so the same inserts build the same graph. */
  seed?: number;
}

// NOTE: chosen with `npm run bench` (bench/index-scale.ts): 100-dimensional embeddings of synthetic
// function texts, 1000 queries, recall@10 against BruteForceIndex, on a 2-core machine.
// - efSearch = 64: recall@10 0.980 at 100k (0.993 at 10k, 1.000 at 1k), query p50 0.2 ms, p95 0.3 ms.
//   32 gives 0.93 at 100k (below the 0.95 target); 128 gives 0.996 for twice the latency.
// - efConstruction = 100: within 0.1 point of hnswlib's default 200 at 10k (0.993 vs 0.994 at
//   efSearch 64) for about half the build time (100k: ~36 s); 64 loses 1.4 points at 100k.
// - M = 16: M = 8 loses 2 points at 10k; M = 32 gains 0.2 for ~25% more memory.
export const HNSW_DEFAULTS = { m: 16, efConstruction: 100, efSearch: 64 } as const;

/**
 * @example
 * const index = HnswIndex.create(100);
 * index.add(0, v);
 * index.search(q, 10); // [{ id: 0, score: 0.83 }]
 * index.save('data/index/x.hnsw');
 * HnswIndex.load('data/index/x.hnsw', 100);
 */
export class HnswIndex implements VectorIndex {
  private readonly graph: hnswlib.HierarchicalNSW;
  private readonly ids = new Set<number>();
  private capacity: number;

  private constructor(
    readonly dimensions: number,
    graph: hnswlib.HierarchicalNSW,
    capacity: number,
  ) {
    this.graph = graph;
    this.capacity = capacity;
  }

  /** An empty index for `dimensions`-long vectors. */
  static create(dimensions: number, options: HnswOptions = {}): HnswIndex {
    const { m, efConstruction, efSearch } = { ...HNSW_DEFAULTS, ...options };
    const capacity = Math.max(16, options.capacity ?? 0);
    const graph = new hnswlib.HierarchicalNSW('ip', dimensions);
    graph.initIndex(capacity, m, efConstruction, options.seed ?? 100);
    graph.setEf(efSearch);
    return new HnswIndex(dimensions, graph, capacity);
  }

  /** Reads an index written by `save`. Check the file's integrity first: hnswlib trusts its input. */
  static load(path: string, dimensions: number, options: Pick<HnswOptions, 'efSearch'> = {}): HnswIndex {
    const graph = new hnswlib.HierarchicalNSW('ip', dimensions);
    try {
      graph.readIndexSync(path);
    } catch (e) {
      throw new IndexError('index.corrupt', `cannot read the HNSW index ${path}: ${(e as Error).message}; delete it to rebuild`, { cause: e });
    }
    // NOTE: the search width is not part of hnswlib's file (it loads as 10); set it again.
    graph.setEf(options.efSearch ?? HNSW_DEFAULTS.efSearch);
    const index = new HnswIndex(dimensions, graph, graph.getMaxElements());
    for (const id of graph.getIdsList()) index.ids.add(id);
    return index;
  }

  get size(): number {
    return this.ids.size;
  }

  /** The search width; see HNSW_DEFAULTS for the trade-off. */
  get efSearch(): number {
    return this.graph.getEf();
  }
  set efSearch(ef: number) {
    this.graph.setEf(ef);
  }

  add(id: number, v: Float32Array): void {
    checkId(id);
    checkVector(v, this.dimensions, `vector ${id}`);
    if (!this.ids.has(id) && this.ids.size >= this.capacity) {
      this.capacity *= 2;
      this.graph.resizeIndex(this.capacity);
    }
    this.graph.addPoint(Array.from(unit(v)), id);
    this.ids.add(id);
  }

  search(v: Float32Array, k: number): VectorHit[] {
    checkVector(v, this.dimensions, 'the query vector');
    const want = Math.min(Math.floor(k), this.ids.size);
    if (want <= 0) return [];
    const { neighbors, distances } = this.graph.searchKnn(Array.from(unit(v)), want);
    return neighbors.map((id, i) => ({ id, score: 1 - distances[i]! }));
  }

  vector(id: number): Float32Array | undefined {
    return this.ids.has(id) ? Float32Array.from(this.graph.getPoint(id)) : undefined;
  }

  save(path: string): void {
    writeAtomically(path, (tmp) => this.graph.writeIndexSync(tmp));
  }
}
