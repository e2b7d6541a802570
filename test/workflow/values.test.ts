import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { coerceValue, isAssignable, toJsonValue } from '../../src/workflow/values.ts';

describe('coerceValue', () => {
  it('parses numbers and integers from strings and rejects what is not one', () => {
    assert.equal(coerceValue('42', 'integer'), 42);
    assert.equal(coerceValue(' -7 ', 'integer'), -7);
    assert.throws(() => coerceValue('abc', 'integer'), /"abc" is not an integer/);
    assert.throws(() => coerceValue(1.5, 'integer'), /1.5 is not an integer/);
    assert.equal(coerceValue('2.5', 'number'), 2.5);
    assert.throws(() => coerceValue('', 'number'), /"" is not a number/);
  });

  it('reads booleans written as words', () => {
    assert.equal(coerceValue('yes', 'boolean'), true);
    assert.equal(coerceValue('False', 'boolean'), false);
    assert.throws(() => coerceValue('maybe', 'boolean'), /not a boolean/);
  });

  it('reads lists from JSON or comma-separated text, and objects from JSON', () => {
    assert.deepEqual(coerceValue('[1,2]', 'list'), [1, 2]);
    assert.deepEqual(coerceValue('a, b,c', 'list'), ['a', 'b', 'c']);
    assert.deepEqual(coerceValue('{"a":1}', 'object'), { a: 1 });
    assert.throws(() => coerceValue('[1]', 'object'), /not an object/);
  });

  it('accepts ISO dates and says how to write one otherwise', () => {
    assert.equal(coerceValue('2026-11-25', 'date'), '2026-11-25');
    assert.equal(coerceValue('2026-11-25T14:30:00+01:00', 'date'), '2026-11-25T14:30:00+01:00');
    assert.throws(() => coerceValue('next tuesday', 'date'), /use ISO 8601/);
    assert.throws(() => coerceValue('2026-13-45', 'date'), /not a date/);
  });

  it('round-trips files through their JSON form', () => {
    const file = { name: 'a.png', mime: 'image/png', data: new Uint8Array([1, 2, 3]) };
    const json = toJsonValue({ file }) as { file: { base64: string } };
    assert.equal(json.file.base64, 'AQID');
    const back = coerceValue(json.file, 'file') as { data: Uint8Array; name: string };
    assert.deepEqual([...back.data], [1, 2, 3]);
    assert.equal(back.name, 'a.png');
    assert.throws(() => coerceValue('a.png', 'file'), /not a file/);
  });
});

describe('isAssignable', () => {
  it('allows exact, any and lossless widening, and nothing else', () => {
    assert.ok(isAssignable('integer', 'number'));
    assert.ok(isAssignable('number', 'string'));
    assert.ok(isAssignable('object', 'any'));
    assert.ok(!isAssignable('number', 'integer'));
    assert.ok(!isAssignable('string', 'file'));
    assert.ok(!isAssignable('list', 'object'));
  });
});
