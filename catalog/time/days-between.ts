/** DaysBetween: the number of calendar days from one date to another (negative when the end is earlier). */
import { DateTime } from 'luxon';
import { parseDate } from './dates.ts';

export async function daysBetween({ start_date, end_date }: { start_date: string; end_date: string }) {
  // Compare calendar dates (each in its own offset) so a 23- or 25-hour DST day still counts as one.
  const day = (text: string, field: string) =>
    DateTime.fromISO(parseDate(text, 'UTC', field).value.toISODate()!, { zone: 'UTC' });
  const days = day(end_date, 'end_date').diff(day(start_date, 'start_date'), 'days').days;
  return { days: Math.round(days) };
}
