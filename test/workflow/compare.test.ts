import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { aggregate, compareWorkflows, normaliseValue, score, type Comparison } from '../../src/workflow/compare.ts';
import type { Workflow, WorkflowNode } from '../../src/workflow/types.ts';

const wf = (...nodes: WorkflowNode[]): Workflow => ({ version: 1, request: '', nodes, outputs: [] });

/** Gold for "add 'Imagine' to Jenny's 'Chill Vibes' playlist". */
const gold = wf(
  { id: 'n1', function: 'Username2ID', inputs: { user_name: { value: 'Jenny' } } },
  { id: 'n2', function: 'Playlistname2ID', inputs: { playlist_name: { value: 'Chill Vibes' } } },
  {
    id: 'n3',
    function: 'AddSongToPlaylist',
    inputs: { user_ID: { from: 'n1', output: 'user_ID' }, playlist_ID: { from: 'n2', output: 'playlist_ID' }, song_name: { value: 'Imagine' } },
  },
);

describe('compareWorkflows', () => {
  it('scores an identical workflow as exact, whatever the node ids', () => {
    const renamed = wf(
      { id: 'user', function: 'Username2ID', inputs: { user_name: { value: 'Jenny' } } },
      { id: 'list', function: 'Playlistname2ID', inputs: { playlist_name: { value: 'Chill Vibes' } } },
      {
        id: 'add',
        function: 'AddSongToPlaylist',
        inputs: { song_name: { value: 'Imagine' }, user_ID: { from: 'user', output: 'user_ID' }, playlist_ID: { from: 'list', output: 'playlist_ID' } },
      },
    );
    const c = compareWorkflows(renamed, gold);
    assert.deepEqual(c, {
      functions: { tp: 3, fp: 0, fn: 0 },
      edges: { tp: 2, fp: 0, fn: 0 },
      values: { tp: 3, fp: 0, fn: 0 },
      asks: 0,
      exact: true,
    });
  });

  it('counts a missing helper node as a missed function, edge and value', () => {
    const pred = wf(
      { id: 'n2', function: 'Playlistname2ID', inputs: { playlist_name: { value: 'Chill Vibes' } } },
      { id: 'n3', function: 'AddSongToPlaylist', inputs: { user_ID: { value: 'Jenny' }, playlist_ID: { from: 'n2', output: 'playlist_ID' }, song_name: { value: 'Imagine' } } },
    );
    const c = compareWorkflows(pred, gold);
    assert.deepEqual(c.functions, { tp: 2, fp: 0, fn: 1 });
    assert.deepEqual(c.edges, { tp: 1, fp: 0, fn: 1 });
    // user_ID = "Jenny" on AddSongToPlaylist is a wrong literal; user_name = "Jenny" on Username2ID is missed.
    assert.deepEqual(c.values, { tp: 2, fp: 1, fn: 1 });
    assert.equal(c.exact, false);
  });

  it('counts a wrong edge as one false positive and one false negative', () => {
    const pred = structuredClone(gold);
    pred.nodes[2]!.inputs.playlist_ID = { from: 'n1', output: 'user_ID' };
    const c = compareWorkflows(pred, gold);
    assert.deepEqual(c.functions, { tp: 3, fp: 0, fn: 0 });
    assert.deepEqual(c.edges, { tp: 1, fp: 1, fn: 1 });
    assert.equal(c.exact, false);
  });

  it('treats functions as a multiset: a duplicated node is a false positive', () => {
    const pred = structuredClone(gold);
    pred.nodes.push({ id: 'n4', function: 'Username2ID', inputs: { user_name: { value: 'Jenny' } } });
    const c = compareWorkflows(pred, gold);
    assert.deepEqual(c.functions, { tp: 3, fp: 1, fn: 0 });
    assert.deepEqual(c.values, { tp: 3, fp: 1, fn: 0 });
    assert.equal(c.exact, false);
  });

  it('counts asks, never matches them with a gold value, and is then not exact', () => {
    const pred = structuredClone(gold);
    pred.nodes[2]!.inputs.song_name = { ask: 'Which song?' };
    const c = compareWorkflows(pred, gold);
    assert.equal(c.asks, 1);
    assert.deepEqual(c.values, { tp: 2, fp: 0, fn: 1 }, 'an ask is not a predicted literal, so it adds no fp');
    assert.equal(c.exact, false);
  });

  it('is not exact with an ask left even when every gold value is matched', () => {
    const pred = structuredClone(gold);
    pred.nodes[2]!.inputs.note = { ask: 'Any note?' };
    const c = compareWorkflows(pred, gold);
    assert.deepEqual(c.values, { tp: 3, fp: 0, fn: 0 });
    assert.equal(c.exact, false);
  });

  it('matches literals after normalisation', () => {
    const pred = structuredClone(gold);
    pred.nodes[0]!.inputs.user_name = { value: '  JENNY. ' };
    pred.nodes[1]!.inputs.playlist_name = { value: "'chill   vibes'" };
    pred.nodes[2]!.inputs.song_name = { value: '"Imagine"!' };
    assert.equal(compareWorkflows(pred, gold).exact, true);
  });

  it('never matches an edge from an unknown node id', () => {
    const pred = structuredClone(gold);
    pred.nodes[2]!.inputs.user_ID = { from: 'ghost', output: 'user_ID' };
    assert.deepEqual(compareWorkflows(pred, gold).edges, { tp: 1, fp: 1, fn: 1 });
  });
});

