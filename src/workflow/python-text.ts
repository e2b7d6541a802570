/**
 * @module workflow/python-text
 * The Python text forms that the product data sets' official scorer (`score.py`, beside the data)
 * compares and prints: `repr` of strings, floats and containers, `str.strip`, `float()`,
 * `round(x, n)`, `format(x, '.3f')` and `json.dumps(sort_keys=True)`.
 *
 * NOTE: score.py compares canonical node signatures as *strings* built from these reprs. Building
 * the same strings here is what makes two plans equal in TypeScript exactly when they are equal for
 * score.py (a Python `0.0078125` rounds to `0.007812`, not `0.007813`; `-0.0` and `0.0` are two
 * signatures), and it lets `--show` print the lines score.py prints.
 */

/** Characters Python's `str.isspace()` is true for (Unicode Zs, and bidi classes WS, B, S). */
const PY_SPACE = new Set(
  [0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x1c, 0x1d, 0x1e, 0x1f, 0x20, 0x85, 0xa0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000]
    .concat(Array.from({ length: 11 }, (_, i) => 0x2000 + i))
    .map((c) => String.fromCodePoint(c)),
);

/**
 * Python's `s.strip(chars)` (whitespace when `chars` is absent), by code point.
 * @example
 * pyStrip('\u00a0 "x" ', ' "\u00a0'); // 'x'
 */
export function pyStrip(s: string, chars?: string): string {
  const drop = chars === undefined ? PY_SPACE : new Set(Array.from(chars));
  const cps = Array.from(s);
  let start = 0;
  let end = cps.length;
  while (start < end && drop.has(cps[start]!)) start++;
  while (end > start && drop.has(cps[end - 1]!)) end--;
  return cps.slice(start, end).join('');
}

/**
 * Python's `s.rstrip(chars)`.
 * @example
 * pyRstrip('done?!', '.!?'); // 'done'
 */
export function pyRstrip(s: string, chars: string): string {
  const drop = new Set(Array.from(chars));
  const cps = Array.from(s);
  let end = cps.length;
  while (end > 0 && drop.has(cps[end - 1]!)) end--;
  return cps.slice(0, end).join('');
}

const ND = /\p{Nd}/u;

/**
 * The value of a Unicode decimal digit (category Nd). Unicode lays every set of decimal digits out
 * as contiguous runs of ten, zero first, so the value is the distance from the start of the
 * contiguous Nd range, modulo 10.
 */
function decimalValue(ch: string): number {
  let cp = ch.codePointAt(0)!;
  const at = cp;
  while (cp > 0 && ND.test(String.fromCodePoint(cp - 1))) cp--;
  return (at - cp) % 10;
}

const PY_FLOAT = /^[+-]?(?:(?:\d(?:_?\d)*)?\.\d(?:_?\d)*|\d(?:_?\d)*\.?)(?:[eE][+-]?\d(?:_?\d)*)?$/;
const PY_INF_NAN = /^([+-]?)(inf|infinity|nan)$/i;

/**
 * Python's `float(s)`, or undefined where Python raises ValueError. Accepts what Python does:
 * surrounding whitespace, a sign, `_` between digits, any Unicode decimal digits, `inf`,
 * `infinity` and `nan` in any case.
 * @example
 * pyFloat(' 1_000.5 '); // 1000.5
 * pyFloat('5 km'); // undefined
 */
export function pyFloat(s: string): number | undefined {
  let ascii = '';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (cp < 128) ascii += ch;
    else if (PY_SPACE.has(ch)) ascii += ' ';
    else if (ND.test(ch)) ascii += String(decimalValue(ch));
    else return undefined;
  }
  ascii = ascii.replace(/^[ \t\n\r\v\f]+|[ \t\n\r\v\f]+$/g, '');
  const special = PY_INF_NAN.exec(ascii);
  if (special) {
    if (special[2]!.toLowerCase() === 'nan') return NaN;
    return special[1] === '-' ? -Infinity : Infinity;
  }
  if (!PY_FLOAT.test(ascii)) return undefined;
  return Number(ascii.replace(/_/g, ''));
}

/**
 * `x` rounded to `digits` decimals as Python's `'%.Nf'` does: correctly rounded from the exact
 * binary value, exact ties to even (JavaScript's `toFixed` breaks ties away from zero).
 * @example
 * pyFixed(0.0625, 3); // '0.062' ((0.0625).toFixed(3) is '0.063')
 */
export function pyFixed(x: number, digits: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  const sign = x < 0 || Object.is(x, -0) ? '-' : '';
  const a = Math.abs(x);
  if (a >= 1e21) return sign + BigInt(a).toString() + (digits > 0 ? `.${'0'.repeat(digits)}` : '');
  let text = a.toFixed(digits);
  // A tie is exactly halfway between two decimals: a * 2^(digits+1) is then an odd integer.
  const scaled = a * 2 ** (digits + 1);
  const last = text.charCodeAt(text.length - 1) - 48;
  if (Number.isInteger(scaled) && scaled % 2 === 1 && last % 2 === 1) {
    text = text.slice(0, -1) + String(last - 1);
  }
  return sign + text;
}

/**
 * Python's `round(x, digits)` for a float.
 * @example
 * pyRound(0.0078125, 6); // 0.007812 (Python rounds the tie to even)
 */
export function pyRound(x: number, digits: number): number {
  if (!Number.isFinite(x)) return x;
  return Number(pyFixed(x, digits));
}

