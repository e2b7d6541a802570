/**
 * ConvertUnits: converts a quantity between units of length, mass, volume, temperature, time,
 * speed, area, data size, energy, pressure and more (the `convert-units` package). Accepts unit
 * symbols ("km", "°F") and names ("miles", "celsius", "square feet").
 */
import { createRequire } from 'node:module';
import { suggest } from './suggest.ts';

interface UnitDescription {
  abbr: string;
  measure: string;
  system: string;
  singular: string;
  plural: string;
}
interface Converter {
  from(unit: string): { to(unit: string): number };
  list(measure?: string): UnitDescription[];
}
// convert-units ships no type declarations; this is the part of its API used here.
const convert = createRequire(import.meta.url)('convert-units') as (value?: number) => Converter;

/** Everyday names and spellings (lower-case, singular) mapped to convert-units symbols. */
const ALIASES: Record<string, string> = {
  kilometer: 'km', kilometre: 'km', kms: 'km', meter: 'm', metre: 'm', centimeter: 'cm', centimetre: 'cm',
  millimeter: 'mm', millimetre: 'mm', mile: 'mi', miles: 'mi', yard: 'yd', foot: 'ft', feet: 'ft', inch: 'in',
  inches: 'in', gram: 'g', gramme: 'g', kilogram: 'kg', kilo: 'kg', kgs: 'kg', milligram: 'mg', microgram: 'mcg',
  pound: 'lb', lbs: 'lb', ounce: 'oz', tonne: 'mt', 'metric ton': 'mt', ton: 't', 'short ton': 't',
  liter: 'l', litre: 'l', milliliter: 'ml', millilitre: 'ml', gallon: 'gal', quart: 'qt', pint: 'pnt', cup: 'cup',
  teaspoon: 'tsp', tablespoon: 'Tbs', tbsp: 'Tbs', 'fluid ounce': 'fl-oz', 'fl oz': 'fl-oz', floz: 'fl-oz',
  'cubic meter': 'm3', 'cubic metre': 'm3', 'cubic foot': 'ft3', 'cubic feet': 'ft3', 'cubic inch': 'in3',
  'square meter': 'm2', 'square metre': 'm2', 'sq m': 'm2', sqm: 'm2', 'square foot': 'ft2', 'square feet': 'ft2',
  'sq ft': 'ft2', sqft: 'ft2', 'square kilometer': 'km2', 'square kilometre': 'km2', 'square mile': 'mi2',
  'sq mi': 'mi2', 'square inch': 'in2', 'square yard': 'yd2', acre: 'ac', hectare: 'ha',
  celsius: 'C', centigrade: 'C', '°c': 'C', degc: 'C', 'degree celsius': 'C', 'degrees celsius': 'C',
  fahrenheit: 'F', '°f': 'F', degf: 'F', 'degree fahrenheit': 'F', 'degrees fahrenheit': 'F', kelvin: 'K',
  second: 's', sec: 's', secs: 's', millisecond: 'ms', minute: 'min', mins: 'min', hour: 'h', hr: 'h', hrs: 'h',
  day: 'd', days: 'd', week: 'week', weeks: 'week', wk: 'week', month: 'month', months: 'month', year: 'year',
  years: 'year', yr: 'year', yrs: 'year',
  mph: 'm/h', 'miles per hour': 'm/h', 'mile per hour': 'm/h', kph: 'km/h', kmh: 'km/h', 'km/hr': 'km/h',
  'kilometers per hour': 'km/h', 'kilometres per hour': 'km/h', 'meters per second': 'm/s', 'metres per second': 'm/s',
  mps: 'm/s', knot: 'knot', knots: 'knot', kn: 'knot', 'feet per second': 'ft/s', fps: 'ft/s',
  bit: 'b', bits: 'b', byte: 'B', bytes: 'B', kilobyte: 'KB', kb: 'KB', megabyte: 'MB', mb: 'MB', gigabyte: 'GB',
  gb: 'GB', terabyte: 'TB', tb: 'TB', kilobit: 'Kb', megabit: 'Mb', gigabit: 'Gb', terabit: 'Tb',
  watt: 'W', kilowatt: 'kW', megawatt: 'MW', 'watt hour': 'Wh', 'watt-hour': 'Wh', 'kilowatt hour': 'kWh',
  'kilowatt-hour': 'kWh', kwh: 'kWh', joule: 'J', kilojoule: 'kJ', pascal: 'Pa', kilopascal: 'kPa', pa: 'Pa',
  kpa: 'kPa', hpa: 'hPa', psi: 'psi', bar: 'bar', degree: 'deg', degrees: 'deg', radian: 'rad',
  hertz: 'Hz', hz: 'Hz', khz: 'kHz', mhz: 'MHz', ghz: 'GHz', rpm: 'rpm', volt: 'V', ampere: 'A', amp: 'A', amps: 'A',
  dozen: 'dz', each: 'ea', piece: 'ea', pieces: 'ea',
};

let units: UnitDescription[] | undefined;
const allUnits = () => (units ??= convert().list());

/** The convert-units symbol for a unit as a person wrote it, or undefined. */
function resolveUnit(input: string): UnitDescription | undefined {
  const raw = input.trim();
  const exact = allUnits().find((u) => u.abbr === raw);
  if (exact) return exact;
  // "degrees F", "deg c" -> "f", "c"; then try the word as written, without a plural "s", without "es".
  const lower = raw.toLowerCase().replace(/\s+/g, ' ').replace(/^(degrees?|deg) (?=[cfk]$)/, '');
  for (const key of [lower, lower.replace(/s$/, ''), lower.replace(/es$/, '')]) {
    const abbr = ALIASES[key];
    if (abbr) return allUnits().find((u) => u.abbr === abbr);
  }
  const byName = allUnits().filter(
    (u) => u.singular.toLowerCase() === lower || u.plural.toLowerCase() === lower || u.abbr.toLowerCase() === lower,
  );
  return byName.length === 1 ? byName[0] : undefined;
}

function unitOrThrow(input: string, field: string): UnitDescription {
  const unit = resolveUnit(input);
  if (unit) return unit;
  const names = [...allUnits().flatMap((u) => [u.abbr, u.plural.toLowerCase()]), ...Object.keys(ALIASES)];
  const close = suggest(input, names, 6);
  const hint = close.length ? ` Did you mean ${close.map((c) => `"${c}"`).join(', ')}?` : '';
  throw new Error(`${field} "${input}" is not a unit I know.${hint}`);
}

export async function convertUnits({ value, from_unit, to_unit }: { value: number; from_unit: string; to_unit: string }) {
  const from = unitOrThrow(from_unit, 'from_unit');
  const to = unitOrThrow(to_unit, 'to_unit');
  if (from.measure !== to.measure) {
    const options = allUnits().filter((u) => u.measure === from.measure).map((u) => u.abbr);
    throw new Error(
      `cannot convert ${from.plural.toLowerCase()} (${from.measure}) to ${to.plural.toLowerCase()} (${to.measure}); ` +
        `${from.abbr} converts to ${options.join(', ')}`,
    );
  }
  const converted = convert(value).from(from.abbr).to(to.abbr);
  // convert-units' imperial factors are good to about 7 significant digits (1 in = 2.53999992 cm);
  // rounding there gives the exact textbook values (2.54) and hides floating-point noise.
  return { converted_value: Number(converted.toPrecision(7)), unit: to.abbr };
}
