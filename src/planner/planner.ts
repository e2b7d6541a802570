/**
 * @module planner/planner
 * Request → Workflow, deterministically and offline: retrieve candidate goal functions, build the
 * backward chain of each, rank the whole plans by how much of the request they explain, and keep
 * close runners-up as alternatives for the user to choose from.
 */
import type { Catalog, FunctionSpec } from '../catalog/types.ts';
import { stem } from './semantics.ts';
import { PlanError } from './errors.ts';
import { words } from '../index/tokenize.ts';
import { Producers } from './bind.ts';
import { buildChain, draftNodes, NO_LINKS, question, type ChainQuality, type ClauseLinks, type DraftNode } from './chain.ts';
import { splitClauses, type Clause, type ClauseOptions } from './clauses.ts';
import { rebalanceValues, type Overrides } from './rebalance.ts';
import { GoalFeaturizer, goalScore, helperRelevance, type FunctionFeatures, type GoalFeatures } from './rank.ts';
import { analyzeRequest, askedWords, isStatedValue, partOf, type AnalyzeOptions, type AnalyzedRequest, type Span } from './request.ts';
import { Vocabulary } from './vocabulary.ts';
import { isImperative, SideEffects } from './effects.ts';
import { Products } from './products.ts';
import { Adapters } from './adapters.ts';
import { notSupported } from './support.ts';
import { isTypedValue, kindFit, valueFor } from './kinds.ts';
import { Semantics } from './semantics.ts';
import type { PlanOptions, PlanResult, Planner, RankedFunction } from './types.ts';
import type { WordVectors } from '../index/word-vectors.ts';
import type { Alternative, Binding, Workflow, WorkflowNode } from '../workflow/types.ts';

/** Dense retrieval of functions for a text (the HNSW function index, or any other). */
export interface Retriever {
  search(text: string, k: number): Promise<{ function: FunctionSpec; score: number }[]>;
}

export interface PlannerOptions {
  catalog: Catalog;
  retriever: Retriever;
  vectors: WordVectors;
  /** Goal candidates whose whole plan is built and scored. Default 10. */
  candidates?: number;
  /** Depth bound of backward chaining. Default 3. */
  maxDepth?: number;
  /** Plans scoring within this margin of the best are offered as alternatives (goal scores span about 0 to 22). Default 0.75. */
  alternativeMargin?: number;
  /**
   * A goal whose best plan explains less than this share of its words closely (same idea, not merely
   * related) is reported as unsupported instead of forced onto a poor match. Default 0.25.
   */
  minCoverage?: number;
}

interface Choice {
  goal?: string;
  prefer: ReadonlySet<string>;
}

interface ScoredPlan {
  fn: FunctionSpec;
  /** Not a goal that changes the world without the request asking for it. */
  asked: boolean;
  root: DraftNode;
  quality: ChainQuality;
  score: number;
  coverage: number;
  /** The terms of the score, kept for explanations and tuning. */
  features: GoalFeatures;
}

export class DeterministicPlanner implements Planner {
  private readonly sem: Semantics;
  private readonly producers: Producers;
  private readonly featurizer: GoalFeaturizer;
  private readonly postings = new Map<string, FunctionSpec[]>();

  private readonly vocabulary: Vocabulary;
  private readonly effects: SideEffects;
  private readonly products: Products;
  private readonly adapters: Adapters;
  private readonly analyzeOptions: AnalyzeOptions = {
    // A capitalised sentence-initial word this frequent is an ordinary word, not a name ("Based on…").
    isCommonWord: (lower: string) => (this.options.vectors.rank(lower) ?? Infinity) < 3000 && !this.sem.entityKind(lower),
    isCatalogWord: (lower: string) => this.postings.has(stem(lower)) || this.vocabulary.isTerm(lower),
    isKnownWord: (lower: string) => this.options.vectors.has(lower),
    rank: (lower: string) => this.options.vectors.rank(lower),
    isIntentWord: (lower: string) => this.vocabulary.isIntentWord(lower),
    startsInstruction: (lower: string) => this.vocabulary.startsInstruction(lower),
  };
  private readonly clauseOptions: ClauseOptions = {
    isVerb: (w: string) => isImperative(w) || this.vocabulary.isVerb(w),
    isProduct: (w: string) => this.vocabulary.isTerm(w) || this.products.named([w]).length > 0,
  };

