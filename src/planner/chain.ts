/**
 * @module planner/chain
 * Backward chaining from a goal function: each required input is bound to a value stated in the
 * request, else to the output of a function that produces it (recursively, to a depth bound),
 * else left as a question.
 */
import type { FunctionSpec, InputSpec } from '../catalog/types.ts';
import { contentWords, words } from '../index/tokenize.ts';
import { isAssignable } from '../workflow/values.ts';
import { stem, unique } from './semantics.ts';
import { addressed, inputWords, isIdLike, type ProducerMatch, type Producers, valueFit } from './bind.ts';
import { inputKind, valueFor } from './kinds.ts';
import { meantOption, namedOption } from './options.ts';
import { type AnalyzedRequest, isStatedValue, type Span } from './request.ts';
import type { Semantics } from './semantics.ts';
import type { SideEffects } from './effects.ts';
import type { Adapters } from './adapters.ts';

export type DraftBinding =
  | { kind: 'value'; value: unknown; span: Span; fit: number }
  | { kind: 'from'; node: DraftNode; output: string; score: number }
  | { kind: 'ask'; question: string; span?: Span };

export interface DraftNode {
  fn: FunctionSpec;
  inputs: Map<string, DraftBinding>;
  /** Functions that could have taken this node's place almost as well (for alternatives). */
  runnersUp: { functions: string[]; reason: string }[];
  /** Only turns an earlier result into the form an input takes (a list into text). */
  converts?: true;
}

/** How a clause of a request with several goals is tied to the others (see planner.planClauses). */
export interface ClauseLinks {
  /** Values other clauses state, the likeliest to be meant here first: taken only for an input nothing else fills. */
  borrow: Span[];
  /** "post it": the previous result; "its md5": what the previous clause was about. */
  refersTo: 'result' | 'subject' | undefined;
  /** The earlier goals' nodes, latest first. */
  results: DraftNode[];
  /** Said after the goals before it ("…, then shrink it"), not beside them ("also …"). */
  sequential: boolean;
  /** The goal this clause repeats with other values ("and 70 kg to lbs"): what it does not restate, it keeps. */
  template?: DraftNode;
}

export const NO_LINKS: ClauseLinks = { borrow: [], refersTo: undefined, results: [], sequential: false };

export interface ChainContext {
  request: AnalyzedRequest;
  sem: Semantics;
  producers: Producers;
  /** How much the request talks about a function (0..1), cached by the caller. */
  relevance(fn: FunctionSpec): number;
  maxDepth: number;
  /** Nodes of goals planned before this one: their outputs are bound before any new function. */
  existing: DraftNode[];
  /** Sub-plans already built for this request, by function and depth. */
  memo: Map<string, { node: DraftNode; quality: ChainQuality; uses: Set<string> }>;
  /** Helpers the user picked: taken first wherever they can provide an input. */
  prefer: ReadonlySet<string>;
  /** Which functions change the world: never a helper. */
  effects: SideEffects;
  /** Functions whose product the request names ("a summary of …", "the chart"): helpers worth trying for any input their output fits. */
  named: readonly FunctionSpec[];
  links: ClauseLinks;
  /** Functions that turn a value of one kind into another (a link into its content, now into a date). */
  adapters: Adapters;
}

export interface ChainQuality {
  asks: number;
  nodes: number;
  usedSpans: Set<Span>;
}

/** A value this good is taken without looking for a producer. */
const SURE_VALUE = 0.62;
/** A value at least this good is taken when no producer is convincing. */
const WEAK_VALUE = 0.42;
/** A producer at least this good is chained. */
const MIN_PRODUCER = 0.55;
const PRODUCERS_TRIED = 3;
/**
 * Weight of how exactly a producer's output is named like the input, against the request's 0.6 for
 * mentioning it: of near-duplicate helpers, the one whose output is spelled for this input is meant
 * for it. Measured on the Reverse Chain dev set: edge F1 0.327 → 0.333 when raised from 0.6.
 */
const NAME_WEIGHT = 1.0;
/** Each extra step beneath a helper costs this much: of two ways to an input, the shorter wins. */
const NODE_COST = 0.12;
/** A helper the request talks about less than this loses to a value the request states for the input. */
const UNMENTIONED = 0.3;
/** A helper the user picked outscores any other producer. */
const PREFERRED = 10;

