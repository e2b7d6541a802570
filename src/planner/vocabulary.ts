/**
 * @module planner/vocabulary
 * The catalog's own terms, as the request reader needs them: words of function names ("base64",
 * "qr", "csv"), the options inputs declare ("sha256", "webp", "descending"), and the acronyms the
 * descriptions use ("DM", "JSON"). Written in a request, they say what to do — they are not names or
 * codes of the user's — and they are never misspellings of something else.
 */
import type { Catalog } from '../catalog/types.ts';
import { isStopword, words } from '../index/tokenize.ts';

/** An option as written in a request or a catalog, for comparing the two ("SHA-1" is "sha1"). */
export const optionKey = (value: unknown): string => String(value).toLowerCase().replace(/[^a-z0-9]/g, '');

/** Words that open a question or an instruction, whatever the catalog ("what", "how", "please"). */
const OPENERS = new Set(['what', 'whats', "what's", 'how', 'which', 'who', 'whom', 'when', 'where', 'why', 'is', 'are', 'can', 'could', 'would', 'will', 'please', 'pls', 'do', 'does', 'give', 'tell', 'show', 'get', 'make']);

export class Vocabulary {
  private readonly terms = new Set<string>();
  private readonly verbs = new Set<string>();
  private readonly described = new Set<string>();

  constructor(catalog: Catalog) {
    for (const f of catalog.functions) {
      // "Base64Encode" → base64, encode (letters and digits of one run stay one word here).
      const parts = f.name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2').toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
      for (const p of [...parts, ...words(f.name)]) if (p.length > 1) this.terms.add(p);
      if (parts[0]) this.verbs.add(parts[0]);
      for (const i of f.inputs) for (const e of i.enum ?? []) this.terms.add(optionKey(e));
      const texts = [f.description, ...f.inputs.map((i) => i.description), ...f.outputs.map((o) => o.description)];
      for (const t of texts) {
        for (const a of t.match(/\b[A-Z][A-Z0-9]{1,5}\b/g) ?? []) this.terms.add(a.toLowerCase());
        for (const w of words(t)) if (!isStopword(w)) this.described.add(w);
      }
      for (const w of [...words(f.name), ...f.inputs.flatMap((i) => words(i.name)), ...f.outputs.flatMap((o) => words(o.name))]) this.described.add(w);
    }
  }

  /** A term of the catalog's own ("qr", "md5", "sha-1", "dm"). */
  isTerm(lower: string): boolean {
    return this.terms.has(lower) || this.terms.has(optionKey(lower));
  }

  /** A word the catalog uses anywhere to say what its functions do or take. */
  isIntentWord(lower: string): boolean {
    return this.described.has(lower) || this.isTerm(lower);
  }

  /** The first word of a function's name, when it is a word (the catalog's verbs: "post", "resize"). */
  isVerb(lower: string): boolean {
    return this.verbs.has(lower) && /^[a-z]{3,}$/.test(lower);
  }

  /** A word that starts an instruction or a question of its own ("convert …", "what …"). */
  startsInstruction(lower: string): boolean {
    return OPENERS.has(lower) || this.verbs.has(lower) || this.terms.has(lower);
  }
}
