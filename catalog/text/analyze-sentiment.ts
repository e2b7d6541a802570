/** AnalyzeSentiment: AFINN-165 sentiment (the `sentiment` package) labelled positive, negative or neutral. */
import Sentiment from 'sentiment';

/** Comparative scores (AFINN points per word) within ±NEUTRAL_BAND count as neutral. */
const NEUTRAL_BAND = 0.05;
let analyzer: Sentiment | undefined;

export async function analyzeSentiment({ text }: { text: string }) {
  analyzer ??= new Sentiment();
  const result = analyzer.analyze(text);
  const score = Math.round(result.comparative * 1000) / 1000;
  const sentiment = score > NEUTRAL_BAND ? 'positive' : score < -NEUTRAL_BAND ? 'negative' : 'neutral';
  return {
    sentiment,
    score,
    positive_words: [...new Set(result.positive)],
    negative_words: [...new Set(result.negative)],
  };
}
