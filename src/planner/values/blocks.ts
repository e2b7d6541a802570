/**
 * @module planner/values/blocks
 * Text the request hands over to work on, rather than words that say what to do: a code block
 * (```…```, `…`), or what follows a colon after the instruction ("DM Priya: the build is green",
 * "top 8 keywords from this post: <the post>", "stats on the score column:\nname,score\n…").
 * A block is read for its form — comma-separated rows, JSON, a list of items, or prose — so that it
 * goes to an input that takes that form.
 */
import { contentWords } from '../../index/tokenize.ts';
import { listItems } from './lists.ts';
import type { BlockForm, SpanCollector } from './span.ts';

const FENCE = /```[^\S\n]*([a-z]{1,12}\n)?([\s\S]*?)```/gi;
const INLINE_CODE = /(?<!`)`([^`\n]+)`(?!`)/g;

/** The form of a block of text, by what it parses as. */
export function blockForm(text: string): BlockForm {
  const t = text.trim();
  if (/^[[{]/.test(t)) {
    try {
      JSON.parse(t);
      return 'json';
    } catch {
      // not JSON after all
    }
  }
  return isDelimitedRows(t) ? 'csv' : 'text';
}

/** Two or more lines with the same number (at least one) of the same separator: a table. */
function isDelimitedRows(text: string): boolean {
  const lines = text.split(/\r?\n/).filter((l) => l.trim());
  if (lines.length < 2) return false;
  return [',', ';', '\t', '|'].some((sep) => {
    const counts = lines.map((l) => l.split(sep).length - 1);
    return counts[0]! > 0 && counts.every((c) => c === counts[0]);
  });
}

export function readCodeBlocks(found: SpanCollector): void {
  for (const m of found.text.matchAll(FENCE)) {
    const body = m[2]!.trim();
    // A language tag on the fence line ("```json") is not part of the block.
    if (body) found.add('block', body, m.index!, m.index! + m[0].length, { form: blockForm(body) });
  }
  for (const m of found.text.matchAll(INLINE_CODE)) found.add('quoted', m[1]!.trim(), m.index!, m.index! + m[0].length);
}

export interface ColonOptions {
  /** Whether a lower-case word says what to do in this catalog ("keywords", "dm", "summarize"). */
  isIntentWord(word: string): boolean;
  /** Whether a word is how an instruction starts ("convert", "what", "sort"). */
  startsInstruction(word: string): boolean;
}

/**
 * The text after the first colon that ends an instruction ("DM Priya Nair: <message>"), to the end of
 * the request. NOTE: a colon also introduces the request itself ("two things: encode …", "for the
 * badge form: convert …"); the text after it is a value only when the part before it says what to
 * do, and the part after it does not start as an instruction of its own.
 */
export function readColonBody(found: SpanCollector, options: ColonOptions): void {
  const { text } = found;
  const colon = /:(?=\s)/g;
  for (const m of text.matchAll(colon)) {
    const at = m.index!;
    if (found.overlaps(at, at + 1)) continue;
    const head = text.slice(0, at).toLowerCase().match(/[a-z][a-z0-9;']*/g) ?? [];
    if (!head.some((w) => options.isIntentWord(w))) continue;
    const start = at + 1 + (text.slice(at + 1).length - text.slice(at + 1).trimStart().length);
    const body = text.slice(start).trimEnd();
    const first = body.toLowerCase().match(/^[a-z][a-z0-9']*/)?.[0];
    if (!body || (first && options.startsInstruction(first))) continue;
    // One token after the colon (a link, a code, a number) is read as what it is, not as text.
    if (!/\s/.test(body)) continue;
    // Values already found inside (a quoted message, a code block) are what it hands over, not the rest.
    if (found.overlaps(start, start + body.length)) continue;
    const items = listItems(body);
    if (items) found.add('list', items, start, start + body.length);
    else found.add('block', body, start, start + body.length, { form: blockForm(body) });
    return;
  }
}

/** Verbs that hand a message to someone: "tell #growth the test is live", "let Ana know that …". */
const TELLING = /(?:^|[.!?]\s+|\b(?:[Pp]ls|[Pp]lease|[Cc]an you|[Cc]ould you|and)\s+)([Tt]ell|[Pp]ing|[Nn]otify|[Rr]emind|[Mm]essage|[Dd][Mm]|DM|[Ll]et)\s+(<[#@][^>]+>|#[\w.-]+|@[\w.-]+|[A-Z][\w'’-]*(?:\s[A-Z][\w'’-]*)?)(\s+know)?\s*(?:that\s+|:\s*|[—–-]\s+|,\s*)?/g;
/** Words that make a sentence of a phrase ("the build is green"); a phrase without one only names a thing. */
const FINITE = /\b(?:is|are|was|were|be|been|has|have|had|will|won't|can|can't|should|must|does|did|isn't|aren't|wasn't|'s|'re|went|goes|got|needs|works|failed|passed|moved|starts|ends)\b/i;
/** A message of fewer words than this is likelier part of the instruction than the message. */
const MIN_MESSAGE_WORDS = 2;

/**
 * The message of "tell <someone> <message>" written without quotes or a colon: "tell #growth the
 * pricing test is live 🚀", "let Ana know that the build is green". The rest of the sentence is the
 * message handed over.
 */
export function readAddressedMessage(found: SpanCollector): void {
  for (const m of found.text.matchAll(TELLING)) {
    if (m[1]!.toLowerCase() === 'let' && !m[3]) continue;
    // Someone to tell: a channel, a mention or handle, or a name written with its capital — never "me".
    const start = m.index! + m[0].length;
    const rest = found.text.slice(start);
    const stop = rest.search(/[.!?](?:\s|$)|\n/);
    const message = (stop < 0 ? rest : rest.slice(0, stop + 1)).trim();
    if (message.split(/\s+/).length < MIN_MESSAGE_WORDS || found.overlaps(start, start + message.length)) continue;
    // "DM @sven for me?": small words only say how to do it, not what to say.
    if (contentWords(message).length === 0) continue;
    // "DM Kofi the new wifi password" names what to send, it does not say it: a message is a sentence.
    if (/^(?:the|a|an|my|our|your|his|her|their|this|that|some)\b/i.test(message) && !FINITE.test(message)) continue;
    found.add('block', message, start, start + message.length, { form: 'text', said: true });
  }
}

/** Words that introduce what is said: "… saying the build is green", "… with the message: …". */
const SAYING = /\b(?:saying|that says|which says|to say|telling (?:them|him|her|everyone|the team)|with the (?:message|text))\b\s*(?:that\s+|:\s*|[—–-]\s+|,\s*)?/gi;

/**
 * The message after a word that introduces speech: "send a DM to alice saying the build is green",
 * "post in #eng with the message: deploy done". The rest of the sentence is what is said.
 */
export function readReportedMessage(found: SpanCollector): void {
  for (const m of found.text.matchAll(SAYING)) {
    const start = m.index! + m[0].length;
    const rest = found.text.slice(start);
    const stop = rest.search(/[.!?](?:\s|$)|\n/);
    const message = (stop < 0 ? rest : rest.slice(0, stop + 1)).trim();
    if (!message || found.overlaps(start, start + message.length)) continue;
    found.add('block', message, start, start + message.length, { form: 'text', said: true });
  }
}
