import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isCancel, pickChoice, readValue } from '../../src/agent/index.ts';

const choices = [
  { value: 'BookMovie', label: 'BookMovie' },
  { value: 'BuyMovieTickets', label: 'BuyMovieTickets' },
];

describe('reading answers', () => {
  it('takes "cancel", "stop" and "never mind" as ending the conversation, but not a sentence containing them', () => {
    for (const a of ['cancel', 'Stop!', ' never mind ', 'abort']) assert.ok(isCancel(a), a);
    for (const a of ['stop motion', 'cancelled flights', 'km']) assert.ok(!isCancel(a), a);
  });

  it('picks a choice by its number, value or label in any case, and nothing for anything else', () => {
    assert.equal(pickChoice('2', choices)?.value, 'BuyMovieTickets');
    assert.equal(pickChoice('#1', choices)?.value, 'BookMovie');
    assert.equal(pickChoice('buymovietickets', choices)?.value, 'BuyMovieTickets');
    assert.equal(pickChoice('3', choices), undefined);
    assert.equal(pickChoice('the second', choices), undefined);
  });

  it('reads numbers, amounts in a short phrase, quoted text and declared options', () => {
    assert.deepEqual(readValue('42', { name: 'n', type: 'integer' }), { ok: true, value: 42 });
    assert.deepEqual(readValue('about 200 people', { name: 'n', type: 'integer' }), { ok: true, value: 200 });
    assert.deepEqual(readValue('"hello world"', { name: 'text', type: 'string' }), { ok: true, value: 'hello world' });
    assert.deepEqual(readValue('SHA256', { name: 'algorithm', type: 'string', enum: ['md5', 'sha256'] }), { ok: true, value: 'sha256' });
  });

  it('reads "today", "tomorrow" and "yesterday" as dates (UTC)', () => {
    const now = new Date('2026-11-25T23:30:00Z');
    assert.deepEqual(readValue('Tomorrow', { name: 'date', type: 'date' }, now), { ok: true, value: '2026-11-26' });
    assert.deepEqual(readValue('yesterday', { name: 'date', type: 'date' }, now), { ok: true, value: '2026-11-24' });
    assert.deepEqual(readValue('2026-01-31', { name: 'date', type: 'date' }, now), { ok: true, value: '2026-01-31' });
  });

  it('says why an answer does not fit: not a number, not an option, a file, or empty', () => {
    const no = (r: ReturnType<typeof readValue>) => (r.ok ? assert.fail(`taken: ${JSON.stringify(r.value)}`) : r.error);
    assert.match(no(readValue('lots', { name: 'n', type: 'integer' })), /"lots" is not an integer/);
    assert.match(no(readValue('sha1', { name: 'algorithm', type: 'string', enum: ['md5', 'sha256'] })), /not one of "md5", "sha256"/);
    assert.match(no(readValue('cat.png', { name: 'image', type: 'file' })), /needs a file/);
    assert.match(no(readValue('   ', { name: 'text', type: 'string' })), /empty/);
    assert.match(no(readValue('next week', { name: 'date', type: 'date' })), /ISO 8601/);
  });
});
