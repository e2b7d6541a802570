/**
 * @module index
 * Function retrieval: embedders, the vector indexes and the catalog's saved function index, plus
 * the word-level tools (tokenizer, word vectors) the planner shares.
 */
export { FunctionIndex, indexKey, type FunctionHit, type FunctionIndexOptions, type IndexProgress } from './function-index.ts';
export { WordVectorEmbedder, type Embedder } from './embedder.ts';
export { functionText } from './function-text.ts';
export type { VectorHit, VectorIndex } from './vector-index.ts';
export { HnswIndex, HNSW_DEFAULTS, type HnswOptions } from './hnsw.ts';
export { BruteForceIndex } from './brute-force.ts';
export { IndexError, isIndexError, type IndexErrorCode } from './errors.ts';
export { contentWords, isStopword, words } from './tokenize.ts';
export { loadWordVectors, WordVectors } from './word-vectors.ts';
