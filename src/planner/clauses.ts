/**
 * @module planner/clauses
 * A request as the goals it states, in order: "summarize #outages and post it to #eng-leads" is two
 * goals, "convert 10 km to miles and 70 kg to lbs" two of one kind, "sha256 and md5 of 'x'" two that
 * share what they work on. A clause ends at a sentence end, a semicolon or a dash, and at "and",
 * "then", "also", "+" or a comma when what follows starts a goal of its own: an instruction (a verb,
 * a question word), the catalog's name for a product ("md5", "the mean"), or values alone (the goal
 * before it, again).
 *
 * What a clause refers back to is read from how it says it: "post it", "share them" act on the
 * previous clause's result; "its md5", "the words in it", "from then" are about what the previous
 * clause was about.
 */
import { isStopword, words } from '../index/tokenize.ts';
import type { Span } from './values/index.ts';

export interface Clause {
  start: number;
  end: number;
  text: string;
  /** No instruction of its own, only values: it asks for the previous goal again ("and 70 kg to lbs"). */
  elliptical: boolean;
  /** What "it", "them", "that" point at: the previous clause's result, or what that clause was about. */
  refersTo: 'result' | 'subject' | undefined;
  /** Said as a goal next to another rather than after it ("also", "too", "two things:"). */
  parallel: boolean;
  /** Parts joined to this goal as context ("we're closing Q3", "need it for the changelog"): why, not what. */
  context?: { start: number; end: number }[];
}

export interface ClauseOptions {
  /** Whether a lower-case word is an instruction's verb ("post", "convert", "dm"). */
  isVerb(word: string): boolean;
  /** Whether a lower-case word names something the catalog makes or an option it takes ("md5", "mean", "thumbnail"). */
  isProduct(word: string): boolean;
}

