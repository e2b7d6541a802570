/**
 * @module planner/values/span
 * A value stated in a request: where it is, what kind of value it is, the words around it, and the
 * readings a kind-specific reader found for it (an ISO date, an IANA zone, a unit symbol …).
 * Each reader in this folder adds spans to one {@link SpanCollector}; a span overlapping one found
 * earlier is dropped, so the order of the readers says which reading wins.
 */
import { words as wordsOf } from '../../index/tokenize.ts';

export type SpanKind =
  | 'quoted'
  /** A code block, or the text after a colon that the request is about ("DM Ana: the build is green"). */
  | 'block'
  | 'email'
  | 'url'
  | 'datetime'
  | 'number'
  /** A unit of measure ("km", "pounds", "°F"), alone or as the unit of a stated amount. */
  | 'unit'
  /** Several values written as a list ("42, 7, 19", "Ana, Bo and Chen"). */
  | 'list'
  /** A JSONPath expression ("$.data.items[*].id"). */
  | 'path'
  | 'name'
  | 'code'
  | 'channel'
  | 'mention'
  /** A file that comes with the message ("resize this image", "the attached PDF"): asked of the conversation, not written. */
  | 'attachment'
  | 'word';

/** Kinds that are certainly values; a plain `word` ("a horror movie") may be a value or just intent. */
export const isStatedValue = (span: Span): boolean => span.kind !== 'word';

/** A date relative to now: `amount` units after it (negative: before). */
export interface RelativeDate {
  amount: number;
  unit: 'minutes' | 'hours' | 'days' | 'weeks' | 'months' | 'years';
}

export interface Span {
  /** The value as written (numbers as numbers, lists as arrays); see the readings below for other forms. */
  value: unknown;
  text: string;
  kind: SpanKind;
  start: number;
  end: number;
  /** Lower-case words just before and just after the span. */
  before: string[];
  after: string[];
  /** Marked with a possessive ("Emily's"). */
  possessive: boolean;
  /** Readings of the value by kind-specific readers, for inputs that take that form. */
  form?: BlockForm | CodeForm;
  /** An absolute date or date-time in ISO 8601 (`2026-03-10`, `2026-03-10T09:30:00`). */
  iso?: string;
  /** Now ("now", "today", "right now"): a moment only a function can tell when the workflow runs. */
  now?: boolean;
  /** A date relative to now ("in 3 days", "200 days from now", "tomorrow"). */
  relative?: RelativeDate;
  /** The IANA time zone a place or zone name stands for ("Tokyo" → Asia/Tokyo). */
  zone?: string;
  /** For a unit: its measure (length, mass …; "pixels" for a number written in px) and whether it is the unit of a stated amount (`source`) or one to convert to (`target`). */
  measure?: string;
  role?: 'source' | 'target';
  /** For a plain word: the columns of rows the request hands over (a CSV block's header), lower case. */
  columns?: string[];
  /** For a file the message comes with ("this image", "the attached PDF"): what kind of file it is. */
  media?: 'image' | 'document' | 'file';
  /** For the amount of a quantity ("5GB", "10 km"): the quantity as written, for inputs that take it as text. */
  quantity?: string;
  /** For the amount of a quantity: the unit it is in (the unit library's symbol, "h", "km"). */
  unit?: string;
  /** For a number written as width × height ("1200x630"): which of the two it is. */
  dimension?: 'width' | 'height';
  /**
   * A part of a relative date ("200 days from now": 200, days, now), for a step that works it out
   * from now; used only by a function that also takes a date.
   */
  facetOf?: Span;
  /** For a block: a message said to someone ("tell Ana the build is green", "… saying …"): to be sent. */
  said?: boolean;
  /** Spans read out of one written value ("10 km": the number 10 and the unit km) share a group. */
  group?: number;
}

/** What a block of text is: comma-separated rows, JSON, a list of items, or prose. */
export type BlockForm = 'csv' | 'json' | 'text';
/** What an identifier-like token is: Base64 data, or any other code (a handle, a build tag …). */
export type CodeForm = 'base64' | 'phone' | 'code';

export function around(text: string, start: number, end: number): { before: string[]; after: string[] } {
  const before = wordsOf(text.slice(Math.max(0, start - 60), start)).slice(-4);
  const after = wordsOf(text.slice(end, end + 50)).slice(0, 3);
  return { before, after };
}

/** The spans found so far; a new one overlapping an earlier one is dropped (earlier readers win). */
export class SpanCollector {
  readonly spans: Span[] = [];
  private groups = 0;
  constructor(readonly text: string) {}

  overlaps(start: number, end: number): boolean {
    return this.spans.some((s) => start < s.end && end > s.start);
  }

  /** Adds a span unless it overlaps one already found; returns it when added. */
  add(kind: SpanKind, value: unknown, start: number, end: number, readings: Partial<Span> = {}): Span | undefined {
    if (start >= end || this.overlaps(start, end)) return undefined;
    const possessive = /^['’]s\b/.test(this.text.slice(end, end + 3));
    const span: Span = { value, text: this.text.slice(start, end), kind, start, end, ...around(this.text, start, end), possessive, ...readings };
    this.spans.push(span);
    return span;
  }

  /** A fresh group number for the spans of one written value. */
  group(): number {
    return ++this.groups;
  }

  remove(span: Span): void {
    const i = this.spans.indexOf(span);
    if (i >= 0) this.spans.splice(i, 1);
  }
}

/** Two spans of one written value can fill two inputs of one step ("10 km": value and from_unit). */
export const sameGroup = (a: Span, b: Span): boolean => a.group !== undefined && a.group === b.group;
