import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { BruteForceIndex, HNSW_DEFAULTS, HnswIndex } from '../../src/index/index.ts';
import { runVectorIndexConformance } from './conformance.ts';

runVectorIndexConformance({
  name: 'HnswIndex',
  create: (dims) => HnswIndex.create(dims),
  load: (path, dims) => HnswIndex.load(path, dims),
});

runVectorIndexConformance({
  name: 'BruteForceIndex',
  create: (dims) => new BruteForceIndex(dims),
  load: (path, dims) => BruteForceIndex.load(path, dims),
});

describe('HnswIndex against BruteForceIndex', () => {
  it('finds at least 95% of the exact top 10 on 5,000 clustered vectors', () => {
    const dims = 32;
    let s = 1;
    const rnd = () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32) * 2 - 1;
    const centers = Array.from({ length: 50 }, () => Float32Array.from({ length: dims }, rnd));
    const point = () => {
      const c = centers[Math.floor(((rnd() + 1) / 2) * centers.length)]!;
      return c.map((x) => x + 0.5 * rnd());
    };
    const hnsw = HnswIndex.create(dims);
    const exact = new BruteForceIndex(dims);
    for (let id = 0; id < 5000; id++) {
      const v = point();
      hnsw.add(id, v);
      exact.add(id, v);
    }
    let hits = 0;
    const queries = Array.from({ length: 200 }, point);
    for (const q of queries) {
      const truth = exact.search(q, 10);
      const tenth = truth[9]!.score - 1e-6;
      hits += hnsw.search(q, 10).filter((h) => h.score >= tenth).length;
    }
    const recall = hits / (queries.length * 10);
    assert.ok(recall >= 0.95, `recall@10 ${recall}`);
  });

  it('searches with the default width after a load (hnswlib saves none and would use 10)', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'hnsw-')), 'x.hnsw');
    const index = HnswIndex.create(4, { efSearch: 7 });
    index.add(0, Float32Array.of(1, 0, 0, 0));
    index.save(path);
    assert.equal(HnswIndex.load(path, 4).efSearch, HNSW_DEFAULTS.efSearch);
    assert.equal(HnswIndex.load(path, 4, { efSearch: 200 }).efSearch, 200);
  });
});
