/** DayOfWeek: the weekday name (Monday...Sunday) of a date. */
import { parseDate } from './dates.ts';

export async function dayOfWeek({ date }: { date: string }) {
  // A date with an offset is read in that offset, so "2024-03-10T23:30-05:00" is still a Sunday.
  return { weekday: parseDate(date, 'UTC', 'date').value.setLocale('en-US').toFormat('cccc') };
}
