/**
 * @module workflow/iso-datetime
 * Python 3.11's `datetime.fromisoformat` (its C implementation) followed by `.isoformat()`, for
 * the product scorer's date rule: `2026-12-31T08:00Z` and `2026-12-31T08:00:00+00:00` are one
 * value, `2026-W53-4` is `2026-12-31`.
 *
 * NOTE: this is a port, not an ISO 8601 reader of our own. score.py accepts exactly what Python's
 * parser accepts (any single character between date and time, `HHMM` without colons, week dates,
 * offsets with seconds; no `24:00`, no year 0), and only the same rules give the same verdicts.
 * The C code reads UTF-8 bytes with a NUL after the end, so this port does too.
 */

const MINYEAR = 1;
const MAXYEAR = 9999;
const DAYS_IN_MONTH = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const DAYS_BEFORE_MONTH = [0, 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];
const DI4Y = 1461;
const DI100Y = 36524;
const DI400Y = 146097;

/** C integer division and remainder (truncating toward zero). */
const cdiv = (a: number, b: number) => Math.trunc(a / b);
const cmod = (a: number, b: number) => a - cdiv(a, b) * b;

const isLeap = (y: number) => y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
const daysInMonth = (y: number, m: number) => (m === 2 && isLeap(y) ? 29 : DAYS_IN_MONTH[m]!);
const daysBeforeYear = (y: number) => {
  const p = y - 1;
  return p * 365 + cdiv(p, 4) - cdiv(p, 100) + cdiv(p, 400);
};
const ymdToOrd = (y: number, m: number, d: number) => daysBeforeYear(y) + DAYS_BEFORE_MONTH[m]! + (m > 2 && isLeap(y) ? 1 : 0) + d;

function ordToYmd(ordinal: number): [number, number, number] {
  let n = ordinal - 1;
  const n400 = cdiv(n, DI400Y);
  n = cmod(n, DI400Y);
  let year = n400 * 400 + 1;
  const n100 = cdiv(n, DI100Y);
  n = cmod(n, DI100Y);
  const n4 = cdiv(n, DI4Y);
  n = cmod(n, DI4Y);
  const n1 = cdiv(n, 365);
  n = cmod(n, 365);
  year += n100 * 100 + n4 * 4 + n1;
  if (n1 === 4 || n100 === 4) return [year - 1, 12, 31];
  const leap = n1 === 3 && (n4 !== 24 || n100 === 3);
  let month = (n + 50) >> 5;
  let preceding = DAYS_BEFORE_MONTH[month]! + (month > 2 && leap ? 1 : 0);
  if (preceding > n) {
    month -= 1;
    preceding -= daysInMonth(year, month);
  }
  return [year, month, n - preceding + 1];
}

function isoWeekToYmd(year: number, week: number, day: number): [number, number, number] | undefined {
  if (year < MINYEAR || year > MAXYEAR) return undefined;
  if (week <= 0 || week >= 53) {
    const firstWeekday = cmod(ymdToOrd(year, 1, 1) + 6, 7);
    if (!(week === 53 && (firstWeekday === 3 || (firstWeekday === 2 && isLeap(year))))) return undefined;
  }
  if (day <= 0 || day >= 8) return undefined;
  const firstDay = ymdToOrd(year, 1, 1);
  const firstWeekday = cmod(firstDay + 6, 7);
  let week1Monday = firstDay - firstWeekday;
  if (firstWeekday > 3) week1Monday += 7;
  return ordToYmd(week1Monday + (week - 1) * 7 + day - 1);
}

/** The bytes of the string and a reader that gives 0 past the end, like a C string. */
class Bytes {
  constructor(readonly b: Uint8Array) {}
  at(i: number): number {
    return i >= 0 && i < this.b.length ? this.b[i]! : 0;
  }
  isDigit(i: number): boolean {
    const c = this.at(i);
    return c >= 48 && c <= 57;
  }
  /** `n` ASCII digits from `i`, or undefined. */
  digits(i: number, n: number): number | undefined {
    let v = 0;
    for (let k = 0; k < n; k++) {
      if (!this.isDigit(i + k)) return undefined;
      v = v * 10 + this.at(i + k) - 48;
    }
    return v;
  }
}

