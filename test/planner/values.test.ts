import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { makeCatalog } from '../../src/catalog/index.ts';
import { loadWordVectors } from '../../src/index/index.ts';
import { Semantics } from '../../src/planner/semantics.ts';
import { analyzeRequest, type Span } from '../../src/planner/index.ts';
import { codeForm, spellingFix, unitOf, zoneOf } from '../../src/planner/values/index.ts';

const vectors = loadWordVectors();
const sem = new Semantics(makeCatalog([]), vectors);
/** Reading options as the planner gives them, with a tiny catalog vocabulary written here. */
const TERMS = new Set(['dm', 'keywords', 'line', 'count', 'sha1', 'md5', 'base64', 'webp', 'summarize', 'column']);
const read = (text: string) =>
  analyzeRequest(text, {
    rank: (w) => vectors.rank(w),
    // As the planner has it: frequent, and no person's or place's name.
    isCommonWord: (w) => (vectors.rank(w) ?? Infinity) < 3000 && !sem.entityKind(w),
    isKnownWord: (w) => vectors.has(w),
    isCatalogWord: (w) => TERMS.has(w.replace(/[^a-z0-9]/g, '')),
    isIntentWord: (w) => TERMS.has(w),
    startsInstruction: (w) => ['what', 'convert', 'base64'].includes(w),
    now: new Date('2026-11-30T12:00:00Z'),
  });
const stated = (text: string) => read(text).spans.filter((s) => s.kind !== 'word' && !s.facetOf);
const only = (text: string, kind: Span['kind']): Span => {
  const found = stated(text).filter((s) => s.kind === kind);
  assert.equal(found.length, 1, `one ${kind} in ${JSON.stringify(text)}; found ${JSON.stringify(stated(text).map((s) => [s.kind, s.value]))}`);
  return found[0]!;
};

describe('Slack markup', () => {
  it('reads <#C…|name> as the channel by name, <@U…> as the user id, <url|label> as the address', () => {
    const spans = stated('summarize <#C0123ABCD|design-crit>, tell <@U05KZ9QLM> and read <https://x.example/a?b=1|x.example/a>');
    assert.deepEqual(spans.map((s) => [s.kind, s.value]), [
      ['channel', '#design-crit'],
      ['mention', 'U05KZ9QLM'],
      ['url', 'https://x.example/a?b=1'],
    ]);
  });
});

describe('blocks', () => {
  it('reads a fenced block by its form: rows as CSV, JSON as JSON, the fence language dropped', () => {
    const csv = only('chart the sessions column\n```\nday,sessions\nMon,420\nTue,515\n```', 'block');
    assert.deepEqual([csv.value, csv.form], ['day,sessions\nMon,420\nTue,515', 'csv']);
    const json = only('what is at $.a in ```json\n{"a": 1}\n```', 'block');
    assert.deepEqual([json.value, json.form], ['{"a": 1}', 'json']);
  });

  it('takes the text after a colon that ends an instruction as the text handed over', () => {
    const body = only('ping alice in a DM: nightly build is green again', 'block');
    assert.deepEqual([body.value, body.form], ['nightly build is green again', 'text']);
    assert.equal(only('stats on the score column:\nname,score\nana,91\nben,78', 'block').form, 'csv');
  });

  it('does not take the request itself for a block when the colon only introduces it', () => {
    assert.ok(!stated('two things: base64 encode vpn-user-7731, and also its md5').some((s) => s.kind === 'block'));
    assert.ok(!stated('for the badge form: convert 180 cm to feet').some((s) => s.kind === 'block'));
  });
});

describe('lists', () => {
  it('reads numbers separated by commas (and a last "and") as one list', () => {
    assert.deepEqual(only('sort 14, 2, 9 and 27 ascending', 'list').value, [14, 2, 9, 27]);
    assert.deepEqual(only('average of 12.5, 14, 9.75, 18 and 11?', 'list').value, [12.5, 14, 9.75, 18, 11]);
  });

  it('does not read thousands separators or a pair of numbers as a list', () => {
    assert.ok(!stated('transfer 1,500,000 now').some((s) => s.kind === 'list'));
    assert.ok(!stated('between 3, 4').some((s) => s.kind === 'list'));
  });

  it('reads short items as a list where the request introduces them (after a colon, "labelled")', () => {
    assert.deepEqual(only('put each of these on its own line: Ana Lopez, Bo Kim, Chen Wei', 'list').value, ['Ana Lopez', 'Bo Kim', 'Chen Wei']);
    const lists = stated('a bar chart of 120, 135, 160, labelled W1, W2, W3').filter((s) => s.kind === 'list');
    assert.deepEqual(lists.map((s) => s.value), [[120, 135, 160], ['W1', 'W2', 'W3']]);
  });
});

