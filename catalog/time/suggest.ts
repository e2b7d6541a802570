/** Closest-match suggestions for error messages ("did you mean ...?"), by edit distance. */

/** Levenshtein distance between two short strings. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
    }
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * Up to `limit` candidates closest to `input` (case-insensitive): those containing it first, then
 * those within an edit distance of about a third of its length.
 */
export function suggest(input: string, candidates: Iterable<string>, limit = 5): string[] {
  const needle = input.trim().toLowerCase();
  if (!needle) return [];
  const maxDistance = Math.max(1, Math.round(needle.length / 3));
  const ranked: { candidate: string; rank: number }[] = [];
  const seen = new Set<string>();
  for (const candidate of candidates) {
    if (seen.has(candidate)) continue;
    seen.add(candidate);
    const lower = candidate.toLowerCase();
    const distance = editDistance(needle, lower);
    if (distance <= maxDistance) ranked.push({ candidate, rank: distance });
    else if (needle.length >= 3 && lower.includes(needle)) ranked.push({ candidate, rank: maxDistance + 1 });
  }
  return ranked
    .sort((a, b) => a.rank - b.rank || a.candidate.length - b.candidate.length)
    .slice(0, limit)
    .map((r) => r.candidate);
}