const ch = (c: string) => c.charCodeAt(0);

function findSeparator(s: Bytes, len: number): number {
  if (len === 7) return 7;
  if (s.at(4) === ch('-')) {
    if (s.at(5) !== ch('W')) return 10;
    if (len < 8) return -1;
    if (len > 8 && s.at(8) === ch('-')) {
      if (len === 9) return -1;
      return len > 10 && s.isDigit(10) ? 8 : 10;
    }
    return 8;
  }
  if (s.at(4) === ch('W')) {
    let idx = 7;
    while (idx < len && s.isDigit(idx)) idx++;
    if (idx < 9) return idx;
    return idx % 2 === 0 ? 7 : 8;
  }
  return 8;
}

function parseDate(s: Bytes, len: number): [number, number, number] | undefined {
  const year = s.digits(0, 4);
  if (year === undefined) return undefined;
  let p = 4;
  const dash = s.at(p) === ch('-');
  if (dash) p++;
  if (s.at(p) === ch('W')) {
    p++;
    const week = s.digits(p, 2);
    if (week === undefined) return undefined;
    p += 2;
    let day = 1;
    if (p < len) {
      if (dash && s.at(p++) !== ch('-')) return undefined;
      const d = s.digits(p, 1);
      if (d === undefined) return undefined;
      day = d;
    }
    return isoWeekToYmd(year, week, day);
  }
  const month = s.digits(p, 2);
  if (month === undefined) return undefined;
  p += 2;
  if (dash && s.at(p++) !== ch('-')) return undefined;
  const day = s.digits(p, 2);
  if (day === undefined) return undefined;
  return [year, month, day];
}

interface Clock {
  rv: number;
  h: number;
  m: number;
  s: number;
  us: number;
}

const CORRECTION = [100000, 10000, 1000, 100, 10];

/** `HH[:?MM[:?SS[{.,}ffffff]]]` between `start` and `end`; rv < 0 on error, 1 when text follows. */
function parseClock(s: Bytes, start: number, end: number): Clock {
  const vals = [0, 0, 0];
  let p = start;
  let colons = true;
  for (let i = 0; i < 3; i++) {
    const v = s.digits(p, 2);
    if (v === undefined) return { rv: -3, h: 0, m: 0, s: 0, us: 0 };
    vals[i] = v;
    p += 2;
    const c = s.at(p++);
    if (i === 0) colons = c === ch(':');
    if (p >= end) return { rv: c !== 0 ? 1 : 0, h: vals[0]!, m: vals[1]!, s: vals[2]!, us: 0 };
    if (colons && c === ch(':')) continue;
    if (c === ch('.') || c === ch(',')) break;
    if (!colons) p--;
    else return { rv: -4, h: 0, m: 0, s: 0, us: 0 };
  }
  // Here p < end, so at least one fraction digit is read (as in C, also after a third colon).
  const toParse = Math.min(end - p, 6);
  let us = s.digits(p, toParse);
  if (us === undefined) return { rv: -3, h: 0, m: 0, s: 0, us: 0 };
  p += toParse;
  if (toParse < 6) us *= CORRECTION[toParse - 1]!;
  while (s.isDigit(p)) p++;
  return { rv: s.at(p) !== 0 ? 1 : 0, h: vals[0]!, m: vals[1]!, s: vals[2]!, us };
}

interface Parsed {
  date: [number, number, number];
  time: [number, number, number];
  /** Offset in microseconds east of UTC; undefined for a naive time. */
  offsetUs?: number;
}

