/**
 * @module workflow/canonical
 * Canonical forms of a plan, for comparing plans the way the product data sets' scorer (score.py)
 * does: two plans are the same when their sorted node signatures are.
 *
 * A node's signature is its function (lower case) and its bound inputs in name order:
 * `name=<value form>` for a stated value (see {@link canonicalValue}), `name=?` for a question,
 * and `name<-<producer's signature>.<output>` for a wire, so the producer's whole chain is part of
 * the consumer's signature and node ids vanish. An optional input bound to its declared default is
 * left out, as if unset.
 *
 * @example
 * canonicalWorkflow({ nodes: [
 *   { id: 'a', function: 'ListChannelMessages', inputs: { channel: { value: '<#C1|eng>' } } },
 *   { id: 'b', function: 'SummarizeText', inputs: { text: { from: 'a', output: 'text' } } },
 * ] }, catalog);
 * // ["listchannelmessages(channel=('s', 'eng'))",
 * //  "summarizetext(text<-listchannelmessages(channel=('s', 'eng')).text)"]
 */
import type { FunctionSpec } from '../catalog/types.ts';
import { canonicalValue, sameValue, valueRepr, type CanonicalValue } from './canonical-value.ts';
import { byCodePoint, pyStr } from './python-text.ts';
import type { Binding, Workflow, WorkflowNode } from './types.ts';

/** A question in a data set's gold plan: `{"ask": true}` (the data set does not word it). */
export interface GoldAskBinding {
  ask: true;
}

/** A gold plan as the product data sets write it: Workflow v1 without `version` and `request`, asks as `{"ask": true}`. */
export type GoldWorkflow = Partial<Omit<Workflow, 'version' | 'request' | 'nodes'>> & {
  nodes: (Omit<WorkflowNode, 'inputs'> & { inputs?: Record<string, Binding | GoldAskBinding> })[];
};

/** What the comparison reads: a planned workflow or a gold one. */
export type ComparableWorkflow = Workflow | GoldWorkflow;

