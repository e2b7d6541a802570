import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FunctionSpec, InputSpec } from '../../src/catalog/types.ts';
import { canonicalWorkflow, finalFunctions, functionCounts, sameCanonical, type ComparableWorkflow } from '../../src/workflow/canonical.ts';
import type { Binding } from '../../src/workflow/types.ts';

const input = (name: string, extra: Partial<InputSpec> = {}): InputSpec => ({ name, type: 'string', description: name, required: true, ...extra });
const fn = (name: string, inputs: InputSpec[], outputs: string[]): FunctionSpec => ({
  name,
  description: name,
  inputs,
  outputs: outputs.map((o) => ({ name: o, type: 'string', description: o })),
});

/** A tiny Slack-ish catalog: `limit` and `algorithm` have declared defaults. */
const catalog = {
  functions: [
    fn('ListChannelMessages', [input('channel'), input('limit', { type: 'integer', required: false, default: 100 })], ['messages', 'text']),
    fn('SummarizeText', [input('text')], ['summary']),
    fn('PostSlackMessage', [input('channel'), input('text')], ['message_ts', 'channel_id']),
    fn('HashText', [input('text'), input('algorithm', { required: false, default: 'sha256' })], ['hash']),
    fn('BuyBook', [input('title')], ['order_id']),
  ],
};

type Node = { id: string; function: string; inputs: Record<string, Binding | { ask: true }> };
const plan = (...nodes: Node[]): ComparableWorkflow => ({ nodes, outputs: [] });
const same = (a: ComparableWorkflow, b: ComparableWorkflow) => sameCanonical(canonicalWorkflow(a, catalog), canonicalWorkflow(b, catalog));
const value = (v: unknown): Binding => ({ value: v });

/** "summarise #eng and post it to #leads", as the gold writes it. */
const gold = plan(
  { id: 'n1', function: 'ListChannelMessages', inputs: { channel: value('#eng') } },
  { id: 'n2', function: 'SummarizeText', inputs: { text: { from: 'n1', output: 'text' } } },
  { id: 'n3', function: 'PostSlackMessage', inputs: { channel: value('#leads'), text: { from: 'n2', output: 'summary' } } },
);

/** One hash node with `text` bound as given. */
const hash = (text: Binding | { ask: true }, extra: Record<string, Binding> = {}) => plan({ id: 'n1', function: 'HashText', inputs: { text, ...extra } });