describe('units', () => {
  it('reads the unit of an amount as the source and a unit alone as the target, as the library\'s symbols', () => {
    const spans = stated('how many km is 26.2 miles?');
    assert.deepEqual(spans.map((s) => [s.kind, s.value, s.role]), [
      ['unit', 'km', 'target'],
      ['number', 26.2, undefined],
      ['unit', 'mi', 'source'],
    ]);
    assert.deepEqual(stated('what is 350 F in C').map((s) => [s.kind, s.value]), [
      ['number', 350],
      ['unit', 'F'],
      ['unit', 'C'],
    ]);
  });

  it('knows plurals, clipped names and both spellings, and no currency', () => {
    assert.equal(unitOf('lbs')?.abbr, 'lb');
    assert.equal(unitOf('kilos')?.abbr, 'kg');
    assert.equal(unitOf('litres')?.abbr, 'l');
    assert.equal(unitOf('liters')?.abbr, 'l');
    assert.equal(unitOf('°F')?.abbr, 'F');
    assert.equal(unitOf('USD'), undefined);
  });

  it('reads everyday words that are also units only where a unit is expected', () => {
    assert.ok(!stated('what day of the week is it').some((s) => s.kind === 'unit'));
    assert.ok(!stated('stats (min, max, mean)').some((s) => s.kind === 'unit'));
    assert.deepEqual(stated('convert 90 minutes to hours').map((s) => [s.kind, s.value, s.role]), [
      ['number', 90, undefined],
      ['unit', 'min', 'source'],
      ['unit', 'h', 'target'],
    ]);
  });

  it('keeps an amount with its unit as written for free text ("a 5GB file")', () => {
    assert.equal(only('transfer a 5GB file', 'number').quantity, '5GB');
  });
});

describe('dates', () => {
  it('reads an absolute date or date-time with its ISO form', () => {
    assert.equal(only('what day is 2026-07-04?', 'datetime').iso, '2026-07-04');
    assert.equal(only('standup is 2026-03-10 09:30 London time', 'datetime').iso, '2026-03-10T09:30:00');
    assert.equal(only("how many days till new year's eve 2026?", 'datetime').iso, '2026-12-31');
    assert.equal(only('how many days till christmas', 'datetime').iso, '2026-12-25');
  });

  it('marks moments relative to now instead of computing them', () => {
    assert.deepEqual(only('which day is 200 days from now?', 'datetime').relative, { amount: 200, unit: 'days' });
    assert.deepEqual(only('what was the date 2 weeks ago', 'datetime').relative, { amount: -2, unit: 'weeks' });
    assert.deepEqual(only('what day is tomorrow', 'datetime').relative, { amount: 1, unit: 'days' });
    const now = only('what time is it in Seoul right now', 'datetime');
    assert.equal(now.now, true);
    assert.equal(now.iso, undefined);
  });
});

describe('zones', () => {
  it('reads cities, countries with one zone, zone names and abbreviations as IANA zones', () => {
    assert.equal(zoneOf('Tokyo'), 'Asia/Tokyo');
    assert.equal(zoneOf('New York'), 'America/New_York');
    assert.equal(zoneOf('India time'), 'Asia/Kolkata');
    assert.equal(zoneOf('PST'), 'America/Los_Angeles');
    assert.equal(zoneOf('UTC'), 'UTC');
    assert.equal(zoneOf('United States'), undefined, 'a country of several zones is no zone');
  });

  it('gives a zone written right after a time the source role and one after "in" the target role', () => {
    const zones = stated("our standup is 2026-03-10 09:30 London time, what's that in New York?").filter((s) => s.zone);
    assert.deepEqual(zones.map((s) => [s.value, s.zone, s.role]), [
      ['London', 'Europe/London', 'source'],
      ['New York', 'America/New_York', 'target'],
    ]);
  });
});

