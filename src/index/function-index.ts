/**
 * @module index/function-index
 * The catalog's functions, embedded and held in an HNSW index that is saved under
 * `<dataDir>/index/` and reused while the catalog and the embedder stay the same.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Catalog, FunctionSpec } from '../catalog/types.ts';
import type { Embedder } from './embedder.ts';
import { IndexError, isIndexError } from './errors.ts';
import { FUNCTION_TEXT_VERSION, functionText } from './function-text.ts';
import { HNSW_DEFAULTS, HnswIndex } from './hnsw.ts';
import { checkVector, writeAtomically } from './vector-index.ts';

/** Bump when the saved layout or the meaning of the key changes. */
const FORMAT = 1;
/** Texts per embedder call: small enough for steady progress, large enough for few API requests. */
const EMBED_BATCH = 128;

export interface IndexProgress {
  phase: 'embedding' | 'indexing';
  done: number;
  total: number;
}

export interface FunctionIndexOptions {
  /** The index lives in `<dataDir>/index/`. */
  dataDir: string;
  embedder: Embedder;
  /** Called as functions are embedded and inserted (only when building). */
  onProgress?: (p: IndexProgress) => void;
}

export interface FunctionHit {
  function: FunctionSpec;
  /** Cosine similarity of the query and the function's text, in [-1, 1]. */
  score: number;
}

/** What `<key>.json` holds beside `<key>.hnsw`. Written last, so it marks a complete save. */
interface IndexMeta {
  format: number;
  key: string;
  embedder: string;
  dimensions: number;
  names: string[];
  created: string;
  hnsw: { bytes: number; sha256: string; m: number; efConstruction: number };
}

/** Recursively sorted keys, so the same specs always hash the same. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
        .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

/**
 * The cache key: sha256 of the embedder id and the catalog's function specs as canonical JSON, in
 * catalog order (vector ids are positions).
 */
export function indexKey(catalog: Catalog, embedderId: string): string {
  // NOTE: `runtime` is left out: it does not change the texts, and module paths are absolute after
  // loading, so keeping it would rebuild the index whenever the checkout moves. `group` and
  // `examples` only change how the app describes itself, not the texts either.
  const specs = catalog.functions.map(({ runtime: _runtime, group: _group, examples: _examples, ...rest }) => rest);
  const doc = { format: FORMAT, text: FUNCTION_TEXT_VERSION, embedder: embedderId, functions: specs };
  return createHash('sha256').update(JSON.stringify(canonical(doc))).digest('hex');
}

const sha256File = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

/**
 * @example
 * const index = await FunctionIndex.open(catalog, { dataDir: 'data', embedder: new WordVectorEmbedder() });
 * const hits = await index.search('how do people feel about the new logo', 5);
 * hits[0]?.function.name; // 'AnalyzeSentiment'
 */
export class FunctionIndex {
  private constructor(
    private readonly catalog: Catalog,
    private readonly embedder: Embedder,
    private readonly vectors: HnswIndex,
    private readonly idOf: Map<string, number>,
    /** `loaded` from disk, `built` because none was saved, or `rebuilt` over an unusable saved one. */
    readonly status: 'loaded' | 'built' | 'rebuilt',
    /** Why it was built or rebuilt; undefined when loaded. */
    readonly reason: string | undefined,
    readonly key: string,
    /** The saved HNSW file; its metadata is beside it with the `.json` extension. */
    readonly path: string,
  ) {}

  /**
   * Loads the saved index for this catalog and embedder, or builds and saves it when there is
   * none or the saved one is damaged. A catalog change gives a new key, hence a new build.
   */
  static async open(catalog: Catalog, options: FunctionIndexOptions): Promise<FunctionIndex> {
    const { dataDir, embedder, onProgress } = options;
    const key = indexKey(catalog, embedder.id);
    const dir = join(dataDir, 'index');
    const hnswPath = join(dir, `${key}.hnsw`);
    const metaPath = join(dir, `${key}.json`);
    const names = catalog.functions.map((f) => f.name);
    const idOf = new Map(names.map((n, i) => [n, i]));

    let reason = 'no saved index for this catalog and embedder';
    let status: 'built' | 'rebuilt' = 'built';
    if (existsSync(metaPath) || existsSync(hnswPath)) {
      try {
        const vectors = loadSaved(hnswPath, metaPath, key, embedder, names);
        return new FunctionIndex(catalog, embedder, vectors, idOf, 'loaded', undefined, key, hnswPath);
      } catch (e) {
        if (!isIndexError(e)) throw e;
        reason = `the saved index was unusable (${e.message})`;
        status = 'rebuilt';
      }
    }

    const vectors = await build(catalog, embedder, onProgress);
    try {
      mkdirSync(dir, { recursive: true });
      vectors.save(hnswPath);
      const meta: IndexMeta = {
        format: FORMAT,
        key,
        embedder: embedder.id,
        dimensions: embedder.dimensions,
        names,
        created: new Date().toISOString(),
        hnsw: { bytes: statSync(hnswPath).size, sha256: sha256File(hnswPath), m: HNSW_DEFAULTS.m, efConstruction: HNSW_DEFAULTS.efConstruction },
      };
      // The metadata goes last: a crash before this line leaves no .json, so the next open rebuilds.
      writeAtomically(metaPath, (tmp) => writeFileSync(tmp, JSON.stringify(meta, null, 1) + '\n'));
    } catch (e) {
      throw new IndexError('index.save', `cannot save the function index in ${dir}: ${(e as Error).message}; make the folder writable or set DATA_DIR to another one`, { cause: e });
    }
    return new FunctionIndex(catalog, embedder, vectors, idOf, status, reason, key, hnswPath);
  }

