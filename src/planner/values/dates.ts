/**
 * @module planner/values/dates
 * Dates and times as people write them, read with chrono-node: each keeps the words as written (for
 * inputs that take free text) and, when it names a day, its ISO 8601 form (for inputs typed `date`).
 * Moments relative to now ("now", "today", "tomorrow", "in 3 days", "200 days from now", "2 weeks
 * ago") are marked as such instead: the planner must not compute them, for a workflow may run later;
 * a function of the catalog tells the time when it runs.
 */
import * as chrono from 'chrono-node';
import type { RelativeDate, Span, SpanCollector } from './span.ts';

const MONTHS = 'january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec';
const DAYS = 'monday|tuesday|wednesday|thursday|friday|saturday|sunday';
const CASUAL = `(?:the )?day after tomorrow|today|tonight|tomorrow|yesterday|this (?:morning|afternoon|evening|weekend|week|month|year)|(?:next|last|this|coming|upcoming) (?:${DAYS}|week|weekend|month|year|holiday|holidays|summer|winter|spring|autumn|fall|season)|(?:${DAYS})(?: (?:morning|afternoon|evening|night))?`;
const NUMBER_WORDS = 'a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|\\d+';
const UNITS = 'minute|min|hour|hr|day|week|wk|month|year|yr';