/** The part of a catalog the comparison needs: each function's declared defaults. */
export interface CatalogFunctions {
  readonly functions: readonly FunctionSpec[];
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const records = (v: unknown): Record<string, unknown>[] => (Array.isArray(v) ? v.filter(isRecord) : []);
const lower = (v: unknown) => pyStr(v).toLowerCase();

/**
 * A key that treats ids as Python dict keys do: `1`, `1.0` and `true` are one key, `"1"` another.
 * Undefined for values Python could not use as a key.
 * @example
 * idKey(1) === idKey(true); // true
 */
export function idKey(v: unknown): string | undefined {
  if (typeof v === 'string') return `s:${v}`;
  if (typeof v === 'number') return `n:${v}`;
  if (typeof v === 'boolean') return `n:${v ? 1 : 0}`;
  if (v === null || v === undefined) return 'none';
  return undefined;
}

const defaultsCache = new WeakMap<CatalogFunctions, Map<string, Map<string, CanonicalValue>>>();

/** Declared defaults by lower-case function name and input name (the last spec of a name wins). */
function defaultsOf(catalog: CatalogFunctions): Map<string, Map<string, CanonicalValue>> {
  let byFunction = defaultsCache.get(catalog);
  if (!byFunction) {
    byFunction = new Map();
    for (const spec of catalog.functions) {
      const defaults = new Map<string, CanonicalValue>();
      for (const input of spec.inputs) if ('default' in input) defaults.set(input.name, canonicalValue(input.default));
      byFunction.set(spec.name.toLowerCase(), defaults);
    }
    defaultsCache.set(catalog, byFunction);
  }
  return byFunction;
}

/**
 * The sorted node signatures of a plan (see the module comment). A wire from a node that is
 * missing, or that leads round a cycle, shows its producer as `<?>`.
 * @example
 * canonicalWorkflow({ nodes: [{ id: 'n1', function: 'HashText', inputs: { text: { ask: true }, algorithm: { value: 'SHA256' } } }] }, catalog);
 * // ['hashtext(text=?)'] when the catalog declares algorithm's default as "sha256"
 */
export function canonicalWorkflow(workflow: ComparableWorkflow, catalog: CatalogFunctions): string[] {
  const defaults = defaultsOf(catalog);
  // Like a Python dict built from the list: a repeated id keeps its first place and its last node.
  const nodes = new Map<string, Record<string, unknown>>();
  for (const n of records(workflow.nodes)) {
    const key = idKey(n.id);
    if (key !== undefined) nodes.set(key, n);
  }
  const memo = new Map<string, string>();
  const busy = new Set<string>();

  const signature = (key: string | undefined): string => {
    if (key === undefined) return '<?>';
    const known = memo.get(key);
    if (known !== undefined) return known;
    const node = nodes.get(key);
    if (busy.has(key) || !node) return '<?>';
    busy.add(key);
    const fn = lower(node.function);
    const declared = defaults.get(fn);
    const parts: string[] = [];
    const inputs = isRecord(node.inputs) ? node.inputs : {};
    for (const name of Object.keys(inputs).sort(byCodePoint)) {
      const b = inputs[name];
      if (!isRecord(b)) continue;
      if ('from' in b) parts.push(`${name}<-${signature(idKey(b.from))}.${pyStr(b.output)}`);
      else if ('ask' in b) parts.push(`${name}=?`);
      else if ('value' in b) {
        const value = canonicalValue(b.value);
        const fallback = declared?.get(name);
        if (fallback && sameValue(value, fallback)) continue;
        parts.push(`${name}=${valueRepr(value)}`);
      }
    }
    busy.delete(key);
    const sig = `${fn}(${parts.join(',')})`;
    memo.set(key, sig);
    return sig;
  };

  return [...nodes.keys()].map(signature).sort(byCodePoint);
}

/**
 * Whether two plans are the same for the product comparison: equal sorted signatures.
 * @example
 * const right = gold.some((g) => sameCanonical(canonicalWorkflow(plan, catalog), canonicalWorkflow(g, catalog)));
 */
export function sameCanonical(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((s, i) => s === b[i]);
}

/**
 * How many nodes call each function (lower case), every node counted, ids not looked at.
 * @example
 * functionCounts(plan).get('postslackmessage'); // 2
 */
export function functionCounts(workflow: ComparableWorkflow): Map<string, number> {
  const counts = new Map<string, number>();
  for (const n of records(workflow.nodes)) {
    const fn = lower(n.function);
    counts.set(fn, (counts.get(fn) ?? 0) + 1);
  }
  return counts;
}

export interface FinalFunctions {
  /** Functions of the final nodes: those named in `outputs`, else those no node reads from. */
  top1: string[];
  /** `top1` followed by the `alternatives` offered for a final node (the user's other choices). */
  top3: string[];
}

/**
 * The final functions of a plan, lower case, and the alternatives offered for its final nodes.
 * @example
 * finalFunctions({ nodes: [{ id: 'n1', function: 'BuyBook', inputs: {} }],
 *                  outputs: [{ from: 'n1', output: 'order' }],
 *                  alternatives: [{ node: 'n1', functions: ['PurchaseBook'] }] });
 * // { top1: ['buybook'], top3: ['buybook', 'purchasebook'] }
 */
export function finalFunctions(workflow: ComparableWorkflow): FinalFunctions {
  const nodes = records(workflow.nodes);
  if (nodes.length === 0) return { top1: [], top3: [] };
  const outputs = records(workflow.outputs);
  const used = new Set(nodes.flatMap((n) => (isRecord(n.inputs) ? Object.values(n.inputs) : [])).filter(isRecord).map((b) => idKey(b.from)));
  const lastIds = outputs.length > 0 ? outputs.map((o) => idKey(o.from)) : nodes.map((n) => idKey(n.id)).filter((k) => !used.has(k));
  const byId = new Map<string | undefined, Record<string, unknown>>(nodes.map((n) => [idKey(n.id), n]));
  const top1 = lastIds.flatMap((k) => (k !== undefined && byId.has(k) ? [lower(byId.get(k)!.function)] : []));
  const top3 = [...top1];
  for (const a of records(workflow.alternatives)) {
    if (lastIds.includes(idKey(a.node))) top3.push(...(Array.isArray(a.functions) ? a.functions.map(lower) : []));
  }
  return { top1, top3 };
}