function parseTime(s: Bytes, start: number, len: number): { rv: number; time: [number, number, number]; offsetUs?: number } {
  const end = start + len;
  let tz = start;
  do {
    const c = s.at(tz);
    if (c === ch('Z') || c === ch('+') || c === ch('-')) break;
  } while (++tz < end);
  const clock = parseClock(s, start, tz);
  const time: [number, number, number] = [clock.h, clock.m, clock.s];
  if (clock.rv < 0) return { rv: clock.rv, time };
  if (tz === end) return { rv: clock.rv === 1 ? -5 : 0, time };
  if (s.at(tz) === ch('Z')) return { rv: s.at(tz + 1) !== 0 ? -5 : 1, time, offsetUs: 0 };
  const sign = s.at(tz) === ch('-') ? -1 : 1;
  const off = parseClock(s, tz + 1, end);
  const seconds = sign * (off.h * 3600 + off.m * 60 + off.s);
  // NOTE: CPython makes a zero-second offset UTC even when it carries microseconds.
  const offsetUs = seconds === 0 ? 0 : seconds * 1e6 + sign * off.us;
  return { rv: off.rv !== 0 ? -5 : 1, time, offsetUs };
}

function isSurrogate(c: string): boolean {
  const u = c.charCodeAt(0);
  return c.length === 1 && u >= 0xd800 && u <= 0xdfff;
}

function fromIsoFormat(text: string): Parsed | undefined {
  const cps = Array.from(text);
  if (cps.length < 7) return undefined;
  // CPython allows one lone surrogate, as the separator (positions 7, 8 or 10); any other cannot
  // be encoded as UTF-8 and fails.
  for (const pos of [7, 8, 10]) {
    if (pos > cps.length) break;
    if (pos < cps.length && isSurrogate(cps[pos]!)) {
      cps[pos] = 'T';
      break;
    }
  }
  if (cps.some(isSurrogate)) return undefined;
  const s = new Bytes(new TextEncoder().encode(cps.join('')));
  const len = s.b.length;
  const sep = findSeparator(s, len);
  if (sep < 0) return undefined;
  const date = parseDate(s, sep);
  if (!date) return undefined;
  let time: [number, number, number] = [0, 0, 0];
  let offsetUs: number | undefined;
  if (len > sep) {
    const lead = s.at(sep);
    const width = (lead & 0x80) === 0 ? 1 : (lead & 0xf0) === 0xe0 ? 3 : (lead & 0xf0) === 0xf0 ? 4 : 2;
    const p = sep + width;
    const parsed = parseTime(s, p, len - p);
    if (parsed.rv < 0) return undefined;
    time = parsed.time;
    if (parsed.rv === 1) offsetUs = parsed.offsetUs;
  }
  const [y, mo, d] = date;
  const [h, mi, se] = time;
  if (y < MINYEAR || y > MAXYEAR || mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return undefined;
  if (h > 23 || mi > 59 || se > 59) return undefined;
  if (offsetUs !== undefined && Math.abs(offsetUs) >= 86400e6) return undefined;
  return { date, time, offsetUs };
}

const two = (n: number) => String(n).padStart(2, '0');

function offsetText(us: number): string {
  const sign = us < 0 ? '-' : '+';
  const a = Math.abs(us);
  const micro = a % 1e6;
  const total = (a - micro) / 1e6;
  const [h, m, s] = [Math.floor(total / 3600), Math.floor(total / 60) % 60, total % 60];
  if (micro) return `${sign}${two(h)}:${two(m)}:${two(s)}.${String(micro).padStart(6, '0')}`;
  if (s) return `${sign}${two(h)}:${two(m)}:${two(s)}`;
  return `${sign}${two(h)}:${two(m)}`;
}

/**
 * What score.py makes of a date-looking string: Python's
 * `datetime.fromisoformat(text).replace(microsecond=0).isoformat()`, or only the date part when
 * `dateOnly`; undefined where Python raises ValueError.
 * @example
 * isoNormal('2026-12-31 08:00Z'.replace('Z', '+00:00'), false); // '2026-12-31T08:00:00+00:00'
 * isoNormal('2026-W53-4', true); // '2026-12-31'
 */
export function isoNormal(text: string, dateOnly: boolean): string | undefined {
  const parsed = fromIsoFormat(text);
  if (!parsed) return undefined;
  const [y, mo, d] = parsed.date;
  const date = `${String(y).padStart(4, '0')}-${two(mo)}-${two(d)}`;
  if (dateOnly) return date;
  const [h, mi, s] = parsed.time;
  return `${date}T${two(h)}:${two(mi)}:${two(s)}${parsed.offsetUs === undefined ? '' : offsetText(parsed.offsetUs)}`;
}
