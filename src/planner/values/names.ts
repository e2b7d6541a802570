/**
 * @module planner/values/names
 * Proper names (runs of capitalised words: "Priya Nair", "New York", "Physics 201"), identifiers
 * that are no English word ("release-v4.12.0", "vpn-user-7731", "jmartinez", "U05KZ9QLM"), Base64
 * data ("ZGVwbG95LWtleS0yMDI2"), and the plain lower-case words that may be values too ("horror").
 */
import { isStopword } from '../../index/tokenize.ts';
import { expandShortForm } from './lexicon.ts';
import type { CodeForm, Span, SpanCollector } from './span.ts';

export interface NameOptions {
  /** A capitalised sentence-initial word this common is an ordinary word, not a name ("Based on…"). */
  isCommonWord?: (lower: string) => boolean;
  /** Words the catalog itself uses ("QR", "CSV"): unquoted, they say what to do, not with what. */
  isCatalogWord?: (lower: string) => boolean;
  /** Whether a lower-case word is an English word at all (a handle like "jmartinez" is not). */
  isKnownWord?: (lower: string) => boolean;
  /** The word a misspelling stands for ("tiems" → "times"), when it is one. */
  correct?: (lower: string) => string | undefined;
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
 * The form of a token that is no English word, or undefined for an ordinary word or name: Base64
 * data (long, with digits or `=` padding), or a code (letters with digits, underscores, three or
 * more hyphenated parts, or an unknown lower-case word that is no misspelling).
 */
export function codeForm(token: string, options: NameOptions = {}): CodeForm | undefined {
  const lower = token.toLowerCase();
  if (/^[A-Za-z0-9+/]{8,}={0,2}$/.test(token) && (/\d|=$/.test(token) || (token.length >= 16 && /[a-z]/.test(token) && /[A-Z].*[A-Z]/.test(token))) && !options.isKnownWord?.(lower)) return 'base64';
  if (/[a-z]/i.test(token) && /\d/.test(token)) return 'code';
  if (/^[a-z0-9]+(?:_[a-z0-9]+)+$/i.test(token) || token.split('-').filter(Boolean).length >= 3) return 'code';
  // "auth-gateway", "sre-primary": a name joined by a hyphen that English does not write as one word.
  if (/^[a-z]+-[a-z]+$/.test(token) && options.isKnownWord && !options.isKnownWord(lower)) return 'code';
  if (/^[a-z]{4,}$/.test(token) && options.isKnownWord && !options.isKnownWord(lower) && !options.correct?.(lower) && !isCompound(lower, options.isKnownWord)) return 'code';
  return undefined;
}

/** A word made of two known words ("changelog", "standup"): English, not a code. */
function isCompound(word: string, isKnownWord: (w: string) => boolean): boolean {
  for (let i = MIN_PART; i <= word.length - MIN_PART; i++) if (isKnownWord(word.slice(0, i)) && isKnownWord(word.slice(i))) return true;
  return false;
}
/** Parts of a compound are at least this long ("j" + "martinez" is no compound). */
const MIN_PART = 3;

/** Proper names: runs of capitalised words (with "of", "de", "the" inside), and codes. */
export function readNames(found: SpanCollector, options: NameOptions = {}): void {
  const isCommonWord = options.isCommonWord ?? (() => false);
  const isCatalogWord = options.isCatalogWord ?? (() => false);
  const { text, spans } = found;
  const token = /[A-Za-z0-9][\w'’&.+/=-]*[\w=]|[A-Za-z]|\d+\b/g;
  let run: { start: number; end: number; words: string[]; initial?: boolean } | undefined;
  const flush = () => {
    if (run) {
      while (run.words.length && /^(of|de|the|and)$/i.test(run.words.at(-1)!)) run.words.pop();
      // A name does not end with an initial's dot ("a grade B."): that dot ends the sentence.
      if (run.words.length) run.words[run.words.length - 1] = run.words.at(-1)!.replace(/(^|\.)([A-Z])\.$/, '$1$2');
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
    const written = m[0].replace(/[.]+$/, '');
    const word = written.replace(/['’]s$/, '');
    const start = m.index!;
    const gapOk = run && /^\s+$/.test(text.slice(run.end, start));
    if (run && gapOk && /^\d{1,4}$/.test(word)) {
      // A name followed by a number is one name: "Physics 201", "PlayStation 5" (the number read first goes).
      run.words.push(word);
      run.end = start + word.length;
      flush();
      continue;
    }
    if (found.overlaps(start, start + word.length)) {
      flush();
      continue;
    }
    const form = /^[\d.,]+$/.test(word) ? undefined : codeForm(word, options);
    if (form && !isCatalogWord(word.toLowerCase())) {
      flush();
      found.add('code', word, start, start + word.length, { form });
      continue;
    }
    const prefix = text.slice(0, start);
    const atSentenceStart = /(^|[.!?]\s*|["'‘“]\s*)$/.test(prefix.trimEnd() === prefix ? prefix : prefix.trimEnd() + ' ') || prefix.trim() === '';
    // "J.D. Salinger", "F. Scott Fitzgerald": an initial's dot ends no sentence; the name goes on,
    // unless an everyday word follows ("I got a B. Good job").
    const afterInitial = run?.initial === true && gapOk && !isOrdinaryCapitalised(word, false) && !isCommonWord(word.toLowerCase());
    if (run?.initial && !afterInitial) flush();
    const ordinary =
      isOrdinaryCapitalised(word, atSentenceStart) ||
      // An acronym of the catalog's own ("DM", "QR", "SHA-1") says what to do wherever it stands.
      (word === word.toUpperCase() && isCatalogWord(word.toLowerCase())) ||
      (atSentenceStart && !run && (isCommonWord(word.toLowerCase()) || isCatalogWord(word.toLowerCase())));
    if (/^[A-Z]/.test(word) && (!ordinary || afterInitial)) {
      if (run && gapOk) {
        run.words.push(word);
        run.end = start + word.length;
      } else {
        flush();
        run = { start, end: start + word.length, words: [word] };
      }
      run.initial = /^[A-Z](?:\.[A-Z])*$/.test(word) && text[run.end] === '.';
      if (run.initial) {
        run.words[run.words.length - 1] += '.';
        run.end += 1;
      }
      if (written !== word) flush(); // a possessive ends the name
    } else if (run && gapOk && /^(of|de|the)$/.test(word)) {
      run.words.push(word);
      run.end = start + word.length;
    } else {
      flush();
    }
  }
  flush();
}

/**
 * Plain lower-case words can be values too ("a horror movie" → genre "horror"); they stay intent
 * words as well. So do the catalog's own terms written with capitals or digits ("SHA-1", "md5"):
 * they say what to do and may name an option.
 */
export function wordSpans(text: string, stated: Span[], around: (start: number, end: number) => Pick<Span, 'before' | 'after'>, isCatalogWord: (lower: string) => boolean = () => false): Span[] {
  const out: Span[] = [];
  const free = (start: number, end: number) => !stated.some((s) => start < s.end && end > s.start) && !out.some((s) => start < s.end && end > s.start);
  for (const m of text.matchAll(/\b[a-z][a-z-]{2,}\b/g)) {
    const start = m.index!;
    const end = start + m[0].length;
    // "pls", "thx": short forms of words that carry nothing, as their long forms do not.
    if (isStopword(m[0]) || isStopword(expandShortForm(m[0])) || !free(start, end)) continue;
    out.push({ value: m[0], text: m[0], kind: 'word', start, end, ...around(start, end), possessive: false });
  }
  for (const m of text.matchAll(/\b[A-Za-z][A-Za-z0-9-]*[A-Za-z0-9]\b/g)) {
    const start = m.index!;
    const end = start + m[0].length;
    if (!/[A-Z0-9]/.test(m[0]) || !isCatalogWord(m[0].toLowerCase()) || !free(start, end)) continue;
    out.push({ value: m[0], text: m[0], kind: 'word', start, end, ...around(start, end), possessive: false });
  }
  return out.sort((a, b) => a.start - b.start);
}
