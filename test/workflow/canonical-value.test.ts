import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { canonicalValue, sameValue, valueRepr } from '../../src/workflow/canonical-value.ts';
import { scorePy } from './score-py.ts';

const repr = (v: unknown) => valueRepr(canonicalValue(v));
/** Values that trip a normaliser: markup, quotes, number forms, ISO dates Python reads and does not. */
const TRICKY: unknown[] = JSON.parse(readFileSync(new URL('../fixtures/product-values.json', import.meta.url), 'utf8'));

describe('canonicalValue', () => {
  it('lower-cases text and drops a leading # or @, surrounding quotes and spaces, trailing . ! ?', () => {
    assert.equal(repr(' "#Eng-Leads" '), "('s', 'eng-leads')");
    assert.equal(repr('@Alice'), "('s', 'alice')");
    assert.equal(repr('“Ship it!”'), "('s', 'ship it')");
    assert.equal(repr('done?.'), "('s', 'done')");
  });

  it('reads Slack markup: a channel as its name (else its id), a mention or link as its target', () => {
    assert.equal(repr('<#C024BE7LR|eng>'), "('s', 'eng')");
    assert.equal(repr('<#C024BE7LR>'), "('s', 'c024be7lr')");
    assert.equal(repr('<@U1|alice>'), "('s', 'u1')");
    assert.equal(repr('<https://example.com/r|the report>'), "('s', 'https://example.com/r')");
  });

  it('reads numbers and numeric text alike, to six decimals, ties to even as Python rounds', () => {
    assert.equal(repr('5'), "('n', 5.0)");
    assert.equal(repr(5), "('n', 5.0)");
    assert.equal(repr(' 1_000 '), "('n', 1000.0)");
    assert.equal(repr(0.0078125), "('n', 0.007812)");
    assert.equal(repr(1e-7), "('n', 0.0)");
    assert.equal(repr('$200'), "('s', '$200')");
  });

  it('reads ISO dates and date-times as Python 3.11 does, and leaves the rest as text', () => {
    assert.equal(repr('2026-W53-4'), "('d', '2026-12-31')");
    assert.equal(repr('2026-12-31T08:00Z'), "('d', '2026-12-31T08:00:00+00:00')");
    assert.equal(repr('2026-12-31 0800+0530'), "('d', '2026-12-31T08:00:00+05:30')");
    assert.equal(repr('2026-02-30'), "('s', '2026-02-30')");
    assert.equal(repr('2026-12-31T24:00'), "('s', '2026-12-31t24:00')");
  });

  it('keeps lists as lists and writes other values as sorted JSON', () => {
    assert.equal(repr(['#a', 2]), "('l', (('s', 'a'), ('n', 2.0)))");
    assert.equal(repr({ b: 'É', a: null }), `('j', '{"a": null, "b": "\\\\u00c9"}')`);
    assert.equal(repr(true), "('b', True)");
  });

  it('compares forms as Python tuples: -0.0 equals 0.0 although they print apart', () => {
    assert.ok(sameValue(canonicalValue(-0), canonicalValue(0)));
    assert.notEqual(repr(-0), repr(0));
    assert.ok(!sameValue(canonicalValue('5'), canonicalValue('five')));
  });

  it('gives the repr score.py gives for every tricky value', (t) => {
    const { scorer, missing } = scorePy();
    if (!scorer) return t.skip(`cross-check skipped: ${missing}`);
    const python = scorer.normValues(TRICKY);
    const mismatches = TRICKY.flatMap((v, i) => (repr(v) === python[i] ? [] : [{ value: v, ts: repr(v), python: python[i] }]));
    assert.deepEqual(mismatches, []);
    assert.equal(python.length, TRICKY.length);
  });
});
