/** ParseCsv: parses CSV text with a header row into rows (objects keyed by column name), column names and a row count. */
import { parse } from 'csv-parse/sync';

const CANDIDATES = [',', ';', '\t', '|'];
const NAMED: Record<string, string> = { comma: ',', semicolon: ';', tab: '\t', '\\t': '\t', pipe: '|' };

/** Picks the candidate delimiter that occurs most often, outside quotes, in the header line. */
function detectDelimiter(text: string): string {
  const header = (text.split(/\r?\n/, 1)[0] ?? '').replace(/"[^"]*"/g, '');
  let best = ',';
  let bestCount = 0;
  for (const d of CANDIDATES) {
    const count = header.split(d).length - 1;
    if (count > bestCount) [best, bestCount] = [d, count];
  }
  return best;
}

/** Names blank header cells `column_N` and makes repeated names unique (`name_2`) so no cell is lost. */
function headerNames(header: string[]): string[] {
  const seen = new Set<string>();
  return header.map((h, i) => {
    let name = h || `column_${i + 1}`;
    for (let n = 2; seen.has(name); n++) name = `${h || `column_${i + 1}`}_${n}`;
    seen.add(name);
    return name;
  });
}

export async function parseCsv(inputs: { csv_text: string; delimiter?: string }): Promise<{
  rows: Record<string, string>[];
  columns: string[];
  row_count: number;
}> {
  const text = String(inputs.csv_text ?? '');
  if (text.trim() === '') throw new Error('csv_text is empty: give CSV text whose first line names the columns');
  const given = inputs.delimiter ? (NAMED[inputs.delimiter.toLowerCase()] ?? inputs.delimiter) : undefined;
  const delimiter = given ?? detectDelimiter(text);
  let columns: string[] = [];
  let rows: Record<string, string>[];
  try {
    rows = parse(text, {
      bom: true,
      delimiter,
      trim: true,
      skip_empty_lines: true,
      columns: (header: string[]) => (columns = headerNames(header)),
    }) as Record<string, string>[];
  } catch (e) {
    throw new Error(`csv_text is not valid CSV: ${(e as Error).message}`);
  }
  return { rows, columns, row_count: rows.length };
}