/** The question that asks the user for an input nothing in the request fills. */
export function question(input: InputSpec): string {
  // The first sentence ("e.g." and "i.e." do not end one).
  const described = input.description?.trim().split(/;|(?<!\b(?:e\.g|i\.e))\.(?=\s+[A-Z]|\s*$)/)[0];
  let what = described || input.name.replace(/_/g, ' ');
  // A description that is already a question ("How many units to add") is asked as it is.
  // NOTE: the question is for people; which step and input it fills is in the workflow around it
  // (the node's id and the input's key), and the chats show that beside the question.
  if (/^(how|what|which|when|where|who|whom)\b/i.test(what)) return `${what}?`;
  if (/^(The|A|An|Your|My) /.test(what)) what = what[0]!.toLowerCase() + what.slice(1);
  return `What is ${/^(the|a|an|your|my) /.test(what) ? what : `the ${what}`}?`;
}

/** A stated value for an input, as the input takes it (an option as declared, a zone by its IANA name …). */
interface Assigned {
  span: Span;
  fit: number;
  value: unknown;
}

/** Assigns stated values to a node's inputs: best fits first, each value at most once per node. */
function assignValues(fn: FunctionSpec, ctx: ChainContext): Map<string, Assigned> {
  const options: ({ input: string } & Assigned)[] = [];
  const worksOutDates = fn.inputs.some((i) => i.type === 'date');
  for (const input of fn.inputs) {
    for (const span of ctx.request.spans) {
      if (span.facetOf && !worksOutDates) continue;
      // Plain words are a last resort, tried before asking — but for a person addressed ("DM priya").
      if (!isStatedValue(span) && !input.enum && !addressed(span)) continue;
      const fit = valueFit(input, span, ctx.sem);
      if (fit >= WEAK_VALUE) options.push({ input: input.name, span, fit, value: valueFor(input, span, namedOption(input, span)?.value) });
    }
    // An option asked for by what it means ("biggest first" for descending).
    const meant = input.enum && meantOption(input, fn, ctx.request.spans, ctx.request.text, ctx.sem);
    if (meant) options.push({ input: input.name, span: meant.span, fit: meant.fit, value: meant.value });
  }
  options.sort((a, b) => b.fit - a.fit);
  const chosen = new Map<string, Assigned>();
  const usedSpans = new Set<Span>();
  for (const o of options) {
    if (chosen.has(o.input) || usedSpans.has(o.span)) continue;
    chosen.set(o.input, { span: o.span, fit: o.fit, value: o.value });
    usedSpans.add(o.span);
  }
  return chosen;
}

/** The plain request word that best names a kind of what the input wants ("horror" for genre). */
function bestWord(input: InputSpec, ctx: ChainContext, taken: Set<Span>): { span: Span; fit: number } | undefined {
  let best: { span: Span; fit: number } | undefined;
  for (const span of ctx.request.spans) {
    if (isStatedValue(span) || taken.has(span)) continue;
    const fit = valueFit(input, span, ctx.sem);
    if (fit > 0 && (!best || fit > best.fit)) best = { span, fit };
  }
  return best;
}

/** An output of an already planned node that can feed `input` (same name, or clearly related). */
function existingOutput(input: InputSpec, ctx: ChainContext, stated = false): { node: DraftNode; output: string } | undefined {
  if (ctx.existing.length === 0) return undefined;
  const content = words(input.name).every((w) => ANY_CONTENT.has(w));
  // "post it", "share the result": the goal before it, its main result — for an input that takes content.
  if (ctx.links.refersTo === 'result' && content) {
    const result = mainResult(input, ctx);
    if (result) return result;
  }
  // The request names an earlier step's result ("post the summary", "upload the chart"): that result,
  // where it is content the input takes or named like the input.
  const said = new Set(ctx.request.intentWords.map(stem));
  const head = new Set(inputWords(input).head.map(stem));
  const latestFirst = [...ctx.existing].reverse();
  for (const node of latestFirst) {
    // A changing step's outputs are receipts ("the same message" is not the posted message's timestamp).
    if (content && ctx.effects.changes(node.fn)) continue;
    for (const output of node.fn.outputs) {
      const named = words(output.name).some((w) => w.length > 2 && said.has(stem(w)));
      if (named && isAssignable(output.type, input.type) && (content || words(output.name).some((w) => head.has(stem(w))))) return { node, output: output.name };
    }
  }
  for (const node of ctx.existing) {
    const match = ctx.producers.for(input, new Set()).find((m) => m.fn.name === node.fn.name);
    if (match) return { node, output: match.output.name };
  }
  // "… and upload it": a pronoun points at the latest result that fits, for content.
  if (content && /\b(it|that|them|this|those|these)\b/i.test(ctx.request.text) && !ctx.request.spans.some((sp) => isStatedValue(sp) && valueFit(input, sp, ctx.sem) >= WEAK_VALUE)) {
    for (const node of latestFirst) {
      const output = node.fn.outputs.find((o) => o.type === input.type);
      if (output) return { node, output: output.name };
    }
  }
  // A goal said after another ("…, then give me a 64px thumbnail", "and post the number in #x") works
  // on the result before it, for an input that takes any content of its type (text, a file, values).
  // (Not where the clause states a value of its own for the input.)
  if (ctx.links.sequential && !stated && content) return mainResult(input, ctx);
  return undefined;
}

