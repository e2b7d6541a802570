/** CurrentTime: the current date and time in a time zone. */
import { DateTime } from 'luxon';
import { humanTime, isoOf, resolveZone } from './dates.ts';

export async function currentTime({ time_zone = 'UTC' }: { time_zone?: string }) {
  const now = DateTime.now().setZone(resolveZone(time_zone, 'time_zone'));
  return { datetime: isoOf(now), local_time: humanTime(now) };
}
