/**
 * One behaviour suite for every VectorIndex. Each implementation's test calls
 * `runVectorIndexConformance` with a way to create an empty index and to load a saved one.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { VectorIndex } from '../../src/index/index.ts';

export interface VectorIndexFactory {
  name: string;
  create(dimensions: number): VectorIndex;
  load(path: string, dimensions: number): VectorIndex;
}

const DIMS = 16;

/** Deterministic pseudo-random vectors, so a failure reproduces. */
function vectors(count: number, seed = 7): Float32Array[] {
  let s = seed;
  const next = () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32) * 2 - 1;
  return Array.from({ length: count }, () => Float32Array.from({ length: DIMS }, next));
}

function cosine(a: Float32Array, b: Float32Array): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i]! * b[i]!;
    na += a[i]! ** 2;
    nb += b[i]! ** 2;
  }
  return dot / Math.sqrt(na * nb);
}

function filled(factory: VectorIndexFactory, count = 50): { index: VectorIndex; data: Float32Array[] } {
  const index = factory.create(DIMS);
  const data = vectors(count);
  data.forEach((v, id) => index.add(id * 3, v)); // ids need not be dense
  return { index, data };
}

export function runVectorIndexConformance(factory: VectorIndexFactory): void {
  describe(`${factory.name} (VectorIndex conformance)`, () => {
    it('finds a stored vector first, with score 1', () => {
      const { index, data } = filled(factory);
      for (const [i, v] of data.entries()) {
        const [best] = index.search(v, 1);
        assert.equal(best?.id, i * 3);
        assert.ok(Math.abs(best!.score - 1) < 1e-5, `score ${best!.score}`);
      }
    });

    it('returns cosine similarities, best first', () => {
      const { index, data } = filled(factory);
      const query = vectors(1, 99)[0]!;
      const hits = index.search(query, 10);
      assert.equal(hits.length, 10);
      for (let i = 1; i < hits.length; i++) assert.ok(hits[i - 1]!.score >= hits[i]!.score, 'scores descend');
      for (const h of hits) assert.ok(Math.abs(h.score - cosine(query, data[h.id / 3]!)) < 1e-5);
    });

    it('ignores vector length: a scaled copy scores the same', () => {
      const { index, data } = filled(factory);
      const scaled = data[4]!.map((x) => x * 37);
      assert.equal(index.search(scaled, 1)[0]?.id, 12);
    });

    it('returns every vector when k exceeds the size', () => {
      const { index } = filled(factory, 5);
      const hits = index.search(vectors(1, 3)[0]!, 50);
      assert.deepEqual(hits.map((h) => h.id).sort((a, b) => a - b), [0, 3, 6, 9, 12]);
    });

    it('returns nothing from an empty index, or for k = 0', () => {
      const empty = factory.create(DIMS);
      assert.equal(empty.size, 0);
      assert.deepEqual(empty.search(vectors(1)[0]!, 5), []);
      const { index } = filled(factory, 3);
      assert.deepEqual(index.search(vectors(1)[0]!, 0), []);
    });

    it('replaces the vector of an id added twice', () => {
      const index = factory.create(DIMS);
      const [a, b] = vectors(2);
      index.add(1, a!);
      index.add(1, b!);
      assert.equal(index.size, 1);
      assert.ok(Math.abs(index.search(b!, 1)[0]!.score - 1) < 1e-5);
    });

    it('grows past its initial room', () => {
      const { index } = filled(factory, 300);
      assert.equal(index.size, 300);
      assert.equal(index.search(vectors(300)[299]!, 1)[0]?.id, 299 * 3);
    });

    it('gives back the stored unit vector of an id', () => {
      const { index, data } = filled(factory);
      const v = index.vector(6)!;
      assert.ok(Math.abs(cosine(v, data[2]!) - 1) < 1e-5);
      assert.ok(Math.abs(Math.hypot(...v) - 1) < 1e-5);
      assert.equal(index.vector(1), undefined);
    });

    it('rejects a vector of the wrong length, naming both lengths', () => {
      const index = factory.create(DIMS);
      assert.throws(() => index.add(0, new Float32Array(3)), { name: 'IndexError', code: 'index.dimensions', message: /3 numbers .* 16-dimensional/ });
      assert.throws(() => index.search(new Float32Array(3), 1), { code: 'index.dimensions' });
    });

    it('answers the same after a save and load round trip, leaving no temporary file', () => {
      const { index, data } = filled(factory);
      const dir = mkdtempSync(join(tmpdir(), 'vector-index-'));
      const path = join(dir, 'saved.idx');
      index.save(path);
      assert.deepEqual(readdirSync(dir), ['saved.idx']);
      const loaded = factory.load(path, DIMS);
      assert.equal(loaded.size, index.size);
      for (const q of [...vectors(5, 11), data[7]!]) assert.deepEqual(loaded.search(q, 5), index.search(q, 5));
    });

    it('saves and loads an empty index', () => {
      const dir = mkdtempSync(join(tmpdir(), 'vector-index-'));
      const path = join(dir, 'empty.idx');
      factory.create(DIMS).save(path);
      assert.ok(existsSync(path));
      const loaded = factory.load(path, DIMS);
      assert.equal(loaded.size, 0);
      assert.deepEqual(loaded.search(vectors(1)[0]!, 3), []);
    });

    it('fails to load a missing file with a corrupt-index error', () => {
      assert.throws(() => factory.load(join(tmpdir(), 'no-such-index.idx'), DIMS), { name: 'IndexError', code: 'index.corrupt' });
    });
  });
}