/** Outputs that say something about a result rather than being it: its unit, format, type, status, id. */
const describesOnly = (o: { name: string }) => words(o.name).some((w) => META.has(w));
const META = new Set(['unit', 'units', 'format', 'type', 'status', 'id', 'ts', 'timestamp', 'mime', 'encoding', 'code']);

/**
 * The main result of the latest goal before this clause that the input can take: its first output
 * that fits ("the number" of a conversion is its converted value, not its unit), or its result turned
 * into this form ("post the keywords": a list joined into text). A goal that changed something gives
 * a receipt (a timestamp, an id), not content to pass on.
 */
function mainResult(input: InputSpec, ctx: ChainContext): { node: DraftNode; output: string } | undefined {
  for (const node of ctx.links.results.filter((r) => !ctx.effects.changes(r.fn))) {
    // An output of the very type, unless it only describes the result (its unit, format, status),
    // else the first the input can take ("the number" of a conversion; a time "in words" for text).
    const output = node.fn.outputs.find((o) => o.type === input.type && !describesOnly(o)) ?? node.fn.outputs.find((o) => isAssignable(o.type, input.type));
    if (output) return { node, output: output.name };
    const main = node.fn.outputs[0];
    const converter = main && ctx.adapters.converter(main, input, new Set([node.fn.name]));
    if (converter) {
      const step: DraftNode = { fn: converter.fn, inputs: new Map([[converter.takes.name, { kind: 'from', node, output: main.name, score: 1 }]]), runnersUp: [], converts: true };
      return { node: step, output: converter.output.name };
    }
  }
  return undefined;
}

/** A value another clause states that fits `input` surely ("sha256 and md5 of 'x'": the md5 clause's 'x' for the sha256 one). */
function borrowed(input: InputSpec, ctx: ChainContext, taken: ReadonlySet<Span>): Assigned | undefined {
  for (const span of ctx.links.borrow) {
    if (taken.has(span)) continue;
    const fit = valueFit(input, span, ctx.sem);
    if (fit >= SURE_VALUE) return { span, fit, value: valueFor(input, span, namedOption(input, span)?.value) };
  }
  return undefined;
}

/** Every node of the draft trees under `roots`, each once, parents before the nodes they read from. */
export function draftNodes(roots: DraftNode[]): DraftNode[] {
  const seen = new Set<DraftNode>();
  const visit = (n: DraftNode) => {
    if (seen.has(n)) return;
    seen.add(n);
    for (const b of n.inputs.values()) if (b.kind === 'from') visit(b.node);
  };
  roots.forEach(visit);
  return [...seen];
}

/**
 * Builds the sub-plan that computes `fn`. `ancestors` prevents a function from feeding itself.
 * Returns the node and the quality of everything beneath it.
 */
export function buildChain(fn: FunctionSpec, ctx: ChainContext, depth = 0, ancestors: ReadonlySet<string> = new Set()): { node: DraftNode; quality: ChainQuality } {
  // NOTE: the same helper is tried under many goal candidates; its sub-plan depends only on the
  // function and the depth left, unless it used a function that is now an ancestor (a cycle).
  const key = `${fn.name}\u0000${depth}`;
  const cached = ctx.memo.get(key);
  if (cached && ![...cached.uses].some((u) => ancestors.has(u))) return cached;
  const built = build(fn, ctx, depth, ancestors);
  ctx.memo.set(key, { ...built, uses: new Set(draftNodes([built.node]).map((n) => n.fn.name)) });
  return built;
}

