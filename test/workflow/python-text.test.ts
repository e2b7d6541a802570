import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { pyFixed, pyFloat, pyFloatRepr, pyJsonDumps, pyRepr, pyStrip, pyStrRepr } from '../../src/workflow/python-text.ts';

describe('python text forms', () => {
  it('formats with fixed decimals rounding exact ties to even, as Python does (toFixed rounds them up)', () => {
    assert.equal(pyFixed(0.0625, 3), '0.062');
    assert.equal(pyFixed(0.1875, 3), '0.188');
    assert.equal(pyFixed(2 / 3, 3), '0.667');
    assert.equal(pyFixed(0.0005, 3), '0.001', '0.0005 is not a tie in binary: it is a little above');
  });

  it('writes floats as Python repr does', () => {
    assert.deepEqual([50, 26.2, 1e16, 1e15, 1e-5, 1e-4, -0, 0.1 + 0.2, NaN, -Infinity].map(pyFloatRepr), [
      '50.0', '26.2', '1e+16', '1000000000000000.0', '1e-05', '0.0001', '-0.0', '0.30000000000000004', 'nan', '-inf',
    ]);
  });

  it('quotes strings as Python repr does', () => {
    assert.equal(pyStrRepr('eng'), "'eng'");
    assert.equal(pyStrRepr("it's"), `"it's"`);
    assert.equal(pyStrRepr(`both ' and "`), `'both \\' and "'`);
    assert.equal(pyStrRepr('tab\there\u200b\u00e9'), "'tab\\there\\u200bé'");
    assert.equal(pyRepr(['a', ['b']]), "['a', ['b']]");
  });

  it('reads what float() reads, and nothing more', () => {
    assert.equal(pyFloat('1_000.5'), 1000.5);
    assert.equal(pyFloat('١٢'), 12);
    assert.equal(pyFloat('-inf'), -Infinity);
    for (const s of ['1__0', '_1', '1e', '0x10', '5 km', '']) assert.equal(pyFloat(s), undefined, s);
  });

  it('strips Python whitespace and given characters, and dumps JSON with sorted keys', () => {
    assert.equal(pyStrip('\u00a0 x \u3000'), 'x');
    assert.equal(pyStrip('"\'x\'"', `"'`), 'x');
    assert.equal(pyJsonDumps({ b: [1, 2.5], a: 'é' }), '{"a": "\\u00e9", "b": [1, 2.5]}');
  });
});
