/** ColumnValues: takes one column of parsed CSV/table rows as a list of numbers, skipping empty cells. */
import { parseNumber } from './numbers.ts';

/** Finds the key of `rows` that matches `column`, exactly or ignoring case and surrounding spaces. */
function findColumn(rows: Record<string, unknown>[], column: string): string | undefined {
  const keys = new Set(rows.flatMap((r) => Object.keys(r)));
  if (keys.has(column)) return column;
  const wanted = column.trim().toLowerCase();
  return [...keys].find((k) => k.trim().toLowerCase() === wanted);
}

export async function columnValues(inputs: { rows: unknown[]; column: string }): Promise<{ values: number[] }> {
  const rows = inputs.rows;
  if (!Array.isArray(rows) || rows.some((r) => r === null || typeof r !== 'object' || Array.isArray(r))) {
    throw new Error('rows must be a list of objects keyed by column name (as ParseCsv returns)');
  }
  const table = rows as Record<string, unknown>[];
  const key = findColumn(table, inputs.column);
  if (key === undefined) {
    const known = [...new Set(table.flatMap((r) => Object.keys(r)))];
    throw new Error(`column "${inputs.column}" is not in rows; the columns are: ${known.join(', ') || '(none)'}`);
  }
  const values: number[] = [];
  table.forEach((row, i) => {
    const cell = row[key];
    if (cell === undefined || cell === null || (typeof cell === 'string' && cell.trim() === '')) return;
    const n = parseNumber(cell);
    if (n === undefined) throw new Error(`row ${i + 1}: column "${key}" holds ${JSON.stringify(cell)}, which is not a number`);
    values.push(n);
  });
  return { values };
}
