/**
 * @module planner/bind
 * How well a stated value fits an input, and which catalog functions could produce an input
 * instead — the two sources the backward chainer chooses between.
 */
import type { Catalog, FunctionSpec, InputSpec, OutputSpec } from '../catalog/types.ts';
import { contentWords, isStopword, words } from '../index/tokenize.ts';
import { isAssignable } from '../workflow/values.ts';
import { describedStems, inputKind, kindFit } from './kinds.ts';
import { unitOf } from './values/index.ts';
import { namedOption } from './options.ts';
import type { Span } from './request.ts';
import { type Semantics, stem, unique } from './semantics.ts';

const PERSON = ['user', 'person', 'customer', 'username', 'people', 'owner', 'friend', 'sender', 'receiver', 'author', 'artist', 'actor', 'writer', 'singer', 'director', 'employee', 'student', 'member', 'passenger', 'guest', 'patient', 'client'];
const TIME = ['date', 'time', 'day', 'when', 'schedule', 'deadline', 'period', 'year', 'month', 'hour'];
const NUMERIC_STRING = ['id', 'number', 'code', 'year', 'count', 'amount', 'quantity', 'zip', 'phone', 'price', 'isbn'];
/** Words that say what kind of thing an input is without saying which (its "head" is the rest). */
const TEXTUAL = ['text', 'content', 'data', 'value', 'message', 'body', 'input', 'query'];
const MESSAGE = ['message', 'text', 'body', 'content', 'comment', 'note', 'description', 'summary', 'reason', 'subject'];
/** Inputs that take a term to find or count rather than text to read. */
const TERM = ['word', 'term', 'keyword', 'phrase', 'pattern', 'tag', 'search'];
const SHORT_QUOTE = 0.3;
const PLACE = ['city', 'location', 'place', 'country', 'destination', 'origin', 'address', 'airport', 'venue', 'region', 'area'];
const ORIGIN = ['from', 'source', 'src', 'origin', 'start', 'starts', 'departure', 'departs', 'leaving', 'sender', 'payer'];
const DESTINATION = ['to', 'dest', 'destination', 'goes', 'arrival', 'arrives', 'end', 'target', 'receiver', 'recipient', 'payee'];
const LOCATIVE = new Set(['in', 'at', 'from', 'to', 'near', 'around', 'visiting', 'visit']);
/**
 * An input whose name is this close to a word for a person wants a person's name. Below it, things
 * people make pass for people ("book" is 0.79 like "author", "novel" 0.76), and a name then goes to
 * the book title. Measured on the Reverse Chain dev set: value F1 0.339 → 0.346 when raised from 0.75.
 */
const PERSONAL = 0.8;
const GENERIC = new Set(['name', 'the', 'of', 'title', 'value', 'input', 'string', 'text', 'info', 'information', 'type']);

/** `examples`: single-word sample values the description quotes (e.g. "km", "miles"). */
type InputWords = { name: string[]; head: string[]; all: string[]; examples: string[] };
const inputWordsCache = new WeakMap<object, InputWords>();

/** The words of an input's (or output's) name: all of them, the distinguishing ones, and with its description. */
export function inputWords(input: { name: string; description: string }): InputWords {
  let cached = inputWordsCache.get(input);
  if (!cached) {
    cached = computeInputWords(input);
    inputWordsCache.set(input, cached);
  }
  return cached;
}

