/**
 * @module planner/request
 * Finds the literal values a request states — quoted strings, e-mail addresses, URLs, dates and
 * times, numbers and amounts, and proper names — each with the words around it, so that the
 * binder can tell which input a value is meant for ("Emily's 'Road Trip' playlist").
 */
import { isStopword, words as wordsOf } from '../index/tokenize.ts';

export type SpanKind = 'quoted' | 'email' | 'url' | 'datetime' | 'number' | 'name' | 'code' | 'channel' | 'mention' | 'word';
/** Kinds that are certainly values; a plain `word` ("a horror movie") may be a value or just intent. */
export const isStatedValue = (span: Span): boolean => span.kind !== 'word';

export interface Span {
  /** The value to bind (numbers as numbers). */
  value: string | number;
  text: string;
  kind: SpanKind;
  start: number;
  end: number;
  /** Lower-case words just before and just after the span. */
  before: string[];
  after: string[];
  /** Marked with a possessive ("Emily's"). */
  possessive: boolean;
}

export interface AnalyzedRequest {
  text: string;
  spans: Span[];
  /** The request's words outside the value spans: what it asks for, not with what. */
  intentWords: string[];
}

const MONTHS = 'january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec';
const DAYS = 'monday|tuesday|wednesday|thursday|friday|saturday|sunday';
const RELATIVE = `(?:the )?day after tomorrow|today|tonight|tomorrow|yesterday|this (?:morning|afternoon|evening|weekend|week|month|year)|(?:next|last|this|coming|upcoming) (?:${DAYS}|week|weekend|month|year|holiday|holidays|summer|winter|spring|autumn|fall|season)|(?:${DAYS})(?: (?:morning|afternoon|evening|night))?`;

const NUMBER_WORDS: Record<string, number> = {
  two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20,
};

