/**
 * SummarizeText: extractive summary. Each sentence scores the summed frequency of its content words
 * (lemmas, stop words removed, scaled by the most frequent word) divided by the square root of its
 * length, so long sentences do not win by size alone; the best sentences are kept in original order.
 */
import { isContentWord, sentencesOf } from '../lib/nlp.ts';

export async function summarizeText({ text, sentences = 3 }: { text: string; sentences?: number }) {
  if (sentences < 1) throw new Error(`sentences must be at least 1 (got ${sentences})`);
  const all = sentencesOf(text).map((s) => ({
    text: s.text.trim(),
    terms: s.tokens.filter(isContentWord).map((t) => t.lemma),
  }));
  const kept = all.filter((s) => s.text.length > 0);
  if (kept.length <= sentences) return { summary: kept.map((s) => s.text).join(' ') };

  const frequency = new Map<string, number>();
  for (const s of kept) for (const term of s.terms) frequency.set(term, (frequency.get(term) ?? 0) + 1);
  const max = Math.max(1, ...frequency.values());
  const scored = kept.map((s, index) => ({
    index,
    score: s.terms.length ? s.terms.reduce((sum, t) => sum + frequency.get(t)! / max, 0) / Math.sqrt(s.terms.length) : 0,
  }));
  const best = scored
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .slice(0, sentences)
    .map((s) => s.index)
    .sort((a, b) => a - b);
  return { summary: best.map((i) => kept[i]!.text).join(' ') };
}
