/**
 * @module planner/effects
 * Which functions change the world (post, send, create, delete, book …). A function chosen only to
 * produce another step's input must not: nobody asked for its effect ("add the song to Jenny's
 * playlist" must look the playlist up, not create one). A catalog that marks `sideEffects` on any of
 * its functions is taken at its word; one that marks none is read by the verbs its names start with.
 */
import type { Catalog, FunctionSpec } from '../catalog/types.ts';
import { words } from '../index/tokenize.ts';

/**
 * Verbs whose functions change something outside (English, the same for every catalog). Lookups
 * ("get", "find", "list", "search", "check", "calculate", "convert") are not here.
 */
const CHANGING = new Set(
  'add append assign attach book buy cancel change charge close create delete deploy disable dispatch drop email enable enroll file grant invite issue kill mail message notify open order page pay pin place post publish purchase put refund register reject remove rename reply request reschedule reserve restart revoke rollback schedule send set share ship start stop submit subscribe transfer unsubscribe update upload withdraw write'.split(' '),
);

export class SideEffects {
  private readonly marked: boolean;
  private readonly actions = new Map<string, Set<string>>();
  private readonly acronyms = new Set<string>();

  constructor(catalog: Catalog) {
    this.marked = catalog.functions.some((f) => f.sideEffects !== undefined);
  }

  /**
   * The words that name what a changing function does: the verb its name starts with, the verbs of
   * its description ("send, share or announce") and the acronyms there ("DM"). A request asks for such
   * a function only by one of these, or by handing an earlier result to it ("… and drop it in #x").
   */
  actionWords(fn: FunctionSpec): Set<string> {
    let found = this.actions.get(fn.name);
    if (!found) {
      // The rest of the name is what it acts on ("message" of SendDirectMessage), not the action.
      const [verb = '', ...objects] = words(fn.name);
      const verbs = words(fn.description).map((w) => (isImperative(w) ? w : w.replace(/e?s$/, ''))).filter((w) => isImperative(w) && !objects.includes(w));
      const acronyms = (fn.description.match(/\b[A-Z]{2,5}\b/g) ?? []).map((a) => a.toLowerCase());
      for (const a of acronyms) this.acronyms.add(a);
      found = new Set([verb, ...verbs, ...acronyms].filter(Boolean));
      this.actions.set(fn.name, found);
    }
    return found;
  }

  /** Whether a word is an acronym a function's description uses for what it does ("dm"). */
  isAcronym(word: string): boolean {
    return this.acronyms.has(word);
  }

  /** Whether the catalog itself says which functions change the world (rather than their names hinting it). */
  get declared(): boolean {
    return this.marked;
  }

  /** Whether calling `fn` changes something outside. */
  changes(fn: FunctionSpec): boolean {
    if (this.marked) return fn.sideEffects === true;
    // "Email2ID", "BookTitle2ID": a name that reads "X to Y" with a 2 converts; its first word is a noun.
    if (/[a-z]2[A-Z]/i.test(fn.name)) return false;
    const verb = words(fn.name)[0] ?? '';
    return CHANGING.has(verb);
  }
}

/**
 * Verbs people start an instruction with in chat, whatever the catalog: the changing ones above and
 * the asking ones ("show", "summarize", "count"). Used to tell where one goal of a request ends and
 * the next begins ("make a thumbnail and share it in #design").
 */
const ASKING = new Set(
  'show tell give get find list look check count summarize summarise convert sort chart plot graph draw resize shrink scale crop hash encode decode fetch pull grab read extract parse join split search query render track compute calculate measure translate compare analyze analyse describe explain ping dm drop let make generate tally average sum'.split(' '),
);

/** A verb that asks to change something outside ("delete", "book", "post"). */
export function isChanging(word: string): boolean {
  return CHANGING.has(word);
}

/** A verb that starts an instruction ("post", "share", "drop", "summarize", "dm"). */
export function isImperative(word: string): boolean {
  return CHANGING.has(word) || ASKING.has(word);
}
