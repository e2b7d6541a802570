/** CountOccurrences: counts whole-word, case-insensitive occurrences of a word or phrase in a text. */

export async function countOccurrences({ text, word }: { text: string; word: string }) {
  const needle = word.trim();
  if (!needle) throw new Error('word is empty: give the word or phrase to count');
  const escaped = needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
  // Whole words only: "cat" is not counted inside "concatenate".
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}_])${escaped}(?![\\p{L}\\p{N}_])`, 'giu');
  return { count: text.match(pattern)?.length ?? 0 };
}