  constructor(private readonly options: PlannerOptions) {
    this.sem = new Semantics(options.catalog, options.vectors);
    this.producers = new Producers(options.catalog, this.sem);
    this.featurizer = new GoalFeaturizer(options.catalog, this.sem, options.vectors);
    this.vocabulary = new Vocabulary(options.catalog);
    this.effects = new SideEffects(options.catalog);
    this.products = new Products(options.catalog);
    this.adapters = new Adapters(options.catalog, this.sem, this.effects);
    for (const f of options.catalog.functions) {
      for (const w of this.sem.wordsOf(f.name).all) {
        const key = stem(w);
        const list = this.postings.get(key);
        if (list) list.push(f);
        else this.postings.set(key, [f]);
      }
    }
  }

  async plan(request: string, options: PlanOptions = {}): Promise<PlanResult> {
    const t0 = performance.now();
    const choice = this.choiceOf(options);
    const analyzed = analyzeRequest(request, this.analyzeOptions);
    const reasons: string[] = [];
    const unsupported: string[] = [];
    let roots: ScoredPlan[] = [];
    const clauses = splitClauses(request, analyzed.spans, this.clauseOptions);
    const several = clauses.length > 1 && !choice.goal;
    let ranked = await this.rankGoal(analyzed, analyzed.intentWords, analyzed, [], several ? { prefer: choice.prefer } : choice);
    const best = ranked[0];
    const min = this.options.minCoverage ?? 0.25;
    const refused = best && !choice.goal ? this.refusal(best.root, analyzed, false) : undefined;
    const asked = askedWords(analyzed, 0, request.length, clauses.flatMap((c) => c.context ?? []));
    const single = best && (explains(best, min, asked, false, this.askedShare(best, asked)) || best.fn.name === choice.goal) && !refused ? best : undefined;
    const byClause = several ? await this.planClauses(analyzed, clauses, min) : undefined;
    if (choice.goal && best) {
      roots = [best];
      reasons.push(`Goal: ${best.fn.name}, as chosen.`);
    } else if (byClause && this.clausesWin(byClause, single, analyzed)) {
      roots = byClause.roots;
      ranked = byClause.finalRanking ?? ranked;
      reasons.push(...byClause.reasons);
      unsupported.push(...byClause.unsupported);
    } else if (!single) {
      unsupported.push(request.trim());
      reasons.push(
        refused
          ? `Nothing in the catalog does this: ${refused}.`
          : best
            ? `Nothing in the catalog does this: the closest, ${best.fn.name}, explains only ${Math.round(this.askedShare(best, asked) * 100)}% of the request.`
            : 'The catalog has no function for this.',
      );
    } else {
      roots = [single];
      reasons.push(`Goal: ${single.fn.name} — it explains ${Math.round(single.coverage * 100)}% of the request's intent words (${Math.round(single.features.strict * 100)}% closely).`);
    }
    // A request with a part nothing can do is not half done: nothing is planned, and the part is named.
    if (unsupported.length) roots = [];
    const finalCandidates: RankedFunction[] = ranked.slice(0, 5).map((p) => ({ function: p.fn.name, score: round(p.score) }));
    const workflow = this.toWorkflow(request, roots, ranked, reasons, rebalanceValues(roots.map((r) => r.root), analyzed.spans, this.sem));
    if (unsupported.length) workflow.unsupported = unsupported;
    return { workflow, finalCandidates, reasons, ms: performance.now() - t0 };
  }

  /**
   * The goal candidates for a request, each with the features of its whole plan and its score, best
   * first: what the ranking saw (for explanations, and to refit the weights in src/planner/rank.ts).
   */
  async goalCandidates(request: string): Promise<{ function: string; features: GoalFeatures; score: number }[]> {
    const analyzed = analyzeRequest(request, this.analyzeOptions);
    const ranked = await this.rankGoal(analyzed, analyzed.intentWords);
    return ranked.map((p) => ({ function: p.fn.name, features: p.features, score: p.score }));
  }

