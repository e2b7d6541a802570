/** ConvertTimeZone: shows a date and time from one time zone in another (luxon, DST-aware). */
import { humanTime, isoOf, parseDate, resolveZone } from './dates.ts';

export async function convertTimeZone({
  datetime,
  from_zone = 'UTC',
  to_zone,
}: {
  datetime: string;
  from_zone?: string;
  to_zone: string;
}) {
  const from = resolveZone(from_zone, 'from_zone');
  const to = resolveZone(to_zone, 'to_zone');
  // A time written with its own offset ("...Z", "...-04:00") keeps it; otherwise it is read in from_zone.
  const converted = parseDate(datetime, from, 'datetime').value.setZone(to);
  return { datetime: isoOf(converted), local_time: humanTime(converted) };
}
