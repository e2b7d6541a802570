import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { functionText } from '../../src/index/index.ts';

const spec = {
  name: 'GetUserID',
  description: 'This API is to convert a username to a user ID',
  inputs: [{ name: 'user_name', type: 'string' as const, description: 'the name of the user', required: true }],
  outputs: [{ name: 'user_ID', type: 'integer' as const, description: 'the ID of the user.' }],
};

describe('functionText', () => {
  it('splits the name into words and weighs name and description double', () => {
    const text = functionText(spec);
    assert.equal(text.split('get user id.').length - 1, 2);
    assert.equal(text.split('This API is to convert a username to a user ID.').length - 1, 2);
  });

  it('includes input and output names (as words) with their descriptions', () => {
    const text = functionText(spec);
    assert.match(text, /user name: the name of the user\./);
    assert.match(text, /user id: the ID of the user\./);
  });

  it('leaves out what does not describe the function: types, runtime, side effects', () => {
    const text = functionText({ ...spec, runtime: { type: 'http', url: 'https://x.example/fn' }, sideEffects: true } as typeof spec);
    assert.doesNotMatch(text, /integer|string|http|example/);
  });
});
