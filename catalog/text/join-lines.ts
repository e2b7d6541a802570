/** JoinLines: joins a list of values (strings, numbers, or objects with a `text`) into one text. */

function lineOf(item: unknown): string {
  if (item === null || item === undefined) return '';
  if (typeof item === 'string') return item;
  if (typeof item === 'object' && !Array.isArray(item)) {
    const record = item as Record<string, unknown>;
    for (const key of ['text', 'name', 'title', 'value']) {
      if (typeof record[key] === 'string') return record[key];
    }
    return JSON.stringify(item);
  }
  return typeof item === 'object' ? JSON.stringify(item) : String(item);
}

/** A separator written as an escape ("\\n", "\\t") means the character itself. */
const unescape = (s: string) => s.replace(/\\n/g, '\n').replace(/\\t/g, '\t');

export async function joinLines({ items, separator = '\n' }: { items: unknown[]; separator?: string }) {
  return { text: items.map(lineOf).join(unescape(separator)) };
}
