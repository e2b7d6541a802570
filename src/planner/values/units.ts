/**
 * @module planner/values/units
 * Units of measure as people write them, read with the `convert-units` package's own list of units
 * (symbols, singular and plural names): "26.2 miles", "10 km", "350 F", "70kg", and units alone
 * ("to miles", "in C"). A unit written with an amount is the unit that amount is in (`source`); a
 * unit written alone is one to convert to (`target`), unless "from" introduces it. The value is the
 * package's symbol (`mi`, `km`, `F`), the form unit inputs take.
 */
import { createRequire } from 'node:module';
import type { SpanCollector } from './span.ts';

interface UnitDescription {
  abbr: string;
  measure: string;
  singular: string;
  plural: string;
}
// convert-units ships no type declarations; this is the part of its API used here.
const convert = createRequire(import.meta.url)('convert-units') as (value?: number) => {
  list(): UnitDescription[];
  from(unit: string): { to(unit: string): number };
};

/** `amount` in unit `from` expressed in unit `to` (symbols of the unit library), or undefined when they measure different things. */
export function convertAmount(amount: number, from: string, to: string): number | undefined {
  try {
    return convert(amount).from(from).to(to);
  } catch {
    return undefined;
  }
}

export interface Unit {
  abbr: string;
  measure: string;
}

/** Measures whose units are read; the rest ("each", "partsPer", electrical ones) are not what people convert in chat. */
const MEASURES = new Set(['length', 'area', 'mass', 'volume', 'temperature', 'time', 'digital', 'speed', 'pressure', 'energy', 'power', 'frequency', 'angle']);
/** Symbols that are unambiguous written alone in English text (no "in", "m", "min" = minimum, "bar"). */
const ALONE = new Set(['km', 'mi', 'cm', 'mm', 'ft', 'yd', 'kg', 'lb', 'oz', 'mg', 'ml', 'gal', 'qt', 'KB', 'MB', 'GB', 'TB', 'mph', 'kph', 'kmh', 'km/h', 'm/h', 'm/s', 'ft/s', 'psi', 'kWh', 'kPa', 'hPa', 'Hz', 'kHz', 'MHz', 'GHz']);
/**
 * Everyday spellings the package does not list: plurals of symbols, clipped names, American and
 * British spellings, degree signs (general English usage, the same for every catalog).
 */
const SPELLINGS: Record<string, string> = {
  lbs: 'lb', kgs: 'kg', kilo: 'kg', kilos: 'kg', kms: 'km', mins: 'min', hr: 'h', hrs: 'h', sec: 's', secs: 's', yr: 'year', yrs: 'year',
  '°c': 'C', '℃': 'C', '°f': 'F', '℉': 'F', celsius: 'C', centigrade: 'C', fahrenheit: 'F', kelvin: 'K', mph: 'm/h', kph: 'km/h', kmh: 'km/h',
  '°': 'deg', pounds: 'lb', pound: 'lb', ounces: 'oz', ounce: 'oz', tonnes: 'mt', tonne: 'mt',
};

/** Measures whose unit names are everyday words ("day", "week", "degree", "hertz" less so, but "second"). */
const EVERYDAY_MEASURES = new Set(['time', 'angle', 'frequency']);
/** Unit names that are, more often than not, other words in a request. */
const EVERYDAY_WORDS = new Set(['foot', 'yard', 'yards', 'pound', 'pounds', 'ton', 'tons', 'cup', 'cups', 'bar', 'knot', 'knots', 'pint', 'pints', 'glas', 'watt', 'watts']);

let table: { byName: Map<string, Unit>; byAbbr: Map<string, Unit> } | undefined;

function units() {
  if (table) return table;
  const byName = new Map<string, Unit>();
  const byAbbr = new Map<string, Unit>();
  for (const u of convert().list()) {
    if (!MEASURES.has(u.measure)) continue;
    const unit = { abbr: u.abbr, measure: u.measure };
    byAbbr.set(u.abbr, unit);
    for (const name of [u.singular, u.plural].map((n) => n.toLowerCase())) {
      byName.set(name, unit);
      // "litre"/"liter", "metre"/"meter": both spellings of English.
      byName.set(name.replace(/tre(s?)\b/g, 'ter$1'), unit);
      byName.set(name.replace(/ter(s?)\b/g, 'tre$1'), unit);
      byName.set(name.replace(/^degrees? /, ''), unit);
    }
  }
  for (const [spelling, abbr] of Object.entries(SPELLINGS)) {
    const unit = byAbbr.get(abbr);
    if (unit) byName.set(spelling, unit);
  }
  return (table = { byName, byAbbr });
}

/** The unit a written word stands for: a symbol (case as written) or a name (any case), or undefined. */
export function unitOf(written: string, alone = false): Unit | undefined {
  const { byName, byAbbr } = units();
  const name = byName.get(written.toLowerCase());
  if (name && (!alone || written.length > 2 || written.startsWith('°'))) return name;
  const symbol = byAbbr.get(written) ?? byAbbr.get(SPELLINGS[written.toLowerCase()] ?? '');
  if (!symbol) return undefined;
  if (alone && written.length > 1 && !ALONE.has(written) && !ALONE.has(written.toLowerCase())) return undefined;
  return symbol;
}

/** A unit word: letters, a degree sign, or two words of a compound name ("square feet", "fluid ounces"). */
const UNIT_WORD = String.raw`(?:°\s?[CFcf]\b|[℃℉°]|(?:square|cubic|fluid|metric|degrees?)\s+[a-z]+|[A-Za-z]+(?:\/[A-Za-z]+)?)`;
const AMOUNT = String.raw`-?\d+(?:\.\d+)?`;
const QUANTITY = new RegExp(String.raw`(?<![\w.])(${AMOUNT})\s?(${UNIT_WORD})`, 'g');
const WORD = new RegExp(UNIT_WORD, 'g');

export function readUnits(found: SpanCollector): void {
  for (const m of found.text.matchAll(QUANTITY)) {
    const unit = unitOf(m[2]!);
    if (!unit) continue;
    const start = m.index!;
    const numberEnd = start + m[1]!.length;
    const unitStart = start + m[0].length - m[2]!.length;
    if (found.overlaps(start, start + m[0].length)) continue;
    const group = found.group();
    found.add('number', Number(m[1]), start, numberEnd, { group, quantity: m[0], unit: unit.abbr, measure: unit.measure });
    found.add('unit', unit.abbr, unitStart, start + m[0].length, { measure: unit.measure, role: 'source', group });
  }
  for (const m of found.text.matchAll(WORD)) {
    const start = m.index!;
    // Only whole words: not the "in" of "into", not a letter inside a code.
    if (/[\w-]/.test(found.text[start - 1] ?? '') || /[\w]/.test(found.text[start + m[0].length] ?? '')) continue;
    const before = found.text.slice(Math.max(0, start - 6), start).toLowerCase();
    const unit = unitOf(m[0], true);
    if (!unit) continue;
    // A letter alone ("350 F in C"), or a word that is mostly something else ("what day of the week",
    // "a second look", "tons of"), is a unit only where a unit is expected: after "in", "to" or "into".
    const ambiguous = m[0].length === 1 || EVERYDAY_MEASURES.has(unit.measure) || EVERYDAY_WORDS.has(m[0].toLowerCase());
    if (ambiguous && !/\b(?:in|to|into)\s+$/.test(before)) continue;
    found.add('unit', unit.abbr, start, start + m[0].length, { measure: unit.measure, role: /\bfrom\s+$/.test(before) ? 'source' : 'target' });
  }
}
