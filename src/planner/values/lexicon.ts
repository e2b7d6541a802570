/**
 * @module planner/values/lexicon
 * How people shorten words in chat ("msgs", "pic", "b64", "pls", "rn"): the word meant, so that the
 * request's intent words meet the catalog's. General chat English, the same for every catalog.
 */

const SHORT_FORMS: Record<string, string> = {
  msg: 'message', msgs: 'messages', pic: 'picture', pics: 'pictures', img: 'image', imgs: 'images', pls: 'please', plz: 'please',
  thx: 'thanks', ty: 'thanks', u: 'you', ur: 'your', b64: 'base64', stats: 'statistics', stat: 'statistic', avg: 'average',
  info: 'information', doc: 'document', docs: 'documents', convo: 'conversation', tmrw: 'tomorrow', tmr: 'tomorrow',
  approx: 'approximately', qty: 'quantity', num: 'number', nums: 'numbers', pct: 'percent', perc: 'percent', txt: 'text',
  addr: 'address', acct: 'account', dept: 'department', mgr: 'manager', repo: 'repository', repos: 'repositories',
  env: 'environment', config: 'configuration', prod: 'production', dev: 'development', auth: 'authentication',
  ack: 'acknowledge', acked: 'acknowledged', w: 'with', wo: 'without', bc: 'because', abt: 'about', ppl: 'people', cust: 'customer', custs: 'customers',
};

/** The word a chat short form stands for, or the word itself. */
export function expandShortForm(word: string): string {
  return SHORT_FORMS[word] ?? word;
}

export function isShortForm(word: string): boolean {
  return word in SHORT_FORMS;
}

/** A misspelling is corrected only to a word at least this common (rank in the word list). */
const COMMON_ENOUGH = 30_000;
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/**
 * The common word an unknown lower-case word misspells by one slip of the keyboard — two letters
 * swapped, one letter wrong, missing or doubled ("tiems" → "times", "messgaes" → "messages") — keeping
 * its first letter (people rarely mistype that). Undefined for a known word or no close common word.
 * @param rank the word's frequency rank (0 = most common), undefined for unknown words
 */
export function spellingFix(word: string, rank: (w: string) => number | undefined): string | undefined {
  if (word.length < 4 || !/^[a-z]+$/.test(word) || rank(word) !== undefined) return undefined;
  let best: { word: string; rank: number } | undefined;
  const consider = (candidate: string) => {
    if (candidate[0] !== word[0]) return;
    const r = rank(candidate);
    if (r !== undefined && r < COMMON_ENOUGH && (!best || r < best.rank)) best = { word: candidate, rank: r };
  };
  for (let i = 0; i < word.length; i++) {
    consider(word.slice(0, i) + word.slice(i + 1));
    if (i + 1 < word.length) consider(word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2));
    for (const c of LETTERS) {
      consider(word.slice(0, i) + c + word.slice(i + 1));
      consider(word.slice(0, i) + c + word.slice(i));
    }
  }
  return best?.word;
}
