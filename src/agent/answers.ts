/**
 * @module agent/answers
 * Reading the user's answers: cancel words, picks among choices, and values checked against the
 * input's declared type (a bad value comes back with a reason, so the question can be asked again).
 */
import type { InputSpec } from '../catalog/types.ts';
import { analyzeRequest } from '../planner/index.ts';
import { CoercionError, coerceValue } from '../workflow/values.ts';
import { DEFAULT_FILE_MAX_BYTES } from './config.ts';
import { checkFile } from './files.ts';
import type { Answer, Choice } from './types.ts';

const CANCEL = /^(cancel|stop|abort|quit|exit|never ?mind|forget it)[.!]*$/i;

/** "cancel", "stop", "never mind"… end the conversation from any question. */
export const isCancel = (answer: string): boolean => CANCEL.test(answer.trim());

/** The choice an answer picks: its number, its value, or its label (any case); undefined if none. */
export function pickChoice(answer: string, choices: Choice[]): Choice | undefined {
  const a = answer.trim().replace(/^#/, '').toLowerCase();
  const n = /^\d+$/.test(a) ? Number(a) : NaN;
  if (n >= 1 && n <= choices.length) return choices[n - 1];
  return choices.find((c) => c.value.toLowerCase() === a || c.label.toLowerCase() === a);
}

/** Days people name by word, as offsets from today (UTC). */
const RELATIVE_DAYS: Record<string, number> = { yesterday: -1, today: 0, tomorrow: 1 };

export type ValueResult = { ok: true; value: unknown } | { ok: false; error: string };

const unquote = (s: string) => s.replace(/^(["'‘“`])(.*)\1$|^[‘“](.*)[’”]$/s, (_, _q, a, b) => a ?? b);

/** What a question knows of its input: its type, its options, and for a file the types it takes. */
export type AnswerInput = Pick<InputSpec, 'name' | 'type' | 'enum'> & { accept?: string };

/**
 * Checks an answer against an input's type (and enum), turning it into the value to bind. A file
 * input takes a file (checked by `checkFile` against `accept` and `maxBytes`), and nothing else does.
 * @example
 * readValue('12', { name: 'count', type: 'integer', ... }); // { ok: true, value: 12 }
 * readValue('lots', { name: 'count', type: 'integer', ... }); // { ok: false, error: '"lots" is not an integer …' }
 */
export function readValue(answer: Answer, input: AnswerInput, now: Date = new Date(), maxBytes = DEFAULT_FILE_MAX_BYTES): ValueResult {
  if (typeof answer !== 'string') {
    if (input.type !== 'file') return { ok: false, error: `a file cannot answer this; reply with the ${input.type === 'any' ? 'value' : input.type} as text` };
    const checked = checkFile(answer, input, maxBytes);
    return checked.ok ? { ok: true, value: checked.file } : checked;
  }
  const text = unquote(answer.trim());
  if (!text) return { ok: false, error: 'the answer was empty' };
  if (input.type === 'file') return { ok: false, error: `${input.name} needs a file, not text` };
  if (input.enum) {
    const hit = input.enum.find((e) => String(e).toLowerCase() === text.toLowerCase());
    if (hit === undefined) return { ok: false, error: `"${text}" is not one of ${input.enum.map((e) => `"${e}"`).join(', ')}` };
    return { ok: true, value: hit };
  }
  if (input.type === 'date' && RELATIVE_DAYS[text.toLowerCase()] !== undefined) {
    const day = new Date(now.getTime() + RELATIVE_DAYS[text.toLowerCase()]! * 86_400_000);
    return { ok: true, value: day.toISOString().slice(0, 10) };
  }
  try {
    return { ok: true, value: coerceValue(text, input.type) };
  } catch (e) {
    if (!(e instanceof CoercionError)) throw e;
    // "$200", "about 5 km", "3 people": one stated value in a short sentence is the answer.
    const spans = analyzeRequest(text).spans.filter((s) => s.kind !== 'word');
    if (spans.length === 1) {
      try {
        return { ok: true, value: coerceValue(spans[0]!.value, input.type) };
      } catch {
        // fall through to the first reason
      }
    }
    return { ok: false, error: e.message };
  }
}
