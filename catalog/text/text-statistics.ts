/** TextStatistics: counts words and sentences and estimates reading time (wink-nlp readability stats). */
import type { ReadabilityStats } from 'wink-nlp';
import { isCountedWord, nlp, readDoc, sentencesOf } from '../lib/nlp.ts';

export async function textStatistics({ text }: { text: string }) {
  const doc = readDoc(text);
  const sentences = sentencesOf(doc).filter((s) => s.tokens.some(isCountedWord));
  const wordCount = sentences.reduce((n, s) => n + s.tokens.filter(isCountedWord).length, 0);
  if (wordCount === 0) return { word_count: 0, sentence_count: 0, reading_minutes: 0 };
  const stats = doc.out(nlp().its.readabilityStats) as unknown as ReadabilityStats;
  // wink-nlp's reading time adjusts a base speed by readability (harder text reads slower).
  const minutes = stats.readingTimeMins + stats.readingTimeSecs / 60;
  return {
    word_count: wordCount,
    sentence_count: sentences.length,
    reading_minutes: Math.max(0.01, Math.round(minutes * 100) / 100),
  };
}