  /**
   * Share of the request the plan explains closely, leaving out, where that explains more, what
   * the request says as context (`askedWords`): why the user asks ("need to ping the APAC folks") is
   * no part of what to do. (Only where it explains more: a clause read as context may still ask.)
   */
  private askedShare(plan: ScoredPlan, asked: readonly string[]): number {
    return Math.max(plan.features.strict, asked.length ? this.sem.align(asked, this.planWords([{ root: plan.root }]), STRICT) : 0);
  }

  /**
   * Several goals, each in its own clause: plans them in order. A clause works with its own values;
   * one that refers back ("post it", "its md5") or repeats the goal before with other values ("and
   * 70 kg to lbs") takes the earlier result or values; one whose values are missing may take values
   * another clause states ("sha256 and md5 of 'x'"). A goal a later one builds on is its step.
   */
  private async planClauses(whole: AnalyzedRequest, clauses: Clause[], min: number): Promise<ClausePlan> {
    const roots: ScoredPlan[] = [];
    const reasons: string[] = [];
    const unsupported: string[] = [];
    const rankings = new Map<ScoredPlan, ScoredPlan[]>();
    let previous: { clause: Clause; plan: ScoredPlan } | undefined;
    for (const [i, clause] of clauses.entries()) {
      const part = partOf(whole, clause.start, clause.end);
      // Values stated in other clauses, the previous clause's first when this one is about the same thing.
      const others = clauses.filter((c) => c !== clause);
      const order = clause.refersTo === 'subject' || clause.parallel ? [...others.slice(0, i).reverse(), ...others.slice(i)] : [...others.slice(i), ...others.slice(0, i).reverse()];
      const borrow = order.flatMap((c) => whole.spans.filter((s) => isStatedValue(s) && s.start >= c.start && s.end <= c.end));
      const template = clause.elliptical ? previous?.plan.root : undefined;
      const clauseChoice: Choice = template ? { goal: template.fn.name, prefer: new Set() } : { prefer: new Set() };
      // A repeat of the goal before with other values ("… and 70 kg to lbs") works on its own values, not on that goal's result.
      const links: ClauseLinks = {
        borrow,
        refersTo: template ? undefined : clause.refersTo,
        results: roots.map((r) => r.root).reverse(),
        sequential: !clause.parallel && !template,
        template,
      };
      const clauseRanking = await this.rankGoal(part, part.intentWords, part, this.nodesOf(roots), clauseChoice, links);
      const g = clauseRanking[0];
      const handsOn = g !== undefined && links.refersTo === 'result' && usesAny(g.root, links.results);
      const refused = g && !template ? this.refusal(g.root, part, handsOn) : undefined;
      const asked = askedWords(whole, clause.start, clause.end, clause.context);
      if (!g || refused || (!explains(g, min, asked, handsOn, this.askedShare(g, asked)) && !template && g.fn.name !== clauseChoice.goal)) {
        // A clause with no value and nothing the catalog speaks of is talk around the request ("thanks").
        if (!refused && !part.spans.some(isStatedValue) && !part.intentWords.some((w) => this.vocabulary.isIntentWord(w))) continue;
        unsupported.push(clause.text);
        reasons.push(refused ? `Nothing in the catalog does "${clause.text}": ${refused}.` : `No function fits "${clause.text}".`);
        continue;
      }
      roots.push(g);
      rankings.set(g, clauseRanking);
      previous = { clause, plan: g };
      reasons.push(`Goal: ${g.fn.name} for "${clause.text}".`);
    }
    // A goal whose node a later goal already uses is a step of it, not an end of its own.
    for (let i = roots.length - 1; i >= 0; i--) {
      const inside = roots.some((r, j) => j !== i && draftNodes([r.root]).slice(1).includes(roots[i]!.root));
      if (roots.length > 1 && inside) roots.splice(i, 1);
    }
    // The final goal is the last one: its candidates are the ones to rank and offer.
    const last = roots.at(-1);
    return { roots, finalRanking: last ? rankings.get(last) : undefined, reasons, unsupported };
  }