describe('normaliseValue', () => {
  const same = (a: unknown, b: unknown) => assert.equal(normaliseValue(a), normaliseValue(b), `${JSON.stringify(a)} vs ${JSON.stringify(b)}`);
  const differ = (a: unknown, b: unknown) => assert.notEqual(normaliseValue(a), normaliseValue(b), `${JSON.stringify(a)} vs ${JSON.stringify(b)}`);

  it('ignores case, outer whitespace and runs of whitespace', () => {
    same('New  York\tCity ', 'new york city');
  });
  it('strips surrounding quotes and trailing punctuation, in any nesting', () => {
    same('"Robert Downey Jr."', 'Robert Downey Jr');
    same("'Imagine'.", 'imagine');
    same('“Let It Be”?', 'let it be');
    same('hello!?', 'hello');
  });
  it('keeps inner punctuation and a lone quote', () => {
    differ("rock 'n' roll", 'rock n roll');
    assert.equal(normaliseValue("'"), "'");
  });
  it('makes numbers equal however they are written', () => {
    same('200', 200);
    same('200.0', 200);
    same(' 2.50 ', 2.5);
    same('1e3', 1000);
    differ('200', 201);
  });
  it('keeps currency signs and units as part of the literal', () => {
    differ('$200', 200);
    differ('200 km', 200);
  });
  it('writes arrays and objects as canonical JSON, so key order does not matter', () => {
    same({ b: 1, a: ['X', 'y'] }, { a: ['x', 'Y'], b: 1 });
    same(['rice', 'beans'], ['Rice', 'Beans']);
    differ(['rice', 'beans'], ['beans', 'rice']);
  });
  it('prints booleans and null as their JSON words', () => {
    same(true, 'True');
    same(null, 'null');
  });
});

describe('score and aggregate', () => {
  const c = (functions: [number, number, number], exact = false, asks = 0): Comparison => ({
    functions: { tp: functions[0], fp: functions[1], fn: functions[2] },
    edges: { tp: 0, fp: 0, fn: 0 },
    values: { tp: 0, fp: 0, fn: 1 },
    exact,
    asks,
  });

  it('computes precision, recall and F1 from counts', () => {
    const s = score({ tp: 3, fp: 1, fn: 2 });
    assert.equal(s.precision, 0.75);
    assert.equal(s.recall, 0.6);
    assert.ok(Math.abs(s.f1 - 2 / 3) < 1e-12);
  });

  it('scores 1 when nothing is predicted and nothing is gold, and 0 when only one side is empty', () => {
    assert.deepEqual(score({ tp: 0, fp: 0, fn: 0 }), { tp: 0, fp: 0, fn: 0, precision: 1, recall: 1, f1: 1 });
    assert.deepEqual(score({ tp: 0, fp: 0, fn: 4 }), { tp: 0, fp: 0, fn: 4, precision: 0, recall: 0, f1: 0 });
    assert.deepEqual(score({ tp: 0, fp: 2, fn: 0 }), { tp: 0, fp: 2, fn: 0, precision: 0, recall: 0, f1: 0 });
  });

  it('micro-averages: sums counts over requests before dividing', () => {
    const a = aggregate([c([1, 0, 0], true), c([2, 2, 4], false, 3)]);
    assert.equal(a.n, 2);
    assert.deepEqual([a.functions.tp, a.functions.fp, a.functions.fn], [3, 2, 4]);
    assert.equal(a.functions.precision, 3 / 5);
    assert.equal(a.functions.recall, 3 / 7);
    assert.ok(Math.abs(a.functions.f1 - (2 * 0.6 * (3 / 7)) / (0.6 + 3 / 7)) < 1e-12);
    assert.equal(a.edges.f1, 1, 'no edges anywhere is a perfect edge score');
    assert.equal(a.values.recall, 0);
    assert.equal(a.exact, 1);
    assert.equal(a.exactRate, 0.5);
    assert.equal(a.asks, 3);
  });

  it('reports an exact rate of 0 for no requests', () => {
    assert.equal(aggregate([]).exactRate, 0);
  });
});
