/**
 * Date and time-zone helpers shared by the time functions (luxon): lenient parsing of date/time
 * strings and resolution of zone names ("PST", "Tokyo", "UTC+2", "Europe/Paris").
 */
import { DateTime, FixedOffsetZone, IANAZone } from 'luxon';
import { suggest } from './suggest.ts';

/** Common abbreviations and region names, mapped to the IANA zone people usually mean (DST-aware). */
const ZONE_ALIASES: Record<string, string> = {
  UTC: 'UTC', GMT: 'UTC', Z: 'UTC', ZULU: 'UTC', UNIVERSAL: 'UTC',
  PT: 'America/Los_Angeles', PST: 'America/Los_Angeles', PDT: 'America/Los_Angeles', PACIFIC: 'America/Los_Angeles',
  MT: 'America/Denver', MST: 'America/Denver', MDT: 'America/Denver', MOUNTAIN: 'America/Denver',
  CT: 'America/Chicago', CST: 'America/Chicago', CDT: 'America/Chicago', CENTRAL: 'America/Chicago',
  ET: 'America/New_York', EST: 'America/New_York', EDT: 'America/New_York', EASTERN: 'America/New_York',
  AKST: 'America/Anchorage', AKDT: 'America/Anchorage', HST: 'Pacific/Honolulu',
  BST: 'Europe/London', WET: 'Europe/Lisbon', WEST: 'Europe/Lisbon', CET: 'Europe/Paris', CEST: 'Europe/Paris',
  EET: 'Europe/Athens', EEST: 'Europe/Athens', MSK: 'Europe/Moscow', IST: 'Asia/Kolkata', SGT: 'Asia/Singapore',
  HKT: 'Asia/Hong_Kong', JST: 'Asia/Tokyo', KST: 'Asia/Seoul', AWST: 'Australia/Perth',
  AEST: 'Australia/Sydney', AEDT: 'Australia/Sydney', NZST: 'Pacific/Auckland', NZDT: 'Pacific/Auckland',
  BRT: 'America/Sao_Paulo',
  'SAN FRANCISCO': 'America/Los_Angeles', SEATTLE: 'America/Los_Angeles', 'LOS ANGELES': 'America/Los_Angeles',
  'NEW YORK CITY': 'America/New_York', NYC: 'America/New_York', BOSTON: 'America/New_York', WASHINGTON: 'America/New_York',
  MIAMI: 'America/New_York', ATLANTA: 'America/New_York', DALLAS: 'America/Chicago', HOUSTON: 'America/Chicago',
  AUSTIN: 'America/Chicago', MUMBAI: 'Asia/Kolkata', DELHI: 'Asia/Kolkata', 'NEW DELHI': 'Asia/Kolkata',
  BANGALORE: 'Asia/Kolkata', BENGALURU: 'Asia/Kolkata', BEIJING: 'Asia/Shanghai', 'SAN JOSE': 'America/Los_Angeles',
  // ICU lists some zones under their old names (Asia/Calcutta); these are the current ones.
  KOLKATA: 'Asia/Kolkata', KYIV: 'Europe/Kyiv', 'HO CHI MINH': 'Asia/Ho_Chi_Minh', 'HO CHI MINH CITY': 'Asia/Ho_Chi_Minh',
  'BUENOS AIRES': 'America/Argentina/Buenos_Aires', KATHMANDU: 'Asia/Kathmandu',
};

const IANA_ZONES = ['UTC', ...Intl.supportedValuesOf('timeZone')];
const cityOf = (zone: string) => zone.slice(zone.lastIndexOf('/') + 1).replace(/_/g, ' ');

/** The listed spelling of a valid zone typed in any case ("europe/paris" -> "Europe/Paris"). */
function canonical(zone: string): string {
  return IANA_ZONES.find((z) => z.toLowerCase() === zone.toLowerCase()) ?? zone;
}

/**
 * An IANA zone name (or fixed offset like "UTC+5") for what a person typed.
 * @throws Error naming the zone and suggesting close matches.
 */