  /**
   * Whether the goals planned clause by clause do the request better than one goal with its helpers:
   * a clause nothing in the catalog does makes the request unsupported unless the one goal covers it;
   * otherwise the clauses win only by explaining more of the request — more of its words and values
   * ("sha256 and md5 of 'x'" needs both hashes), not the same chain in pieces.
   */
  private clausesWin(byClause: ClausePlan, single: ScoredPlan | undefined, whole: AnalyzedRequest): boolean {
    if (!single) return byClause.roots.length > 0 || byClause.unsupported.length > 0;
    if (byClause.unsupported.length) return false;
    const usedBy = (roots: DraftNode[]) => new Set(draftNodes(roots).flatMap((n) => [...n.inputs.values()].flatMap((b) => (b.kind === 'value' ? [b.span] : []))));
    const clauseRoots = byClause.roots.map((r) => r.root);
    const usedByEither = new Set([...usedBy(clauseRoots), ...usedBy([single.root])]);
    // Options named in words count as values, whichever plan takes them ("sha256 and md5": both hashes, not one).
    const stated = whole.spans.filter((s) => isStatedValue(s) || usedByEither.has(s));
    const explained = (roots: DraftNode[]) => {
      const used = usedBy(roots);
      const values = stated.length ? stated.filter((s) => used.has(s)).length / stated.length : 0;
      return this.sem.align(whole.intentWords, this.planWords(roots.map((root) => ({ root }))), STRICT) + values;
    };
    return explained(clauseRoots) > explained([single.root]) + CLAUSES_MARGIN;
  }

