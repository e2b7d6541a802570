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
  'add append assign attach book buy cancel charge close create delete deploy disable dispatch drop email enable enroll file grant invite issue kill mail message notify open order page pay pin place post publish purchase put refund register reject remove rename reply request reschedule reserve restart revoke rollback schedule send set share ship start stop submit subscribe transfer unsubscribe update upload withdraw write'.split(' '),
);

export class SideEffects {
  private readonly marked: boolean;

  constructor(catalog: Catalog) {
    this.marked = catalog.functions.some((f) => f.sideEffects !== undefined);
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
