/**
 * @module planner/adapters
 * Values of the wrong kind for an input reach it through a function that turns them into the right
 * kind — the catalog's own functions, found by what they take and what they give:
 * - a link where a document's text or data is wanted: a function that takes a URL and gives content
 *   ("summarize https://…/notes.txt": HttpGet's body);
 * - "now" where a date is wanted, and "how many days until X" (from now): a function that takes
 *   nothing and tells the current date and time;
 * - a list where text is wanted ("post the keywords"): a function that takes a list and gives text.
 * The planner never fills such an input with a value it worked out itself.
 */
import type { Catalog, FunctionSpec, InputSpec, OutputSpec } from '../catalog/types.ts';
import { isAssignable } from '../workflow/values.ts';
import { inputWords, type ProducerMatch, valueFit } from './bind.ts';
import type { SideEffects } from './effects.ts';
import { inputKind, type InputKind } from './kinds.ts';
import type { Semantics } from './semantics.ts';
import { isStatedValue, type Span } from './values/index.ts';

/** A value of this kind may need a function to become what an input takes. */
const BRIDGED: ReadonlySet<Span['kind']> = new Set(['url', 'channel', 'email', 'list', 'block', 'mention']);
/** Kinds of input that take content, which another function can give from a value of another kind. */
const CONTENT: ReadonlySet<InputKind> = new Set(['text', 'csv', 'json']);
/** How a bridge counts as a producer, before how well its output matches the input (0..1) is added. */
const BRIDGE_BASE = 0.55;
const BRIDGE_MATCH = 0.45;
/**
 * A bridge's output is content of the kind the input takes, not merely of its type: text for text
 * (a download's body, not a list of messages); rows or JSON may come as text too.
 */
function gives(output: OutputSpec, input: InputSpec): boolean {
  const made = inputKind({ ...output, required: true });
  const wanted = inputKind(input);
  return made === wanted || (made === 'text' && (wanted === 'csv' || wanted === 'json'));
}
/** The first output of a function is its main result ("body" of a download, not its content type). */
const FIRST_OUTPUT = 0.1;
/** Words a function that tells the current time uses for what it gives. */
const NOW_WORDS = ['now', 'current', 'today', 'currently'];

export class Adapters {
  private readonly byKind = new Map<InputKind, { fn: FunctionSpec; input: InputSpec }[]>();
  private now: FunctionSpec[] | undefined;

  constructor(
    private readonly catalog: Catalog,
    private readonly sem: Semantics,
    private readonly effects: SideEffects,
  ) {
    for (const fn of catalog.functions) {
      for (const input of fn.inputs) {
        if (!input.required) continue;
        const kind = inputKind(input);
        const list = this.byKind.get(kind);
        if (list) list.push({ fn, input });
        else this.byKind.set(kind, [{ fn, input }]);
      }
    }
  }

  /**
   * Functions that take a stated value `input` cannot take as it is and give what `input` takes:
   * each with the output to use, scored like a producer found by name.
   */
  bridges(input: InputSpec, spans: readonly Span[], exclude: ReadonlySet<string>): ProducerMatch[] {
    // Only content is bridged: a channel, a unit or a name is what it is, not something a download gives.
    if (!CONTENT.has(inputKind(input))) return [];
    const out = new Map<FunctionSpec, ProducerMatch>();
    for (const span of spans) {
      if (!isStatedValue(span) || !BRIDGED.has(span.kind) || valueFit(input, span, this.sem) >= DIRECT) continue;
      for (const [kind, takers] of this.byKind) {
        if (kind === 'string' || kind === 'option') continue;
        for (const { fn, input: taker } of takers) {
          if (exclude.has(fn.name) || out.has(fn) || this.effects.changes(fn) || valueFit(taker, span, this.sem) < DIRECT) continue;
          const output = this.bestOutput(fn, input);
          if (output) out.set(fn, { fn, output: output.output, nameScore: BRIDGE_BASE + BRIDGE_MATCH * output.match });
        }
      }
    }
    return [...out.values()];
  }

  /**
   * The output of `fn` to use for `input`: its first output of the kind of content the input takes
   * (a download's body, not its content type), with how well the two say they are alike.
   */
  private bestOutput(fn: FunctionSpec, input: InputSpec): { output: OutputSpec; match: number } | undefined {
    const output = fn.outputs.find((o) => isAssignable(o.type, input.type) && gives(o, input));
    if (!output) return undefined;
    return { output, match: Math.min(1, this.sem.align(inputWords(input).all, inputWords(output).all, 0.5) + FIRST_OUTPUT) };
  }

  /**
   * Functions with a required input that a stated value of a distinctive kind fits as it is (a
   * JSONPath: the function that takes one; a channel: those that take channels): the request may be
   * asking for them though its words say little ("pull $.data.version from https://…").
   */
  consumers(spans: readonly Span[]): FunctionSpec[] {
    const found = new Set<FunctionSpec>();
    for (const span of spans) {
      const kinds = TAKES[span.kind];
      if (!kinds || !isStatedValue(span) || span.facetOf) continue;
      for (const kind of kinds) for (const { fn, input } of this.byKind.get(kind) ?? []) if (valueFit(input, span, this.sem) >= DIRECT) found.add(fn);
    }
    return [...found];
  }

  /** Functions that take nothing and tell the current date and time ("CurrentTime"), best first. */
  nowFunctions(): FunctionSpec[] {
    this.now ??= this.catalog.functions
      .filter((fn) => !fn.inputs.some((i) => i.required) && !this.effects.changes(fn) && fn.outputs.some((o) => o.type === 'date'))
      .map((fn) => ({ fn, said: this.sem.maxSimilarity(this.sem.wordsOf(fn.name).purpose, NOW_WORDS) }))
      .filter((f) => f.said >= TELLS_NOW)
      .sort((a, b) => b.said - a.said)
      .map((f) => f.fn);
    return this.now;
  }

  /**
   * A function that turns a list into the text `input` takes ("post the keywords": JoinLines): it
   * takes the list alone and gives text. Nothing else is converted: a file is no text, and what a
   * function says of a file (its format, its size) is not the file.
   */
  converter(from: OutputSpec, input: InputSpec, exclude: ReadonlySet<string>): { fn: FunctionSpec; takes: InputSpec; output: OutputSpec } | undefined {
    if (from.type !== 'list' || inputKind(input) !== 'text') return undefined;
    for (const [, takers] of this.byKind) {
      for (const { fn, input: takes } of takers) {
        if (exclude.has(fn.name) || this.effects.changes(fn) || takes.type !== from.type || fn.inputs.filter((i) => i.required).length !== 1) continue;
        const output = fn.outputs.find((o) => o.type === input.type && inputKind({ ...o, required: true }) === 'text');
        if (output) return { fn, takes, output };
      }
    }
    return undefined;
  }
}

/** The kinds of input each distinctive kind of value is taken by as it is. */
const TAKES: Partial<Record<Span['kind'], InputKind[]>> = {
  path: ['path'],
  url: ['url'],
  channel: ['channel'],
  email: ['email'],
  list: ['list'],
  block: ['csv', 'json', 'text'],
  unit: ['unit'],
  attachment: ['file'],
};

/** A stated value that fits an input this well needs no function in between. */
const DIRECT = 0.62;
/** A function tells the time when its purpose words are this close to "now" or "current". */
const TELLS_NOW = 0.7;
