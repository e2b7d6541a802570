/**
 * @module planner/rebalance
 * A last pass over a built plan: a stated value that two steps both took, while another stated
 * value went unused, most likely belongs to only one of them ("book 'Jazz Night' in Los Angeles":
 * the city step keeps "Los Angeles", the event step gets "Jazz Night"); with none left, a step the value
 * fits far worse than another asks instead. Questions a left-over value answers well enough are filled too.
 */
import { valueFit } from './bind.ts';
import { draftNodes, type DraftNode } from './chain.ts';
import { isStatedValue, type Span } from './request.ts';
import type { Semantics } from './semantics.ts';

/** A value this plausible for an input is better than a duplicate or a question. */
const REASSIGN_FIT = 0.3;
/** A shared value fitting one step this much better than another belongs to the first only. */
const CLEAR_OWNER = 0.2;

/** Per node and input: the stated value to bind instead, or 'ask' to leave the input a question. */
export type Overrides = Map<DraftNode, Map<string, Span | 'ask'>>;

export function rebalanceValues(roots: DraftNode[], spans: Span[], sem: Semantics): Overrides {
  const nodes = draftNodes(roots);

  const uses = new Map<Span, { node: DraftNode; input: string; fit: number }[]>();
  const asks: { node: DraftNode; input: string }[] = [];
  for (const node of nodes) {
    for (const [input, b] of node.inputs) {
      if (b.kind === 'value' && isStatedValue(b.span)) uses.set(b.span, [...(uses.get(b.span) ?? []), { node, input, fit: b.fit }]);
      // A file the message comes with is asked of the conversation: taken, and no question to fill.
      if (b.kind === 'ask' && b.span) uses.set(b.span, [...(uses.get(b.span) ?? []), { node, input, fit: 1 }]);
      else if (b.kind === 'ask') asks.push({ node, input });
    }
  }
  const unused = spans.filter((s) => isStatedValue(s) && !uses.has(s) && s.kind !== 'attachment');
  const overrides: Overrides = new Map();
  const take = (node: DraftNode, input: string): Span | undefined => {
    const spec = node.fn.inputs.find((i) => i.name === input);
    if (!spec || unused.length === 0) return undefined;
    let best: { span: Span; fit: number } | undefined;
    for (const span of unused) {
      const fit = valueFit(spec, span, sem);
      if (fit >= REASSIGN_FIT && (!best || fit > best.fit)) best = { span, fit };
    }
    if (!best) return undefined;
    unused.splice(unused.indexOf(best.span), 1);
    override(node, input, best.span);
    return best.span;
  };
  const override = (node: DraftNode, input: string, to: Span | 'ask') => {
    const forNode = overrides.get(node) ?? new Map<string, Span | 'ask'>();
    forNode.set(input, to);
    overrides.set(node, forNode);
  };
  for (const [, users] of uses) {
    if (users.length < 2) continue;
    // The steps that fit the shared value least let it go first.
    const byFit = [...users].sort((a, b) => a.fit - b.fit);
    for (const u of byFit.slice(0, -1)) take(u.node, u.input);
    // A value that plainly belongs to one of the steps is not also another's ("to Harry's account"
    // names the receiver, not the sender): a step it fits far worse asks instead.
    const best = byFit.at(-1)!;
    for (const u of byFit.slice(0, -1)) if (!overrides.get(u.node)?.has(u.input) && best.fit - u.fit >= CLEAR_OWNER) override(u.node, u.input, 'ask');
  }
  for (const a of asks) take(a.node, a.input);
  return overrides;
}
