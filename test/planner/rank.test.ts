import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FunctionSpec } from '../../src/catalog/types.ts';
import type { DraftNode } from '../../src/planner/chain.ts';
import { WEIGHTS, goalScore, helperRelevance } from '../../src/planner/rank.ts';
import { fixtureCatalog } from './catalogs.ts';

const music = fixtureCatalog('music');
const node = (name: string, from: Record<string, DraftNode> = {}): DraftNode => {
  const fn = music.get(name);
  assert.ok(fn, `the music fixture has no ${name}`);
  const inputs = new Map(Object.entries(from).map(([input, n]) => [input, { kind: 'from' as const, node: n, output: n.fn.outputs[0]!.name, score: 1 }]));
  return { fn, inputs, runnersUp: [] };
};

describe('helperRelevance', () => {
  const user = node('Username2ID');
  const playlist = node('GetPlaylistID');
  const goal = node('AddSongToPlaylist', { user_ID: user, playlist_ID: playlist });
  const relevance = (fn: FunctionSpec) => (fn.name === 'Username2ID' ? 1 : 0);

  it('is the mean relevance of the helpers, the goal itself left out', () => {
    assert.equal(helperRelevance(goal, relevance), 0.5);
  });

  it('counts a helper shared by two inputs once', () => {
    const shared = node('AddSongToPlaylist', { user_ID: user, playlist_ID: user });
    assert.equal(helperRelevance(shared, relevance), 1);
  });

  it('is 0 for a plan without helpers', () => {
    assert.equal(helperRelevance(node('Username2ID'), () => 1), 0);
  });
});

describe('goalScore', () => {
  it('scores only the features given, so a function is pre-ranked on its own features before its plan exists', () => {
    const weights = { ...Object.fromEntries(Object.keys(WEIGHTS).map((k) => [k, 1])), retrieval: 1.5 } as typeof WEIGHTS;
    assert.equal(goalScore({ retrieval: 2, dense: 0.5 }, weights), 3.5);
  });
});
