/**
 * @module planner/rank
 * Scores a goal candidate together with the plan built for it. The score is a weighted sum of
 * catalog-independent features: how closely the request matches the function (dense and word-level,
 * both ways), how much of the request the whole plan explains, how many stated values it uses, how
 * much it must ask, and whether the function reads as a goal or as a helper in this catalog.
 */
import type { Catalog, FunctionSpec } from '../catalog/types.ts';
import { words } from '../index/tokenize.ts';
import type { WordVectors } from '../index/word-vectors.ts';
import type { Semantics } from './semantics.ts';
import { draftNodes, type DraftNode } from './chain.ts';

export interface GoalFeatures {
  /** Dense retrieval score plus idf-weighted word overlap. */
  retrieval: number;
  /** Share of the request's intent the whole plan explains (soft), and closely (strict). */
  coverage: number;
  strict: number;
  /** Share of the stated values the plan uses. */
  spanUse: number;
  asks: number;
  nodes: number;
  /** Cosine of the intent and the function's name + description. */
  dense: number;
  intentToPurpose: number;
  purposeToIntent: number;
  nameToIntent: number;
  intentToName: number;
  intentToAll: number;
  allToIntent: number;
  /** How many inputs the request talks about (mean best word similarity). */
  inputsMentioned: number;
  inputs: number;
  /** log(1 + how many catalog inputs its outputs feed): helpers feed many, goals few. */
  consumers: number;
  /** Share of its inputs some catalog function produces. */
  producible: number;
  /** Mean relevance of the plan's helpers to the request. */
  helperRelevance: number;
  /** Share of the request's values of a distinctive kind (a link, a channel, a zone …) the plan takes as that kind. */
  typedUse: number;
  /** Share of the request's quoted values the plan takes. */
  quotedUse: number;
  /** Inputs bound to an option the request names (at most 2). */
  optionUse: number;
  /** For a question: inputs other than files the plan must ask for. */
  questionAsks: number;
}

/**
 * NOTE: not fitted. A value of a distinctive kind — a link, a channel, a time zone, a unit, a JSONPath,
 * a block of rows, a list — is what the user wants worked on; a plan that leaves it unused does not do
 * what was asked, however well its name matches the words around it ("09:30 Chicago time — what's
 * that in Tokyo?" is a time-zone conversion, not a count of days). Worth about two close word matches,
 * so it decides between plans the words leave near-equal, and rarely overrules the words otherwise.
 */
const TYPED_USE = 3;

/**
 * NOTE: not fitted. A quote is a value the user set apart on purpose ("how often does 'outage' come
 * up"): a plan that leaves it unused leaves out part of what was asked. A quarter of the weight of a
 * value of a distinctive kind: a quote says that it is a value, not what kind of value it is.
 */
const QUOTED_USE = 0.75;

/**
 * NOTE: not fitted. An option the request names ("from highest to lowest", "md5", "as a line chart")
 * is one of a function's own declared choices: it says which function is meant as a close word match
 * does.
 */
const OPTION_USE = 1;

/**
 * NOTE: not fitted. For a question, each input (not a file) the plan must ask for costs as much again
 * as an ask does in the fitted weights: the question wants to be told, not to be asked back.
 */
const QUESTION_ASKS = -0.64;

/**
 * NOTE: fitted by listwise logistic regression (softmax over each request's candidates) on the
 * Reverse Chain dev set, 602 requests, 5-fold cross-validated: top-1 0.62, top-3 0.84 of the 523
 * requests whose gold goal is among the 16 candidates (0.61 / 0.83 for the weights before, which
 * lacked helperRelevance). The same weights pre-rank the candidate pool on the function's own
 * features, so a refit moves which candidates get a plan built too. Every feature is defined
 * without reference to a data set, so the weights carry over to other catalogs. When the features
 * change, refit with `node --import tsx scripts/fit-goal-weights.ts CATALOG DATASET` and paste
 * what it prints.
 */
