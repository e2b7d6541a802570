/**
 * @module planner/semantics
 * Word-level meaning shared by every planner step: inverse document frequency over the catalog,
 * cached word similarities from the offline word vectors, and soft alignment of one bag of words
 * onto another ("eat healthy diet" onto "nutrition plan calorie intake").
 */
import type { Catalog, FunctionSpec } from '../catalog/types.ts';
import { contentWords, words } from '../index/tokenize.ts';
import type { WordVectors } from '../index/word-vectors.ts';

export interface FunctionWords {
  /** Name, description and output names: what the function is for. */
  purpose: string[];
  /** Everything, inputs included. */
  all: string[];
}

export class Semantics {
  private readonly df = new Map<string, number>();
  private readonly n: number;
  private readonly simCache = new Map<number, number>();
  private readonly fnWords = new Map<string, FunctionWords>();
  /** Stems of the words the catalog names its inputs and outputs with ("cuisine", "city", "genre"). */
  private readonly parameterStems = new Set<string>();

  constructor(
    catalog: Catalog,
    readonly vectors: WordVectors,
  ) {
    this.n = catalog.functions.length;
    for (const f of catalog.functions) {
      const fw = Semantics.functionWords(f);
      this.fnWords.set(f.name, fw);
      for (const w of new Set(fw.all)) this.df.set(w, (this.df.get(w) ?? 0) + 1);
      for (const p of [...f.inputs, ...f.outputs]) for (const w of words(p.name)) this.parameterStems.add(stem(w));
    }
  }

  /** Whether the catalog names some input or output with this word: it names a kind of thing. */
  isParameterWord(word: string): boolean {
    return this.parameterStems.has(stem(word.toLowerCase()));
  }

  static functionWords(f: FunctionSpec): FunctionWords {
    const purpose = unique([...words(f.name), ...contentWords(f.description), ...f.outputs.flatMap((o) => words(o.name))]).filter(meaningful);
    const all = unique([
      ...purpose,
      ...f.inputs.flatMap((i) => [...words(i.name), ...contentWords(i.description)]),
      ...f.outputs.flatMap((o) => contentWords(o.description)),
    ]).filter(meaningful);
    return { purpose, all };
  }

  wordsOf(name: string): FunctionWords {
    return this.fnWords.get(name) ?? { purpose: [], all: [] };
  }

  /** Inverse document frequency over the catalog's function texts; unseen words weigh most. */
  idf(word: string): number {
    return Math.log((this.n + 1) / ((this.df.get(word) ?? 0) + 1)) + 0.1;
  }

  similarity(a: string, b: string): number {
    if (a === b) return 1;
    // NOTE: this runs hundreds of thousands of times per request batch: words are interned to small
    // numbers so the cache key is arithmetic, not string concatenation.
    const ia = this.idOf(a);
    const ib = this.idOf(b);
    const key = ia < ib ? ia * ID_SPACE + ib : ib * ID_SPACE + ia;
    let s = this.simCache.get(key);
    if (s === undefined) {
      s = this.stemOf(a) === this.stemOf(b) ? 0.95 : Math.max(0, this.vectors.similarity(a, b));
      if (this.simCache.size >= MAX_CACHED) this.forget();
      this.simCache.set(key, s);
    }
    return s;
  }

  /** Bounds memory in a long-running process: the caches refill from what requests use. */
  private forget(): void {
    this.simCache.clear();
    this.ids.clear();
    this.stems.clear();
    this.kinds.clear();
  }

  private readonly ids = new Map<string, number>();
  private readonly stems = new Map<string, string>();

  private idOf(word: string): number {
    let id = this.ids.get(word);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(word, id);
    }
    return id;
  }

  stemOf(word: string): string {
    let s = this.stems.get(word);
    if (s === undefined) {
      s = stem(word);
      this.stems.set(word, s);
    }
    return s;
  }

  /** How well `target` covers `query`: idf-weighted mean over query words of their best match. */
  align(query: readonly string[], target: readonly string[], floor = 0.35): number {
    if (query.length === 0 || target.length === 0) return 0;
    let total = 0;
    let weight = 0;
    for (const w of query) {
      const idf = this.idf(w);
      let best = 0;
      for (const u of target) {
        const s = this.similarity(w, u);
        if (s > best) best = s;
        if (best === 1) break;
      }
      total += idf * (best >= floor ? best : 0);
      weight += idf;
    }
    return weight > 0 ? total / weight : 0;
  }

  /**
   * Whether a proper name reads as a person or a place, by its words' similarity to a few common
   * first names and city names (general knowledge of English, the same for every catalog).
   */
  entityKind(name: string): 'person' | 'place' | undefined {
    if (this.kinds.has(name)) return this.kinds.get(name);
    const kind = this.computeEntityKind(name);
    this.kinds.set(name, kind);
    return kind;
  }

  private readonly kinds = new Map<string, 'person' | 'place' | undefined>();

  private computeEntityKind(name: string): 'person' | 'place' | undefined {
    let person = 0;
    let place = 0;
    for (const w of words(name)) {
      person = Math.max(person, mean(PERSON_PROTOTYPES.map((p) => this.vectors.similarity(w, p))));
      place = Math.max(place, mean(PLACE_PROTOTYPES.map((p) => this.vectors.similarity(w, p))));
    }
    if (person >= 0.35 && person > place + 0.12) return 'person';
    if (place >= 0.38 && place > person + 0.08) return 'place';
    return undefined;
  }

  /** Best single word-to-word similarity between two bags. */
  maxSimilarity(a: readonly string[], b: readonly string[]): number {
    let best = 0;
    for (const x of a) for (const y of b) best = Math.max(best, this.similarity(x, y));
    return best;
  }
}

/** Interned word ids stay below this, so two ids pack into one safe integer key. */
const ID_SPACE = 2 ** 24;
/** Cached word-pair similarities kept at most (about 50 MB). */
const MAX_CACHED = 1_000_000;

const PERSON_PROTOTYPES = ['john', 'mary', 'david', 'sarah', 'michael', 'emma'];
const PLACE_PROTOTYPES = ['london', 'paris', 'chicago', 'tokyo', 'berlin', 'boston'];
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / (xs.length || 1);

export function unique<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}

function meaningful(w: string): boolean {
  return w.length > 1 && !/^\d+$/.test(w);
}

/** A light stemmer for plural and verb forms, enough to make "tickets" meet "ticket". */
export function stem(w: string): string {
  if (w.length <= 3) return w;
  if (w.endsWith('ies')) return `${w.slice(0, -3)}y`;
  if (w.endsWith('ing') && w.length > 5) return w.slice(0, -3);
  if (w.endsWith('es') && /(ch|sh|x|s|z)es$/.test(w)) return w.slice(0, -2);
  if (w.endsWith('s') && !w.endsWith('ss')) return w.slice(0, -1);
  if (w.endsWith('ed') && w.length > 4) return w.slice(0, -2);
  return w;
}
