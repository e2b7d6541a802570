/**
 * @module workflow/canonical-value
 * The form in which the product scorer compares a stated value (score.py's `norm_value`), so that
 * what a person types and what a function receives meet: `#eng`, `<#C1|eng>` and `ENG` are `eng`;
 * `"5"` and `5` are the number 5; `2026-12-31T08:00Z` is `2026-12-31T08:00:00+00:00`.
 *
 * A value becomes a tagged form: `b` boolean, `n` number, `d` ISO date or date-time, `s` text,
 * `l` list of forms, `j` anything else as lower-cased sorted JSON. Its {@link valueRepr} is the
 * Python repr score.py embeds in a node signature, e.g. `('s', 'eng')` or `('n', 640.0)`.
 */
import { isoNormal } from './iso-datetime.ts';
import { pyFloat, pyFloatRepr, pyJsonDumps, pyRound, pyRstrip, pyStrip, pyStrRepr } from './python-text.ts';

export type CanonicalValue =
  | { tag: 'b'; value: boolean }
  | { tag: 'n'; value: number }
  | { tag: 'd' | 's' | 'j'; value: string }
  | { tag: 'l'; items: CanonicalValue[] };

/** Quotes a person may put around a value: straight and curly, single and double. */
const QUOTES = '"\'“”‘’';
/** Numbers are compared to six decimals, as score.py does. */
const DECIMALS = 6;
/** `<@U1>`, `<#C1|eng>`, `<https://x|label>`, `<!here>`: Slack's markup for mentions, channels, links. */
const SLACK_MARKUP = /^<([@#!])?([^|>]+)(?:\|([^>]*))?>$/u;

function canonicalText(value: string): CanonicalValue {
  let s = pyStrip(pyStrip(pyStrip(value), QUOTES));
  const number = pyFloat(s);
  if (number !== undefined) return { tag: 'n', value: pyRound(number, DECIMALS) };
  const cps = Array.from(s);
  if (cps.length >= 10 && /^[0-9]{4}-/.test(s)) {
    // NOTE: only ASCII digits can start a date Python reads, so the `isdigit` test of score.py
    // (true for other digits too) ends the same way.
    const date = isoNormal(s.replaceAll('Z', '+00:00'), cps.length <= 10);
    if (date !== undefined) return { tag: 'd', value: date };
  }
  const markup = SLACK_MARKUP.exec(s);
  if (markup) s = markup[1] === '#' ? markup[3] || markup[2]! : markup[2]!;
  s = s.toLowerCase();
  if (s.startsWith('#') || s.startsWith('@')) s = s.slice(1);
  return { tag: 's', value: pyRstrip(s, '.!?') };
}

/**
 * The canonical form of a value, as score.py's `norm_value`: text is stripped of surrounding
 * spaces and quotes, read as a number when it is one, as an ISO date (`YYYY-…`, 10 characters or
 * more) when Python reads it as one; else Slack markup gives its label (channels) or its target,
 * and the text is lower-cased without a leading `#`/`@` or trailing `.`, `!`, `?`.
 * @example
 * valueRepr(canonicalValue('<#C024BE7LR|Eng-Leads>')); // "('s', 'eng-leads')"
 * valueRepr(canonicalValue(' "5" ')); // "('n', 5.0)"
 */
export function canonicalValue(value: unknown): CanonicalValue {
  if (typeof value === 'boolean') return { tag: 'b', value };
  if (typeof value === 'number') return { tag: 'n', value: pyRound(value, DECIMALS) };
  if (typeof value === 'string') return canonicalText(value);
  if (Array.isArray(value)) return { tag: 'l', items: value.map(canonicalValue) };
  return { tag: 'j', value: pyJsonDumps(value).toLowerCase() };
}

/**
 * The Python repr of a canonical form, the text score.py puts in a signature.
 * @example
 * valueRepr({ tag: 'l', items: [{ tag: 's', value: 'a' }] }); // "('l', (('s', 'a'),))"
 */
export function valueRepr(v: CanonicalValue): string {
  switch (v.tag) {
    case 'b':
      return `('b', ${v.value ? 'True' : 'False'})`;
    case 'n':
      return `('n', ${pyFloatRepr(v.value)})`;
    case 'l':
      return `('l', (${v.items.map(valueRepr).join(', ')}${v.items.length === 1 ? ',' : ''}))`;
    default:
      return `('${v.tag}', ${pyStrRepr(v.value)})`;
  }
}

/**
 * Whether two canonical forms are equal as Python tuples (how score.py tells an optional input
 * bound to its default): numbers by value, so `-0.0` equals `0.0` and NaN equals nothing.
 * @example
 * sameValue(canonicalValue('SHA256'), canonicalValue('sha256')); // true
 */
export function sameValue(a: CanonicalValue, b: CanonicalValue): boolean {
  if (a.tag !== b.tag) return false;
  if (a.tag === 'l') {
    const items = (b as typeof a).items;
    return a.items.length === items.length && a.items.every((x, i) => sameValue(x, items[i]!));
  }
  return a.value === (b as typeof a).value;
}
