/**
 * @module planner/values/numbers
 * Numbers and amounts: "200", "$200", "1,500", "3.25", "5-star", counts spelled out before what they
 * count ("two tickets", "in one sentence"), sizes in pixels ("640px", "300 px"), width × height
 * ("1200x630"), and codes of digit groups ("978-0-575-09245-5"), which are not numbers.
 */
import type { SpanCollector } from './span.ts';

const NUMBER_WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20,
};

/** "1200x630", "1920 × 1080 px": width first, then height (how sizes are written everywhere). */
const DIMENSIONS = /(?<![\w.])(\d{1,5})\s?[x×]\s?(\d{1,5})(?:\s?px\b)?/gi;
const PIXELS = /(?<![\w.])(\d{1,5})\s?(?:px|pixels?)\b/gi;
/** "+1 415 555 0134", "(415) 555-0134": a phone number, written with spaces, dots or dashes. */
const PHONE = /(?<![\w+])\+?\d[\d().-]*(?:[ .-]\(?\d+\)?){2,}(?![\w])/g;
const MIN_PHONE_DIGITS = 8;
/** Codes of digit groups (ISBNs, phone numbers) before plain numbers; digits glued to a word by a hyphen ("COVID-19") are neither. */
const DIGIT_GROUPS = /(?<![\w-])\d+(?:-\d+){2,}(?![\w-])/g;
/** A number may lead a hyphenated unit ("a 5-star hotel", "a 3-day trip"): the unit is the word after it. */
const NUMBER = /(?<![\w.-])(?:[$€£¥]\s?)?\d+(?:[.,]\d+)*(?:\s?(?:%|k|m|gb|mb|kb|tb))?(?!\w|-[^a-z])/gi;
/**
 * Counts spelled out before what they count ("two tickets", "one sentence"); a capitalised one is
 * part of a name ("Eleven Madison Park"), and "one" before a word that is not a noun ("one for …",
 * "one of") is a pronoun.
 */
const SPELLED = new RegExp(`\\b(${Object.keys(NUMBER_WORDS).join('|')})\\b(?= ([a-z]+))`, 'g');
const NOT_COUNTED = new Set(['of', 'for', 'more', 'other', 'another', 'and', 'or', 'to', 'is', 'was', 'that', 'which', 'who', 'by', 'at', 'in', 'on', 'with', 'from', 'per', 'the', 'a', 'an']);

export function numberValue(text: string): string | number {
  const spelled = NUMBER_WORDS[text.toLowerCase()];
  if (spelled !== undefined) return spelled;
  const bare = text.replace(/^[$€£¥]\s?/, '').replace(/,(?=\d{3}\b)/g, '');
  return /^\d+(\.\d+)?$/.test(bare) ? Number(bare) : text;
}

export function readNumbers(found: SpanCollector): void {
  for (const m of found.text.matchAll(DIMENSIONS)) {
    if (found.overlaps(m.index!, m.index! + m[0].length)) continue;
    const group = found.group();
    const widthEnd = m.index! + m[1]!.length;
    const heightStart = m.index! + m[0].indexOf(m[2]!, m[1]!.length);
    found.add('number', Number(m[1]), m.index!, widthEnd, { dimension: 'width', group });
    found.add('number', Number(m[2]), heightStart, heightStart + m[2]!.length, { dimension: 'height', group });
  }
  for (const m of found.text.matchAll(PIXELS)) {
    found.add('number', Number(m[1]), m.index!, m.index! + m[0].length, { measure: 'pixels' });
  }
  for (const m of found.text.matchAll(DIGIT_GROUPS)) found.add('code', m[0], m.index!, m.index! + m[0].length);
  for (const m of found.text.matchAll(PHONE)) {
    if ((m[0].match(/\d/g) ?? []).length >= MIN_PHONE_DIGITS) found.add('code', m[0].trim(), m.index!, m.index! + m[0].trim().length, { form: 'phone' });
  }
  for (const m of found.text.matchAll(NUMBER)) {
    const raw = m[0];
    // "$15" is money and "20%" a percentage: amounts of their own kind, never an id.
    const measure = /^[$€£¥]/.test(raw) ? 'money' : /%$/.test(raw) ? 'percent' : undefined;
    const value = measure === 'percent' ? Number(raw.replace(/\s?%$/, '')) : numberValue(raw);
    found.add('number', value, m.index!, m.index! + raw.length, measure ? { measure } : {});
  }
  for (const m of found.text.matchAll(SPELLED)) {
    if (m[1] === 'one' && NOT_COUNTED.has(m[2]!)) continue;
    found.add('number', NUMBER_WORDS[m[1]!]!, m.index!, m.index! + m[1]!.length);
  }
}
