/** ColumnStatistics: summarises a list of numbers (count, mean, median, min, max, sample standard deviation, sum). */
import { max, mean, median, min, sampleStandardDeviation, sum } from 'simple-statistics';
import { toNumbers } from './numbers.ts';

export interface Statistics {
  count: number;
  mean: number;
  median: number;
  min: number;
  max: number;
  stdev: number;
  sum: number;
}

export async function columnStatistics(inputs: { values: unknown[] }): Promise<{ statistics: Statistics; mean: number }> {
  const values = toNumbers(inputs.values, 'values');
  if (values.length === 0) throw new Error('values is empty: statistics need at least one number');
  const statistics: Statistics = {
    count: values.length,
    mean: mean(values),
    median: median(values),
    min: min(values),
    max: max(values),
    stdev: values.length > 1 ? sampleStandardDeviation(values) : 0,
    sum: sum(values),
  };
  return { statistics, mean: statistics.mean };
}