function build(fn: FunctionSpec, ctx: ChainContext, depth: number, ancestors: ReadonlySet<string>): { node: DraftNode; quality: ChainQuality } {
  const node: DraftNode = { fn, inputs: new Map(), runnersUp: [] };
  const quality: ChainQuality = { asks: 0, nodes: 1, usedSpans: new Set() };
  const values = assignValues(fn, ctx);
  const lineage = new Set([...ancestors, fn.name]);
  const bindValue = (input: InputSpec, span: Span, fit: number, value: unknown = valueFor(input, span)) => {
    // A file that comes with the message is asked of the conversation, which holds it.
    if (span.kind === 'attachment') node.inputs.set(input.name, { kind: 'ask', question: question(input), span });
    else node.inputs.set(input.name, { kind: 'value', value, span, fit });
    quality.usedSpans.add(span);
  };

  const template = depth === 0 && ctx.links.template?.fn === fn ? ctx.links.template : undefined;
  const borrow = (input: InputSpec) => borrowed(input, ctx, new Set([...node.inputs.values()].flatMap((b) => (b.kind === 'value' ? [b.span] : []))));
  for (const input of fn.inputs) {
    const value = values.get(input.name);
    const kept = template?.inputs.get(input.name);
    if (!input.required || input.default !== undefined) {
      // Optional inputs take only a value the request clearly states for them (or one in the place
      // the goal repeated had one: "the last 10 messages in #a and the last 10 in #b").
      // A quote or block handed over is clearly stated: it fills an optional input that takes text.
      const handedOver = value && (value.span.kind === 'quoted' || value.span.kind === 'block') && inputKind(input) === 'text' && value.fit >= SURE_VALUE;
      if (value && (value.fit >= SURE_VALUE + 0.2 || handedOver || (kept?.kind === 'value' && value.fit >= WEAK_VALUE))) bindValue(input, value.span, value.fit, value.value);
      else if (kept && !value) node.inputs.set(input.name, kept);
      continue;
    }
    if (value && value.fit >= SURE_VALUE) {
      bindValue(input, value.span, value.fit, value.value);
      continue;
    }
    // What the repeated goal had, for what this clause does not restate ("… and 70 kg to lbs" keeps nothing; "… and #b" keeps the text).
    if (kept && !value) {
      node.inputs.set(input.name, kept);
      continue;
    }
    // "its md5", "the words in it": the thing the previous clause was about.
    const subject = ctx.links.refersTo === 'subject' ? borrow(input) : undefined;
    if (subject) {
      bindValue(input, subject.span, subject.fit, subject.value);
      continue;
    }
    const reuse = existingOutput(input, ctx, value !== undefined);
    if (reuse) {
      node.inputs.set(input.name, { kind: 'from', node: reuse.node, output: reuse.output, score: 1 });
      continue;
    }
    const lent = !value ? borrow(input) : undefined;
    if (lent) {
      bindValue(input, lent.span, lent.fit, lent.value);
      continue;
    }
    const elsewhere = new Set([...values.entries()].filter(([name]) => name !== input.name).map(([, v]) => v.span));
    const found = depth < ctx.maxDepth ? bestProducer(fn, input, ctx, depth, lineage, new Set([...values.values()].map((v) => v.span)), node, elsewhere) : undefined;
    const producer = found && (shortCut(input, found, ctx, lineage) ?? found);
    const fedBack = producer && roundTripValue(input, producer, ctx);
    if (fedBack) {
      bindValue(input, fedBack.span, fedBack.fit);
      continue;
    }
    // A stated value beats a helper the request never talks about ("hash 'hello world'" needs no channel
    // history) — but not a lookup of a name where an id is wanted ("DM Priya Nair": her user id).
    const nameForId = value !== undefined && inputKind(input) === 'id' && !isIdLike(value.span);
    const unmentioned = producer !== undefined && value !== undefined && !nameForId && ctx.relevance(producer.node.fn) < UNMENTIONED;
    if (producer && !unmentioned && (!value || producer.score >= value.fit) && !movesTheQuestion(input, producer, ctx.sem)) {
      node.inputs.set(input.name, { kind: 'from', node: producer.node, output: producer.output, score: producer.score });
      quality.asks += producer.quality.asks;
      quality.nodes += producer.quality.nodes;
      for (const s of producer.quality.usedSpans) quality.usedSpans.add(s);
    } else if (value) {
      bindValue(input, value.span, value.fit, value.value);
    } else {
      const last = lastResort(fn, input, node, ctx);
      if (last) bindValue(input, last.span, last.fit);
      else {
        node.inputs.set(input.name, { kind: 'ask', question: question(input) });
        quality.asks++;
      }
    }
  }
  return { node, quality };
}

