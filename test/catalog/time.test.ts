import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DateTime } from 'luxon';
import { loadCatalog } from '../../src/catalog/index.ts';
import { convertUnits } from '../../catalog/time/convert-units.ts';
import { convertTimeZone } from '../../catalog/time/convert-time-zone.ts';
import { addToDate } from '../../catalog/time/add-to-date.ts';
import { daysBetween } from '../../catalog/time/days-between.ts';
import { currentTime } from '../../catalog/time/current-time.ts';
import { dayOfWeek } from '../../catalog/time/day-of-week.ts';

test('converts units given as symbols or everyday names to known values', async () => {
  const cases: [number, string, string, number, string][] = [
    [10, 'km', 'miles', 6.213712, 'mi'],
    [1, 'inches', 'cm', 2.54, 'cm'],
    [100, 'celsius', 'fahrenheit', 212, 'F'],
    [32, 'degrees F', 'C', 0, 'C'],
    [2, 'pounds', 'ounces', 32, 'oz'],
    [1, 'mile', 'kilometres', 1.609344, 'km'],
    [60, 'mph', 'kph', 96.56064, 'km/h'],
    [1, 'GB', 'MB', 1024, 'MB'],
    [90, 'minutes', 'hours', 1.5, 'h'],
    [1, 'gallon', 'liters', 3.785412, 'l'],
  ];
  for (const [value, from_unit, to_unit, expected, unit] of cases) {
    assert.deepEqual(await convertUnits({ value, from_unit, to_unit }), { converted_value: expected, unit }, `${value} ${from_unit} -> ${to_unit}`);
  }
});

test('rejects an unknown unit with close suggestions, and incompatible units with the possible targets', async () => {
  await assert.rejects(convertUnits({ value: 1, from_unit: 'kilomter', to_unit: 'm' }), /from_unit "kilomter" is not a unit I know\. Did you mean "kilometer"/);
  await assert.rejects(convertUnits({ value: 1, from_unit: 'km', to_unit: 'furlongs' }), /to_unit "furlongs" is not a unit/);
  await assert.rejects(convertUnits({ value: 1, from_unit: 'km', to_unit: 'kg' }), /cannot convert kilometers \(length\) to kilograms \(mass\); km converts to .*mi/);
});

test('converts a time between zones and follows daylight saving time', async () => {
  // New York switched to EDT (UTC-4) at 2024-03-10 02:00 local time.
  const before = await convertTimeZone({ datetime: '2024-03-09T12:00:00', from_zone: 'America/New_York', to_zone: 'UTC' });
  assert.equal(before.datetime, '2024-03-09T17:00:00Z');
  const after = await convertTimeZone({ datetime: '2024-03-11T12:00:00', from_zone: 'America/New_York', to_zone: 'UTC' });
  assert.equal(after.datetime, '2024-03-11T16:00:00Z');
  const tokyo = await convertTimeZone({ datetime: '2024-03-10T15:00:00Z', to_zone: 'Asia/Tokyo' });
  assert.equal(tokyo.datetime, '2024-03-11T00:00:00+09:00');
  assert.equal(tokyo.local_time, 'Monday, March 11, 2024 at 12:00 AM GMT+9 (Asia/Tokyo)');
});

test('reads zone abbreviations, city names and offsets, and an explicit offset overrides from_zone', async () => {
  const pacific = await convertTimeZone({ datetime: '2024-07-01T12:00:00Z', to_zone: 'PST' });
  assert.equal(pacific.datetime, '2024-07-01T05:00:00-07:00', 'PST means Pacific time, so PDT in July');
  assert.match(pacific.local_time, /5:00 AM PDT \(America\/Los_Angeles\)$/);
  assert.equal((await convertTimeZone({ datetime: '2024-07-01T12:00:00Z', to_zone: 'tokyo' })).datetime, '2024-07-01T21:00:00+09:00');
  assert.equal((await convertTimeZone({ datetime: '2024-07-01 12:00', from_zone: 'UTC+5:30', to_zone: 'UTC' })).datetime, '2024-07-01T06:30:00Z');
  const explicit = await convertTimeZone({ datetime: '2024-07-01T12:00:00+02:00', from_zone: 'Asia/Tokyo', to_zone: 'UTC' });
  assert.equal(explicit.datetime, '2024-07-01T10:00:00Z');
});

