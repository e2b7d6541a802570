/**
 * Shared English NLP helpers for the text functions: one lazily created wink-nlp instance (with the
 * lite web model) and small views of a document (sentences, words, content terms).
 */
import winkNLP, { type Document, type ItemSentence, type ItemToken, type ItsFunction, type WinkMethods } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

let instance: WinkMethods | undefined;

/** The wink-nlp instance, created on first use (loading the model takes a moment). */
export function nlp(): WinkMethods {
  instance ??= winkNLP(model);
  return instance;
}

export function readDoc(text: string): Document {
  return nlp().readDoc(text);
}

/** Token types that are not words a person would count or read. */
const NON_WORD_TYPES = new Set(['punctuation', 'symbol', 'emoji', 'emoticon', 'currency', 'tabCRLF', 'spaces']);

/** Token text, lower-cased normal form, lemma, part of speech and flags, for plain iteration. */
export interface TokenInfo {
  value: string;
  normal: string;
  lemma: string;
  pos: string;
  type: string;
  stopWord: boolean;
  /** Part of a contraction ("is" and "n't" in "isn't"). */
  contraction: boolean;
  /** True for the second half of a contraction ("n't" in "isn't"), which is not a word of its own. */
  contractionTail: boolean;
}

function tokenInfo(token: ItemToken, previous: TokenInfo | undefined): TokenInfo {
  const { its } = nlp();
  const contraction = token.out(its.contractionFlag) as unknown as boolean;
  const spaces = token.out(its.precedingSpaces);
  return {
    value: token.out(),
    normal: token.out(its.normal),
    // wink-nlp's typings declare its.lemma with a signature `out` does not accept; it works at run time.
    lemma: String(token.out(its.lemma as unknown as ItsFunction<string>)).toLowerCase(),
    pos: token.out(its.pos),
    type: token.out(its.type),
    stopWord: token.out(its.stopWordFlag) as unknown as boolean,
    contraction,
    contractionTail: contraction && spaces === '' && previous?.contraction === true,
  };
}

/** The tokens of each sentence of a text (or of a document already read), with the sentence text. */
export function sentencesOf(input: string | Document): { text: string; tokens: TokenInfo[] }[] {
  const doc = typeof input === 'string' ? readDoc(input) : input;
  const result: { text: string; tokens: TokenInfo[] }[] = [];
  doc.sentences().each((sentence: ItemSentence) => {
    const tokens: TokenInfo[] = [];
    sentence.tokens().each((token: ItemToken) => {
      tokens.push(tokenInfo(token, tokens[tokens.length - 1]));
    });
    result.push({ text: sentence.out(), tokens });
  });
  return result;
}

/** True for tokens a reader counts as one word ("isn't" is one word, "," is none). */
export function isCountedWord(t: TokenInfo): boolean {
  return !NON_WORD_TYPES.has(t.type) && !t.contractionTail;
}

/** True for meaningful words: real words, not stop words, not one letter. */
export function isContentWord(t: TokenInfo): boolean {
  return t.type === 'word' && !t.stopWord && !t.contractionTail && /\p{L}/u.test(t.normal) && t.normal.length > 1;
}
