/**
 * @module planner/request
 * A request as the planner reads it: the values it states (read by the readers in `values/`), each
 * with the words around it so that the binder can tell which input a value is meant for ("Emily's
 * 'Chill Vibes' playlist"), and the words that say what it wants. Chat short forms and slips of the
 * keyboard are read as the words meant ("msgs" → messages, "tiems" → times).
 */
import { isStopword, words as wordsOf } from '../index/tokenize.ts';
import { around, expandShortForm, isShortForm, readValues, spellingFix, wordSpans, type ReadOptions, type Span } from './values/index.ts';

export type { Span, SpanKind } from './values/index.ts';
export { isStatedValue } from './values/index.ts';

export interface AnalyzedRequest {
  text: string;
  spans: Span[];
  /** The request's words outside the value spans: what it asks for, not with what. */
  intentWords: string[];
  /** How the request's words are read (chat short forms, misspellings): for reading a part of it again. */
  meant?: (word: string) => string;
}

export interface AnalyzeOptions extends ReadOptions {
  /** Frequency rank of a word in the word list (undefined when unknown), for reading misspellings. */
  rank?: (word: string) => number | undefined;
}

/**
 * Splits a request into the values it states and the words that say what it wants.
 * @example
 * analyzeRequest("Add 'Imagine' to Jenny's 'Chill Vibes' playlist").spans.map((s) => s.value);
 * // ['Imagine', 'Jenny', 'Chill Vibes']
 */
export function analyzeRequest(text: string, options: AnalyzeOptions = {}): AnalyzedRequest {
  const rank = options.rank;
  const isCatalogWord = options.isCatalogWord ?? (() => false);
  // The catalog's own terms ("webp", "md5") are never misspellings of something else.
  const correct = (w: string) => (rank && !isCatalogWord(w) ? spellingFix(w, rank) : undefined);
  const meant = (w: string) => {
    const expanded = expandShortForm(w);
    return expanded !== w ? expanded : correct(w) || w;
  };
  const stated = readValues(text, { ...options, isCatalogWord: (w) => isCatalogWord(w) || isShortForm(w), correct });
  for (const s of stated) {
    s.before = s.before.map(meant);
    s.after = s.after.map(meant);
  }
  const intentWords = intentWordsOf(text, stated, 0, text.length, meant);
  const context = (start: number, end: number) => {
    const { before, after } = around(text, start, end);
    return { before: before.map(meant), after: after.map(meant) };
  };
  const plain = wordSpans(text, stated, context, isCatalogWord);
  // Words that name a column of rows the request hands over can be that column.
  const columns = stated.flatMap((s) => (s.kind === 'block' && s.form === 'csv' ? headerOf(String(s.value)) : []));
  if (columns.length) for (const w of plain) w.columns = columns;
  return { text, spans: [...stated, ...plain], intentWords, meant };
}

/**
 * The part of an analysed request between `start` and `end` (a clause), as a request of its own:
 * the same span objects, so that a value shared by two clauses is one value.
 */
export function partOf(whole: AnalyzedRequest, start: number, end: number): AnalyzedRequest {
  const spans = whole.spans.filter((s) => s.start >= start && s.end <= end);
  const stated = spans.filter((s) => s.kind !== 'word');
  return { text: whole.text.slice(start, end), spans, intentWords: intentWordsOf(whole.text, stated, start, end, whole.meant ?? ((w) => w)), meant: whole.meant };
}

/**
 * The intent words of `start`..`end` outside the `context` ranges in it: what the request asks for,
 * without what it says of why ("need to ping the APAC folks").
 */
export function askedWords(whole: AnalyzedRequest, start: number, end: number, context: readonly { start: number; end: number }[] = []): string[] {
  const stated = whole.spans.filter((s) => s.kind !== 'word');
  const out: string[] = [];
  let at = start;
  for (const c of [...context].sort((a, b) => a.start - b.start)) {
    if (c.start > at) out.push(...intentWordsOf(whole.text, stated, at, Math.min(c.start, end), whole.meant ?? ((w) => w)));
    at = Math.max(at, c.end);
  }
  if (at < end) out.push(...intentWordsOf(whole.text, stated, at, end, whole.meant ?? ((w) => w)));
  return out;
}

/** The column names of comma-, semicolon- or tab-separated rows (their first line), lower case. */
function headerOf(rows: string): string[] {
  const first = rows.split(/\r?\n/)[0] ?? '';
  const sep = [',', ';', '\t', '|'].find((c) => first.includes(c)) ?? ',';
  return first.split(sep).map((c) => c.trim().toLowerCase()).filter(Boolean);
}

/**
 * English asks to count with idioms whose words are all small: "how many times", "how often",
 * "number of times" ask to count occurrences. Read as the words a catalog describes that with.
 * (Not "how many" alone: "how many MB is 3.2 GB" converts.)
 */
function glossIdioms(text: string): string {
  return text.replace(/\b(?:how many times|how often|number of times)\b/gi, ' count occurrences ');
}

/** The words between `start` and `end` outside the stated values: what is asked for, not with what. */
function intentWordsOf(text: string, stated: Span[], start: number, end: number, meant: (w: string) => string): string[] {
  // A unit written alone stays an intent word too: "how many km is 26.2 miles" wants kilometres.
  const valueSpans = stated.filter((s) => !(s.kind === 'unit' && s.role === 'target') && s.start >= start && s.end <= end);
  let rest = '';
  let at = start;
  for (const s of valueSpans) {
    // "the past 6h", "the last 2 weeks", "next friday": the word that places a time is part of it.
    const placed = s.kind === 'datetime' || s.measure === 'time' ? / (?:past|last|previous|next|coming)\s+$/i.exec(text.slice(at, s.start)) : null;
    rest += `${text.slice(at, placed ? s.start - placed[0].length + 1 : s.start)} `;
    at = s.end;
  }
  rest += text.slice(at, end);
  // Short forms are read before the words are split ("b64" is one word, not "b" and "64"), and
  // idioms after slips are read ("how many tiems").
  const expanded = glossIdioms(rest.replace(/[A-Za-z][A-Za-z0-9]*/g, (token) => meant(expandShortForm(token.toLowerCase()))));
  // "tell Ana the build is green": the verb of telling ("tell", "let … know") says to send a message.
  const said = stated.some((s) => s.said && s.start >= start && s.end <= end) ? ['message'] : [];
  return [...said, ...wordsOf(expanded)]
    .filter((w) => w.length > 1 && !isStopword(w) && !/^\d+$/.test(w));
}