/**
 * A value the helper's own sub-plan feeds in for the very input the helper is to provide ("a horror
 * movie": genre ← FindMovieGenre ← MovieSearch(genre "horror")), or for one that names the same
 * thing (book_name ← ISBNToBookname ← GetBookISBN(book_title "Moby Dick")): the helper is a round
 * trip, and the value is what the request meant for the input.
 */
function roundTripValue(input: InputSpec, helper: { node: DraftNode; quality: ChainQuality }, ctx: ChainContext): { span: Span; fit: number } | undefined {
  for (const node of draftNodes([helper.node])) {
    const b = sameThingInput(node, input);
    if (b?.kind !== 'value') continue;
    // A helper that also uses other stated values does more than give the value back.
    if ([...helper.quality.usedSpans].some((sp) => sp !== b.span && isStatedValue(sp))) return undefined;
    const fit = valueFit(input, b.span, ctx.sem);
    if (fit > 0) return { span: b.span, fit };
  }
  return undefined;
}

/**
 * A round trip whose own end is a question, or a plain word that does not fit the input (text ←
 * Base64Decode ← Base64Encode(text "code") for "make a QR code"): the helper only moves the question
 * for the input further away; ask it here.
 */
function movesTheQuestion(input: InputSpec, helper: Helper, sem: Semantics): boolean {
  return draftNodes([helper.node]).some((n) => {
    const b = sameThingInput(n, input);
    return b?.kind === 'ask' || (b?.kind === 'value' && !isStatedValue(b.span) && valueFit(input, b.span, sem) === 0);
  });
}

/**
 * The node's binding for an input that names the same thing as `input`: the same name, or the same
 * distinguishing words ("book_title" for "book_name"). Measured on the Reverse Chain dev set, as the
 * round trip's match: function F1 0.445 → 0.451, exact 0.178 → 0.189.
 */
function sameThingInput(node: DraftNode, input: InputSpec): DraftBinding | undefined {
  const exact = node.inputs.get(input.name);
  if (exact) return exact;
  const head = inputWords(input).head.map(stem).join(' ');
  const spec = node.fn.inputs.find((i) => i.type === input.type && inputWords(i).head.map(stem).join(' ') === head);
  return spec && node.inputs.get(spec.name);
}

/**
 * A step inside the helper's sub-plan that already provides the input, with the steps above it only
 * turning its result into something else and back ("movie_name ← MovieRecommendation(genre ←
 * FindMovieGenre(movie ← MovieSuggestion(…)))": the suggested movie is itself the movie meant): that
 * step, fed straight in. Only when the steps skipped use no stated value of their own, for then
 * they add nothing the request asked for. Measured on the Reverse Chain dev set: function F1
 * 0.443 → 0.445, edge F1 0.335 → 0.341, exact 0.169 → 0.178.
 */
function shortCut(input: InputSpec, helper: Helper, ctx: ChainContext, lineage: ReadonlySet<string>): Helper | undefined {
  const inner = draftNodes([helper.node]).slice(1);
  if (inner.length === 0) return undefined;
  const usedByHelper = [...helper.quality.usedSpans].filter(isStatedValue);
  let best: { match: ProducerMatch; node: DraftNode } | undefined;
  for (const match of ctx.producers.for(input, lineage)) {
    const node = inner.find((n) => n.fn === match.fn);
    if (!node || !namesKindOf(match.output, input) || (best && best.match.nameScore >= match.nameScore)) continue;
    const spans = subtreeQuality(node).usedSpans;
    if (usedByHelper.every((sp) => spans.has(sp))) best = { match, node };
  }
  return best && { node: best.node, quality: subtreeQuality(best.node), output: best.match.output.name, score: helper.score };
}

/**
 * Every distinguishing word of the output is in the input's name ("time" for alert_time): the output
 * is that very thing, not merely something related (a book's title is no author_name).
 */
function namesKindOf(output: { name: string; description: string }, input: InputSpec): boolean {
  const wanted = new Set(inputWords(input).name.map(stem));
  return inputWords(output).head.every((w) => wanted.has(stem(w)));
}

/** Questions, steps and values of the sub-plan under `root`. */
function subtreeQuality(root: DraftNode): ChainQuality {
  const quality: ChainQuality = { asks: 0, nodes: 0, usedSpans: new Set() };
  for (const n of draftNodes([root])) {
    quality.nodes++;
    for (const b of n.inputs.values()) {
      if (b.kind === 'ask') quality.asks++;
      else if (b.kind === 'value') quality.usedSpans.add(b.span);
    }
  }
  return quality;
}

