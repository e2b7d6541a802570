/** Shared helper: turns a list of numbers or numeric strings ("1,234.5", " 7 ") into numbers, naming the bad item. */

/** Parses one cell into a number, or returns undefined when it does not hold one. */
export function parseNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string') return undefined;
  let s = value.trim();
  if (/^[-+]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) s = s.replace(/,/g, '');
  if (s === '' || !/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(s)) return undefined;
  return Number(s);
}

/** Converts every item of `values` to a number; throws naming the first item that is not one. */
export function toNumbers(values: unknown, what = 'values'): number[] {
  if (!Array.isArray(values)) throw new Error(`${what} must be a list of numbers`);
  return values.map((v, i) => {
    const n = parseNumber(v);
    if (n === undefined) throw new Error(`${what}: item ${i + 1} (${JSON.stringify(v)}) is not a number`);
    return n;
  });
}
