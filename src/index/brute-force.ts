/**
 * @module index/brute-force
 * Exact cosine search by scanning every vector. The reference the HNSW index's recall is measured
 * against, and fast enough on its own for a few thousand functions.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { IndexError } from './errors.ts';
import { checkId, checkVector, unit, writeAtomically, type VectorHit, type VectorIndex } from './vector-index.ts';

const MAGIC = 'AEBF1';

/**
 * @example
 * const exact = new BruteForceIndex(100);
 * exact.add(0, v);
 * exact.search(q, 10); // [{ id: 0, score: 0.83 }]
 */
export class BruteForceIndex implements VectorIndex {
  private data: Float32Array;
  private ids: number[] = [];
  private readonly rowOf = new Map<number, number>();

  constructor(
    readonly dimensions: number,
    capacity = 64,
  ) {
    this.data = new Float32Array(Math.max(1, capacity) * dimensions);
  }

  get size(): number {
    return this.ids.length;
  }

  add(id: number, v: Float32Array): void {
    checkId(id);
    checkVector(v, this.dimensions, `vector ${id}`);
    let row = this.rowOf.get(id);
    if (row === undefined) {
      row = this.ids.length;
      if ((row + 1) * this.dimensions > this.data.length) {
        const bigger = new Float32Array(this.data.length * 2);
        bigger.set(this.data);
        this.data = bigger;
      }
      this.ids.push(id);
      this.rowOf.set(id, row);
    }
    this.data.set(unit(v), row * this.dimensions);
  }

  search(v: Float32Array, k: number): VectorHit[] {
    checkVector(v, this.dimensions, 'the query vector');
    const n = this.ids.length;
    const want = Math.min(Math.floor(k), n);
    if (want <= 0) return [];
    const q = unit(v);
    const d = this.dimensions;
    const data = this.data;
    const scores = new Float32Array(n);
    for (let r = 0; r < n; r++) {
      let dot = 0;
      const base = r * d;
      for (let j = 0; j < d; j++) dot += q[j]! * data[base + j]!;
      scores[r] = dot;
    }
    const ids = this.ids;
    // Higher score first; equal scores by smaller id, so results do not depend on insertion order.
    const better = (a: number, b: number) => scores[a]! > scores[b]! || (scores[a] === scores[b] && ids[a]! < ids[b]!);
    let top: number[];
    if (want * 8 >= n) {
      top = Array.from({ length: n }, (_, r) => r)
        .sort((a, b) => (better(a, b) ? -1 : better(b, a) ? 1 : 0))
        .slice(0, want);
    } else {
      // Insertion into a short sorted list: O(n·k) worst case, ~O(n) for the small k retrieval uses.
      top = [];
      let floor = -Infinity; // score of the current k-th best once the list is full
      for (let r = 0; r < n; r++) {
        if (scores[r]! < floor || (top.length === want && !better(r, top[want - 1]!))) continue;
        let i = Math.min(top.length, want - 1);
        top[i] = r;
        while (i > 0 && better(r, top[i - 1]!)) {
          top[i] = top[i - 1]!;
          top[--i] = r;
        }
        if (top.length === want) floor = scores[top[want - 1]!]!;
      }
    }
    return top.map((r) => ({ id: this.ids[r]!, score: scores[r]! }));
  }

  vector(id: number): Float32Array | undefined {
    const row = this.rowOf.get(id);
    if (row === undefined) return undefined;
    return this.data.slice(row * this.dimensions, (row + 1) * this.dimensions);
  }

  /** Layout: u32 header length, JSON header, u32 ids, f32 vectors (little-endian). */
  save(path: string): void {
    const header = Buffer.from(JSON.stringify({ magic: MAGIC, dims: this.dimensions, count: this.size }));
    const len = Buffer.alloc(4);
    len.writeUInt32LE(header.length, 0);
    const ids = Buffer.from(Uint32Array.from(this.ids).buffer);
    const vectors = Buffer.from(this.data.buffer, 0, this.size * this.dimensions * 4);
    writeAtomically(path, (tmp) => writeFileSync(tmp, Buffer.concat([len, header, ids, vectors])));
  }

  /** Reads an index written by `save`; throws IndexError `index.corrupt` when the file is not one. */
  static load(path: string, dimensions?: number): BruteForceIndex {
    let buf: Buffer;
    try {
      buf = readFileSync(path);
    } catch (e) {
      throw new IndexError('index.corrupt', `cannot read the vector index ${path}: ${(e as Error).message}`, { cause: e });
    }
    const bad = (why: string) => new IndexError('index.corrupt', `${path} is not a brute-force vector index (${why}); rebuild it`);
    if (buf.length < 4) throw bad('too short');
    const headerLen = buf.readUInt32LE(0);
    let header: { magic?: string; dims?: number; count?: number };
    try {
      header = JSON.parse(buf.subarray(4, 4 + headerLen).toString('utf8'));
    } catch {
      throw bad('unreadable header');
    }
    const { magic, dims, count } = header;
    if (magic !== MAGIC || !Number.isInteger(dims) || !Number.isInteger(count)) throw bad('wrong header');
    if (dimensions !== undefined && dims !== dimensions) {
      throw new IndexError('index.dimensions', `${path} holds ${dims}-dimensional vectors, expected ${dimensions}`);
    }
    const start = 4 + headerLen;
    if (buf.length !== start + count! * 4 + count! * dims! * 4) throw bad('wrong length');
    const index = new BruteForceIndex(dims!, count);
    const ids = new Uint32Array(buf.buffer.slice(buf.byteOffset + start, buf.byteOffset + start + count! * 4));
    const data = new Float32Array(buf.buffer.slice(buf.byteOffset + start + count! * 4, buf.byteOffset + buf.length));
    ids.forEach((id, r) => {
      index.ids.push(id);
      index.rowOf.set(id, r);
    });
    index.data.set(data);
    return index;
  }
}
