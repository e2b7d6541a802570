/** SortNumbers: sorts a list of numbers from smallest to largest, or largest to smallest. */
import { toNumbers } from './numbers.ts';

export async function sortNumbers(inputs: { values: unknown[]; order?: 'ascending' | 'descending' }): Promise<{ values: number[] }> {
  const order = inputs.order ?? 'ascending';
  if (order !== 'ascending' && order !== 'descending') throw new Error(`order must be "ascending" or "descending", got "${order}"`);
  const values = toNumbers(inputs.values, 'values').sort((a, b) => (order === 'ascending' ? a - b : b - a));
  return { values };
}