  /** Candidate goal functions for some intent words, each with its whole plan built and scored. */
  private async rankGoal(
    analyzed: AnalyzedRequest,
    intent: string[],
    whole: AnalyzedRequest = analyzed,
    existing: DraftNode[] = [],
    choice: Choice = { prefer: new Set() },
    links: ClauseLinks = NO_LINKS,
  ): Promise<ScoredPlan[]> {
    const intentVector = this.options.vectors.embed(intent.join(' '));
    const pool = await this.candidatePool(analyzed, intent, intentVector);
    const top = pool.slice(0, this.options.candidates ?? 10);
    // The functions that take the request's distinctive values as they are get a plan built too.
    const consumers = new Set(this.adapters.consumers(whole.spans));
    for (const entry of pool.filter((p) => consumers.has(p.fn) && !top.includes(p)).slice(0, MORE_CONSUMERS)) top.push(entry);
    for (const fn of consumers) if (!top.some((t) => t.fn === fn) && top.length < (this.options.candidates ?? 10) + MORE_CONSUMERS) top.push(this.poolEntry(fn, 0, intent, intentVector));
    const forced = choice.goal ? this.options.catalog.get(choice.goal) : undefined;
    if (forced && !top.some((t) => t.fn === forced)) top.push(pool.find((p) => p.fn === forced) ?? this.poolEntry(forced, 0, intent, intentVector));
    const relevanceCache = new Map<string, number>();
    const ctx = {
      request: whole,
      sem: this.sem,
      producers: this.producers,
      maxDepth: this.options.maxDepth ?? 3,
      memo: new Map(),
      existing,
      prefer: choice.prefer,
      effects: this.effects,
      named: this.products.named(whole.intentWords),
      links,
      adapters: this.adapters,
      relevance: (fn: FunctionSpec) => {
        let r = relevanceCache.get(fn.name);
        if (r === undefined) {
          r = this.sem.align(this.sem.wordsOf(fn.name).purpose, whole.intentWords, 0.5);
          // A request that names the function's own subject ("the price column", "this csv") wants it.
          if (this.sem.maxSimilarity(words(fn.name).filter((w) => w.length > 2), whole.intentWords) >= 0.9) r = Math.max(r, 0.5);
          relevanceCache.set(fn.name, r);
        }
        return r;
      },
    };
    const spanCount = whole.spans.filter((s) => isStatedValue(s) && !s.facetOf).length;
    // "post it", "share them": the earlier result is a value of this clause too, of its own kind.
    const referred = links.refersTo === 'result' && links.results.length > 0 ? 1 : 0;
    const typedCount = whole.spans.filter((s) => isTypedValue(s) && !s.facetOf).length + referred;
    const quotes = whole.spans.filter((s) => s.kind === 'quoted');
    const question = asksSomething(whole.text);
    const plans = top.map(({ fn, features: functionFeatures }) => {
      const { node, quality } = buildChain(fn, ctx);
      const planWords = this.planWords([{ root: node }]);
      const coverage = this.sem.align(intent, planWords);
      const strict = this.sem.align(intent, planWords, STRICT);
      // Values borrowed from other clauses are not this clause's evidence.
      const spanUse = spanCount ? new Set([...quality.usedSpans].filter((sp) => isStatedValue(sp) && whole.spans.includes(sp)).map((sp) => sp.facetOf ?? sp)).size / spanCount : 1;
      const typedUse = typedCount ? (typedBindings(node, whole.spans) + (referred && usesAny(node, links.results) ? 1 : 0)) / typedCount : 0;
      const quotedUse = quotes.length ? quotes.filter((q) => quality.usedSpans.has(q)).length / quotes.length : 0;
      const optionUse = Math.min(MAX_OPTIONS, optionsNamed(node, whole.spans));
      // A question asks to be told something: a plan that must first ask for more than the file it is
      // about ("what are the dimensions of this image?" → no width to resize to) answers another request.
      const questionAsks = question ? askedBesidesFiles(node) : 0;
      const features: GoalFeatures = {
        ...functionFeatures,
        coverage,
        strict,
        spanUse,
        asks: quality.asks,
        nodes: quality.nodes,
        helperRelevance: helperRelevance(node, ctx.relevance),
        typedUse,
        quotedUse,
        optionUse,
        questionAsks,
      };
      // A goal that changes the world must be asked for: by its action, or by handing it an earlier result.
      // (Where the catalog does not say which functions change the world, their names only hint it,
      // and the hint does not overrule the words.)
      const asked = !this.effects.changes(fn) || this.asksFor(fn, intent) || (referred > 0 && usesAny(node, links.results));
      // "post it", "share them": a plan that leaves out the result pointed at does something else.
      const ignoresReference = referred > 0 && !usesAny(node, links.results);
      const score = goalScore(features) - (asked || !this.effects.declared ? 0 : UNASKED_EFFECT) - (ignoresReference ? IGNORED_REFERENCE : 0);
      return { fn, root: node, quality, score, coverage, features, asked };
    });
    // The goal is the last step: a candidate whose plan already contains a better-scoring
    // candidate as a helper (Chart ← ColumnValues ← ParseCsv) does that and more, so it ranks above it.
    for (const p of plans) {
      const inside = this.functionsOf(p.root);
      for (const q of plans) {
        if (q !== p && p.asked && p.features.nameToIntent >= NAMED_GOAL && !inverse(p.fn, q.fn) && inside.has(q.fn.name) && q.score >= p.score && p.coverage >= q.coverage + 0.03) p.score = q.score + 0.05;
        // …and one that only adds a step the request does not ask for ("show me the last messages":
        // no statistics of them) ranks below the candidate it contains.
        else if (q !== p && inside.has(q.fn.name) && p.score >= q.score && p.features.strict <= q.features.strict + ADDS_NOTHING && p.features.spanUse <= q.features.spanUse && p.features.quotedUse <= q.features.quotedUse && p.features.typedUse <= q.features.typedUse) p.score = q.score - 0.05;
      }
    }
    plans.sort((a, b) => b.score - a.score);
    // The user's pick goes first; the rest keep their order as the runners-up.
    const picked = plans.findIndex((p) => p.fn === forced);
    if (picked > 0) plans.unshift(...plans.splice(picked, 1));
    return plans;
  }