describe('canonicalWorkflow', () => {
  it('writes a wire as its producer\'s whole signature, so node ids vanish', () => {
    assert.deepEqual(canonicalWorkflow(gold, catalog), [
      "listchannelmessages(channel=('s', 'eng'))",
      "postslackmessage(channel=('s', 'leads'),text<-summarizetext(text<-listchannelmessages(channel=('s', 'eng')).text).summary)",
      "summarizetext(text<-listchannelmessages(channel=('s', 'eng')).text)",
    ]);
  });

  it('finds renamed and reordered nodes equal', () => {
    const renamed = plan(
      { id: 'post', function: 'PostSlackMessage', inputs: { text: { from: 'sum', output: 'summary' }, channel: value('leads') } },
      { id: 'sum', function: 'SummarizeText', inputs: { text: { from: 'list', output: 'text' } } },
      { id: 'list', function: 'ListChannelMessages', inputs: { channel: value('eng') } },
    );
    assert.ok(same(renamed, gold));
  });

  it('finds a wrong wiring different: another output, or a producer skipped', () => {
    const otherOutput = structuredClone(gold);
    otherOutput.nodes[1]!.inputs!.text = { from: 'n1', output: 'messages' };
    assert.ok(!same(otherOutput, gold));
    const skipped = structuredClone(gold);
    skipped.nodes[2]!.inputs!.text = { from: 'n1', output: 'text' };
    assert.ok(!same(skipped, gold));
  });

  it('shows a wire from a missing node as <?>', () => {
    assert.deepEqual(canonicalWorkflow(plan({ id: 'n2', function: 'SummarizeText', inputs: { text: { from: 'gone', output: 'text' } } }), catalog), [
      'summarizetext(text<-<?>.text)',
    ]);
  });

  it('counts an optional input bound to its declared default as unset, and any other value as set', () => {
    assert.ok(same(hash(value('abc'), { algorithm: value('SHA256') }), hash(value('abc'))));
    assert.ok(!same(hash(value('abc'), { algorithm: value('md5') }), hash(value('abc'))));
    const limited = (limit: unknown) => plan({ id: 'n1', function: 'ListChannelMessages', inputs: { channel: value('eng'), limit: value(limit) } });
    assert.ok(same(limited('100'), plan({ id: 'n1', function: 'ListChannelMessages', inputs: { channel: value('eng') } })));
    assert.ok(!same(limited(50), plan({ id: 'n1', function: 'ListChannelMessages', inputs: { channel: value('eng') } })));
  });

  it('equals a channel written #eng, eng, ENG or as Slack markup <#C1|eng>; a bare <#C1> is its id', () => {
    const channel = (c: string) => plan({ id: 'n1', function: 'ListChannelMessages', inputs: { channel: value(c) } });
    for (const c of ['#eng', 'ENG', '<#C1|eng>', ' "eng" ']) assert.ok(same(channel(c), channel('eng')), c);
    assert.ok(!same(channel('<#C1>'), channel('eng')));
    assert.ok(!same(channel('eng-leads'), channel('eng')));
  });

  it('reads a user mention <@U1|alice> as the user id, not the name', () => {
    const user = (u: string) => hash(value(u));
    assert.ok(same(user('<@U1|alice>'), user('u1')));
    assert.ok(!same(user('<@U1|alice>'), user('alice')));
    assert.ok(same(user('@Alice'), user('alice')));
  });

  it('equals "5" and 5, 5.0000001 and 5 (six decimals), but not "5 km" and 5', () => {
    for (const v of ['5', ' 5.0 ', 5.0000001, '5.', '+5']) assert.ok(same(hash(value(v)), hash(value(5))), String(v));
    assert.ok(!same(hash(value('5 km')), hash(value(5))));
    assert.ok(!same(hash(value(5.00001)), hash(value(5))));
  });

  it('equals ISO dates and date-times written differently, and tells a date from a date-time', () => {
    assert.ok(same(hash(value('2026-W53-4')), hash(value('2026-12-31'))));
    assert.ok(same(hash(value('2026-12-31T08:00Z')), hash(value('2026-12-31 08:00:00+00:00'))));
    assert.ok(!same(hash(value('2026-12-31T00:00Z')), hash(value('2026-12-31'))));
    assert.ok(!same(hash(value('2026-12-31T08:00+01:00')), hash(value('2026-12-31T07:00Z'))), 'offsets are kept, not converted');
  });

  it('drops surrounding quotes and trailing . ! ? but keeps inner punctuation', () => {
    assert.ok(same(hash(value('“The build is green!”')), hash(value('the build is green'))));
    assert.ok(!same(hash(value('the build, is green')), hash(value('the build is green'))));
  });

  it('tells an ask from a value, whatever the question says', () => {
    assert.ok(same(hash({ ask: 'Which text should I hash?' }), hash({ ask: true })));
    assert.ok(!same(hash(value('this')), hash({ ask: true })));
    assert.ok(!same(hash({ ask: true }, { algorithm: value('md5') }), hash({ ask: true })));
  });

  it('compares a repeated call as many nodes (a multiset)', () => {
    const post = (id: string, channel: string): Node => ({ id, function: 'PostSlackMessage', inputs: { channel: value(channel), text: value('done') } });
    assert.ok(same(plan(post('a', 'eng'), post('b', 'ops')), plan(post('x', '#ops'), post('y', '#eng'))));
    assert.ok(!same(plan(post('a', 'eng'), post('b', 'eng')), plan(post('x', 'eng'))));
  });
});

describe('functionCounts', () => {
  it('counts every node by lower-case function', () => {
    assert.deepEqual([...functionCounts(gold).entries()], [['listchannelmessages', 1], ['summarizetext', 1], ['postslackmessage', 1]]);
  });
});

describe('finalFunctions', () => {
  it('takes the final nodes from outputs, and top-3 adds the alternatives offered for them', () => {
    const bought: ComparableWorkflow = {
      nodes: [{ id: 'n1', function: 'BuyBook', inputs: { title: value('Dune') } }],
      outputs: [{ from: 'n1', output: 'order_id' }],
      alternatives: [{ node: 'n1', functions: ['PurchaseBook', 'OrderBook'] }],
    };
    assert.deepEqual(finalFunctions(bought), { top1: ['buybook'], top3: ['buybook', 'purchasebook', 'orderbook'] });
  });

  it('ignores alternatives offered for a helper node', () => {
    const wf: ComparableWorkflow = { ...gold, alternatives: [{ node: 'n2', functions: ['ExtractKeywords'] }] };
    assert.deepEqual(finalFunctions(wf), { top1: ['postslackmessage'], top3: ['postslackmessage'] });
  });

  it('falls back to the nodes nobody reads from when there are no outputs', () => {
    assert.deepEqual(finalFunctions(gold).top1, ['postslackmessage']);
    assert.deepEqual(finalFunctions({ nodes: [], outputs: [] }), { top1: [], top3: [] });
  });
});
