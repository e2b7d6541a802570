import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readConfirmPolicy } from '../../src/agent/index.ts';

describe('CONFIRM_BEFORE_RUN', () => {
  it('reads auto (also unset or empty), always and never, and true/1 and false/0 for the last two', () => {
    for (const [value, policy] of [[undefined, 'auto'], ['', 'auto'], [' Auto ', 'auto'], ['always', 'always'], ['TRUE', 'always'], ['1', 'always'], ['never', 'never'], ['false', 'never'], ['0', 'never']] as const) {
      assert.equal(readConfirmPolicy(value), policy, String(value));
    }
  });

  it('gives nothing for any other word, for the entry point to report', () => {
    assert.equal(readConfirmPolicy('sometimes'), undefined);
  });
});