  /**
   * Every function worth considering for some intent words, best first by what can be told without
   * building its plan: the dense index's nearest functions plus those whose name shares a word with
   * the intent, scored on the function's own features with the ranking's weights.
   */
  private async candidatePool(analyzed: AnalyzedRequest, intent: string[], intentVector: Float32Array): Promise<PoolEntry[]> {
    const retrieved = await this.options.retriever.search(intent.join(' ') || analyzed.text, POOL);
    const dense = new Map(retrieved.map((r) => [r.function.name, r]));
    // A function only the name postings found is at most as close as the farthest one retrieved.
    const floor = retrieved.at(-1)?.score ?? 0;
    const pool = new Set(retrieved.map((r) => r.function));
    for (const w of intent) for (const f of this.postings.get(stem(w)) ?? []) pool.add(f);
    return [...pool]
      .map((fn) => this.poolEntry(fn, dense.get(fn.name)?.score ?? floor, intent, intentVector))
      .sort((a, b) => b.score - a.score);
  }

  private poolEntry(fn: FunctionSpec, denseScore: number, intent: string[], intentVector: Float32Array): PoolEntry {
    const features = { retrieval: denseScore + this.lexical(fn, intent), ...this.featurizer.functionFeatures(fn, intent, intentVector) };
    return { fn, features, score: goalScore(features) };
  }

  /** Share of the intent's weight (idf) in words of the function's own (name, description, parameters). */
  private lexical(fn: FunctionSpec, intent: string[]): number {
    const intentWeight = intent.reduce((s, w) => s + this.sem.idf(w), 0) || 1;
    const mine = new Set(this.sem.wordsOf(fn.name).all.map(stem));
    return intent.reduce((s, w) => s + (mine.has(stem(w)) ? this.sem.idf(w) : 0), 0) / intentWeight;
  }

  /** Why the plan under `root` does not do what `part` of the request asks (see support.ts), if it does not. */
  private refusal(root: DraftNode, part: AnalyzedRequest, handsOn: boolean): string | undefined {
    return notSupported(root, { sem: this.sem, effects: this.effects, spans: part.spans, text: part.text, handsOn });
  }

  /** The request names what `fn` does ("post", "share", "DM"), closely enough to be the same action. */
  private asksFor(fn: FunctionSpec, intent: string[]): boolean {
    const actions = [...this.effects.actionWords(fn)];
    if (intent.some((w) => actions.some((a) => stem(a) === stem(w) || this.sem.similarity(a, w) >= SAME_ACTION))) return true;
    // "message Priya: …": a word of the name used as the request's verb (its first word) asks for it too.
    const first = intent[0];
    return first !== undefined && isImperative(first) && words(fn.name).some((w) => stem(w) === stem(first));
  }

  private choiceOf(options: PlanOptions): Choice {
    const unknown = [options.goal, ...(options.prefer ?? [])].filter((n): n is string => !!n && !this.options.catalog.get(n));
    if (unknown.length) throw new PlanError('plan.unknown-function', `No function named ${unknown.map((n) => `"${n}"`).join(', ')} in the catalog; pick one of the alternatives offered.`);
    return { goal: options.goal, prefer: new Set(options.prefer ?? []) };
  }

  private functionsOf(root: DraftNode): Set<string> {
    return new Set(draftNodes([root]).map((n) => n.fn.name));
  }

  private nodesOf(plans: ScoredPlan[]): DraftNode[] {
    return draftNodes(plans.map((p) => p.root));
  }

  /** The words of what the plans do: their functions' purpose words and the options they set ("cpu"). */
  private planWords(plans: { root: DraftNode }[]): string[] {
    return draftNodes(plans.map((p) => p.root)).flatMap((n) => [
      ...this.sem.wordsOf(n.fn.name).purpose,
      ...[...n.inputs.entries()].flatMap(([name, b]) => (b.kind === 'value' && n.fn.inputs.find((i) => i.name === name)?.enum ? words(String(b.value)) : [])),
    ]);
  }