const QUESTION = new Set(['what', "what's", 'whats', 'how', 'which', 'who', "who's", 'when', 'where', 'why', 'is', 'are', 'does', 'do', 'can', 'could']);
const OBJECT_PRONOUNS = new Set(['it', 'them', 'that', 'this', 'those', 'these', 'him', 'her', 'me', 'us', 'one']);
/** Pronouns that point back at a thing (not "me", to whom it is given: "show me the last messages"). */
const POINTING_BACK = new Set(['it', 'them', 'that', 'this', 'those', 'these']);
const PARALLEL = /\b(also|too|as well|both|(?:two|2|three|3|a few|couple of)(?: quick)? (?:things|ones|questions))\b/i;
const PREAMBLE = /^\s*(?:(?:i have|i've got|got|here are)\s+)?(?:two|2|three|3|a few|a couple of|couple of)(?: quick)? (?:things|ones|questions)\s*[:—–-]\s*/i;
const FILLER = /^(?:also|too|then|and|so|ok|okay|please|pls|thanks|thank you|oh|btw)[\s,.!]*$/i;
/** Breaks that always end a clause (outside values): sentence ends, semicolons, dashes, "and then". */
const HARD = /(?:[.!?]+\s+|\s*;\s+|\s+[—–]\s+|\s+-\s+|,?\s+(?:and then|then|after that|afterwards|and finally|finally)\s+)/gi;
const ARROW = /\s*(?:→|->|=>)\s*/g;
/** Breaks that end a clause only when what follows starts a goal of its own. */
const SOFT = /(?:,?\s+(?:and also|and|also|as well as|plus)\s+|\s*\+\s*|,\s+)/gi;

/**
 * The clauses of a request, each a goal or a part of one.
 * @example
 * splitClauses('summarize #outages and post it to #eng-leads', spans, options).map((c) => c.text);
 * // ['summarize #outages', 'post it to #eng-leads']
 */
export function splitClauses(text: string, spans: Span[], options: ClauseOptions): Clause[] {
  const inValue = (at: number) => spans.some((s) => s.kind !== 'word' && at > s.start && at < s.end);
  const cuts: { at: number; next: number; parallel: boolean; handsOn?: boolean }[] = [];
  // "line chart of 3, 5, 8 → #data-eng": an arrow hands the result on to what follows it.
  for (const m of text.matchAll(ARROW)) if (!inValue(m.index!)) cuts.push({ at: m.index!, next: m.index! + m[0].length, parallel: false, handsOn: true });
  for (const m of text.matchAll(HARD)) {
    const at = m.index!;
    const next = at + m[0].length;
    // Values alone after a sentence end ("what's at $.a in this? ```{…}```") are what that sentence works on.
    if (!inValue(at) && !cuts.some((c) => at < c.next && next > c.at) && !valuesOnly(text, next, nextBreak(text, next), spans)) cuts.push({ at, next, parallel: false });
  }
  for (const m of text.matchAll(SOFT)) {
    const at = m.index!;
    const next = at + m[0].length;
    if (inValue(at) || cuts.some((c) => at < c.next && next > c.at)) continue;
    // After a bare comma, values alone belong to the clause they follow ("a thumbnail of this, 200px").
    if (startsGoal(text, next, spans, options, /^,\s+$/.test(m[0]))) cuts.push({ at, next, parallel: /also|plus|\+/i.test(m[0]) });
  }
  cuts.sort((a, b) => a.at - b.at);
  const clauses: Clause[] = [];
  // "2 quick ones: …", "two things -": how many goals follow, no goal itself.
  let from = PREAMBLE.exec(text)?.[0].length ?? 0;
  let parallel = false;
  let handsOn = false;
  for (const cut of [...cuts, { at: text.length, next: text.length, parallel: false, handsOn: false }]) {
    const made = makeClause(text, from, cut.at, spans, options, parallel);
    const clause = made && handsOn ? { ...made, refersTo: 'result' as const, elliptical: false } : made;
    from = cut.next;
    handsOn = cut.handsOn === true;
    // "Also, post it …": a connective alone says how the next clause stands, not what to do.
    if (clause && FILLER.test(clause.text)) {
      parallel = parallel || PARALLEL.test(clause.text);
      continue;
    }
    if (clause) clauses.push(clause);
    parallel = cut.parallel;
  }
  const goals = mergeContext(text, clauses, spans, options);
  // "two things: …", "both …": the goals stand side by side.
  if (PARALLEL.test(text.slice(0, goals[0]?.end ?? 0)) && goals.length > 1) for (const c of goals.slice(1)) c.parallel = true;
  return goals;
}

/**
 * Clauses that state a fact or a purpose rather than ask for something — "our standup is 09:30 London
 * time", "we're shipping a 48 lb crate", "need it for the changelog", "asking for the marathon crew" —
 * are context: they join the goal next to them (the one after, or the one before for a last one),
 * whose values they may hold ("how far is a marathon in km? it's 26.2 miles").
 */
function mergeContext(text: string, clauses: Clause[], spans: Span[], options: ClauseOptions): Clause[] {
  const goals: Clause[] = [];
  let pending: Clause | undefined;
  const isGoal = (c: Clause) => !c.elliptical && !isContext(c.text, options);
  for (const [i, c] of clauses.entries()) {
    // Values alone before any goal ("90 days from today — what weekday will that be?") are what it
    // works on; values alone with no goal after them ("2 things: 45 mph in km/h, and 0 °F in C") are goals.
    const before = c.elliptical && goals.length === 0 && !asks(c.text) && clauses.slice(i + 1).some(isGoal);
    if ((isContext(c.text, options) && !c.elliptical) || before) {
      if (pending) pending = join(text, pending, c, spans, options, 'both');
      else pending = c;
      continue;
    }
    goals.push(pending ? join(text, pending, c, spans, options, 'first') : c);
    pending = undefined;
  }
  if (pending) {
    const last = goals.pop();
    goals.push(last ? join(text, last, pending, spans, options, 'second') : pending);
  }
  return goals;
}

/** `a` and `b` as one clause; `context` says which of them is context to the other (or both are). */
function join(text: string, a: Clause, b: Clause, spans: Span[], options: ClauseOptions, context: 'first' | 'second' | 'both'): Clause {
  const merged = makeClause(text, a.start, b.end, spans, options, a.parallel)!;
  const range = (c: Clause) => [{ start: c.start, end: c.end }];
  const parts = [...(context === 'second' ? a.context ?? [] : range(a)), ...(context === 'first' ? b.context ?? [] : range(b))];
  // The goal's own way of referring back stays: context adds values, not a reference.
  return { ...merged, refersTo: context === 'second' ? a.refersTo : b.refersTo, elliptical: false, context: context === 'both' ? [] : parts };
}

/** A clause that asks by its first word ("What's 10 gal in litres"), values or not. */
const asks = (clause: string) => QUESTION.has(clause.trim().toLowerCase().match(/^[a-z']+/)?.[0] ?? '');

/** Subjects a statement starts with; a request starts with an instruction or a question instead. */
const SUBJECTS = /^(?:we|we're|were|we've|our|i|i'm|im|i've|my|it|it's|its|they|they're|he|she|she's|he's|someone|somebody|there|there's|this is|that is|here's|hr|the team|everyone)\b/i;
/** "need it for …", "for the offsite", "because …": why, not what. */
const PURPOSE = /^(?:need(?:ed)? (?:it|to)|because|since|as|so|just|fyi|thanks|thank you|ty|cheers)\b/i;
/** "If I take a drive from Chicago to Detroit, …", "once the build is green, …": a condition, not a goal. */
const CONDITION = /^(?:if|once|unless|assuming|given|considering|whenever|in case|(?:when|after|before|while|as soon as) (?:i|we|you|they|he|she|it|the)\b)\b/i;
/** "I need the stats …", "we'd like a chart …": a statement that asks. */
const ASKING = /^(?:i|we)(?:'d| would)? (?:need|want|like|wanna|would like)\b(?! it\b)/i;

/** A clause that states a fact or a purpose: "we're closing Q3", "asking for the crew", "need it for X". */
export function isContext(clause: string, options: ClauseOptions): boolean {
  const lower = clause.trim().toLowerCase();
  if (ASKING.test(lower)) return false;
  if (SUBJECTS.test(lower) || PURPOSE.test(lower) || CONDITION.test(lower)) return true;
  // A clause led by an -ing word describes what the user is doing ("planning the potluck").
  const first = lower.match(/^[a-z]+/)?.[0] ?? '';
  return first.length > 4 && first.endsWith('ing') && !options.isVerb(first);
}

/** What follows a soft break starts a goal: an instruction, a question, a product, or values alone. */
function startsGoal(text: string, at: number, spans: Span[], options: ClauseOptions, comma = false): boolean {
  const rest = text.slice(at);
  const first = rest.toLowerCase().match(/^[a-z][a-z0-9']*/)?.[0];
  if (first && (QUESTION.has(first) || options.isVerb(first))) return true;
  // A word followed by "it"/"them" is an instruction whatever the word ("drop it in #x").
  const [w1, w2] = rest.toLowerCase().match(/[a-z][a-z0-9']*/g) ?? [];
  if (w1 && w2 && OBJECT_PRONOUNS.has(w2) && !isStopword(w1)) return true;
  // "… and md5 of 'x'", "… and the mean of the revenue column": another product of the catalog.
  const head = (rest.toLowerCase().match(/[a-z][a-z0-9-]*/g) ?? []).find((w) => !isStopword(w));
  if (!comma && head && options.isProduct(head) && rest.slice(0, rest.indexOf(head)).split(/\s+/).length <= 3) return true;
  // "… and 70 kg to lbs", "… and #eng-mobile": values of their own, and nothing to do — the goal before, again.
  return !comma && valuesOnly(text, at, nextBreak(text, at), spans);
}

const nextBreak = (text: string, at: number) => {
  const m = /,?\s+(?:and|also|then)\s+|[.;!?]\s|\s[—–-]\s/i.exec(text.slice(at));
  return m ? at + m.index : text.length;
};

/** Between `from` and `to` there are stated values, and the only other words are small ones. */
function valuesOnly(text: string, from: number, to: number, spans: Span[]): boolean {
  const inside = spans.filter((s) => s.kind !== 'word' && s.start >= from && s.end <= to);
  if (inside.length === 0) return false;
  let rest = '';
  let at = from;
  for (const s of inside.sort((a, b) => a.start - b.start)) {
    rest += ` ${text.slice(at, s.start)}`;
    at = s.end;
  }
  rest += ` ${text.slice(at, to)}`;
  return words(rest).every((w) => isStopword(w) || SMALL.has(w) || /^\d+$/.test(w));
}
/** Words that carry no goal in a clause of values ("the last 10 in #x", "other one for …"). */
const SMALL = new Set(['last', 'first', 'other', 'another', 'one', 'ones', 'same', 'next', 'also', 'too', 'please', 'pls', 'thanks']);

function makeClause(text: string, start: number, end: number, spans: Span[], options: ClauseOptions, parallel: boolean): Clause | undefined {
  const raw = text.slice(start, end);
  const lead = raw.length - raw.trimStart().length;
  const s = start + lead;
  const e = s + raw.trim().length;
  if (e <= s) return undefined;
  const clauseText = text.slice(s, e);
  const elliptical = valuesOnly(text, s, e, spans);
  return { start: s, end: e, text: clauseText, elliptical, refersTo: reference(clauseText, options), parallel };
}

/**
 * "post it", "DM them", "share the chart": the previous result; "its md5", "count the words in it",
 * "how many days from then": what the previous clause was about.
 */
function reference(clause: string, options: ClauseOptions): Clause['refersTo'] {
  const lower = clause.toLowerCase();
  if (/\b(its|their)\b/.test(lower) || /\b(in|of|from|on|about)\s+(it|them|that|this|those|these|then)\b/.test(lower) || /\bfrom then\b/.test(lower)) return 'subject';
  const tokens = lower.match(/[a-z][a-z0-9']*/g) ?? [];
  for (let i = 0; i + 1 < tokens.length; i++) if (POINTING_BACK.has(tokens[i + 1]!) && (options.isVerb(tokens[i]!) || i === 0)) return 'result';
  // "post the result", "share the output": the previous result by name.
  if (/\bthe (?:result|results|output|answer)\b/.test(lower)) return 'result';
  return undefined;
}
