import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FunctionSpec, InputSpec } from '../../src/catalog/types.ts';
import type { GoldWorkflow } from '../../src/workflow/canonical.ts';
import { judgeProductItem, shownForms, summariseProduct, type ProductItem } from '../../src/workflow/product-score.ts';
import type { Workflow } from '../../src/workflow/types.ts';

const input = (name: string, extra: Partial<InputSpec> = {}): InputSpec => ({ name, type: 'string', description: name, required: true, ...extra });
const fn = (name: string, inputs: InputSpec[], output: string): FunctionSpec => ({ name, description: name, inputs, outputs: [{ name: output, type: 'string', description: output }] });

const catalog = {
  functions: [
    fn('ListChannelMessages', [input('channel'), input('limit', { type: 'integer', required: false, default: 100 })], 'text'),
    fn('SummarizeText', [input('text')], 'summary'),
    fn('PostSlackMessage', [input('channel'), input('text')], 'message_ts'),
    fn('BuyBook', [input('title')], 'order_id'),
    fn('PurchaseBook', [input('title')], 'order_id'),
  ],
};

const summary: GoldWorkflow = {
  nodes: [
    { id: 'n1', function: 'ListChannelMessages', inputs: { channel: { value: '#eng' } } },
    { id: 'n2', function: 'SummarizeText', inputs: { text: { from: 'n1', output: 'text' } } },
  ],
  outputs: [{ from: 'n2', output: 'summary' }],
};
const posted: GoldWorkflow = {
  nodes: [...summary.nodes, { id: 'n3', function: 'PostSlackMessage', inputs: { channel: { value: '#leads' }, text: { from: 'n2', output: 'summary' } } }],
  outputs: [{ from: 'n3', output: 'message_ts' }],
};
const workflow = (gold: GoldWorkflow, extra: Partial<Workflow> = {}): Workflow => ({ version: 1, request: '', ...structuredClone(gold), outputs: gold.outputs ?? [], ...extra }) as Workflow;

const item = (id: string, kind: string, gold: GoldWorkflow[], unsupported = false): ProductItem => ({ id, kind, request: id, gold, unsupported });
const unsupportedItem = item('hotel', 'unsupported', [], true);