const PATTERNS: [SpanKind, RegExp][] = [
  ['channel', /(?<![\w&])#[a-z0-9][\w.-]*\b/gi],
  ['mention', /(?<![\w])@[a-z0-9][\w.-]*\b/gi],
  ['email', /\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b/g],
  ['url', /\bhttps?:\/\/[^\s"'<>]+[^\s"'<>.,;:!?)]/g],
  ['datetime', /\b\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?\b/g],
  ['datetime', new RegExp(`\\b(?:\\d{1,2}(?:st|nd|rd|th)?(?: of)? (?:${MONTHS})|(?:${MONTHS}) \\d{1,2}(?:st|nd|rd|th)?)(?:,? \\d{4})?\\b`, 'gi')],
  ['datetime', /\b(?:the )?\d{1,2}(?:st|nd|rd|th)\b/gi],
  ['datetime', /\b\d{1,2}(?::\d{2})? ?(?:am|pm|a\.m\.|p\.m\.)(?=\W|$)|\b\d{1,2}:\d{2}\b/gi],
  ['datetime', new RegExp(`\\b(?:${RELATIVE})\\b`, 'gi')],
  // Codes of digit groups (ISBNs, phone numbers) before plain numbers; digits glued to a word by a hyphen ("COVID-19") are neither.
  ['code', /(?<![\w-])\d+(?:-\d+){2,}(?![\w-])/g],
  // A number may lead a hyphenated unit ("a 5-star hotel", "a 3-day trip"): the unit is the word after it.
  ['number', /(?<![\w-])(?:[$€£¥]\s?)?\d+(?:[.,]\d+)*(?:\s?(?:%|k|m|gb|mb|kb|tb))?(?!\w|-[^a-z])/gi],
  // Counts spelled out before what they count ("two tickets"); "one" is too often a pronoun to be a value,
  // and a capitalised one is part of a name ("Eleven Madison Park").
  ['number', new RegExp(`\\b(?:${Object.keys(NUMBER_WORDS).join('|')})\\b(?= [a-z])`, 'g')],
];

const QUOTED = /(^|[\s(\[{:,])(['"‘“])(.+?)(['"’”])(?=$|[\s)\]}.,;:!?'s])/g;

function around(text: string, start: number, end: number) {
  const before = wordsOf(text.slice(Math.max(0, start - 60), start)).slice(-4);
  const after = wordsOf(text.slice(end, end + 50)).slice(0, 3);
  return { before, after };
}

function overlaps(spans: Span[], start: number, end: number): boolean {
  return spans.some((s) => start < s.end && end > s.start);
}

function numberValue(text: string): string | number {
  const spelled = NUMBER_WORDS[text.toLowerCase()];
  if (spelled !== undefined) return spelled;
  const bare = text.replace(/^[$€£¥]\s?/, '').replace(/,(?=\d{3}\b)/g, '');
  return /^\d+(\.\d+)?$/.test(bare) ? Number(bare) : text;
}

/** "8am tomorrow", "next Monday at 5pm": date and time parts written together are one value. */
function mergeAdjacentTimes(text: string, spans: Span[]): void {
  for (let i = 0; i + 1 < spans.length; i++) {
    const a = spans[i]!;
    const b = spans[i + 1]!;
    if (a.kind === 'datetime' && b.kind === 'datetime' && /^\s*(?:at|on|,|the)?\s*$/i.test(text.slice(a.end, b.start))) {
      const written = text.slice(a.start, b.end);
      const value = written.replace(/(\d)\s+(am|pm)\b/gi, '$1$2');
      spans.splice(i, 2, { ...a, value, text: written, end: b.end, after: b.after });
      i--;
    }
  }
}

/** Words that start with a capital only because they start a sentence or are the pronoun I. */
function isOrdinaryCapitalised(word: string, atSentenceStart: boolean): boolean {
  const lower = word.toLowerCase();
  if (lower === 'i' || lower === "i'm" || isStopword(lower)) return true;
  return atSentenceStart && COMMON_SENTENCE_STARTS.has(lower);
}

const COMMON_SENTENCE_STARTS = new Set(
  'could would can will should please what when where which who how why is are do does did i hey hi hello greetings thanks thank yes no ok okay find get show tell give book buy add send make create check set remind help play order plan recommend suggest search look list schedule reserve calculate convert translate compare my our your the a an it this that there as also then and but so if after before since given considering'.split(' '),
);

/**
 * Splits a request into the values it states and the words that say what it wants.
 * @example
 * analyzeRequest("Add 'Imagine' to Jenny's 'Chill Vibes' playlist").spans.map((s) => s.value);
 * // ['Imagine', 'Jenny', 'Chill Vibes']
 */
export interface AnalyzeOptions {
  /** A capitalised word at a sentence start that is this common is an ordinary word ("Based on…"). */
  isCommonWord?: (lower: string) => boolean;
  /** Words the catalog itself uses ("QR", "CSV"): unquoted, they say what to do, not with what. */
  isCatalogWord?: (lower: string) => boolean;
}

export function analyzeRequest(text: string, options: AnalyzeOptions = {}): AnalyzedRequest {
  const found = new SpanCollector(text);
  quotedSpans(found);
  patternSpans(found);
  nameSpans(found, options.isCommonWord ?? (() => false), options.isCatalogWord ?? (() => false));
  found.spans.sort((a, b) => a.start - b.start);
  mergeAdjacentTimes(text, found.spans);
  const stated = found.spans;

  let rest = '';
  let at = 0;
  for (const s of stated) {
    rest += `${text.slice(at, s.start)} `;
    at = s.end;
  }
  rest += text.slice(at);
  const intentWords = wordsOf(rest).filter((w) => w.length > 1 && !isStopword(w) && !/^\d+$/.test(w));
  return { text, spans: [...stated, ...wordSpans(text, stated)], intentWords };
}

/** The spans found so far; a new one overlapping an earlier one is dropped (earlier kinds win). */
class SpanCollector {
  readonly spans: Span[] = [];
  constructor(readonly text: string) {}

  add(kind: SpanKind, value: string | number, start: number, end: number): void {
    if (overlaps(this.spans, start, end)) return;
    const possessive = /^['’]s\b/.test(this.text.slice(end, end + 3));
    this.spans.push({ value, text: this.text.slice(start, end), kind, start, end, ...around(this.text, start, end), possessive });
  }
}

/** 'Quoted' and "quoted" values; a quoted address or link is still an address or link. */
function quotedSpans(found: SpanCollector): void {
  for (const m of found.text.matchAll(QUOTED)) {
    const start = m.index! + m[1]!.length + 1;
    const inner = m[3]!.trim();
    const kind = /^[\w.+-]+@[\w-]+(\.[\w-]+)+$/.test(inner) ? 'email' : /^https?:\/\/\S+$/.test(inner) ? 'url' : 'quoted';
    if (inner && inner.length < 120) found.add(kind, inner, start, start + m[3]!.length);
  }
}

/** Channels, mentions, e-mails, URLs, dates and times, codes and numbers, by pattern. */
function patternSpans(found: SpanCollector): void {
  for (const [kind, pattern] of PATTERNS) {
    for (const m of found.text.matchAll(pattern)) {
      const raw = m[0].replace(/^the /i, '');
      const start = m.index! + (m[0].length - raw.length);
      // Times in one spelling: "7 pm" is "7pm".
      const value = kind === 'number' ? numberValue(raw) : kind === 'datetime' ? raw.replace(/(\d)\s+(am|pm|a\.m\.|p\.m\.)/i, '$1$2') : raw;
      found.add(kind, value, start, start + raw.length);
    }
  }
}

/** Proper names: runs of capitalised words (with "of", "de", "the" inside), and codes like emma_99. */
function nameSpans(found: SpanCollector, isCommonWord: (lower: string) => boolean, isCatalogWord: (lower: string) => boolean): void {
  const { text, spans } = found;
  const token = /[A-Za-z][\w'’&.-]*[\w]|[A-Za-z]|\d+\b/g;
  let run: { start: number; end: number; words: string[] } | undefined;
  const flush = () => {
    if (run) {
      while (run.words.length && /^(of|de|the|and)$/i.test(run.words.at(-1)!)) run.words.pop();
      const value = run.words.join(' ').replace(/['’]s$/, '');
      const intent = run.words.every((w) => w === w.toUpperCase() && isCatalogWord(w.toLowerCase()));
      if (value && !intent) {
        const end = run.start + value.length;
        // The number inside "Physics 201" was first taken as a number of its own.
        for (let i = spans.length - 1; i >= 0; i--) if (spans[i]!.kind === 'number' && spans[i]!.start >= run.start && spans[i]!.end <= end) spans.splice(i, 1);
        found.add('name', value, run.start, end);
      }
    }
    run = undefined;
  };
  for (const m of text.matchAll(token)) {
    const word = m[0].replace(/['’]s$/, '');
    const start = m.index!;
    const prefix = text.slice(0, start);
    const atSentenceStart = /(^|[.!?]\s*|["'‘“]\s*)$/.test(prefix.trimEnd() === prefix ? prefix : prefix.trimEnd() + ' ') || prefix.trim() === '';
    const gapOk = run && /^\s+$/.test(text.slice(run.end, start));
    const ordinary =
      isOrdinaryCapitalised(word, atSentenceStart) ||
      (atSentenceStart && !run && (isCommonWord(word.toLowerCase()) || isCatalogWord(word.toLowerCase())));
    if (/^[A-Z]/.test(word) && !ordinary && !overlaps(spans, start, start + word.length)) {
      if (run && gapOk) {
        run.words.push(word);
        run.end = start + word.length;
      } else {
        flush();
        run = { start, end: start + word.length, words: [word] };
      }
      if (m[0] !== word) flush(); // a possessive ends the name
    } else if (run && gapOk && /^\d+$/.test(word) && word.length <= 4) {
      // A name followed by a number is one name: "Physics 201", "PlayStation 5".
      run.words.push(word);
      run.end = start + word.length;
      flush();
    } else if (run && gapOk && /^(of|de|the)$/.test(word)) {
      run.words.push(word);
      run.end = start + word.length;
    } else {
      flush();
      if (/^[a-z]+_[a-z0-9_]+$|^[a-z]+\d+$/i.test(word) && !overlaps(spans, start, start + word.length)) found.add('code', word, start, start + word.length);
    }
  }
  flush();
}

/** Plain lower-case words can be values too ("a horror movie" → genre "horror"); they stay intent words as well. */
function wordSpans(text: string, stated: Span[]): Span[] {
  const out: Span[] = [];
  for (const m of text.matchAll(/\b[a-z][a-z-]{2,}\b/g)) {
    const start = m.index!;
    if (isStopword(m[0]) || overlaps(stated, start, start + m[0].length)) continue;
    out.push({ value: m[0], text: m[0], kind: 'word', start, end: start + m[0].length, ...around(text, start, start + m[0].length), possessive: false });
  }
  return out;
}