test('rejects an unknown time zone with a clear message and suggestions', async () => {
  await assert.rejects(
    convertTimeZone({ datetime: '2024-07-01T12:00:00Z', to_zone: 'Europe/Pari' }),
    /to_zone "Europe\/Pari" is not a known time zone\. .*Did you mean "Europe\/Paris"/,
  );
  await assert.rejects(convertTimeZone({ datetime: 'someday', to_zone: 'UTC' }), /datetime "someday" is not a date I can read/);
});

test('adds months across month ends, clamping to the last day of a shorter month', async () => {
  assert.deepEqual(await addToDate({ date: '2024-01-31', amount: 1, unit: 'months' }), { date: '2024-02-29' });
  assert.deepEqual(await addToDate({ date: '2023-01-31', amount: 1, unit: 'months' }), { date: '2023-02-28' });
  assert.deepEqual(await addToDate({ date: '2024-02-29', amount: 1, unit: 'years' }), { date: '2025-02-28' });
  assert.deepEqual(await addToDate({ date: '2024-02-28', amount: 2 }), { date: '2024-03-01' }, 'days by default, through Feb 29');
  assert.deepEqual(await addToDate({ date: '2024-12-30', amount: 1, unit: 'weeks' }), { date: '2025-01-06' });
  assert.deepEqual(await addToDate({ date: '2024-03-01', amount: -1, unit: 'days' }), { date: '2024-02-29' });
});

test('adds hours to a date-time keeping its offset, and turns a date into a date-time for hours', async () => {
  assert.deepEqual(await addToDate({ date: '2024-03-09T12:00:00-05:00', amount: 36, unit: 'hours' }), { date: '2024-03-11T00:00:00-05:00' });
  assert.deepEqual(await addToDate({ date: '2024-03-09', amount: 90, unit: 'minutes' }), { date: '2024-03-09T01:30:00Z' });
});

test('counts calendar days between dates, negative when the end is earlier, across a DST change', async () => {
  assert.deepEqual(await daysBetween({ start_date: '2024-01-01', end_date: '2024-03-01' }), { days: 60 });
  assert.deepEqual(await daysBetween({ start_date: '2024-12-25', end_date: '2024-12-24' }), { days: -1 });
  assert.deepEqual(
    await daysBetween({ start_date: '2024-03-09T00:00:00-05:00', end_date: '2024-03-11T00:00:00-04:00' }),
    { days: 2 },
    'the 23-hour DST day still counts as a day',
  );
});

test('tells the current time in a zone with its offset', async () => {
  const before = Date.now();
  const { datetime, local_time } = await currentTime({ time_zone: 'Asia/Kolkata' });
  assert.match(datetime, /\+05:30$/);
  assert.ok(Math.abs(DateTime.fromISO(datetime).toMillis() - before) < 5_000);
  assert.match(local_time, /\(Asia\/Kolkata\)$/);
  assert.match((await currentTime({})).datetime, /Z$/, 'UTC by default');
  await assert.rejects(currentTime({ time_zone: 'Nowhere/Land' }), /time_zone "Nowhere\/Land" is not a known time zone/);
});

test('names the weekday of a date, reading a date-time in its own offset', async () => {
  assert.deepEqual(await dayOfWeek({ date: '2024-12-25' }), { weekday: 'Wednesday' });
  assert.deepEqual(await dayOfWeek({ date: 'March 10, 2024' }), { weekday: 'Sunday' });
  assert.deepEqual(await dayOfWeek({ date: '2024-03-10T23:30:00-05:00' }), { weekday: 'Sunday' });
  await assert.rejects(dayOfWeek({ date: '' }), /date is empty/);
});
