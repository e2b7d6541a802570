/** @module planner — request → workflow, offline and deterministic. */
import type { Catalog } from '../catalog/types.ts';
import { FunctionIndex, WordVectorEmbedder, loadWordVectors, type Embedder } from '../index/index.ts';
import { DeterministicPlanner, type PlannerOptions } from './planner.ts';
import type { Planner } from './types.ts';

export { DeterministicPlanner, type PlannerOptions, type Retriever } from './planner.ts';
export { analyzeRequest, isStatedValue, type AnalyzedRequest, type Span } from './request.ts';
export { splitClauses, isContext, type Clause } from './clauses.ts';
export type { Planner, PlanOptions, PlanResult, RankedFunction } from './types.ts';
export { PlanError, isPlanError, type PlanErrorCode } from './errors.ts';

export interface CreatePlannerOptions extends Partial<Omit<PlannerOptions, 'catalog' | 'retriever' | 'vectors'>> {
  catalog: Catalog;
  /** The function index is kept in `<dataDir>/index/`. */
  dataDir: string;
  /** Embeddings for retrieval; default the offline word vectors. */
  embedder?: Embedder;
}

/**
 * Opens (or builds) the function index and returns a planner over it.
 * @example
 * const planner = await createPlanner({ catalog, dataDir: 'data' });
 * const { workflow, reasons } = await planner.plan("Add 'Imagine' to Jenny's 'Chill Vibes' playlist");
 */
export async function createPlanner(options: CreatePlannerOptions): Promise<Planner> {
  const vectors = loadWordVectors();
  const embedder = options.embedder ?? new WordVectorEmbedder(vectors);
  const index = await FunctionIndex.open(options.catalog, { dataDir: options.dataDir, embedder });
  return new DeterministicPlanner({ ...options, retriever: index, vectors });
}