  /** Draft trees → Workflow v1: shared identical sub-calls, ids n1… in dependency order. */
  private toWorkflow(request: string, roots: ScoredPlan[], ranked: ScoredPlan[], reasons: string[], overrides: Overrides = new Map()): Workflow {
    const nodes: WorkflowNode[] = [];
    const ids = new Map<DraftNode, string>();
    const byKey = new Map<string, string>();
    const alternatives: Alternative[] = [];
    const emit = (n: DraftNode): string => {
      const known = ids.get(n);
      if (known) return known;
      const inputs: Record<string, Binding> = {};
      for (const [name, b] of n.inputs) {
        const moved = overrides.get(n)?.get(name);
        const spec = n.fn.inputs.find((i) => i.name === name)!;
        // A value that belongs to another step leaves an optional input to its default, and a
        // required one to a question.
        if (moved === 'ask') {
          if (spec.required) inputs[name] = { ask: question(spec) };
        } else if (moved) inputs[name] = { value: valueFor(spec, moved) };
        else if (b.kind === 'value') inputs[name] = { value: b.value };
        else if (b.kind === 'ask') inputs[name] = { ask: b.question };
        else inputs[name] = { from: emit(b.node), output: b.output };
      }
      const key = `${n.fn.name}\u0000${JSON.stringify(inputs)}`;
      let id = byKey.get(key);
      if (!id) {
        id = `n${nodes.length + 1}`;
        const parts = Object.entries(inputs).map(([name, b]) => {
          const draft = n.inputs.get(name);
          if ('value' in b) return `${name} = ${JSON.stringify(b.value)} from the request`;
          if ('from' in b && draft?.kind === 'from') return `${name} from ${draft.node.fn.name}.${b.output}`;
          return `${name} must be asked`;
        });
        const reason = `${n.fn.name}: ${n.fn.description}${parts.length ? ` (${parts.join('; ')})` : ''}`;
        nodes.push({ id, function: n.fn.name, inputs, reason });
        byKey.set(key, id);
        for (const r of n.runnersUp) {
          alternatives.push({ node: id, functions: r.functions.slice(0, 3), reason: r.reason });
        }
      }
      ids.set(n, id);
      return id;
    };
    const outputs = roots.map((r) => ({ from: emit(r.root), output: r.fn.outputs[0]!.name }));
    const best = roots.at(-1); // the final goal: the last one the request states
    if (best) {
      const margin = this.options.alternativeMargin ?? 0.75;
      const close = ranked.filter((p) => p !== best && best.score - p.score <= margin).slice(0, 3);
      if (close.length) {
        alternatives.unshift({
          node: ids.get(best.root)!,
          functions: close.map((p) => p.fn.name),
          reason: `${close.map((p) => p.fn.name).join(', ')} fit${close.length === 1 ? 's' : ''} the request almost as well as ${best.fn.name}`,
        });
        reasons.push(`Not sure between ${best.fn.name} and ${close.map((p) => p.fn.name).join(', ')}: the user should pick.`);
      }
    }
    const workflow: Workflow = { version: 1, request, nodes, outputs };
    if (alternatives.length) workflow.alternatives = alternatives.slice(0, 3);
    return workflow;
  }
}

/** The values of a distinctive kind a plan binds as that kind (a zone to a zone input, a link to a URL input). */
function typedBindings(root: DraftNode, stated: Span[]): number {
  const used = new Set<Span>();
  for (const n of draftNodes([root])) {
    for (const [name, b] of n.inputs) {
      // A file the message comes with is taken as an ask that carries it.
      if (b.kind === 'ask' && b.span && stated.includes(b.span)) used.add(b.span);
      if (b.kind !== 'value' || !stated.includes(b.span)) continue;
      // A part of a relative date worked out by a step counts as the date used.
      if (b.span.facetOf) {
        used.add(b.span.facetOf);
        continue;
      }
      const input = n.fn.inputs.find((i) => i.name === name)!;
      // A quote set apart by the user counts as taken wherever it goes.
      if (isTypedValue(b.span) && (input.enum || b.span.kind === 'quoted' || (kindFit(input, b.span) ?? 0) > 0)) used.add(b.span);
    }
  }
  return used.size;
}

interface ClausePlan {
  roots: ScoredPlan[];
  finalRanking?: ScoredPlan[];
  reasons: string[];
  unsupported: string[];
}

/**
 * A plan that contains a better candidate as a step ranks above it only when the request names the
 * outer function itself ("chart the revenue column": the chart over the column): otherwise an outer
 * step nobody asked for would take the goal's place.
 */
const NAMED_GOAL = 0.5;

/** An outer step explaining no more of the request's words than this adds nothing asked for. */
const ADDS_NOTHING = 0.02;

