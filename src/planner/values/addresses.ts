/**
 * @module planner/values/addresses
 * Values with a form of their own: quoted text, URLs, e-mail addresses, #channels, @handles and
 * JSONPath expressions. A quoted address or link is still an address or link.
 */
import type { BlockForm, SpanCollector } from './span.ts';

const QUOTED = /(^|[\s(\[{:,])(['"‘“])(.+?)(['"’”])(?=$|[\s)\]}.,;:!?'s])/g;
const URL = /\bhttps?:\/\/[^\s"'<>]+[^\s"'<>.,;:!?)]/g;
const EMAIL = /\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b/g;
/** "#general", "#eng-leads"; "#48213" is a number people write with a hash (a ticket), not a channel. */
const CHANNEL = /(?<![\w&])#(?=[\w.-]*[a-z])[a-z0-9][\w.-]*\b/gi;
const HANDLE = /(?<![\w])@[a-z0-9][\w.-]*\b/gi;
/** "$.data.version", "$.items[*].name", "$['a b']". */
const JSON_PATH = /(?<![\w$])\$(?:\.[\w-]+|\[[^\]\s]*\])+/g;

/** 'Quoted' and "quoted" values; a quoted address or link is still an address or link. */
export function readQuoted(found: SpanCollector): void {
  for (const m of found.text.matchAll(QUOTED)) {
    const start = m.index! + m[1]!.length + 1;
    const inner = m[3]!.trim();
    const kind = /^[\w.+-]+@[\w-]+(\.[\w-]+)+$/.test(inner) ? 'email' : /^https?:\/\/\S+$/.test(inner) ? 'url' : 'quoted';
    if (inner && inner.length < MAX_QUOTED) found.add(kind, inner, start, start + m[3]!.length);
  }
}
/** A quote longer than this is more likely an apostrophe pairing up with a later one than a value. */
const MAX_QUOTED = 400;

/** What a link's file name says it gives: JSON, rows of CSV, or text (a page, a document, a script). */
export function linkForm(url: string): BlockForm | undefined {
  const path = url.replace(/[?#].*$/, '').toLowerCase();
  if (/\.json$/.test(path)) return 'json';
  if (/\.(csv|tsv)$/.test(path)) return 'csv';
  if (/\.(txt|md|markdown|html?|sh|log|ya?ml|xml|rst|py|js|ts)$/.test(path)) return 'text';
  return undefined;
}

export function readAddresses(found: SpanCollector): void {
  for (const span of found.spans) if (span.kind === 'url') span.form = linkForm(String(span.value));
  for (const [kind, pattern] of [
    ['channel', CHANNEL],
    ['mention', HANDLE],
    ['email', EMAIL],
    ['url', URL],
    ['path', JSON_PATH],
  ] as const) {
    for (const m of found.text.matchAll(pattern)) {
      const span = found.add(kind, m[0], m.index!, m.index! + m[0].length);
      if (span && kind === 'url') span.form = linkForm(m[0]);
    }
  }
}