export const WEIGHTS: Record<keyof GoalFeatures, number> = {
  retrieval: 4.60,
  coverage: 1.57,
  spanUse: 0.95,
  asks: -0.64,
  nodes: -0.32,
  dense: 1.15,
  intentToPurpose: 0.98,
  purposeToIntent: 0.36,
  nameToIntent: 3.41,
  intentToName: 0.79,
  inputs: 0.36,
  intentToAll: 1.21,
  inputsMentioned: 0.89,
  allToIntent: -0.24,
  consumers: -0.72,
  producible: -0.10,
  strict: 2.31,
  helperRelevance: 1.78,
  typedUse: TYPED_USE,
  quotedUse: QUOTED_USE,
  optionUse: OPTION_USE,
  questionAsks: QUESTION_ASKS,
};

/** The features that do not depend on the plan built for the function. */
export type FunctionFeatures = Pick<GoalFeatures, 'retrieval' | keyof ReturnType<GoalFeaturizer['functionFeatures']>>;

/** Weighted sum of the features given: a function's own features alone score it before its plan is built. */
export function goalScore(f: Partial<GoalFeatures>, weights: Record<keyof GoalFeatures, number> = WEIGHTS): number {
  let s = 0;
  for (const k of Object.keys(weights) as (keyof GoalFeatures)[]) s += weights[k] * (f[k] ?? 0);
  return s;
}

/** Per-catalog facts the features need, computed once. */
export class GoalFeaturizer {
  private readonly consumers = new Map<string, number>();
  private readonly producible = new Map<string, number>();
  private readonly purposeVectors = new Map<string, Float32Array>();

  constructor(
    catalog: Catalog,
    private readonly sem: Semantics,
    private readonly vectors: WordVectors,
  ) {
    const inputCount = new Map<string, number>();
    const outputNames = new Set<string>();
    for (const f of catalog.functions) {
      for (const i of f.inputs) inputCount.set(i.name.toLowerCase(), (inputCount.get(i.name.toLowerCase()) ?? 0) + 1);
      for (const o of f.outputs) outputNames.add(o.name.toLowerCase());
    }
    for (const f of catalog.functions) {
      this.consumers.set(f.name, Math.log1p(f.outputs.reduce((t, o) => t + (inputCount.get(o.name.toLowerCase()) ?? 0), 0)));
      this.producible.set(f.name, f.inputs.length ? f.inputs.filter((i) => outputNames.has(i.name.toLowerCase())).length / f.inputs.length : 0);
    }
  }

  private purposeVector(fn: FunctionSpec): Float32Array {
    let v = this.purposeVectors.get(fn.name);
    if (!v) {
      v = this.vectors.embed(`${words(fn.name).join(' ')} ${fn.description}`);
      this.purposeVectors.set(fn.name, v);
    }
    return v;
  }

  /** The features that do not depend on the plan built for the function. */
  functionFeatures(fn: FunctionSpec, intent: string[], intentVector: Float32Array) {
    const sem = this.sem;
    const fw = sem.wordsOf(fn.name);
    const nameWords = words(fn.name).filter((w) => w.length > 1);
    const pv = this.purposeVector(fn);
    let dense = 0;
    for (let i = 0; i < pv.length; i++) dense += pv[i]! * intentVector[i]!;
    const mentioned = fn.inputs.length
      ? fn.inputs.reduce((t, i) => t + sem.maxSimilarity(words(i.name).filter((w) => w.length > 1 && w !== 'name' && w !== 'id'), intent), 0) / fn.inputs.length
      : 0;
    return {
      dense,
      intentToPurpose: sem.align(intent, fw.purpose),
      purposeToIntent: sem.align(fw.purpose, intent),
      nameToIntent: sem.align(nameWords, intent),
      intentToName: sem.align(intent, nameWords),
      intentToAll: sem.align(intent, fw.all),
      allToIntent: sem.align(fw.all, intent),
      inputsMentioned: mentioned,
      inputs: fn.inputs.length,
      consumers: this.consumers.get(fn.name) ?? 0,
      producible: this.producible.get(fn.name) ?? 0,
    };
  }
}

/**
 * How much the request talks about the helpers of a goal's plan: a plan whose steps the request
 * mentions ("the weather where she is") is likelier than one that reaches its inputs through steps
 * nobody asked for.
 */
export function helperRelevance(root: DraftNode, relevance: (fn: FunctionSpec) => number): number {
  const helpers = draftNodes([root]).filter((n) => n !== root);
  return helpers.length ? helpers.reduce((t, n) => t + relevance(n.fn), 0) / helpers.length : 0;
}