describe('numbers, names and codes', () => {
  it('reads sizes in pixels and width × height', () => {
    assert.equal(only('resize this to 640px wide', 'number').measure, 'pixels');
    const [w, h] = stated('resize to 1200x630').filter((s) => s.kind === 'number');
    assert.deepEqual([w!.value, w!.dimension, h!.value, h!.dimension], [1200, 'width', 630, 'height']);
  });

  it('reads "one" before what it counts as 1, and not as a pronoun', () => {
    assert.equal(only('summarize it in one sentence', 'number').value, 1);
    assert.ok(!stated('make two, one for the menu').some((s) => s.value === 1));
  });

  it('tells identifiers and Base64 from words and names', () => {
    assert.equal(codeForm('ZGVwbG95LWtleS0yMDI2'), 'base64');
    assert.equal(codeForm('release-v4.12.0'), 'code');
    assert.equal(codeForm('api-secret-rotation'), 'code');
    assert.equal(codeForm('PlayStation'), undefined);
    const isKnownWord = (w: string) => vectors.has(w);
    assert.equal(codeForm('jmartinez', { isKnownWord }), 'code');
    assert.equal(codeForm('changelog', { isKnownWord }), undefined, 'two known words make a compound');
  });

  it('keeps the catalog\'s own terms as intent, not as codes or names ("b64", "DM", "SHA-1")', () => {
    const spans = stated('b64 decode ZGVwbG95LWtleS0yMDI2 and DM the SHA-1 to Ana');
    assert.deepEqual(spans.map((s) => [s.kind, s.value]), [
      ['code', 'ZGVwbG95LWtleS0yMDI2'],
      ['name', 'Ana'],
    ]);
    // Words split at digits as function names do (Base64Decode: base, 64, decode), digits dropped.
    assert.deepEqual(read('b64 decode it').intentWords, ['base', 'decode']);
  });

  it('keeps a name with the number after it ("Physics 201")', () => {
    assert.deepEqual(stated('enroll me in Physics 201').map((s) => [s.kind, s.value]), [['name', 'Physics 201']]);
  });

  it('keeps initials in a name ("F. Scott Fitzgerald") and ends a sentence at a letter grade ("a B. Good job")', () => {
    assert.deepEqual(stated("find 'The Great Gatsby' by F. Scott Fitzgerald or J.D. Salinger").map((s) => [s.kind, s.value]), [
      ['quoted', 'The Great Gatsby'],
      ['name', 'F. Scott Fitzgerald'],
      ['name', 'J.D. Salinger'],
    ]);
    assert.deepEqual(stated("I got a B. Good job").map((s) => [s.kind, s.value]), [['name', 'B']]);
  });

  it('reads a slip of the keyboard as the common word meant, never a catalog term', () => {
    const rank = (w: string) => vectors.rank(w);
    assert.equal(spellingFix('tiems', rank), 'times');
    assert.equal(spellingFix('messgaes', rank), 'messages');
    assert.equal(spellingFix('jmartinez', rank), undefined);
    assert.ok(read('the last 50 msgs').intentWords.includes('messages'));
  });
});

describe('relative dates for a step that works them out', () => {
  it('gives "200 days from now" its amount, unit and now as parts, marked as parts of it', () => {
    const { spans } = read('which day is 200 days from now?');
    const date = spans.find((s) => s.relative)!;
    const parts = spans.filter((s) => s.facetOf);
    assert.deepEqual(parts.map((p) => [p.kind, p.value, p.facetOf === date]), [
      ['number', 200, true],
      ['word', 'days', true],
      ['datetime', 'now', true],
    ]);
  });

  it('reads "from X" as the start of a span of time and "until X" / "and X" after "between" as its end', () => {
    const roles = (text: string) => stated(text).filter((s) => s.kind === 'datetime').map((s) => [s.iso, s.role]);
    assert.deepEqual(roles('how many days from 2026-11-20 until 2026-12-25'), [
      ['2026-11-20', 'source'],
      ['2026-12-25', 'target'],
    ]);
    assert.deepEqual(roles('days between 2025-10-01 and 2026-03-31'), [
      ['2025-10-01', 'source'],
      ['2026-03-31', 'target'],
    ]);
  });

  it('gives an end of a span of time written without its year the year of the other end', () => {
    const isos = (text: string) => stated(text).filter((s) => s.kind === 'datetime').map((s) => s.iso);
    // Read on 2026-11-30: "Nov 1" alone would be next year's.
    assert.deepEqual(isos('ticket volume per day from Nov 1 to Nov 15 2026'), ['2026-11-01', '2026-11-15']);
    assert.deepEqual(isos('between Dec 20 2026 and Jan 5'), ['2026-12-20', '2027-01-05']);
    assert.deepEqual(isos('from Dec 20 to Jan 5 2027'), ['2026-12-20', '2027-01-05']);
  });
});

describe('files the message comes with, and messages handed to someone', () => {
  it('reads "this image", "the attached PDF", "the logo I just attached" as attachments of a kind', () => {
    assert.deepEqual(only('can you resize this image to 640px wide?', 'attachment').media, 'image');
    assert.deepEqual(only('convert the attached PDF to a PNG', 'attachment').media, 'document');
    assert.deepEqual(only('thumbnail of the logo I just attached, 200px pls', 'attachment').media, 'image');
    assert.ok(!stated('base64 encode this for me').some((s) => s.kind === 'attachment'), '"this" alone points at nothing of its own');
  });

  it('takes the sentence after "tell <channel>" as the message, and not a thing named after "DM <person>"', () => {
    assert.equal(only('tell <#C04QW2K7P|growth> the pricing page A/B test is live 🚀', 'block').value, 'the pricing page A/B test is live 🚀');
    assert.ok(!stated('DM Kofi the new wifi password').some((s) => s.kind === 'block'), 'a noun phrase names what to send, it is no message');
    assert.ok(!stated('can you tell me the review of a movie').some((s) => s.kind === 'block'), '"tell me" asks, it tells nobody');
  });
});
