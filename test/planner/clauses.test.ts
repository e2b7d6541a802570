import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeRequest, splitClauses } from '../../src/planner/index.ts';

const VERBS = new Set(['post', 'share', 'summarize', 'convert', 'sort', 'make', 'upload', 'book', 'find', 'archive', 'mute', 'dm', 'decode']);
const PRODUCTS = new Set(['md5', 'sha256', 'mean', 'count', 'thumbnail']);
const options = { isVerb: (w: string) => VERBS.has(w), isProduct: (w: string) => PRODUCTS.has(w) };
// The catalog's own terms are read as words of the request, as the planner reads them.
const clauses = (text: string) => splitClauses(text, analyzeRequest(text, { isCatalogWord: (w) => PRODUCTS.has(w) || VERBS.has(w) }).spans, options);
const texts = (text: string) => clauses(text).map((c) => c.text);

describe('splitClauses', () => {
  it('ends a clause at "and" when an instruction follows, and reads "it" as the result before', () => {
    const [first, second] = clauses('summarize #outages and post it to #eng-leads');
    assert.deepEqual([first!.text, second!.text], ['summarize #outages', 'post it to #eng-leads']);
    assert.equal(second!.refersTo, 'result');
  });

  it('keeps a plain "and" between things inside one goal', () => {
    assert.deepEqual(texts('compare the prices of apples and oranges'), ['compare the prices of apples and oranges']);
  });

  it('splits at sentence ends, semicolons and "then", and not at a semicolon inside a word ("tl;dr")', () => {
    const three = clauses('Find a horror movie and then book 3 tickets. Also, post it to #films');
    assert.deepEqual(three.map((c) => c.text), ['Find a horror movie', 'book 3 tickets', 'post it to #films']);
    assert.equal(three[2]!.parallel, true, '"Also," alone is no clause; it makes the next one side by side');
    assert.deepEqual(texts('Mute the alerts channel; archive the old incidents'), ['Mute the alerts channel', 'archive the old incidents']);
    assert.deepEqual(texts('tl;dr of #incidents?'), ['tl;dr of #incidents?']);
  });

  it('makes values after "and" with nothing to do a repeat of the goal before ("and 70 kg to lbs")', () => {
    const [, second] = clauses('convert 10 km to miles and 70 kg to lbs');
    assert.deepEqual([second!.text, second!.elliptical], ['70 kg to lbs', true]);
    assert.equal(clauses("post 'hi' in #a and #b")[1]?.elliptical, true);
  });

  it('keeps values after a bare comma with the clause they follow ("a thumbnail of this, 200px")', () => {
    assert.deepEqual(texts('make a thumbnail of this, 200px pls'), ['make a thumbnail of this, 200px pls']);
  });

  it('splits two products of the catalog that share what they work on ("sha256 and md5 of \'x\'")', () => {
    assert.deepEqual(texts("sha256 and md5 of 'release-2.4.0'"), ['sha256', "md5 of 'release-2.4.0'"]);
  });

  it('reads "its md5" and "the words in it" as about what the clause before was about, and "also" as side by side', () => {
    const [, second] = clauses('two things: decode vpn-user-7731, and also what is its md5?');
    assert.equal(second!.refersTo, 'subject');
    assert.equal(second!.parallel, true);
  });

  it('joins statements, purposes and conditions to the goal next to them', () => {
    assert.deepEqual(texts("our standup is 2026-03-10 09:30 London time, what's that in New York?"), ["our standup is 2026-03-10 09:30 London time, what's that in New York?"]);
    assert.deepEqual(texts("how far is a marathon in km? it's 26.2 miles"), ["how far is a marathon in km? it's 26.2 miles"]);
    assert.deepEqual(texts('If I take a drive from Chicago to Detroit, how much will fuel cost?'), ['If I take a drive from Chicago to Detroit, how much will fuel cost?']);
    assert.deepEqual(texts("sha1 of build-5521? Need it for the changelog."), ['sha1 of build-5521? Need it for the changelog.']);
  });

  it('keeps values written after a sentence with the sentence ("what is at $.a in this? ```{…}```")', () => {
    assert.equal(texts('what is at $.a in this? ```\n{"a": 1}\n```').length, 1);
  });
  it('joins a statement or purpose to the goal beside it, marking what part is context', () => {
    const text = "what time is it in Seoul? need to ping the APAC folks";
    const [goal, ...rest] = clauses(text);
    assert.equal(rest.length, 0);
    assert.equal(goal!.text, text);
    assert.deepEqual(goal!.context?.map((c) => text.slice(c.start, c.end)), ['need to ping the APAC folks']);
    const before = "we're closing Q3 — sort 3, 1, 2";
    assert.deepEqual(clauses(before)[0]!.context?.map((c) => before.slice(c.start, c.end)), ["we're closing Q3"]);
  });
  it('drops a preamble that only counts the goals ("2 quick ones:") and keeps goals of values alone apart', () => {
    const two = clauses('2 quick ones: what time is it in Seoul, and the sha256 of build-5521?');
    assert.deepEqual(two.map((c) => c.text), ['what time is it in Seoul', 'the sha256 of build-5521?']);
    assert.equal(two[1]!.parallel, true);
    assert.deepEqual(texts('2 things: 45 mph in km/h, and 0 °F in C'), ['45 mph in km/h', '0 °F in C']);
  });
  it('reads an arrow as handing the result on ("line chart of 3, 5, 8 → #data-eng")', () => {
    const [first, second] = clauses('line chart of 3, 5, 8 → #data-eng');
    assert.deepEqual([first!.text, second!.text], ['line chart of 3, 5, 8', '#data-eng']);
    assert.equal(second!.refersTo, 'result');
    assert.equal(second!.elliptical, false);
  });
});