export function resolveZone(input: string, field = 'time zone'): string {
  const raw = input.trim();
  if (!raw) throw new Error(`${field} is empty: give an IANA name like "America/New_York" or "Europe/Paris"`);
  // "Pacific Time", "Eastern Standard Time" -> "PACIFIC", "EASTERN".
  const spoken = raw.toUpperCase().replace(/\s+/g, ' ').replace(/ (?:(?:STANDARD|DAYLIGHT) )?TIME$/, '');
  const alias = ZONE_ALIASES[spoken];
  if (alias) return alias;
  const offset = /^(?:UTC|GMT)?\s*([+-])(\d{1,2})(?::?(\d{2}))?$/i.exec(raw);
  if (offset) {
    const minutes = (Number(offset[2]) * 60 + Number(offset[3] ?? 0)) * (offset[1] === '-' ? -1 : 1);
    if (Math.abs(minutes) <= 14 * 60) return FixedOffsetZone.instance(minutes).name;
  }
  if (IANAZone.isValidZone(raw)) return canonical(raw);
  const city = raw.toLowerCase().replace(/_/g, ' ');
  const byCity = IANA_ZONES.find((z) => cityOf(z).toLowerCase() === city);
  if (byCity) return byCity;
  const close = suggest(raw, [...IANA_ZONES, ...IANA_ZONES.map(cityOf)]);
  const hint = close.length ? ` Did you mean ${close.map((c) => `"${c}"`).join(', ')}?` : '';
  throw new Error(
    `${field} "${raw}" is not a known time zone. Use an IANA name like "America/New_York", a city like "Tokyo", ` +
      `an abbreviation like "PST", or an offset like "UTC+2".${hint}`,
  );
}

/** Extra formats tried after ISO, SQL, RFC 2822 and HTTP dates. */
const FORMATS = [
  'MMMM d, yyyy h:mm a', 'MMMM d, yyyy H:mm', 'MMMM d, yyyy', 'MMM d, yyyy h:mm a', 'MMM d, yyyy', 'd MMMM yyyy', 'd MMM yyyy',
  'MM/dd/yyyy h:mm a', 'MM/dd/yyyy H:mm', 'MM/dd/yyyy', 'M/d/yyyy', 'yyyy/MM/dd H:mm', 'yyyy/MM/dd', 'yyyy-MM-dd h:mm a',
];
/** A text without a time of day: no "hh:mm" and no ISO "T" time part. */
const isDateOnly = (text: string) => !text.includes(':') && !/\dT\d/i.test(text);

export interface ParsedDate {
  value: DateTime;
  /** True when the text held only a calendar date (no time of day). */
  dateOnly: boolean;
}

/**
 * Parses a date or date-time. Text without an offset is read in `zone`; text with one keeps it.
 * Also accepts "now", "today", "tomorrow" and "yesterday".
 * @throws Error quoting the text and the accepted formats.
 */
export function parseDate(input: unknown, zone = 'UTC', field = 'date'): ParsedDate {
  if (input instanceof Date) return { value: DateTime.fromJSDate(input, { zone }), dateOnly: false };
  if (typeof input === 'number') return { value: DateTime.fromMillis(input, { zone }), dateOnly: false };
  const text = String(input ?? '').trim();
  if (!text) throw new Error(`${field} is empty: give a date like "2024-03-31" or "2024-03-31T14:00:00Z"`);
  const now = DateTime.now().setZone(zone);
  const relative: Record<string, ParsedDate> = {
    now: { value: now, dateOnly: false },
    today: { value: now.startOf('day'), dateOnly: true },
    tomorrow: { value: now.startOf('day').plus({ days: 1 }), dateOnly: true },
    yesterday: { value: now.startOf('day').minus({ days: 1 }), dateOnly: true },
  };
  const named = relative[text.toLowerCase()];
  if (named) return named;
  const options = { zone, setZone: true };
  const attempts = [
    () => DateTime.fromISO(text, options),
    () => DateTime.fromSQL(text, options),
    () => DateTime.fromRFC2822(text, options),
    () => DateTime.fromHTTP(text, options),
    ...FORMATS.map((format) => () => DateTime.fromFormat(text, format, { ...options, locale: 'en-US' })),
  ];
  for (const attempt of attempts) {
    const value = attempt();
    if (value.isValid) return { value, dateOnly: isDateOnly(text) };
  }
  throw new Error(
    `${field} "${text}" is not a date I can read. Use ISO 8601 like "2024-03-31" or "2024-03-31T14:00:00-04:00" ` +
      `(also accepted: "March 31, 2024", "03/31/2024 2:00 PM", "today", "tomorrow").`,
  );
}

/** ISO 8601 with offset, without milliseconds when they are zero. */
export function isoOf(value: DateTime): string {
  return value.toISO({ suppressMilliseconds: true }) ?? value.toString();
}

/** "Sunday, March 10, 2024 at 3:00 AM EDT (America/New_York)"; the zone name is left out for UTC and fixed offsets. */
export function humanTime(value: DateTime): string {
  const text = value.setLocale('en-US').toFormat("cccc, LLLL d, yyyy 'at' h:mm a ZZZZ");
  return value.zone.type === 'iana' && value.zoneName !== 'UTC' ? `${text} (${value.zoneName})` : text;
}
