/**
 * @module planner/products
 * What each function makes, by the words of its name and outputs ("summary", "thumbnail", "chart",
 * "sentiment", "qr code"), so that a request naming a product ("post a summary of …", "share the
 * chart") brings in the function that makes it. Words that name no particular product ("text",
 * "data", "value", "image", "id") and verbs of any function ("get", "make") do not count.
 */
import type { Catalog, FunctionSpec } from '../catalog/types.ts';
import { words } from '../index/tokenize.ts';
import { stem } from './semantics.ts';

const GENERIC = new Set(
  'text texts data value values result results info information id ids name names list lists item items number numbers file files image images output input string body content contents status type types count get make find fetch read create set add convert show compute tell give from to by of in'.split(' '),
);

export class Products {
  private readonly byWord = new Map<string, FunctionSpec[]>();

  constructor(catalog: Catalog) {
    for (const f of catalog.functions) {
      const said = new Set([...words(f.name), ...f.outputs.flatMap((o) => words(o.name))].filter((w) => w.length > 2 && !GENERIC.has(w)).map(stem));
      for (const w of said) {
        const list = this.byWord.get(w);
        if (list) list.push(f);
        else this.byWord.set(w, [f]);
      }
    }
  }

  /** The functions whose product one of the request's words names. */
  named(intentWords: readonly string[]): FunctionSpec[] {
    const found = new Set<FunctionSpec>();
    for (const w of intentWords) for (const f of this.byWord.get(stem(w)) ?? []) found.add(f);
    return [...found];
  }
}
