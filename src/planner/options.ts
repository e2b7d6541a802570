/**
 * @module planner/options
 * Which of an input's declared options (its `enum`) a request names, by the option itself ("md5",
 * "SHA-1", "webp", "line chart") or by what the catalog says it means: the words a description puts
 * beside an option ("descending (largest first)", "cover (crop to fill)", "JPEG/JPG") are how people
 * ask for it ("biggest first", "from highest to lowest", "jpg").
 */
import type { FunctionSpec, InputSpec } from '../catalog/types.ts';
import { contentWords, words } from '../index/tokenize.ts';
import type { Semantics } from './semantics.ts';
import { convertAmount, type Span } from './values/index.ts';
import { optionKey } from './vocabulary.ts';

export interface OptionMatch {
  value: unknown;
  fit: number;
}

/** An option named as such ("md5" for md5, "days" for days). */
const NAMED = 1.2;
/** An option named by what the catalog says it means ("biggest first" for descending). */
const MEANT = 1.0;
/**
 * A gloss is said when each of its words is at least related to the word written in its place
 * ("highest" ~ "largest" 0.56) and the words are alike overall ("highest first" ~ "largest first"
 * 0.78; "wide" ~ "stretch" 0.57 is not enough on its own).
 */
const RELATED = 0.55;
const SAME_MEANING = 0.75;
/** A gloss said word for word, of two words or more: surer than one option word inside it. */
const MEANT_PHRASE = 1.3;
const WORD_FOR_WORD = 0.95;

/** The glosses of each option of `input`: the words its descriptions give for it. */
export function optionGlosses(input: InputSpec, fn: FunctionSpec): Map<unknown, string[][]> {
  const texts = [input.description ?? '', fn.description];
  const glosses = new Map<unknown, string[][]>();
  for (const option of input.enum ?? []) {
    const key = String(option);
    const list: string[][] = [];
    const escaped = key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    for (const t of texts) {
      // "descending (largest first)", "cover (crop to fill)"
      for (const m of t.matchAll(new RegExp(`\\b${escaped}\\b\\s*\\(([^)]*)\\)`, 'gi'))) for (const part of m[1]!.split(/[,;]|\bor\b/)) list.push(contentWords(part));
      // "JPEG/JPG": another spelling of the same option
      for (const m of t.matchAll(new RegExp(`\\b${escaped}\\/([a-z0-9]+)\\b|\\b([a-z0-9]+)\\/${escaped}\\b`, 'gi'))) list.push([(m[1] ?? m[2])!.toLowerCase()]);
    }
    glosses.set(option, list.filter((g) => g.length > 0));
  }
  return glosses;
}

/** The option a single written value names as such ("SHA-1" → sha1, "days" → days), if any. */
export function namedOption(input: InputSpec, span: Span): OptionMatch | undefined {
  const said = [optionKey(span.value), optionKey(span.text)];
  const hit = input.enum?.find((e) => said.includes(optionKey(e)));
  if (hit !== undefined) return { value: hit, fit: NAMED };
  // "the past 6h", "last 24 hours", "15 min" for the options "6h", "24h", "15m": the same length of time.
  if (span.kind === 'number' && span.measure === 'time' && span.unit && typeof span.value === 'number') {
    const seconds = convertAmount(span.value, span.unit, 's');
    const same = (input.enum ?? []).filter((e) => seconds !== undefined && durationSeconds(String(e)) === seconds);
    if (same.length === 1) return { value: same[0], fit: NAMED };
  }
  // "prod" for production, "close" for closed, "resolve" for resolved: the only option the word
  // begins, or the option as the word's past participle.
  if (span.kind !== 'word' && span.kind !== 'code' && span.kind !== 'name') return undefined;
  const word = optionKey(span.value);
  if (word.length < MIN_PREFIX) return undefined;
  const begun = (input.enum ?? []).filter((e) => optionKey(e).startsWith(word));
  if (begun.length === 1) return { value: begun[0], fit: ABBREVIATED };
  const participle = (input.enum ?? []).filter((e) => [`${word}d`, `${word}ed`, `${word}${word.at(-1)}ed`].includes(optionKey(e)));
  return participle.length === 1 ? { value: participle[0], fit: ABBREVIATED } : undefined;
}
/** Short forms of time units as options write them ("15m", "6h", "7d", "2w"). */
const TIME_UNITS: Record<string, string> = { s: 's', sec: 's', m: 'min', min: 'min', mins: 'min', h: 'h', hr: 'h', hrs: 'h', d: 'd', day: 'd', days: 'd', w: 'week', wk: 'week' };
/** An option that is a length of time ("15m", "24h"), in seconds. */
function durationSeconds(option: string): number | undefined {
  const m = /^(\d+(?:\.\d+)?)\s*([a-z]+)$/i.exec(option.trim());
  const unit = m && TIME_UNITS[m[2]!.toLowerCase()];
  return unit ? convertAmount(Number(m[1]), unit, 's') : undefined;
}

/** A shortened option is at least this long ("prod", "crit"), so "a" or "in" never names one. */
const MIN_PREFIX = 3;
/** An option written short or as a verb ("prod", "close" for closed): almost as sure as its name. */
const ABBREVIATED = 1.0;

/**
 * The option the request asks for by meaning, with the word span it starts at. "from highest to
 * lowest" puts the highest first, so it reads as "highest first".
 */
export function meantOption(input: InputSpec, fn: FunctionSpec, spans: Span[], text: string, sem: Semantics): (OptionMatch & { span: Span }) | undefined {
  // An option of several words said word for word ("last 30 days" for last_30_days, "this month").
  const tokens = text.toLowerCase().match(/[a-z0-9]+/g) ?? [];
  for (const option of input.enum ?? []) {
    const parts = String(option).toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
    if (parts.length < 2) continue;
    for (let i = 0; i + parts.length <= tokens.length; i++) {
      if (!parts.every((p, j) => tokens[i + j] === p)) continue;
      const span = spans.find((s) => s.kind === 'word' && String(s.value).toLowerCase() === parts.find((p) => /^[a-z]{3,}$/.test(p)));
      if (span) return { value: option, fit: NAMED, span };
    }
  }
  const glosses = optionGlosses(input, fn);
  if (![...glosses.values()].some((g) => g.length)) return undefined;
  const requestWords = words(text.replace(/\b(\w+est)\s+to\s+(\w+est)\b/gi, '$1 first'));
  let best: (OptionMatch & { span: Span; alike: number }) | undefined;
  for (const [option, list] of glosses) {
    for (const gloss of list) {
      // Every word of the gloss must be said, next to each other ("biggest first", not "first … biggest");
      // of two options glossed alike ("largest first", "smallest first"), the closer one wins.
      for (let i = 0; i + gloss.length <= requestWords.length; i++) {
        const window = requestWords.slice(i, i + gloss.length);
        const sims = gloss.map((g, j) => sem.similarity(g, window[j]!));
        const alike = sims.reduce((a, b) => a + b, 0) / sims.length;
        if (Math.min(...sims) < RELATED || alike < SAME_MEANING) continue;
        const span = spans.find((s) => s.kind === 'word' && String(s.value).toLowerCase() === window[0]);
        // A gloss of several words said word for word ("crop to fill") says more than one option word in it.
        const fit = gloss.length > 1 && alike >= WORD_FOR_WORD ? MEANT_PHRASE : MEANT;
        if (span && (!best || alike > best.alike)) best = { value: option, fit, span, alike };
      }
    }
  }
  return best;
}