describe('judgeProductItem', () => {
  it('is right when the plan equals one of the acceptable plans', () => {
    const j = judgeProductItem(item('a', 'chain', [summary, posted]), { workflow: workflow(summary) }, catalog);
    assert.equal(j.right, true);
    assert.deepEqual(j.goal, { top1: true, top3: true, functions: { tp: 2, fp: 0, fn: 0 } });
  });

  it('takes the first acceptable plan among those sharing most functions, as score.py does, even if a later one is equal', () => {
    const j = judgeProductItem(item('a', 'chain', [posted, summary]), { workflow: workflow(summary) }, catalog);
    assert.equal(j.right, true);
    assert.deepEqual(j.goal!.functions, { tp: 2, fp: 0, fn: 1 });
  });

  it('compares functions with the acceptable plan that shares most of them', () => {
    const plan = workflow(posted);
    plan.nodes[0]!.inputs.channel = { value: '#random' };
    const j = judgeProductItem(item('a', 'multi', [summary, posted]), { workflow: plan }, catalog);
    assert.equal(j.right, false);
    assert.deepEqual(j.goal!.functions, { tp: 3, fp: 0, fn: 0 });
  });

  it('counts the final function in top-3 through the alternatives of the final node only', () => {
    const buy: GoldWorkflow = { nodes: [{ id: 'n1', function: 'PurchaseBook', inputs: { title: { value: 'Dune' } } }], outputs: [{ from: 'n1', output: 'order_id' }] };
    const planned = workflow({ nodes: [{ id: 'b', function: 'BuyBook', inputs: { title: { value: 'Dune' } } }], outputs: [{ from: 'b', output: 'order_id' }] });
    const offered = judgeProductItem(item('dune', 'single', [buy]), { workflow: { ...planned, alternatives: [{ node: 'b', functions: ['PurchaseBook'] }] } }, catalog);
    assert.deepEqual([offered.right, offered.goal!.top1, offered.goal!.top3], [false, false, true]);
    const elsewhere = judgeProductItem(item('dune', 'single', [buy]), { workflow: { ...planned, alternatives: [{ node: 'other', functions: ['PurchaseBook'] }] } }, catalog);
    assert.deepEqual([elsewhere.goal!.top1, elsewhere.goal!.top3], [false, false]);
  });

  it('scores a planner error on a request with a goal as wrong, every gold function missed', () => {
    const j = judgeProductItem(item('a', 'chain', [summary]), { error: 'no function can do it' }, catalog);
    assert.equal(j.right, false);
    assert.deepEqual(j.goal, { top1: false, top3: false, functions: { tp: 0, fp: 0, fn: 2 } });
    assert.deepEqual(shownForms(j).got, 'no function can do it');
  });

  it('is right on an unsupported request when the plan has no node and says what it cannot do', () => {
    const j = judgeProductItem(unsupportedItem, { workflow: workflow({ nodes: [] }, { unsupported: ['book a hotel'] }) }, catalog);
    assert.equal(j.right, true);
    assert.equal(j.goal, undefined, 'unsupported requests count in neither top-k nor F1');
  });

  it('is right on an unsupported request when planning failed or there is no line', () => {
    assert.equal(judgeProductItem(unsupportedItem, { error: 'no function' }, catalog).right, true);
    assert.equal(judgeProductItem(unsupportedItem, undefined, catalog).right, true);
  });

  it('is wrong on an unsupported request that got a node, or no node and no word of what is unsupported', () => {
    assert.equal(judgeProductItem(unsupportedItem, { workflow: workflow(summary, { unsupported: ['book a hotel'] }) }, catalog).right, false);
    assert.equal(judgeProductItem(unsupportedItem, { workflow: workflow({ nodes: [] }, { unsupported: [] }) }, catalog).right, false);
    assert.equal(judgeProductItem(unsupportedItem, { workflow: {} }, catalog).right, false);
  });

  it('shows a wrong item as score.py does: canonical forms as Python lists', () => {
    const j = judgeProductItem(item('a', 'chain', [summary]), { workflow: workflow({ nodes: [summary.nodes[0]!] }) }, catalog);
    assert.deepEqual(shownForms(j), {
      got: `["listchannelmessages(channel=('s', 'eng'))"]`,
      want: `[["listchannelmessages(channel=('s', 'eng'))", "summarizetext(text<-listchannelmessages(channel=('s', 'eng')).text)"]]`,
    });
    assert.equal(shownForms(judgeProductItem(unsupportedItem, { workflow: workflow(summary) }, catalog)).want, 'unsupported');
    assert.equal(shownForms(judgeProductItem(item('a', 'chain', [summary]), undefined, catalog)).got, 'no line');
  });
});

describe('summariseProduct', () => {
  it('gives right share over all items, top-k and F1 over the items with a goal, and counts per kind', () => {
    const judgements = [
      judgeProductItem(item('a', 'chain', [summary]), { workflow: workflow(summary) }, catalog),
      judgeProductItem(item('b', 'multi', [posted]), { workflow: workflow(summary) }, catalog),
      judgeProductItem(unsupportedItem, { workflow: workflow({ nodes: [] }, { unsupported: ['hotel'] }) }, catalog),
      judgeProductItem(item('c', 'unsupported', [], true), { workflow: workflow(summary) }, catalog),
    ];
    const s = summariseProduct(judgements);
    // functions: a 2/2/0 (tp, fp, fn); b tp 2, fn 1 (PostSlackMessage missing). P = 4/4, R = 4/5.
    assert.deepEqual(s, {
      n: 4,
      right: 2,
      right_share: 0.5,
      final_top1: 0.5,
      final_top3: 0.5,
      fn_F1: (2 * 1 * 0.8) / 1.8,
      per_kind: { chain: '1/1', multi: '0/1', unsupported: '1/2' },
    });
  });

  it('gives zeros, not NaN, for no items', () => {
    assert.deepEqual(summariseProduct([]), { n: 0, right: 0, right_share: 0, final_top1: 0, final_top3: 0, fn_F1: 0, per_kind: {} });
  });
});
