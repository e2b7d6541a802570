/**
 * ExtractKeywords: the most important words and phrases of a text. Candidates are nouns and proper
 * nouns (wink-nlp part-of-speech tags and lemmas, stop words removed) and noun phrases of 2-3 words
 * (adjectives/nouns ending in a noun) that occur at least twice; they rank by term frequency.
 */
import { isContentWord, sentencesOf, type TokenInfo } from '../lib/nlp.ts';

const NOUNS = new Set(['NOUN', 'PROPN']);
const PHRASE_PARTS = new Set(['NOUN', 'PROPN', 'ADJ']);

interface Candidate {
  words: string[];
  /** Shown forms with their weights; the heaviest is displayed. */
  display: Map<string, number>;
  count: number;
  first: number;
}

type Table = Map<string, Candidate>;

function note(table: Table, words: string[], shown: string, weight: number, position: number): void {
  const key = words.join(' ');
  const c = table.get(key) ?? { words, display: new Map(), count: 0, first: position };
  c.count += 1;
  c.display.set(shown, (c.display.get(shown) ?? 0) + weight);
  table.set(key, c);
}

/** Proper nouns keep their capitals, except at the start of a sentence where every word has one. */
function shown(tokens: TokenInfo[], sentenceStart: boolean): { text: string; weight: number } {
  const text = tokens.map((t, i) => (t.pos === 'PROPN' && !(sentenceStart && i === 0) ? t.value : t.normal)).join(' ');
  return { text, weight: sentenceStart ? 0.1 : 1 };
}

/** The tagger may leave a sentence-initial plural unlemmatized ("Customers"): fold "xs" into "x". */
function foldPlurals(table: Table): void {
  for (const [key, c] of table) {
    const singular = [key.slice(0, -1), key.slice(0, -2)].find((k) => key.endsWith('s') && k !== key && table.has(k));
    const target = singular === undefined ? undefined : table.get(singular);
    if (!target) continue;
    target.count += c.count;
    target.first = Math.min(target.first, c.first);
    for (const [form, weight] of c.display) target.display.set(form, (target.display.get(form) ?? 0) + weight / 2);
    table.delete(key);
  }
}

function heaviest(display: Map<string, number>): string {
  return [...display.entries()].sort((a, b) => b[1] - a[1])[0]![0];
}

export async function extractKeywords({ text, count = 5 }: { text: string; count?: number }) {
  if (count < 1) throw new Error(`count must be at least 1 (got ${count})`);
  const nouns: Table = new Map();
  const phrases: Table = new Map();
  const anyWords: Table = new Map();
  let position = 0;
  for (const sentence of sentencesOf(text)) {
    const firstWord = sentence.tokens.find((t) => t.type === 'word');
    let run: TokenInfo[] = [];
    const flush = () => {
      for (let size = 2; size <= 3; size++) {
        for (let i = 0; i + size <= run.length; i++) {
          const part = run.slice(i, i + size);
          if (!NOUNS.has(part[size - 1]!.pos)) continue;
          const s = shown(part, part[0] === firstWord);
          note(phrases, part.map((t) => t.lemma), s.text, s.weight, position);
        }
      }
      run = [];
    };
    for (const token of sentence.tokens) {
      position++;
      if (!isContentWord(token)) {
        flush();
        continue;
      }
      const s = shown([token], token === firstWord);
      note(anyWords, [token.lemma], s.text, s.weight, position);
      if (NOUNS.has(token.pos)) note(nouns, [token.lemma], s.text, s.weight, position);
      if (PHRASE_PARTS.has(token.pos)) run.push(token);
      else flush();
    }
    flush();
  }
  foldPlurals(nouns);
  foldPlurals(anyWords);

  // Without nouns (a short or unusual text), fall back to every content word.
  const words = nouns.size > 0 ? nouns : anyWords;
  const frequency = (w: string) => words.get(w)?.count ?? anyWords.get(w)?.count ?? 1;
  const scored = [...words.values()].map((candidate) => ({ candidate, score: candidate.count }));
  for (const candidate of phrases.values()) {
    if (candidate.count < 2) continue;
    // A repeated phrase is worth its own count plus the average frequency of its words.
    const weight = candidate.words.reduce((sum, w) => sum + frequency(w), 0) / candidate.words.length;
    scored.push({ candidate, score: candidate.count + weight });
  }
  scored.sort(
    (a, b) => b.score - a.score || b.candidate.words.length - a.candidate.words.length || a.candidate.first - b.candidate.first,
  );

  const keywords: string[] = [];
  const covered = new Set<string>();
  for (const { candidate } of scored) {
    if (keywords.length >= count) break;
    // Skip a word already shown inside a chosen phrase.
    if (candidate.words.every((w) => covered.has(w))) continue;
    keywords.push(heaviest(candidate.display));
    for (const w of candidate.words) covered.add(w);
  }
  return { keywords };
}