/**
 * Python's `repr(x)` of a float: the shortest digits that read back as `x`, written with an
 * exponent when the decimal point falls before the 4th zero or after the 16th digit.
 * @example
 * pyFloatRepr(50); // '50.0'
 * pyFloatRepr(1e-6); // '1e-06'
 */
export function pyFloatRepr(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const sign = x < 0 ? '-' : '';
  // JavaScript's shortest round-trip digits, then placed the Python way.
  const [mantissa, exp] = Math.abs(x).toExponential().split('e') as [string, string];
  const digits = mantissa.replace('.', '');
  const decpt = Number(exp) + 1;
  if (decpt > -4 && decpt <= 16) {
    if (decpt <= 0) return `${sign}0.${'0'.repeat(-decpt)}${digits}`;
    if (decpt >= digits.length) return `${sign}${digits}${'0'.repeat(decpt - digits.length)}.0`;
    return `${sign}${digits.slice(0, decpt)}.${digits.slice(decpt)}`;
  }
  const e = decpt - 1;
  const rest = digits.length > 1 ? `.${digits.slice(1)}` : '';
  return `${sign}${digits[0]}${rest}e${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
}

const NOT_PRINTABLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]/u;
const hex = (cp: number, width: number) => cp.toString(16).padStart(width, '0');

/**
 * Python's `repr(s)` of a string: single quotes unless the text holds a `'` and no `"`,
 * backslash escapes for the quote, `\`, control and unprintable characters.
 * @example
 * pyStrRepr("it's"); // "\"it's\""
 */
export function pyStrRepr(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (ch === quote || ch === '\\') out += `\\${ch}`;
    else if (ch === '\t') out += '\\t';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (cp < 0x20 || cp === 0x7f) out += `\\x${hex(cp, 2)}`;
    else if (cp < 0x7f || ch === ' ' || !NOT_PRINTABLE.test(ch)) out += ch;
    else if (cp <= 0xff) out += `\\x${hex(cp, 2)}`;
    else if (cp <= 0xffff) out += `\\u${hex(cp, 4)}`;
    else out += `\\U${hex(cp, 8)}`;
  }
  return out + quote;
}

/**
 * Code-point order, as Python sorts strings (JavaScript's default sort compares UTF-16 units).
 * @example
 * ['\uff5e', '\u{1f600}'].sort(byCodePoint); // ['～', '😀']
 */
export function byCodePoint(a: string, b: string): number {
  const x = Array.from(a);
  const y = Array.from(b);
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = x[i]!.codePointAt(0)! - y[i]!.codePointAt(0)!;
    if (d !== 0) return d;
  }
  return x.length - y.length;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * A JSON number as Python holds it after `json.loads`. NOTE: JavaScript cannot tell `5` from
 * `5.0` once parsed, so a whole number is taken as Python's int; only inside object values, which
 * go through `json.dumps`, does score.py tell the two apart.
 */
function pyNumberText(x: number): string {
  return Number.isInteger(x) ? BigInt(x).toString() : pyFloatRepr(x);
}

/**
 * Python's `repr(v)` of a JSON value (None, True, 5, 2.5, 'text', [..], {..}).
 * @example
 * pyRepr(["a(x=('s', 'b'))"]); // `["a(x=('s', 'b'))"]`
 */
export function pyRepr(v: unknown): string {
  if (v === null || v === undefined) return 'None';
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (typeof v === 'number') return pyNumberText(v);
  if (typeof v === 'string') return pyStrRepr(v);
  if (Array.isArray(v)) return `[${v.map(pyRepr).join(', ')}]`;
  if (isRecord(v)) return `{${Object.entries(v).map(([k, x]) => `${pyStrRepr(k)}: ${pyRepr(x)}`).join(', ')}}`;
  return pyStrRepr(String(v));
}

/**
 * Python's `str(v)` of a JSON value (a string is itself).
 * @example
 * pyStr(null); // 'None'
 */
export function pyStr(v: unknown): string {
  return typeof v === 'string' ? v : pyRepr(v);
}

function jsonString(s: string): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const ch = s[i]!;
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\b') out += '\\b';
    else if (ch === '\f') out += '\\f';
    else if (c < 0x20 || c > 0x7e) out += `\\u${hex(c, 4)}`;
    else out += ch;
  }
  return `${out}"`;
}

/**
 * Python's `json.dumps(v, sort_keys=True)`: `", "` and `": "` separators, non-ASCII escaped,
 * keys in code-point order.
 * @example
 * pyJsonDumps({ b: 1, a: [true, null] }); // '{"a": [true, null], "b": 1}'
 */
export function pyJsonDumps(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number') {
    if (Number.isNaN(v)) return 'NaN';
    if (!Number.isFinite(v)) return v > 0 ? 'Infinity' : '-Infinity';
    return pyNumberText(v);
  }
  if (typeof v === 'string') return jsonString(v);
  if (Array.isArray(v)) return `[${v.map(pyJsonDumps).join(', ')}]`;
  if (isRecord(v)) {
    const keys = Object.keys(v).sort(byCodePoint);
    return `{${keys.map((k) => `${jsonString(k)}: ${pyJsonDumps(v[k])}`).join(', ')}}`;
  }
  return jsonString(String(v));
}

/**
 * Python truthiness of a JSON value (`0`, `""`, `[]`, `{}`, `false` and `null` are false).
 * @example
 * pyTruthy([]); // false
 */
export function pyTruthy(v: unknown): boolean {
  if (Array.isArray(v)) return v.length > 0;
  if (isRecord(v)) return Object.keys(v).length > 0;
  return Boolean(v);
}