/** Goals planned clause by clause must explain this much more of the request than one goal to be taken. */
const CLAUSES_MARGIN = 0.05;

/**
 * A plan explains its request when it covers enough of the request's words closely, or when it takes
 * every value of a distinctive kind the request states — values say what is wanted when the words
 * are few ("what's at $.order.total in this? ```{…}```").
 */
function explains(plan: ScoredPlan, min: number, intent: readonly string[], handsOn: boolean, share: number): boolean {
  // (Values speak for a request that says little else, not for words the plan leaves unexplained:
  // "what's the weather in Oslo tomorrow?" is no time-zone question. A clause that hands an earlier
  // result on with its values — "… and drop it in #office-london" — says what it wants by them.)
  return share >= min || (plan.features.typedUse >= 1 && (intent.length === 0 || handsOn || share >= min / 2));
}

/** `a` takes what `b` gives and gives what `b` takes (decode after encode): over `b`, it gives back `b`'s input. */
function inverse(a: FunctionSpec, b: FunctionSpec): boolean {
  const key = (n: string) => words(n).join('');
  const takes = new Set(a.inputs.map((i) => key(i.name)));
  const gives = new Set(a.outputs.map((o) => key(o.name)));
  return b.outputs.some((o) => takes.has(key(o.name))) && b.inputs.some((i) => gives.has(key(i.name)));
}

/** Inputs of the plan bound to an option the request names ("descending", "md5", "line"). */
function optionsNamed(root: DraftNode, spans: Span[]): number {
  return draftNodes([root]).reduce((n, node) => n + [...node.inputs.entries()].filter(([name, b]) => b.kind === 'value' && spans.includes(b.span) && node.fn.inputs.find((i) => i.name === name)?.enum).length, 0);
}
/** Options named beyond this many say nothing more about which function is meant. */
const MAX_OPTIONS = 2;

/** Inputs the plan must ask for, other than files (a file comes with the message). */
function askedBesidesFiles(root: DraftNode): number {
  return draftNodes([root]).reduce((n, node) => n + [...node.inputs.entries()].filter(([name, b]) => b.kind === 'ask' && node.fn.inputs.find((i) => i.name === name)?.type !== 'file').length, 0);
}

/** The request opens as a question ("what are …", "how many …", "which …"). */
const asksSomething = (text: string) => /^\s*(?:what|what's|whats|how|which|who|who's|when|where|is|are|does|do)\b/i.test(text);

/** Whether any node of the plan under `root` takes an output of one of `nodes`. */
function usesAny(root: DraftNode, nodes: DraftNode[]): boolean {
  // "post it": the goal itself takes the result, or a step that only turns it into the form it takes.
  const direct = (n: DraftNode): boolean => [...n.inputs.values()].some((b) => b.kind === 'from' && (nodes.includes(b.node) || (b.node.converts === true && direct(b.node))));
  return direct(root);
}

/**
 * What a goal that changes the world loses in the ranking when the request never asks for its action:
 * more than any plan's words can make up, so it is chosen only when nothing else fits at all.
 */
const UNASKED_EFFECT = 8;
/**
 * How far a plan that leaves out the result the clause points at ("post it": the QR code just made)
 * ranks down: more than words can make up (a wide gap in scores is about 3–5), so any plan that
 * takes the result ranks first — it is what "it" says — and without one, the best of the rest.
 */
const IGNORED_REFERENCE = 6;
/** Two words this alike name the same action ("send" / "post" 0.48 do not; "upload" / "uploads" do). */
const SAME_ACTION = 0.8;

/** Functions that take the request's distinctive values, planned beyond the `candidates` best by words. */
const MORE_CONSUMERS = 4;

/** Functions the dense index is asked for, before the pre-ranking keeps `candidates` of them. */
const POOL = 100;

interface PoolEntry {
  fn: FunctionSpec;
  features: FunctionFeatures;
  /** The ranking score of the function's own features alone. */
  score: number;
}

/** Word similarity that counts as the same idea (not merely related) when judging coverage. */
const STRICT = 0.6;

const round = (n: number) => Math.round(n * 1000) / 1000;
