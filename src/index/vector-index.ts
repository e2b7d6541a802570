/**
 * @module index/vector-index
 * The nearest-neighbour index behind function retrieval: one small interface, two implementations
 * (`HnswIndex` for speed, `BruteForceIndex` as the exact reference). Both pass
 * test/index/conformance.ts.
 */
import { renameSync } from 'node:fs';
import { IndexError } from './errors.ts';

export interface VectorHit {
  id: number;
  /** Cosine similarity to the query, in [-1, 1]. */
  score: number;
}

export interface VectorIndex {
  readonly dimensions: number;
  /** Number of stored vectors. */
  readonly size: number;
  /** Stores `v` (any length-`dimensions` vector; it is stored unit length) under `id`, replacing an earlier one. */
  add(id: number, v: Float32Array): void;
  /** Up to `k` stored vectors nearest to `v` by cosine similarity, best first. */
  search(v: Float32Array, k: number): VectorHit[];
  /** The stored (unit-length) vector of `id`, or undefined. */
  vector(id: number): Float32Array | undefined;
  /** Writes the index to `path` atomically (a reader never sees a half-written file). */
  save(path: string): void;
}

/** A unit-length copy of `v` (the zero vector stays zero, and then scores 0 against everything). */
export function unit(v: Float32Array): Float32Array {
  const out = Float32Array.from(v);
  let n = 0;
  for (let i = 0; i < out.length; i++) n += out[i]! * out[i]!;
  n = Math.sqrt(n);
  if (n > 0) for (let i = 0; i < out.length; i++) out[i]! /= n;
  return out;
}

export function checkVector(v: Float32Array, dimensions: number, what: string): void {
  if (v.length !== dimensions) {
    throw new IndexError('index.dimensions', `${what} has ${v.length} numbers but the index holds ${dimensions}-dimensional vectors; use the same embedder for building and querying`);
  }
}

export function checkId(id: number): void {
  if (!Number.isInteger(id) || id < 0 || id > 0xffffffff) {
    throw new IndexError('index.dimensions', `vector id ${id} is not an integer in 0..2^32-1`);
  }
}

/** Runs `write(tmp)` then renames tmp over `path`, so `path` is either the old file or the whole new one. */
export function writeAtomically(path: string, write: (tmp: string) => void): void {
  const tmp = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  write(tmp);
  renameSync(tmp, path);
}
