/**
 * @module planner/values/lists
 * Several values written as one list: numbers ("42, 7, 19, 88 and 3", "(120, 135, 160)") anywhere,
 * and short items ("Ana Lopez, Bo Kim, Chen Wei", "W1, W2, W3") where the request introduces them as
 * a list (after a colon or "labelled"). A list is one value, for an input that takes a list.
 */
import type { SpanCollector } from './span.ts';

/** A number as people write it in a list: "12.5", "-3", "1,200" is not one (the comma separates). */
const NUM = String.raw`-?\d+(?:\.\d+)?`;
/** At least three numbers, separated by commas, the last possibly by "and"/"&" ("14, 2, 9 and 27"). */
const NUMBER_LIST = new RegExp(String.raw`(?<![\w.$€£-])${NUM}(?:\s*,\s*${NUM}){1,}(?:\s*,?\s*(?:and|&)\s*${NUM})?(?![\w.]|,\d)`, 'g');
/** Fewer items than this is a pair of numbers, not a list ("between 3, 4"). */
const MIN_ITEMS = 3;

export function readNumberLists(found: SpanCollector): void {
  for (const m of found.text.matchAll(NUMBER_LIST)) {
    const parts = m[0].split(/\s*(?:,|\band\b|&)\s*/).filter(Boolean);
    // "1,500,000" is one number written with thousands separators, not a list.
    if (!/\s/.test(m[0]) && parts.slice(1).every((p) => /^\d{3}$/.test(p))) continue;
    const items = parts.map(Number);
    if (items.length < MIN_ITEMS || items.some((n) => Number.isNaN(n))) continue;
    found.add('list', items, m.index!, m.index! + m[0].length);
  }
}

/** Words that introduce a list of labels or names right after them ("labelled W1, W2, W3"). */
const INTRODUCERS = /\b(?:labell?ed|labels?|named|called|items?|names?)\s*:?\s+(?=\S)/gi;

/**
 * The items of a text written as a comma list of short items ("Ana Lopez, Bo Kim and Chen Wei"), or
 * undefined when it is not one: at least two commas' worth of items, each a few words at most.
 */
export function listItems(text: string): (string | number)[] | undefined {
  const trimmed = text.trim().replace(/[.!?]+$/, '');
  if (!trimmed.includes(',') || /\n/.test(trimmed)) return undefined;
  const items = trimmed.split(/\s*,\s*(?:and\s+|&\s*)?|\s+(?:and|&)\s+(?=[^,]*$)/).map((s) => s.trim()).filter(Boolean);
  if (items.length < MIN_ITEMS || items.some((s) => s.split(/\s+/).length > MAX_ITEM_WORDS)) return undefined;
  return items.map((s) => (/^-?\d+(\.\d+)?$/.test(s) ? Number(s) : s));
}
/** An item longer than this is a clause, and the text a sentence rather than a list. */
const MAX_ITEM_WORDS = 3;

/** Lists introduced by a word that says what they are ("labelled W1, W2, W3, W4"). */
export function readIntroducedLists(found: SpanCollector): void {
  for (const m of found.text.matchAll(INTRODUCERS)) {
    const start = m.index! + m[0].length;
    // The list runs to the end of the clause: a question mark, full stop or line end.
    const rest = found.text.slice(start);
    const stop = rest.search(/[?!;\n]|\.(?:\s|$)/);
    const written = (stop < 0 ? rest : rest.slice(0, stop)).trimEnd();
    const items = listItems(written);
    if (items) found.add('list', items, start, start + written.length);
  }
}