  /** True when this `open` built the index, false when it loaded it from disk. */
  get built(): boolean {
    return this.status !== 'loaded';
  }

  /** Number of indexed functions. */
  get size(): number {
    return this.vectors.size;
  }

  /** The embedder's id the index was built with. */
  get embedderId(): string {
    return this.embedder.id;
  }

  /**
   * The `k` functions nearest to the query, best first. A string is embedded with the index's
   * embedder; a vector must come from the same embedder.
   */
  async search(query: string | Float32Array, k: number): Promise<FunctionHit[]> {
    const v = typeof query === 'string' ? await this.embedQuery(query) : query;
    return this.vectors.search(v, k).flatMap(({ id, score }) => {
      const spec = this.catalog.functions[id];
      return spec ? [{ function: spec, score }] : [];
    });
  }

  /** Embeds a query with the index's embedder (for callers that search several times). */
  async embedQuery(text: string): Promise<Float32Array> {
    let v: Float32Array;
    try {
      v = await this.embedder.embedQuery(text);
    } catch (e) {
      throw embeddingFailed(this.embedder, e);
    }
    checkVector(v, this.embedder.dimensions, `the ${this.embedder.id} query embedding`);
    return v;
  }

  /** The stored unit vector of a function's text, or undefined for an unknown name. */
  vectorOf(name: string): Float32Array | undefined {
    const id = this.idOf.get(name);
    return id === undefined ? undefined : this.vectors.vector(id);
  }
}

function embeddingFailed(embedder: Embedder, e: unknown): IndexError {
  const why = e instanceof Error ? e.message : String(e);
  return new IndexError('index.embedding', `embedding with ${embedder.id} failed: ${why}; check the embedding service and its key`, { cause: e });
}

/** Loads and checks a saved index; throws IndexError `index.corrupt` for anything unusable. */
function loadSaved(hnswPath: string, metaPath: string, key: string, embedder: Embedder, names: string[]): HnswIndex {
  const corrupt = (why: string) => new IndexError('index.corrupt', why);
  let meta: IndexMeta;
  try {
    meta = JSON.parse(readFileSync(metaPath, 'utf8')) as IndexMeta;
  } catch (e) {
    throw corrupt(`${metaPath}: ${(e as Error).message}`);
  }
  if (meta?.format !== FORMAT || meta.key !== key || meta.embedder !== embedder.id || meta.dimensions !== embedder.dimensions) {
    throw corrupt(`${metaPath} describes a different index`);
  }
  if (!Array.isArray(meta.names) || meta.names.length !== names.length || meta.names.some((n, i) => n !== names[i])) {
    throw corrupt(`${metaPath} lists other functions`);
  }
  if (!existsSync(hnswPath)) throw corrupt(`${hnswPath} is missing`);
  // NOTE: hnswlib trusts the file it reads, so a truncated or altered file could crash the process
  // instead of throwing. The size and hash recorded at save time catch that first.
  if (statSync(hnswPath).size !== meta.hnsw?.bytes || sha256File(hnswPath) !== meta.hnsw.sha256) {
    throw corrupt(`${hnswPath} does not match its metadata (partly written or altered)`);
  }
  const vectors = HnswIndex.load(hnswPath, embedder.dimensions);
  if (vectors.size !== names.length) throw corrupt(`${hnswPath} holds ${vectors.size} vectors, expected ${names.length}`);
  return vectors;
}

async function build(catalog: Catalog, embedder: Embedder, onProgress?: (p: IndexProgress) => void): Promise<HnswIndex> {
  const texts = catalog.functions.map(functionText);
  const total = texts.length;
  const vectors: Float32Array[] = [];
  onProgress?.({ phase: 'embedding', done: 0, total });
  for (let i = 0; i < total; i += EMBED_BATCH) {
    const batch = texts.slice(i, i + EMBED_BATCH);
    let out: Float32Array[];
    try {
      out = await embedder.embedDocuments(batch);
    } catch (e) {
      throw embeddingFailed(embedder, e);
    }
    if (out.length !== batch.length) {
      throw new IndexError('index.embedding', `${embedder.id} returned ${out.length} vectors for ${batch.length} texts`);
    }
    vectors.push(...out);
    onProgress?.({ phase: 'embedding', done: vectors.length, total });
  }
  const index = HnswIndex.create(embedder.dimensions, { capacity: total });
  const step = Math.max(1, Math.floor(total / 100));
  onProgress?.({ phase: 'indexing', done: 0, total });
  vectors.forEach((v, id) => {
    checkVector(v, embedder.dimensions, `the ${embedder.id} embedding of ${catalog.functions[id]!.name}`);
    index.add(id, v);
    if ((id + 1) % step === 0 || id + 1 === total) onProgress?.({ phase: 'indexing', done: id + 1, total });
  });
  return index;
}
