/** Run after install: builds the word-vector cache once so no process pays for it later. */
import { DEFAULT_VECTOR_CACHE, loadWordVectors } from '../src/index/word-vectors.ts';

const t0 = performance.now();
const wv = loadWordVectors();
console.log(`word vectors ready: ${wv.vocabulary.length} words at ${DEFAULT_VECTOR_CACHE} (${Math.round(performance.now() - t0)} ms)`);
