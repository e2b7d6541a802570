/** @module workflow — the Workflow type, validation, order, diagrams and value rules. */
export type * from './types.ts';
export { isAskBinding, isFromBinding, isValueBinding } from './types.ts';
export { WorkflowError, isWorkflowError } from './errors.ts';
export { parseWorkflow } from './schema.ts';
export { validateWorkflow, type ValidateOptions } from './validate.ts';
export { topologicalOrder, dependencies, dependents } from './graph.ts';
export { coerceValue, isAssignable, isFileJson, isFileValue, toJsonValue, CoercionError } from './values.ts';
export { workflowToDot, renderSvg, renderPng, renderWorkflowDiagram } from './diagram.ts';
export { compareWorkflows, aggregate, normaliseValue, score, type Counts, type Comparison, type Score, type Aggregate } from './compare.ts';
export { canonicalValue, valueRepr, sameValue, type CanonicalValue } from './canonical-value.ts';
export {
  canonicalWorkflow,
  sameCanonical,
  functionCounts,
  finalFunctions,
  type CatalogFunctions,
  type ComparableWorkflow,
  type GoldWorkflow,
  type GoldAskBinding,
  type FinalFunctions,
} from './canonical.ts';
export {
  judgeProductItem,
  summariseProduct,
  shownForms,
  type ProductItem,
  type ProductPrediction,
  type ProductJudgement,
  type ProductScore,
} from './product-score.ts';
