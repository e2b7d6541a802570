import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { splitGoals } from '../../src/planner/index.ts';

describe('splitGoals', () => {
  it('splits at "and then"', () => {
    assert.deepEqual(splitGoals('Find a horror movie and then book 3 tickets'), ['Find a horror movie', 'book 3 tickets']);
  });

  it('splits at a new sentence that starts with "Also,"', () => {
    assert.deepEqual(splitGoals('Book a table for two at Luigi. Also, text Sam the address'), ['Book a table for two at Luigi', 'text Sam the address']);
  });

  it('splits at a semicolon', () => {
    assert.deepEqual(splitGoals('Mute the alerts channel; archive the old incidents'), ['Mute the alerts channel', 'archive the old incidents']);
  });

  it('splits a request with several sequencing words into each goal, in order', () => {
    assert.deepEqual(splitGoals('Find a horror movie and then book 3 tickets. Also, post it to #films'), [
      'Find a horror movie',
      'book 3 tickets',
      'post it to #films',
    ]);
  });

  it('keeps a request with a plain "and" as one goal', () => {
    assert.deepEqual(splitGoals('Compare the prices of apples and oranges'), ['Compare the prices of apples and oranges']);
  });

  it('drops one-word fragments that say nothing to do', () => {
    assert.deepEqual(splitGoals('Restart the payments service; thanks'), ['Restart the payments service']);
  });
});
