/**
 * @module planner/kinds
 * What kind of value an input takes, read from the catalog's own words (its type, name, options and
 * description), and whether a stated value of a given kind can be bound to it as it is. A value of
 * the wrong kind is not forced in: a link where a document's text is wanted goes through a function
 * that fetches it, a person's name where an id is wanted through one that looks it up.
 */
import type { InputSpec } from '../catalog/types.ts';
import { contentWords, words } from '../index/tokenize.ts';
import { stem } from './semantics.ts';
import { convertAmount, unitOf, type Span } from './values/index.ts';

export type InputKind =
  | 'file'
  | 'option'
  | 'url'
  | 'email'
  | 'channel'
  | 'zone'
  | 'unit'
  | 'date'
  | 'path'
  | 'json'
  | 'csv'
  | 'list'
  | 'number'
  | 'id'
  /** The text a step works on or sends: a document, a message, a body. */
  | 'text'
  /** Any other string: a name, a title, a word, a column. */
  | 'string';

const has = (ws: readonly string[], ...xs: string[]) => xs.some((x) => ws.includes(x));
const cache = new WeakMap<InputSpec, InputKind>();

/** The kind of value `input` takes, from its type, options, name and description. */
export function inputKind(input: InputSpec): InputKind {
  let kind = cache.get(input);
  if (!kind) {
    kind = computeKind(input);
    cache.set(input, kind);
  }
  return kind;
}

function computeKind(input: InputSpec): InputKind {
  const name = words(input.name);
  const described = contentWords(input.description ?? '');
  if (input.type === 'file') return 'file';
  if (input.enum?.length) return 'option';
  if (input.type === 'date') return 'date';
  if (input.type === 'list') return 'list';
  if (input.type === 'integer' || input.type === 'number') return 'number';
  if (input.type === 'boolean') return 'string';
  if (has(name, 'url', 'uri', 'link', 'website', 'endpoint', 'href')) return 'url';
  if (has(name, 'email', 'mail')) return 'email';
  if (has(name, 'channel')) return 'channel';
  if (has(name, 'zone', 'timezone', 'tz')) return 'zone';
  if (has(name, 'unit', 'units')) return 'unit';
  if (has(name, 'jsonpath') || (has(name, 'path') && /jsonpath|\$\./i.test(input.description ?? ''))) return 'path';
  if (has(name, 'json')) return 'json';
  if (has(name, 'csv')) return 'csv';
  if (name.at(-1) === 'id' || name.at(-1) === 'ids') return 'id';
  if (input.type === 'object' || (input.type === 'any' && has(described, 'json'))) return 'json';
  if (has(name, 'text', 'content', 'contents', 'body', 'message', 'document', 'html', 'markdown')) return 'text';
  return 'string';
}

/**
 * A value of a distinctive kind: its form says what it is (a link, an address, a channel, a person
 * by id, a JSONPath, a block of text, a list, a unit, a day, a time zone, Base64 data), unlike a
 * name, a number or a plain word, which could be many things.
 */
export function isTypedValue(span: Span): boolean {
  switch (span.kind) {
    case 'url':
    case 'email':
    case 'channel':
    case 'mention':
    case 'path':
    case 'block':
    case 'list':
    case 'unit':
      return true;
    case 'datetime':
      return Boolean(span.iso || span.now || span.relative);
    case 'attachment':
      return true;
    case 'code':
      return span.form === 'base64';
    default:
      return Boolean(span.zone);
  }
}

/** The input's description mentions links or addresses as something it takes ("the text, link or URL to encode"). */
export const takesLinks = (input: InputSpec): boolean => /\b(url|urls|link|links|address)\b/i.test(input.description ?? '');
/** The input's description mentions e-mail addresses as something it takes ("by name, @handle or email"). */
export const takesEmails = (input: InputSpec): boolean => /\be-?mails?\b/i.test(input.description ?? '');
/** A Slack-style user or bot id ("U05KZ9QLM", "W123ABC"), as a mention carries it. */
export const isUserId = (value: unknown): boolean => typeof value === 'string' && /^[UW][A-Z0-9]{6,}$/.test(value);

/**
 * A kind-specific fit of a stated value to an input, 0 when it cannot be bound as it is, or
 * undefined when the value's kind has no rule of its own here (names, quotes, plain numbers and
 * words are weighed by their context in `bind.ts`).
 */
