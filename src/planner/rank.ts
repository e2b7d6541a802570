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
}

/**
 * NOTE: fitted by listwise logistic regression (softmax over each request's candidates) on the
 * Reverse Chain dev set, 602 requests, 5-fold cross-validated (top-1 0.51, top-3 0.68 there against
 * 0.46 / 0.64 for the hand-set weights before). Every feature is defined without reference to a
 * data set, so the weights carry over to other catalogs. When the features change, refit with
 * `node --import tsx scripts/fit-goal-weights.ts CATALOG DATASET` and paste what it prints.
 */
export const WEIGHTS: Record<keyof GoalFeatures, number> = {
  retrieval: 4.51,
  coverage: 1.73,
  spanUse: 1.44,
  asks: -0.46,
  nodes: -0.24,
  dense: 0.83,
  intentToPurpose: 0.95,
  purposeToIntent: 0.7,
  nameToIntent: 3.31,
  intentToName: 0.31,
  inputs: 0.43,
  intentToAll: 1.35,
  inputsMentioned: 1.23,
  allToIntent: 0.21,
  consumers: -0.78,
  producible: 0.11,
  strict: 2.05,
};

export function goalScore(f: GoalFeatures, weights: Record<keyof GoalFeatures, number> = WEIGHTS): number {
  let s = 0;
  for (const k of Object.keys(weights) as (keyof GoalFeatures)[]) s += weights[k] * f[k];
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