type Helper = { node: DraftNode; quality: ChainQuality; output: string; score: number };

/**
 * The catalog function best placed to produce `input`: by output name and how much the request talks
 * about it, with its own sub-plan's questions, fresh values and length weighed in. Close runners-up
 * are recorded on the chosen node as alternatives.
 */
function bestProducer(
  fn: FunctionSpec,
  input: InputSpec,
  ctx: ChainContext,
  depth: number,
  lineage: ReadonlySet<string>,
  taken: ReadonlySet<Span>,
  node: DraftNode,
  elsewhere: ReadonlySet<Span>,
): Helper | undefined {
  let best: Helper | undefined;
  const scored: { fn: string; score: number }[] = [];
  const byName = ctx.producers.for(input, lineage);
  const scoredMatch = (m: ProducerMatch) => ({ ...m, score: NAME_WEIGHT * m.nameScore + 0.6 * ctx.relevance(m.fn) + (ctx.prefer.has(m.fn.name) ? PREFERRED : 0) });
  const sorted = (ms: ProducerMatch[]) => ms.filter((m) => !ctx.effects.changes(m.fn)).map(scoredMatch).sort((a, b) => b.score - a.score);
  // The best few found by name, and every one found otherwise (named by the request, bridging a
  // value, telling the time): those are few, and a generic name ("text") has many producers.
  const others = sorted([...namedProducers(input, ctx, lineage, byName), ...describedProducers(input, ctx, lineage, byName), ...bridges(input, ctx, lineage, byName), ...nowProducers(input, ctx, lineage)]);
  const candidates = [...sorted(byName).slice(0, PRODUCERS_TRIED), ...others].sort((a, b) => b.score - a.score);
  for (const m of candidates) {
    if (m.score < MIN_PRODUCER) break;
    const sub = buildChain(m.fn, ctx, depth + 1, lineage);
    // A helper the request does not mention, that itself needs asking, only moves the question.
    if (sub.quality.asks > 0 && ctx.relevance(m.fn) < 0.5 && !ctx.prefer.has(m.fn.name)) continue;
    if (echoes(sub.node, node) || undoes(sub.node, m.output.name, fn, input)) continue;
    // A step that only reshapes what it takes (sorts numbers, resizes an image) is there because the
    // request asks for that, never to fill an input on its own.
    // (A step that works out a moment the request states relative to another — "90 days from
    // today" — is asked for by those values.)
    const shifts = [...sub.quality.usedSpans].some((sp) => sp.facetOf?.relative);
    if (reshapes(m.fn) && !shifts && ctx.relevance(m.fn) < 0.5 && !ctx.named.includes(m.fn) && !ctx.prefer.has(m.fn.name)) continue;
    // Values this step has not used already are evidence for the helper that consumes them.
    const mine = new Set([...elsewhere, ...[...node.inputs.values()].flatMap((b) => (b.kind === 'value' ? [b.span] : []))]);
    const fresh = [...sub.quality.usedSpans].filter((sp) => isStatedValue(sp) && !taken.has(sp)).length;
    const own = [...sub.quality.usedSpans].filter((sp) => (isStatedValue(sp) || addressed(sp)) && !mine.has(sp)).length;
    // A helper that brings nothing — no value of its own, not asked for by name — only repeats what the
    // step has ("post an update in #x" needs no history of #x).
    if (own === 0 && sub.quality.usedSpans.size > 0 && ctx.relevance(m.fn) < UNMENTIONED && !ctx.named.includes(m.fn) && !ctx.prefer.has(m.fn.name)) continue;
    const total = m.score - 0.15 * sub.quality.asks + 0.1 * fresh - NODE_COST * (sub.quality.nodes - 1);
    scored.push({ fn: m.fn.name, score: total });
    if (!best || total > best.score) best = { ...sub, output: m.output.name, score: total };
  }
  if (best) {
    const chosen = best;
    const close = scored.filter((s) => s.fn !== chosen.node.fn.name && chosen.score - s.score < 0.05).map((s) => s.fn);
    if (close.length) chosen.node.runnersUp.push({ functions: close, reason: `${close.join(', ')} could also provide ${input.name} for ${fn.name}` });
  }
  return best;
}

/** Functions that turn a stated value of another kind into what `input` takes (a link into its content). */
function bridges(input: InputSpec, ctx: ChainContext, lineage: ReadonlySet<string>, byName: ProducerMatch[]): ProducerMatch[] {
  return ctx.adapters.bridges(input, [...ctx.request.spans, ...ctx.links.borrow], lineage).filter((m) => !byName.some((b) => b.fn === m.fn));
}