export function kindFit(input: InputSpec, span: Span): number | undefined {
  const kind = inputKind(input);
  if (span.kind === 'attachment') return kind === 'file' ? attachmentFit(input, span) : 0;
  if (kind === 'file') return 0;
  // An option input takes one of its options (see options.ts), whatever kind the value is.
  if (kind === 'option') return undefined;
  switch (span.kind) {
    case 'unit':
      return kind === 'unit' ? 0.9 : 0;
    case 'path':
      return kind === 'path' ? 1.2 : kind === 'string' && words(input.name).includes('path') ? 0.8 : 0;
    case 'list':
      return kind === 'list' ? listFit(input, span) : 0;
    case 'block':
      return blockFit(kind, span);
    case 'channel':
      return kind === 'channel' ? 1 : 0;
    case 'url':
      // A link whose file name says it is not JSON is not for an input that wants JSON back.
      if (kind === 'url') return span.form && span.form !== 'json' && /\bjson\b/i.test(input.description ?? '') ? OTHER_FORM : 1;
      // A link is the text a step works on only when the step says it takes links (a QR code of a
      // URL); where a document's content is wanted, a step that fetches it is (kinds are not forced).
      if (takesLinks(input)) return 0.9;
      return kind === 'string' ? undefined : 0;
    case 'number':
      // Money and percentages are amounts: no id is "$15".
      if ((span.measure === 'money' || span.measure === 'percent') && kind === 'id') return 0;
      break;
    case 'word':
      // A plain English word is no id ("open tickets" has no ticket called "open").
      if (kind === 'id') return 0;
      break;
    case 'code':
      // A phone number for an input that says it takes phone numbers.
      if (span.form === 'phone') return /\bphone/i.test(`${input.name} ${input.description}`) ? PHONE_TAKEN : kind === 'string' || kind === 'text' ? undefined : 0;
      // Data in the form the input's name asks for ("ZGVwbG95…" for base64).
      if (span.form && span.form !== 'code' && namedFor(input, span.form)) return FORM_NAMED;
      // An identifier is the text people hash, encode or look for ("sha1 of release-v4.12.0").
      if (kind === 'text') return CODE_AS_TEXT;
      break;
    default:
      break;
  }
  // An input named for a form of data ("base64") takes data in that form only.
  if (namedFor(input, 'base64') && !(span.form === 'base64' || BASE64.test(String(span.value)))) return 0;
  switch (span.kind) {
    case 'email':
      if (kind === 'email') return 1;
      return kind === 'string' && takesEmails(input) ? 0.8 : kind === 'string' || kind === 'text' ? undefined : 0;
    case 'mention':
      return mentionFit(kind, input, span);
    case 'datetime':
      return kind === 'date' ? dateFit(span) : kind === 'zone' || kind === 'unit' || kind === 'id' ? 0 : undefined;
    default:
      break;
  }
  if (kind === 'zone') return span.zone ? 1 : 0;
  if (kind === 'unit' || kind === 'channel' || kind === 'url' || kind === 'email' || kind === 'path' || kind === 'date') return 0;
  if (kind === 'list') return 0;
  if ((kind === 'csv' || kind === 'json') && span.kind !== 'quoted') return 0;
  return undefined;
}

const BASE64 = /^[A-Za-z0-9+/]{8,}={0,2}$/;
/** The input's name names a form of data ("base64", "base64_text"): letters and digits of the name, as one word. */
const namedFor = (input: InputSpec, form: string) => input.name.toLowerCase().replace(/[^a-z0-9]/g, ' ').split(' ').includes(form);
/** A link to something else than what the input fetches: possible, not likely. */
const OTHER_FORM = 0.5;
const PHONE_TAKEN = 1;
/** An identifier as the text a step works on: taken when nothing fits better. */
const CODE_AS_TEXT = 0.7;
/** A value in the very form the input is named for ("ZGVw…" for an input named base64). */
const FORM_NAMED = 1.1;

/** A file that comes with the message fits a file input of its kind (an image for an image input). */
function attachmentFit(input: InputSpec, span: Span): number {
  const wantsImage = /\b(image|images|photo|picture|png|jpe?g)\b/i.test(`${input.name} ${input.description}`);
  if (span.media === 'image') return 1;
  return wantsImage ? 0 : 0.8;
}

/**
 * A list of numbers for an input that takes numbers, a list of names or labels for one that takes
 * those: what the input's name says first ("values", "labels"), else its description.
 */
