/**
 * @module planner/values/zones
 * Places and zone names that stand for a time zone, read with the time-zone database of `@vvo/tzdb`
 * (every IANA zone with its main cities, country and names): "Tokyo" → Asia/Tokyo, "New York" →
 * America/New_York, "India time" → Asia/Kolkata, "PST" → America/Los_Angeles, "UTC" → UTC. A name
 * already read as a name keeps its kind and gains the reading (a city input still gets "Tokyo"); a
 * zone written otherwise ("london time", "PST") becomes a name span of its own.
 *
 * Which way a zone goes, for a conversion: written right after a time ("09:30 London time", "22:15
 * UTC") or after "from", it is the zone that time is in (`source`); otherwise the zone to tell the
 * time in (`target`: "in Tokyo", "to India time").
 */
import { getTimeZones } from '@vvo/tzdb';
import type { Span, SpanCollector } from './span.ts';

let places: Map<string, string> | undefined;

/** Lower-case place or zone name → IANA zone. Cities and zone names first; a country only when it has one zone. */
function placeTable(): Map<string, string> {
  if (places) return places;
  const table = new Map<string, string>();
  const set = (name: string, zone: string) => {
    const key = name.toLowerCase().replace(/_/g, ' ');
    if (key && !table.has(key)) table.set(key, zone);
  };
  const zones = getTimeZones({ includeUtc: true });
  const perCountry = new Map<string, number>();
  for (const z of zones) perCountry.set(z.countryName, (perCountry.get(z.countryName) ?? 0) + 1);
  // The city a zone is named for first ("Sydney" is Australia/Sydney, though Nova Scotia has one too).
  for (const z of zones) for (const name of [z.name, ...z.group]) set(name.split('/').at(-1)!, z.name);
  for (const z of zones) for (const city of z.mainCities) set(city, z.name);
  for (const z of zones) {
    set(z.alternativeName, z.name);
    if (perCountry.get(z.countryName) === 1) set(z.countryName, z.name);
  }
  // Abbreviations: the most populous zone that uses one goes first in tzdb's own order.
  for (const z of zones) for (const a of [z.abbreviation, z.currentAbbreviation]) if (/^[A-Z]{3,5}$/.test(a) && !table.has(a.toLowerCase())) table.set(a.toLowerCase(), z.name);
  for (const [standard, daylight, zone] of ABBREVIATION_PAIRS) {
    table.set(standard, zone);
    table.set(daylight, zone);
  }
  table.set('utc', 'UTC');
  table.set('gmt', 'UTC');
  table.set('zulu', 'UTC');
  return (places = table);
}

/** North American zone abbreviations people write in either season (tzdb lists only the current one). */
const ABBREVIATION_PAIRS: [string, string, string][] = [
  ['pst', 'pdt', 'America/Los_Angeles'],
  ['mst', 'mdt', 'America/Denver'],
  ['cst', 'cdt', 'America/Chicago'],
  ['est', 'edt', 'America/New_York'],
];

/** The IANA zone a written place or zone name stands for, or undefined. */
export function zoneOf(written: string): string | undefined {
  const key = written.trim().toLowerCase().replace(/\s+time$/, '');
  return placeTable().get(key);
}

/** Three-letter words that are zone abbreviations only in capitals ("est" is Latin, "ist" German). */
const CAPITALS = /^[A-Z]{3,5}$/;

export interface ZoneOptions {
  /** Whether a lower-case word is an everyday English word ("get", "cat"): then its capitals are no zone abbreviation. */
  isCommonWord?: (lower: string) => boolean;
}

export function readZones(found: SpanCollector, options: ZoneOptions = {}): void {
  const { text } = found;
  // Names already read: those that are places gain their zone.
  for (const span of found.spans) {
    if (span.kind === 'name') {
      const zone = zoneOf(String(span.value));
      if (zone) Object.assign(span, { zone, role: zoneRole(text, span, found.spans) });
    }
  }
  // "london time", "India Time", "PST", "UTC": zones not written as a capitalised name.
  for (const m of text.matchAll(/\b([A-Za-z]+(?: [A-Za-z]+){0,2}) time\b|\b[A-Z]{3,5}\b/g)) {
    const written = m[1] ?? m[0];
    const start = m.index!;
    const abbreviation = written === m[0];
    // "GET https://…" is no Georgia Time: capitals of an everyday word are that word.
    if (abbreviation && (!CAPITALS.test(written) || options.isCommonWord?.(written.toLowerCase()))) continue;
    const zone = longestZone(written);
    if (!zone) continue;
    const at = start + written.length - zone.written.length;
    const span = found.add('name', zone.written, at, at + zone.written.length, { zone: zone.zone });
    if (span) span.role = zoneRole(text, span, found.spans);
  }
  // "what time is it in tokyo rn": a city written in lower case, where a place goes (after "in",
  // "to", "from"), and no everyday word ("in reading", "to mobile").
  for (const m of text.matchAll(/\b(?:in|to|from)\s+([a-z]+(?: [a-z]+)?)\b/g)) {
    const zone = [m[1]!, m[1]!.split(' ')[0]!].map((w) => ({ w, zone: zoneOf(w) })).find((z) => z.zone && !options.isCommonWord?.(z.w));
    if (!zone) continue;
    const at = m.index! + m[0].length - m[1]!.length;
    const span = found.add('name', zone.w, at, at + zone.w.length, { zone: zone.zone });
    if (span) span.role = zoneRole(text, span, found.spans);
  }
}

/** The longest ending of a few words that names a zone ("standup is London" → "London"). */
function longestZone(words: string): { written: string; zone: string } | undefined {
  const parts = words.split(' ');
  for (let i = 0; i < parts.length; i++) {
    const written = parts.slice(i).join(' ');
    const zone = zoneOf(written);
    if (zone) return { written, zone };
  }
  return undefined;
}

function zoneRole(text: string, span: Span, spans: Span[]): 'source' | 'target' {
  const before = text.slice(Math.max(0, span.start - 6), span.start);
  if (/\bfrom\s+$/i.test(before)) return 'source';
  // Right after a written time: the zone that time is in.
  const previous = spans.filter((s) => s.end <= span.start).sort((a, b) => b.end - a.end)[0];
  if (previous?.kind === 'datetime' && /^\s*(?:in\s+)?$/.test(text.slice(previous.end, span.start))) return 'source';
  return 'target';
}