/**
 * A function that tells the current time, for a date the request puts at "now" ("what time is it
 * now", "200 days from now") or leaves there ("how many days until Christmas": from now).
 */
function nowProducers(input: InputSpec, ctx: ChainContext, lineage: ReadonlySet<string>): ProducerMatch[] {
  if (input.type !== 'date') return [];
  const said = ctx.request.spans.some((s) => s.now);
  // "until X", "X away": from now to X — now is the start; "since X", "X ago": the end.
  const until = UNTIL.test(ctx.request.text);
  const since = SINCE.test(ctx.request.text);
  const iw = inputWords(input).all;
  const start = iw.some((w) => START_WORDS.has(w));
  const end = iw.some((w) => END_WORDS.has(w));
  const now = said || (until && (start || !end)) || (since && (end || !start));
  if (!now) return [];
  return ctx.adapters
    .nowFunctions()
    .filter((fn) => !lineage.has(fn.name))
    .slice(0, 1)
    .map((fn) => ({ fn, output: fn.outputs.find((o) => o.type === 'date')!, nameScore: NOW_PRODUCER }));
}
/** "until X", "X away", "days left": a span of time from now; "since X", "X ago": one up to now. */
const UNTIL = /\b(until|till|til|'til|left|remaining|away|from now)\b/i;
const SINCE = /\b(since|ago)\b/i;
const START_WORDS = new Set(['start', 'from', 'begin', 'beginning', 'earlier', 'first', 'since']);
const END_WORDS = new Set(['end', 'to', 'until', 'later', 'last', 'finish', 'deadline']);
/** How a function telling the current time counts as a producer of a date the request puts at now. */
const NOW_PRODUCER = 1.0;

/** Input names that say what form content takes, not which content: text, a file, values … */
const ANY_CONTENT = new Set(['text', 'message', 'body', 'content', 'contents', 'file', 'data', 'value', 'values', 'items', 'item', 'input', 'document', 'image', 'json', 'list']);

/**
 * How a product the request names counts as a producer of an input its type fits: as much as an
 * output of the input's own name ("post a summary of …": the summary, not the raw text).
 */
const NAMED_PRODUCT = 1.0;

/**
 * Producers the request names by their product ("post a summary of …": SummarizeText.summary for the
 * text to post), for an input whose type the product fits, beyond those found by output name.
 */
function namedProducers(input: InputSpec, ctx: ChainContext, lineage: ReadonlySet<string>, byName: ProducerMatch[]): ProducerMatch[] {
  // Only an input named for content in general ("text", "file", "values") takes any product of its
  // type; one named for a particular thing ("seats", "movie_name") takes what is named like it.
  if (!words(input.name).every((w) => ANY_CONTENT.has(w))) return [];
  const out: ProducerMatch[] = [];
  for (const f of ctx.named) {
    if (lineage.has(f.name) || byName.some((m) => m.fn === f)) continue;
    // Its main result: the first output the input can take ("the number" of a conversion, not its unit).
    const output = f.outputs.find((o) => isAssignable(o.type, input.type));
    if (output) out.push({ fn: f, output, nameScore: NAMED_PRODUCT });
  }
  return out;
}

/**
 * "remind me when the event starts": the reminder's alert_time is the event's start time, which an
 * output named only by the input's kind ("time", described "the start time of the event") gives.
 * Such an output feeds the input when the request says what it is, in the words of its description
 * — at least two of them, and most of them.
 */
function describedProducers(input: InputSpec, ctx: ChainContext, lineage: ReadonlySet<string>, byName: ProducerMatch[]): ProducerMatch[] {
  const nameWords = words(input.name);
  const kind = nameWords.at(-1);
  if (!kind || nameWords.length < 2) return [];
  const said = new Set(ctx.request.intentWords.map(stem));
  const out: ProducerMatch[] = [];
  for (const m of ctx.producers.for({ name: kind, type: input.type, description: '', required: true }, lineage)) {
    if (m.nameScore < 1 || byName.some((b) => b.fn === m.fn)) continue;
    const described = unique(contentWords(m.output.description ?? '').map(stem)).filter((w) => w !== stem(kind));
    const stated = described.filter((w) => said.has(w)).length;
    if (stated >= 2 && stated / described.length > 0.5) out.push({ ...m, nameScore: DESCRIBED_PRODUCT });
  }
  return out;
}
/** How an output the request describes counts as a producer: as one of a closely related name. */
const DESCRIBED_PRODUCT = 0.9;

const sameName = (a: string, b: string) => words(a).join('') === words(b).join('');

/** Gives back the kind of thing it takes: an output of the same name and type as a required input. */
function reshapes(fn: FunctionSpec): boolean {
  return fn.inputs.some((i) => i.required && fn.outputs.some((o) => sameName(o.name, i.name) && o.type === i.type));
}

/**
 * A helper that undoes the step it feeds (Base64Encode feeding Base64Decode's base64, an id-to-name
 * lookup feeding a name-to-id one): it takes what the step gives and gives what the step takes, so
 * the two together give back what went in, and the helper's own input is only a question moved
 * further away. (When the request states that input, the round trip is the value: roundTripValue.)
 */
function undoes(helper: DraftNode, output: string, fn: FunctionSpec, input: InputSpec): boolean {
  if (!sameName(output, input.name)) return false;
  return helper.fn.inputs.some((i) => i.required && fn.outputs.some((o) => sameName(o.name, i.name)) && helper.inputs.get(i.name)?.kind !== 'value');
}

/**
 * A helper fed exactly what a transforming step already has — the same values, the same questions —
 * to set one of the step's parameters: GetImageInfo of the image to resize, for ResizeImage's width.
 * The step gives back the kind of thing it takes (an image for an image), so its parameter set from
 * that thing's own property changes nothing. (A step that gives something else — advice on a stock
 * from its current price — does need the property.)
 */
function echoes(helper: DraftNode, node: DraftNode): boolean {
  const required = helper.fn.inputs.filter((i) => i.required);
  if (required.length === 0) return false;
  const transforms = required.some((i) => node.fn.outputs.some((o) => sameName(o.name, i.name) && o.type === i.type));
  if (!transforms) return false;
  return required.every((i) => {
    const h = helper.inputs.get(i.name);
    const mine = node.inputs.get(i.name);
    if (!h || !mine || h.kind !== mine.kind) return false;
    if (h.kind === 'value' && mine.kind === 'value') return h.span === mine.span;
    if (h.kind === 'from' && mine.kind === 'from') return h.node === mine.node && h.output === mine.output;
    return h.kind === 'ask';
  });
}

/**
 * A plain word with the noun it modifies, when that noun is not the step's own subject: "birthday
 * party" is the occasion and "business class" the flight class, but "horror movie" to a movie
 * finder is the genre "horror", and "the revenue column" to a column reader the column "revenue".
 */
function compound(span: Span, fn: FunctionSpec, input: InputSpec, ctx: ChainContext): Span {
  const next = ctx.request.spans.find((sp) => sp.kind === 'word' && sp.start === span.end + 1);
  if (!next || ctx.request.text[span.end] !== ' ') return span;
  const said = stem(String(next.value));
  const saidIn = (ws: string[]) => ws.some((w) => stem(w) === said);
  // The step's subject: in its name, or in its description unless the input itself is named by it.
  if (saidIn(words(fn.name)) || (saidIn(ctx.sem.wordsOf(fn.name).purpose) && !saidIn(inputWords(input).name))) return span;
  const text = `${span.text} ${next.text}`;
  return { ...span, value: text, text, end: next.end, after: next.after };
}

/**
 * Before asking: a plain word that names a kind of what the input wants ("horror" for genre), or a
 * quoted value nothing else in this step took when this is the step's one open text input.
 */
function lastResort(fn: FunctionSpec, input: InputSpec, node: DraftNode, ctx: ChainContext): { span: Span; fit: number } | undefined {
  const taken = new Set([...node.inputs.values()].flatMap((b) => (b.kind === 'value' ? [b.span] : [])));
  const word = bestWord(input, ctx, taken);
  if (word) return { span: compound(word.span, fn, input, ctx), fit: word.fit };
  const plainText = (input.type === 'string' || input.type === 'any') && !/(channel|email|url|date|time)/i.test(input.name);
  const openTextInputs = fn.inputs.filter((i) => i.required && !node.inputs.has(i.name) && i.type === 'string').length;
  if (!plainText || openTextInputs !== 1) return undefined;
  const leftover = ctx.request.spans.find((sp) => sp.kind === 'quoted' && !taken.has(sp) && valueFit(input, sp, ctx.sem) > 0.15);
  return leftover ? { span: leftover, fit: 0.3 } : undefined;
}