function listFit(input: InputSpec, span: Span): number {
  const items = span.value as unknown[];
  const numeric = items.every((x) => typeof x === 'number');
  const name = words(input.name);
  const described = contentWords(input.description ?? '');
  const wantsNumbers = has(name, 'values', 'numbers', 'amounts', 'scores', 'quantities')
    ? true
    : has(name, 'labels', 'names', 'items', 'tags', 'titles', 'lines', 'strings', 'words')
      ? false
      : has(described, 'numbers', 'values', 'amounts') && !has(described, 'strings', 'text', 'names', 'labels', 'objects');
  const anything = has(described, 'strings', 'objects') && has(described, 'numbers');
  return numeric === wantsNumbers ? 1 : anything ? 0.8 : numeric ? 0.4 : 0.3;
}

/** A block goes where its form is taken: rows to a CSV input, JSON to a JSON input, prose to a text input. */
function blockFit(kind: InputKind, span: Span): number {
  const form = span.form;
  if (kind === 'csv') return form === 'csv' ? 1.2 : 0;
  if (kind === 'json') return form === 'json' ? 1.2 : 0;
  // Rows of data are no prose to read or summarize, though they are text.
  if (kind === 'text') return form === 'text' ? 1 : form === 'csv' ? 0.5 : 0.8;
  // Rows or JSON are no name, title or word; prose may be — but not a message said to someone.
  if (kind === 'string') return form === 'text' && !span.said ? 0.45 : 0;
  return 0;
}

/** `<@U123>` is a person by id; "@alice" a person by handle, which a lookup turns into an id. */
function mentionFit(kind: InputKind, input: InputSpec, span: Span): number {
  const person = /\b(user|person|member|people|recipient|assignee|owner|who)\b/i.test(`${words(input.name).join(' ')} ${input.description}`);
  if (isUserId(span.value)) return kind === 'id' && person ? 1.2 : kind === 'string' && person ? 0.6 : 0;
  return kind === 'string' && person ? 0.9 : kind === 'id' && person ? 0.2 : 0;
}

/** A day named as such fits a date input; a moment relative to now is worked out by steps when it can be. */
function dateFit(span: Span): number {
  if (span.iso) return 1;
  // "now" is only ever told by a step when the workflow runs, never written into a date.
  if (span.now) return 0;
  if (span.relative) return RELATIVE_AS_WRITTEN;
  return 0.3;
}
/**
 * A relative date written into a date input as it is ("tomorrow"): below any chain of steps that
 * works it out when the workflow runs, and below what is taken without one (0.42), so the date is
 * asked rather than written where the catalog has no such steps.
 */
export const RELATIVE_AS_WRITTEN = 0.4;

/** Words of an input's name and description, stemmed: what a number's counted noun is checked against. */
export function describedStems(input: InputSpec): Set<string> {
  let s = stemsCache.get(input);
  if (!s) {
    s = new Set([...words(input.name), ...contentWords(input.description ?? '')].map(stem));
    stemsCache.set(input, s);
  }
  return s;
}
const stemsCache = new WeakMap<InputSpec, Set<string>>();

/**
 * The value to bind for a stated value, in the form the input takes: an IANA zone for a zone input,
 * the ISO date for a date input, the option as declared for an option input, the amount with its
 * unit ("5GB") for a free-text input, and the value as written otherwise.
 */
export function valueFor(input: InputSpec, span: Span, option?: unknown): unknown {
  if (option !== undefined) return option;
  const kind = inputKind(input);
  if (kind === 'zone' && span.zone) return span.zone;
  if (kind === 'date' && span.iso) return span.iso;
  if (input.type === 'string' && span.kind === 'number' && span.quantity && kind !== 'number') return span.quantity;
  if ((input.type === 'integer' || input.type === 'number') && typeof span.value === 'string' && /^-?\d+(\.\d+)?$/.test(span.value)) return Number(span.value);
  // "for 2 hours" to an input counted in minutes (duration_minutes): 120.
  const inUnit = span.kind === 'number' && span.unit ? unitNamed(input) : undefined;
  if (inUnit && span.unit !== inUnit && typeof span.value === 'number') {
    const converted = convertAmount(span.value, span.unit!, inUnit);
    if (converted !== undefined) return input.type === 'integer' ? Math.round(converted) : converted;
  }
  return span.value;
}

/** The unit an input's name says it is counted in ("duration_minutes", "timeout_seconds", "size_mb"), as a unit symbol. */
function unitNamed(input: InputSpec): string | undefined {
  for (const w of words(input.name)) {
    const unit = unitOf(w);
    if (unit && w.length > 1) return unit.abbr;
  }
  return undefined;
}