/** Days everyone knows by name, on a fixed date (general knowledge, not a catalog's). */
const FIXED_DAYS: [RegExp, number, number][] = [
  [/new year'?s eve/i, 12, 31],
  [/new year'?s(?: day)?/i, 1, 1],
  [/christmas eve/i, 12, 24],
  [/christmas(?: day)?|xmas/i, 12, 25],
  [/boxing day/i, 12, 26],
  [/halloween/i, 10, 31],
  [/valentine'?s(?: day)?/i, 2, 14],
  [/(?:independence day|(?:the )?(?:4th|fourth) of july)/i, 7, 4],
  [/st\.? patrick'?s day/i, 3, 17],
];

const PATTERNS: RegExp[] = [
  /\b\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?\b/g,
  new RegExp(`\\b(?:\\d{1,2}(?:st|nd|rd|th)?(?: of)? (?:${MONTHS})|(?:${MONTHS}) \\d{1,2}(?:st|nd|rd|th)?)(?:,? \\d{4})?\\b`, 'gi'),
  /\b(?:the )?\d{1,2}(?:st|nd|rd|th)\b/gi,
  /\b\d{1,2}(?::\d{2})? ?(?:am|pm|a\.m\.|p\.m\.)(?=\W|$)|\b\d{1,2}:\d{2}\b/gi,
  new RegExp(`\\b(?:${CASUAL})\\b`, 'gi'),
];
/** "in 3 days", "200 days from now", "two weeks ago", "90 days from today". */
const RELATIVE = new RegExp(
  `\\b(?:in (${NUMBER_WORDS}) (${UNITS})s?\\b(?: from (?:now|today))?|(${NUMBER_WORDS}) (${UNITS})s? (from (?:now|today)|later|hence|ago|before today|after today)\\b)`,
  'gi',
);
const NOW = /\b(?:right now|rn|at the moment|now)\b/gi;
const SPELLED: Record<string, number> = { a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, fifteen: 15, twenty: 20, thirty: 30 };
const UNIT_NAMES: Record<string, RelativeDate['unit']> = { minute: 'minutes', min: 'minutes', hour: 'hours', hr: 'hours', day: 'days', week: 'weeks', wk: 'weeks', month: 'months', year: 'years', yr: 'years' };

export interface DateOptions {
  /** The moment "today" is read against, for dates written without a year. Default: now. */
  now?: Date;
}

export function readDates(found: SpanCollector, options: DateOptions = {}): void {
  const now = options.now ?? new Date();
  for (const m of found.text.matchAll(RELATIVE)) {
    const amount = m[1] ?? m[3]!;
    const unit = m[2] ?? m[4]!;
    const n = SPELLED[amount.toLowerCase()] ?? Number(amount);
    const sign = /ago|before/i.test(m[5] ?? '') ? -1 : 1;
    found.add('datetime', m[0], m.index!, m.index! + m[0].length, { relative: { amount: sign * n, unit: UNIT_NAMES[unit.toLowerCase()]! } });
  }
  for (const [pattern, month, day] of FIXED_DAYS) {
    const withYear = new RegExp(`\\b(?:${pattern.source})(?:,? (\\d{4}))?`, 'gi');
    for (const m of found.text.matchAll(withYear)) {
      const year = m[1] ? Number(m[1]) : nextYearOf(now, month, day);
      found.add('datetime', m[0], m.index!, m.index! + m[0].length, { iso: isoDate(year, month, day) });
    }
  }
  for (const pattern of PATTERNS) {
    for (const m of found.text.matchAll(pattern)) {
      const raw = m[0].replace(/^the /i, '');
      const start = m.index! + (m[0].length - raw.length);
      // Times in one spelling: "7 pm" is "7pm".
      const value = raw.replace(/(\d)\s+(am|pm|a\.m\.|p\.m\.)/i, '$1$2');
      found.add('datetime', value, start, start + raw.length, reading(raw, now));
    }
  }
  for (const m of found.text.matchAll(NOW)) {
    // "now" inside "from now" belongs to a relative date already read.
    found.add('datetime', m[0], m.index!, m.index! + m[0].length, { now: true });
  }
  for (const span of found.spans) if (span.kind === 'datetime') span.role = dateRole(found.text, span);
  shareYear(found.spans);
}

/**
 * "from Nov 1 to Nov 15 2026": an end of a span of time written without its year has the year of
 * the other end (the year before or after where that would put the start after the end).
 */
function shareYear(spans: Span[]): void {
  const dated = spans.filter((s) => s.kind === 'datetime' && s.iso);
  const start = dated.find((s) => s.role === 'source');
  const end = dated.find((s) => s.role === 'target');
  if (!start || !end) return;
  const hasYear = (s: Span) => /\b\d{4}\b/.test(s.text);
  const withYear = (iso: string, year: number) => `${year}${iso.slice(4)}`;
  if (!hasYear(start) && hasYear(end)) {
    const year = Number(end.iso!.slice(0, 4));
    start.iso = withYear(start.iso!, start.iso!.slice(5) > end.iso!.slice(5) ? year - 1 : year);
  } else if (hasYear(start) && !hasYear(end)) {
    const year = Number(start.iso!.slice(0, 4));
    end.iso = withYear(end.iso!, end.iso!.slice(5) < start.iso!.slice(5) ? year + 1 : year);
  }
}

/**
 * Which end of a span of time a date is: "from X", "since X", "between X and …" start it; "until X",
 * "till X", "to X", "by X", "and X" (after "between") end it.
 */
function dateRole(text: string, span: Span): Span['role'] {
  const before = text.slice(Math.max(0, span.start - 40), span.start).toLowerCase();
  if (/\b(?:from|since|starting|after|between)\s+(?:the\s+)?$/.test(before)) return 'source';
  if (/\b(?:until|till|til|to|before|through|thru|by)\s+(?:the\s+)?$/.test(before) || /\bbetween\s+\S+(?:\s\S+){0,2}\s+and\s+$/.test(before)) return 'target';
  return undefined;
}

/** "8am tomorrow", "next Monday at 5pm": date and time parts written together are one value. */
export function mergeAdjacentTimes(text: string, spans: Span[], options: DateOptions = {}): void {
  for (let i = 0; i + 1 < spans.length; i++) {
    const a = spans[i]!;
    const b = spans[i + 1]!;
    if (a.kind === 'datetime' && b.kind === 'datetime' && /^\s*(?:at|on|,|the)?\s*$/i.test(text.slice(a.end, b.start))) {
      const written = text.slice(a.start, b.end);
      const value = written.replace(/(\d)\s+(am|pm)\b/gi, '$1$2');
      const merged: Span = { kind: 'datetime', value, text: written, start: a.start, end: b.end, before: a.before, after: b.after, possessive: b.possessive };
      spans.splice(i, 2, { ...merged, ...reading(written, options.now ?? new Date()) });
      i--;
    }
  }
}

/** What a written date means: relative to now, or an absolute day (with its time when written). */
function reading(written: string, now: Date): Partial<Span> {
  const casual = /^(today|tonight|tomorrow|yesterday|(?:the )?day after tomorrow)$/i.exec(written.trim())?.[1]?.toLowerCase();
  if (casual) return casual === 'today' || casual === 'tonight' ? { now: true } : { relative: { amount: casual === 'yesterday' ? -1 : casual === 'tomorrow' ? 1 : 2, unit: 'days' } };
  const [result] = chrono.parse(written, now, { forwardDate: true });
  if (!result || !result.start.isCertain('day') && !result.start.isCertain('weekday')) return {};
  // A day named relative to today ("tomorrow at 3pm", "next Friday") is not a fixed date either.
  if ([...(result.tags?.() ?? [])].some((t) => t.startsWith('casualReference') || t.startsWith('result/relative'))) return {};
  const d = result.start;
  const date = isoDate(d.get('year')!, d.get('month')!, d.get('day')!);
  if (!d.isCertain('hour')) return { iso: date };
  return { iso: `${date}T${pad(d.get('hour')!)}:${pad(d.get('minute') ?? 0)}:${pad(d.get('second') ?? 0)}` };
}

const pad = (n: number) => String(n).padStart(2, '0');
const isoDate = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;

/** The year of the next time this day comes (this year's if it has not passed). */
function nextYearOf(now: Date, month: number, day: number): number {
  const y = now.getUTCFullYear();
  return Date.UTC(y, month - 1, day) >= Date.UTC(y, now.getUTCMonth(), now.getUTCDate()) ? y : y + 1;
}

/**
 * The parts of each relative date, as values of their own for a function that works the date out
 * ("200 days from now": the amount 200, the unit "days", and now).
 */
export function relativeFacets(spans: Span[]): Span[] {
  return spans.flatMap((span) => {
    if (!span.relative) return [];
    const base = { text: span.text, start: span.start, end: span.end, before: span.before, after: span.after, possessive: false, facetOf: span };
    return [
      { ...base, kind: 'number' as const, value: span.relative.amount },
      { ...base, kind: 'word' as const, value: span.relative.unit },
      { ...base, kind: 'datetime' as const, value: 'now', now: true },
    ];
  });
}