function computeInputWords(input: { name: string; description: string }): InputWords {
  const name = words(input.name).filter((w) => w.length > 1);
  const head = name.filter((w) => !GENERIC.has(w));
  const examples = [...(input.description ?? '').matchAll(/["“]([^"”\s]{2,30})["”]/g)].map((m) => m[1]!.toLowerCase());
  return { name, head: head.length ? head : name, all: unique([...name, ...contentWords(input.description)]), examples };
}

/** The kind of value an input's name asks for, when the name says so ("user_email", "start_date"). */
function wantedKind(iw: { name: string[] }, sem: Semantics): 'email' | 'url' | 'datetime' | 'channel' | undefined {
  if (iw.name.some((w) => w === 'email' || w === 'mail')) return 'email';
  if (iw.name.some((w) => w === 'channel' || w === 'room')) return 'channel';
  if (iw.name.some((w) => w === 'url' || w === 'link' || w === 'website')) return 'url';
  if (iw.name.some((w) => TIME.includes(w)) || sem.maxSimilarity(iw.name, ['date', 'time']) >= 0.8) return 'datetime';
  return undefined;
}

/** How well the value's type and kind suit the input, before any evidence: 0 when it cannot be. */
function typeFit(input: InputSpec, iw: InputWords, span: Span, sem: Semantics): number {
  const wanted = wantedKind(iw, sem);
  const quotedNumber = span.kind === 'quoted' && /^\d+$/.test(String(span.value));
  let base: number;
  switch (input.type) {
    case 'integer':
    case 'number':
      if (typeof span.value !== 'number' && !quotedNumber) return 0;
      base = 0.45;
      break;
    case 'date':
      if (span.kind !== 'datetime') return 0;
      base = 0.6;
      break;
    case 'string':
    case 'any':
      if (wanted === 'email' || wanted === 'url') {
        if (span.kind !== wanted) return 0;
        base = 1;
      } else if (wanted === 'channel') {
        base = span.kind === 'channel' ? 1 : span.kind === 'name' || span.kind === 'code' ? 0.2 : span.kind === 'quoted' ? 0.05 : 0;
        if (base === 0) return 0;
      } else if (span.kind === 'channel') {
        return 0;
      } else if (span.kind === 'mention') {
        base = sem.maxSimilarity(iw.head, PERSON) >= 0.75 ? 0.9 : 0.05;
      } else if (span.kind === 'email' || span.kind === 'url') {
        // A link or address can still be the text something works on ("a QR code for https://…").
        if (!iw.name.some((w) => TEXTUAL.includes(w))) return 0;
        base = 0.5;
      } else if (span.kind === 'datetime') {
        if (wanted !== 'datetime') return 0;
        base = 0.6;
      } else if (typeof span.value === 'number' || quotedNumber) {
        if (!iw.name.some((w) => NUMERIC_STRING.includes(w))) return quotedNumber ? 0.1 : 0;
        base = 0.45;
      } else if (span.kind === 'code' && iw.name.some((w) => NUMERIC_STRING.includes(w))) {
        // An identifier ("U12345", "AA123") is what an id, code or number input takes.
        base = 0.45;
      } else {
        // A time in quotes has digits ("'9:30'"); a quoted name ("'Launch party'") is no time.
        if (wanted === 'datetime') return span.kind === 'quoted' && /\d/.test(String(span.value)) ? 0.3 : 0;
        base = span.kind === 'quoted' && iw.head.some((w) => MESSAGE.includes(w)) ? 0.45 : 0.2;
      }
      break;
    default:
      return 0;
  }
  return base;
}

/**
 * Fit of a stated value to an input, 0 (cannot be) to about 1.5 (named right beside it): its kind
 * first (kinds.ts: a link, a channel, a unit, a block of rows …), then the words around it, the
 * value's own meaning, and possessives.
 */
export function valueFit(input: InputSpec, span: Span, sem: Semantics): number {
  // One of the input's declared options, named as such ("md5", "SHA-1", "line"), fits outright.
  if (input.enum?.length) return namedOption(input, span)?.fit ?? 0;
  // An amount with its unit is text to an input that takes text ("a 5GB file" for file_size).
  if (span.kind === 'number' && span.quantity && input.type === 'string' && inputKind(input) === 'string') return contextFit(input, { ...span, value: span.quantity }, sem);
  const special = kindFit(input, span);
  if (special === 0) return 0;
  const iw = inputWords(input);
  // A moment relative to now ("200 days from now") is worked out by steps where the catalog has
  // them, however well the words around it name the input (see RELATIVE_AS_WRITTEN).
  if (special !== undefined && span.relative && !span.iso && inputKind(input) === 'date') return special;
  if (special !== undefined) return special + 0.55 * nearContext(iw, span, sem) + roleFit(iw, span);
  const fit = span.kind === 'word' ? wordFit(input, iw, span, sem) : contextFit(input, span, sem);
  // A name where an id is wanted: a lookup of the name is the better way, when the catalog has one.
  return inputKind(input) === 'id' && !isIdLike(span) ? Math.min(fit, NAME_FOR_ID) : fit;
}

/**
 * At most this for a name bound straight to an id input: between a value taken when no producer is
 * convincing (0.42) and one taken without looking for a producer (0.62), so a lookup wins where
 * the catalog has one, and the name is used where it has none.
 */
const NAME_FOR_ID = 0.45;
/** A value that could be an id as written: a code, a number, a mention, anything with digits. */
export const isIdLike = (span: Span) => span.kind === 'code' || span.kind === 'number' || span.kind === 'mention' || /\d/.test(String(span.value));

/**
 * "10 km to miles": the unit written with the amount is the unit converted from, the one alone the
 * unit converted to; "09:30 London time … in New York" the same for zones.
 */
function roleFit(iw: InputWords, span: Span): number {
  if (!span.role) return 0;
  const origin = iw.all.some((w) => ORIGIN.includes(w));
  const destination = iw.all.some((w) => DESTINATION.includes(w));
  if (origin === destination) return 0;
  return (span.role === 'source') === origin ? ROLE_MATCH : -ROLE_MATCH;
}
const ROLE_MATCH = 0.35;

/** Words beside the value that name the input: "the song 'Imagine'", "'Chill Vibes' playlist". */
function nearContext(iw: InputWords, span: Span, sem: Semantics): number {
  // "My user id is U12345": "id" beside a value says it is some id, not which one (cart_id or user_id).
  const which = iw.head.length > 1 ? iw.head.filter((w) => w !== 'id') : iw.head;
  const near = (w: string) => sem.maxSimilarity([w], which);
  let context = 0;
  span.before.slice().reverse().forEach((w, i) => (context = Math.max(context, near(w) * [1, 0.75, 0.45, 0.3][i]!)));
  span.after.forEach((w, i) => (context = Math.max(context, near(w) * [0.9, 0.5, 0.3][i]!)));
  return context < 0.5 ? context / 2 : context;
}

/**
 * What a number says of itself: "1200x630" is a width then a height, "640px" is in pixels, "300 px
 * wide" a width, and the noun it counts ("the last 50 messages", "top 10 keywords", "a 3 sentence
 * summary") names the input whose description counts that noun.
 */
function numberEvidence(input: InputSpec, iw: InputWords, span: Span): number {
  let evidence = 0;
  const name = new Set(iw.name);
  if (span.dimension) evidence += name.has(span.dimension) ? DIMENSION : name.has(span.dimension === 'width' ? 'height' : 'width') ? -DIMENSION : 0;
  const described = describedStems(input);
  if (span.measure === 'pixels' && described.has('pixel')) evidence += PIXELS;
  if (span.measure === 'percent') evidence += described.has('percent') || described.has('percentage') || /%/.test(input.description ?? '') ? PIXELS : -PIXELS;
  if (span.measure === 'money') evidence += ['amount', 'price', 'cost', 'total', 'credit', 'usd', 'budget', 'fee'].some((w) => described.has(w)) ? PIXELS : 0;
  // "90°" is an angle: not a width in pixels, nor any amount an input counts in other units.
  if (span.unit && span.measure && span.measure !== 'pixels' && !measureFits(input, span.measure)) evidence -= OTHER_MEASURE;
  // "for 30 min" to duration_minutes, "2 hours" to timeout_seconds: an amount in a unit of the measure
  // the input says it is counted in (converted to it when bound).
  else if (span.unit && span.measure && span.measure !== 'pixels' && namesUnitOf(input, span.measure)) evidence += SAME_MEASURE;
  // "the top 8 topics", "the 3 biggest themes": how many of a ranking to give, for an input that counts.
  const ranking = span.before.at(-1) === 'top' || RANKING.has(span.after[0] ?? '');
  if (ranking && input.type === 'integer' && iw.name.some((w) => COUNTS.has(w))) evidence += COUNTED;
  const counted = span.after.slice(0, 2).find((w) => !isStopword(w) && !/^\d/.test(w));
  if (counted) {
    if (described.has(stem(counted))) evidence += COUNTED;
    const dimension = DIMENSION_WORDS[counted];
    if (dimension && name.has(dimension)) evidence += COUNTED;
  }
  return evidence;
}
/**
 * "INC-3312" is an incident's id, "ALRT-21010" an alert's, "ORD-60321" an order's: the letters an
 * identifier starts with abbreviate what it identifies. A code whose prefix abbreviates the input's
 * own word fits it; one that abbreviates nothing there is likelier some other thing's id.
 */
function codePrefix(iw: InputWords, span: Span): number {
  const prefix = /^([a-z]{2,5})[-_]?\d/i.exec(String(span.value))?.[1]?.toLowerCase();
  if (!prefix) return 0;
  return iw.head.some((w) => abbreviates(prefix, w)) ? CODE_PREFIX : 0;
}
const CODE_PREFIX = 0.4;
/**
 * The input's description says it takes people's names: it speaks of names and of people ("the
 * customer's name or email"), or gives a person's name as its example ("e.g. "Jane Doe"").
 */
function takesPeople(input: InputSpec, sem: Semantics): boolean {
  const text = input.description ?? '';
  if (!/\bnames?\b/i.test(text)) return false;
  if (/\b(customer|customers|user|users|person|people|agent|agents|employee|engineer|member|contact|who|whom)\b/i.test(text)) return true;
  return [...text.matchAll(/["“]([^"”]{2,40})["”]/g)].some((m) => /^[A-Z][a-z]+(?: [A-Z][a-z]+)?$/.test(m[1]!) && sem.entityKind(m[1]!) === 'person');
}

/** A proper name for an input whose description says it takes names. */
const NAMED_INPUT = 0.25;

/** Whether `short` abbreviates `word`: the same first letter, and its letters in order in the word ("alrt", "alert"). */
export function abbreviates(short: string, word: string): boolean {
  if (short[0] !== word[0] || short.length > word.length) return false;
  let at = 0;
  for (const c of word) if (c === short[at]) at++;
  return at === short.length;
}

/** A number in a unit of another measure than the input's: as good as no number. */
const OTHER_MEASURE = 1;

/** Whether an input takes amounts of `measure`: it names no unit of its own, or one of that measure. */
/** The input's name or description names a unit of `measure` ("minutes" of time). */
function namesUnitOf(input: InputSpec, measure: string): boolean {
  return [...words(input.name), ...contentWords(input.description ?? '')].some((w) => w.length > 1 && unitOf(w, true)?.measure === measure);
}

function measureFits(input: InputSpec, measure: string): boolean {
  // Units written alone ("in seconds", "kilometers"), not letters of "e.g." taken for grams.
  const named = [...words(input.name), ...contentWords(input.description ?? '')].filter((w) => w.length > 1).map((w) => unitOf(w, true)).filter((u) => u !== undefined);
  const pixels = /\bpixels?\b/i.test(`${input.name} ${input.description}`);
  if (pixels) return false;
  return named.length === 0 || named.some((u) => u!.measure === measure);
}

/** Superlatives that make a ranking of what follows ("the 3 biggest themes"). */
const RANKING = new Set(['biggest', 'largest', 'most', 'main', 'best', 'highest', 'top', 'greatest', 'major']);
/** Names of inputs that say how many of a ranking to give (not a limit on what is read). */
const COUNTS = new Set(['count', 'top', 'n', 'number', 'num', 'k']);
/** An amount in the measure the input is counted in: as sure as a number beside the input's own word. */
const SAME_MEASURE = 0.4;
const DIMENSION = 0.6;
const PIXELS = 0.3;
const COUNTED = 0.5;
/** Adjectives of size and the dimension each one names (English, the same for every catalog). */
const DIMENSION_WORDS: Record<string, string> = { wide: 'width', tall: 'height', high: 'height', long: 'length', deep: 'depth' };

/** The fit of a name, quote, number or code by its type, the words around it and its own meaning. */
function contextFit(input: InputSpec, span: Span, sem: Semantics): number {
  const iw = inputWords(input);
  const base = typeFit(input, iw, span, sem);
  if (base === 0) return 0;
  const spanWords = contentWords(String(span.value));
  const context = nearContext(iw, span, sem);
  // The value's own meaning: "Tokyo" is a city, "jazz" a genre.
  // A sentence-like quote is a message, not a name: its meaning counts less the longer it is.
  const own =
    (span.kind === 'name' || span.kind === 'quoted') && spanWords.length
      ? sem.align(spanWords, iw.all, 0.35) / Math.max(1, spanWords.length / 2)
      : 0;
  // An input whose own description says it takes a person's name ("Name, email or phone, e.g. "Jane Doe"").
  const takesNames = !iw.name.includes('name') && takesPeople(input, sem);
  const personal = sem.maxSimilarity(iw.head, PERSON) >= PERSONAL || takesNames;
  const place = sem.maxSimilarity(iw.head, PLACE) >= 0.7 || iw.all.some((w) => PLACE.includes(w));
  const introduced = span.before.slice(-2).join(' ');
  let bonus = typeof span.value === 'number' ? numberEvidence(input, iw, span) : span.kind === 'code' ? codePrefix(iw, span) : 0;
  if (takesNames && span.kind === 'name') bonus += NAMED_INPUT;
  // Grammar, not vocabulary: "in Tokyo", "from JFK Airport" name places; "I'm Jack", "user John",
  // "who's jmartinez" name people.
  if (span.kind === 'name' || span.kind === 'quoted' || span.kind === 'code') {
    const preposition = span.before.at(-1) ?? '';
    if (LOCATIVE.has(preposition)) bonus += place ? 0.35 : 0;
    // "from Berlin to Amsterdam": the origin takes what follows "from", the destination what follows "to".
    // The same for people: "from John's account to Lisa's" — the sender, then the receiver.
    const origin = iw.all.some((w) => ORIGIN.includes(w));
    const destination = iw.all.some((w) => DESTINATION.includes(w));
    if ((place || personal || origin || destination) && (preposition === 'from' || preposition === 'to')) {
      const wants = preposition === 'from' ? origin : destination;
      const contradicts = preposition === 'from' ? destination && !origin : origin && !destination;
      bonus += wants ? 0.2 : contradicts ? -0.2 : 0;
    }
    if (/^(i'm|im|am|is|who|user|named|called|for)$/.test(span.before.at(-1) ?? '') || /^(name is|i am)$/.test(introduced)) bonus += personal ? 0.35 : -0.1;
  }
  if (span.possessive) bonus += personal ? 0.35 : -0.15;
  // A person's name is not a city, nor a city a person: "Emily" is no city, "Los Angeles" no movie.
  if (span.kind === 'name') {
    const kind = sem.entityKind(String(span.value));
    if (kind === 'person') bonus += personal ? 0.25 : place ? -0.45 : -0.25;
    if (kind === 'place') bonus += place ? 0.3 : personal ? -0.45 : -0.25;
  }
  // Messages are sentences: the longer a quote, the likelier it is the text to send.
  if (span.kind === 'quoted' && iw.name.some((w) => MESSAGE.includes(w))) bonus += Math.min(0.45, 0.12 * spanWords.length) - 0.1;
  // A word or two in quotes is the term to look for ("how many say 'blocked'").
  if (span.kind === 'quoted' && spanWords.length <= 3 && iw.head.some((w) => TERM.includes(w))) bonus += SHORT_QUOTE;
  if (personal && span.kind === 'name' && /^[A-Z][a-z]+( [A-Z][a-z]+)?$/.test(String(span.value))) bonus += 0.15;
  // "DM Kofi", "page Ana Lima", "ping Priya": whom a verb of addressing is followed by is a person.
  if (personal && (span.kind === 'name' || span.kind === 'code') && addressed(span)) bonus += ADDRESSED;
  return base + 0.55 * context + 0.35 * own + bonus;
}

/** Verbs that address a person: the name after them is who (general English and chat). */
const ADDRESSING = new Set(['dm', 'ping', 'message', 'msg', 'tell', 'email', 'mail', 'page', 'call', 'ask', 'remind', 'notify', 'thank', 'text', 'cc', 'mention', 'contact', 'invite', 'assign']);
const ADDRESSED = 0.3;
/** A word that is a column of the rows the request hands over, for a column input. */
const HEADER_COLUMN = 1.0;
/** A lower-case word addressed by a verb, for an input that takes people: a person, surely enough. */
const ADDRESSED_WORD = 0.7;
/** Words this common are everyday words ("team", "everyone"), not names. */
const EVERYDAY = 2000;
/** Right after a verb of addressing ("DM Kofi"), or after "to" following one ("DM it to raj"). */
export function addressed(span: Span): boolean {
  const [prev, before] = [span.before.at(-1), span.before.at(-2)];
  return (prev !== undefined && ADDRESSING.has(prev)) || (prev === 'to' && before !== undefined && (ADDRESSING.has(before) || ['it', 'them', 'this', 'that', 'summary', 'result'].includes(before) && span.before.some((w) => ADDRESSING.has(w))));
}

/**
 * A plain word as a value: only when it is a kind of what the input names ("horror" for genre,
 * "birthday" for occasion), and not the input's own word ("movie" for movie_name).
 */
function wordFit(input: InputSpec, iw: InputWords, span: Span, sem: Semantics): number {
  const word = String(span.value);
  if (input.type !== 'string' && input.type !== 'any') return 0;
  // An address, link, channel or time has a form no plain word has ("discussion" is no
  // email_address, "begins" no alert_time); the readers of values know those forms.
  const kind = wantedKind(iw, sem);
  if (kind === 'email' || kind === 'url' || kind === 'channel' || kind === 'datetime') return 0;
  // The input's own word names the input, not its value ("movie" is no movie_name).
  if (iw.all.some((w) => stem(w) === stem(word)) && !iw.examples.includes(word.toLowerCase())) return 0;
  // "dm priya", "ping alice", "DM it to raj": a person written in lower case, addressed by a verb.
  if (sem.maxSimilarity(iw.head, PERSON) >= PERSONAL && addressed(span) && sem.entityKind(word) !== 'place' && (sem.entityKind(word) === 'person' || (sem.vectors.rank(word) ?? Infinity) > EVERYDAY)) return ADDRESSED_WORD;
  // A column the request's own rows have ("total hours?" over "name,hours\n…"): that column.
  if (iw.name.includes('column') && span.columns?.includes(word.toLowerCase())) return HEADER_COLUMN;
  // Named beside the input's own word: "the revenue column", "column revenue". This outranks a word
  // merely like the input's ("fly business class": "business", not "fly", is the flight class).
  // (Only a content word names it: "miles to kilometers" says nothing of to_unit by its "to".)
  const beside = [span.after[0], span.before.at(-1)].some((w) => w !== undefined && !isStopword(w) && iw.head.some((h) => stem(h) === stem(w)));
  if (beside) return 0.95;
  // A word the catalog names another input or output with names that thing, unless said beside
  // this input's own word: "the cuisine of 'Dim Sum'" (no restaurant is called "cuisine").
  if (sem.isParameterWord(word) && !iw.examples.includes(word.toLowerCase())) return 0;
  // Like the values the input's description gives as examples ("miles" for a unit "e.g. km, miles").
  const likeExample = iw.examples.length ? sem.maxSimilarity([word.toLowerCase()], iw.examples) : 0;
  // Everyday words ("see", "want", "good") say what to do, not which thing: only rarer words are
  // values. A form of an everyday word ("starts", "wanted") is as everyday as the word.
  if (likeExample < 0.8 && everydayRank(sem, word) < 1000) return 0;
  // A kind of what the input names ("horror" for genre), or like its examples.
  const kindOf = Math.max(sem.maxSimilarity([word], iw.head), likeExample);
  if (kindOf < 0.55) return 0;
  // "5 miles to kilometers": the word after an amount is what it is in (the origin), the word after
  // "to"/"into" what it becomes (the destination).
  const origin = iw.all.some((w) => ORIGIN.includes(w));
  const destination = iw.all.some((w) => DESTINATION.includes(w));
  const prev = span.before.at(-1) ?? '';
  const saysTo = prev === 'to' || prev === 'into';
  const saysFrom = prev === 'from' || /^\d/.test(prev);
  const direction = origin === destination ? 0 : (saysTo && destination) || (saysFrom && origin) ? 0.2 : saysTo || saysFrom ? -0.2 : 0;
  return 0.2 + kindOf + direction;
}

/** How common a word is, as its commonest form: "starts" is as common as "start". */
const everydayRank = (sem: Semantics, word: string): number => Math.min(sem.vectors.rank(word) ?? Infinity, sem.vectors.rank(stem(word)) ?? Infinity);

export interface ProducerMatch {
  fn: FunctionSpec;
  output: OutputSpec;
  /** 1 for the same name; lower for related names ("time" for "alert_time"). */
  nameScore: number;
}

const normalizeName = (s: string) => words(s).join('');
/** Score of an output spelled exactly like the input (see the NOTE where it is used). */
const EXACT_NAME = 1.3;
/** Output and input names must share this much meaning (by their distinguishing words) to be linked. */
const MIN_NAME_MATCH = 0.65;

/** Finds, per input, the catalog outputs that could feed it; cached per input signature. */
export class Producers {
  private readonly cache = new Map<string, ProducerMatch[]>();
  private readonly outputs: { fn: FunctionSpec; output: OutputSpec; name: string; words: string[]; head: string[]; all: string[] }[];

  constructor(
    catalog: Catalog,
    private readonly sem: Semantics,
  ) {
    this.outputs = catalog.functions.flatMap((fn) =>
      fn.outputs.map((output) => {
        const ow = inputWords(output);
        return { fn, output, name: normalizeName(output.name), words: ow.name, head: ow.head, all: ow.all };
      }),
    );
  }

  /** Outputs that could feed `input`, best first, excluding functions in `exclude`. */
  for(input: InputSpec, exclude: ReadonlySet<string>): ProducerMatch[] {
    const key = `${input.name}\u0000${input.type}\u0000${input.description}`;
    let found = this.cache.get(key);
    if (!found) {
      const iw = inputWords(input);
      const name = normalizeName(input.name);
      found = [];
      for (const o of this.outputs) {
        if (!isAssignable(o.output.type, input.type)) continue;
        let score: number;
        // NOTE: the exact spelling, case included, is a much stronger sign than a normalised match:
        // it is how a catalog's author says "this output is meant for that input" (user_ID → user_ID,
        // not User_ID). Measured on the Reverse Chain dev set: exact 0.133 → 0.148 when raised from 1.05.
        if (o.output.name === input.name) score = EXACT_NAME;
        else if (o.name === name) score = 1;
        else {
          // Compared on the words that say which thing ("customer" of customer_name), not its kind ("name").
          const byName = Math.min(this.sem.align(iw.head, o.head, 0.5), this.sem.align(o.head, iw.head, 0.5));
          const byMeaning = (this.sem.align(iw.all, o.all, 0.5) + this.sem.align(o.all, iw.all, 0.5)) / 2;
          if (byName < MIN_NAME_MATCH) continue;
          score = 0.55 * byName + 0.35 * byMeaning;
          if (o.output.type !== input.type && o.output.type !== 'any') score -= 0.1;
        }
        if (score >= 0.45) found.push({ fn: o.fn, output: o.output, nameScore: score });
      }
      found.sort((a, b) => b.nameScore - a.nameScore);
      this.cache.set(key, found);
    }
    return exclude.size ? found.filter((m) => !exclude.has(m.fn.name)) : found;
  }
}
