import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeRequest, isStatedValue, type Span } from '../../src/planner/index.ts';

/** The stated values (plain words, which may or may not be values, are left out). */
const valuesOf = (spans: Span[]) => spans.filter(isStatedValue).map((s) => s.value);
const spanOf = (text: string, value: string | number): Span => {
  const { spans } = analyzeRequest(text);
  const span = spans.find((s) => s.value === value);
  assert.ok(span, `no span ${JSON.stringify(value)} in ${JSON.stringify(text)}; found ${JSON.stringify(valuesOf(spans))}`);
  return span;
};

describe('analyzeRequest', () => {
  it('takes single- and double-quoted strings as one value each, without the quotes', () => {
    const { spans } = analyzeRequest(`Post 'Release 2.0 is out' to the team and rename the doc to "Q3 plan"`);
    assert.deepEqual(
      spans.filter((s) => s.kind === 'quoted').map((s) => s.value),
      ['Release 2.0 is out', 'Q3 plan'],
    );
  });

  it("marks a possessive name and keeps the quoted name beside it apart (Jenny's 'Chill Vibes' playlist)", () => {
    const spans = analyzeRequest("Add 'Imagine' to Jenny's 'Chill Vibes' playlist").spans.filter(isStatedValue);
    assert.deepEqual(valuesOf(spans), ['Imagine', 'Jenny', 'Chill Vibes']);
    const [song, owner, playlist] = spans;
    assert.deepEqual([owner!.kind, owner!.possessive], ['name', true]);
    assert.deepEqual([playlist!.kind, playlist!.possessive], ['quoted', false]);
    assert.equal(song!.possessive, false);
  });

  it('records the words right beside a value, which name the input it is for', () => {
    const playlist = spanOf("Add 'Imagine' to Jenny's 'Chill Vibes' playlist", 'Chill Vibes');
    assert.equal(playlist.after[0], 'playlist');
    const song = spanOf("Add the song 'Imagine' to my playlist", 'Imagine');
    assert.equal(song.before.at(-1), 'song');
  });

  it('finds an e-mail address as one value', () => {
    const span = spanOf('Send the report to bob.smith+ops@example.co.uk today', 'bob.smith+ops@example.co.uk');
    assert.equal(span.kind, 'email');
  });

  it('finds a URL without the sentence punctuation after it', () => {
    const span = spanOf('Summarise https://example.com/docs/page?id=7.', 'https://example.com/docs/page?id=7');
    assert.equal(span.kind, 'url');
  });

  it('reads numbers and amounts as numbers ("$200" is 200, "1,500" is 1500)', () => {
    const { spans } = analyzeRequest('Transfer $200 to savings and buy 1,500 shares at 3.25 each');
    assert.deepEqual(
      spans.filter((s) => s.kind === 'number').map((s) => s.value),
      [200, 1500, 3.25],
    );
  });

  it('reads the number before a hyphenated unit ("a 5-star hotel") and counts spelled out ("two tickets")', () => {
    const numbers = (text: string) => analyzeRequest(text).spans.filter((s) => s.kind === 'number').map((s) => [s.value, s.after[0]]);
    assert.deepEqual(numbers('Book a 5-star hotel for a 3-day trip'), [
      [5, 'star'],
      [3, 'day'],
    ]);
    assert.deepEqual(numbers('Reserve two tickets and twelve seats'), [
      [2, 'tickets'],
      [12, 'seats'],
    ]);
    // Not inside a name, nor digits after a hyphen.
    assert.deepEqual(valuesOf(analyzeRequest('Book two tables at Eleven Madison Park').spans), [2, 'Eleven Madison Park']);
    assert.deepEqual(valuesOf(analyzeRequest('What is the COVID-19 rate in Paris').spans), ['COVID-19', 'Paris']);
  });

  it('merges a time and a date written together into one value ("8am tomorrow")', () => {
    const times = (text: string) => analyzeRequest(text).spans.filter((s) => s.kind === 'datetime').map((s) => s.value);
    assert.deepEqual(times('Please wake me at 8am tomorrow'), ['8am tomorrow']);
    assert.deepEqual(times('Please book the room for next Monday at 5pm'), ['next Monday at 5pm']);
  });

  it('takes a run of capitalised words as one name ("New York", "San Francisco Airport")', () => {
    const { spans } = analyzeRequest('Find flights from New York to San Francisco Airport');
    assert.deepEqual(
      spans.filter(isStatedValue).map((s) => [s.kind, s.value]),
      [
        ['name', 'New York'],
        ['name', 'San Francisco Airport'],
      ],
    );
  });

  it('does not take an ordinary sentence-initial word as a name when isCommonWord says it is common', () => {
    const text = 'Rather than walking, book a taxi to Union Station';
    assert.ok(valuesOf(analyzeRequest(text).spans).includes('Rather'), 'without the callback the capitalised first word is a name');
    const { spans } = analyzeRequest(text, { isCommonWord: (w) => w === 'rather' });
    assert.deepEqual(valuesOf(spans), ['Union Station']);
  });

  it('leaves the stated values out of the intent words', () => {
    const { intentWords } = analyzeRequest("Add 'Imagine' to Jenny's 'Chill Vibes' playlist");
    assert.ok(intentWords.includes('add') && intentWords.includes('playlist'), `intent words: ${intentWords.join(' ')}`);
    for (const value of ['imagine', 'jenny', 'chill', 'vibes']) assert.ok(!intentWords.includes(value), `"${value}" is a value, not intent`);

    const mail = analyzeRequest('Send $200 to bob@example.com on Friday').intentWords;
    assert.deepEqual(mail, ['send']);
  });
});
