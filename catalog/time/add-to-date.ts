/** AddToDate: adds (or, with a negative amount, subtracts) days, weeks, months, years, hours or minutes. */
import { isoOf, parseDate } from './dates.ts';

const UNITS = ['days', 'weeks', 'months', 'years', 'hours', 'minutes'] as const;
type Unit = (typeof UNITS)[number];

export async function addToDate({ date, amount, unit = 'days' }: { date: string; amount: number; unit?: Unit }) {
  if (!UNITS.includes(unit)) throw new Error(`unit "${unit}" is not one of ${UNITS.join(', ')}`);
  const parsed = parseDate(date, 'UTC', 'date');
  // Month and year steps clamp to the last day of a shorter month (Jan 31 + 1 month = Feb 29 in 2024).
  const result = parsed.value.plus({ [unit]: amount });
  const keepDateOnly = parsed.dateOnly && unit !== 'hours' && unit !== 'minutes';
  return { date: keepDateOnly ? result.toISODate()! : isoOf(result) };
}
