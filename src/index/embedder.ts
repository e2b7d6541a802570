/**
 * @module index/embedder
 * The offline default embedder: SIF-weighted mean of the wink skip-gram word vectors. Needs no
 * network and no key, so the index works out of the box; `createOpenAIEmbedder` (src/llm) is the
 * drop-in for better semantics.
 */
import type { Embedder } from '../llm/index.ts';
import { loadWordVectors, type WordVectors } from './word-vectors.ts';

export type { Embedder } from '../llm/index.ts';

/**
 * @example
 * const embedder = new WordVectorEmbedder();
 * const v = await embedder.embedQuery('what should I wear tomorrow');
 */
export class WordVectorEmbedder implements Embedder {
  readonly id = 'wink-sg100';
  readonly dimensions: number;
  private readonly vectors: WordVectors;

  /** Loads the shared word vectors (well under a second once their cache exists) unless given. */
  constructor(vectors: WordVectors = loadWordVectors()) {
    this.vectors = vectors;
    this.dimensions = vectors.dimensions;
  }

  async embedDocuments(texts: string[]): Promise<Float32Array[]> {
    return texts.map((t) => this.vectors.embed(t));
  }

  async embedQuery(text: string): Promise<Float32Array> {
    return this.vectors.embed(text);
  }
}
