import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadCatalog } from '../../src/catalog/index.ts';
import { textStatistics } from '../../catalog/text/text-statistics.ts';
import { extractKeywords } from '../../catalog/text/extract-keywords.ts';
import { summarizeText } from '../../catalog/text/summarize-text.ts';
import { analyzeSentiment } from '../../catalog/text/analyze-sentiment.ts';
import { countOccurrences } from '../../catalog/text/count-occurrences.ts';
import { joinLines } from '../../catalog/text/join-lines.ts';

const incident = [
  'The new billing system launched on Monday.',
  'Customers reported that the billing system double-charged some credit cards.',
  'Our support team answered more than two hundred tickets about the billing system.',
  'Engineers traced the problem to a retry bug in the payment gateway.',
  'The payment gateway retried failed requests without checking for earlier charges.',
  'A fix for the payment gateway shipped on Tuesday, and refunds went out to every affected customer.',
  'The weather was nice, too.',
].join(' ');

test('counts words and sentences, treating a contraction as one word and skipping punctuation', async () => {
  const stats = await textStatistics({ text: "Isn't it great? I can't wait! We ship on Friday." });
  assert.equal(stats.word_count, 10);
  assert.equal(stats.sentence_count, 3);
  assert.ok(stats.reading_minutes > 0 && stats.reading_minutes < 0.1, `reading_minutes ${stats.reading_minutes}`);
});

test('estimates a longer reading time for a longer text and zero for an empty one', async () => {
  const short = await textStatistics({ text: incident });
  const long = await textStatistics({ text: Array(20).fill(incident).join(' ') });
  assert.equal(long.word_count, short.word_count * 20);
  assert.ok(long.reading_minutes > short.reading_minutes * 10);
  assert.deepEqual(await textStatistics({ text: '  ' }), { word_count: 0, sentence_count: 0, reading_minutes: 0 });
});

test('extracts repeated noun phrases and frequent nouns of a paragraph as keywords, most important first', async () => {
  const { keywords } = await extractKeywords({ text: incident, count: 4 });
  assert.equal(keywords.length, 4);
  assert.deepEqual(keywords.slice(0, 2), ['billing system', 'payment gateway']);
  assert.ok(keywords.includes('customer'), `"Customers"/"customer" fold into one keyword: ${keywords}`);
  for (const stop of ['the', 'and', 'on', 'too']) assert.ok(!keywords.includes(stop), `stop word ${stop}`);
});

test('keeps proper nouns capitalised and honours the keyword count', async () => {
  const { keywords } = await extractKeywords({
    text: 'Paris is lovely in spring. I visited Paris with Anna. Spring in Paris means flowers.',
    count: 2,
  });
  assert.deepEqual(keywords, ['Paris', 'spring']);
  assert.deepEqual((await extractKeywords({ text: '' })).keywords, []);
});

test('summarizes to the requested number of sentences, keeping their original order', async () => {
  const { summary } = await summarizeText({ text: incident, sentences: 3 });
  const sentences = incident.match(/[^.]+\./g)!.map((s) => s.trim());
  const picked = sentences.filter((s) => summary.includes(s));
  assert.equal(picked.length, 3, summary);
  assert.equal(summary, picked.join(' '), 'sentences appear in the order of the text');
  assert.ok(!summary.includes('weather'), 'an off-topic sentence is left out');
});

test('returns a short text unchanged when it has no more sentences than asked for', async () => {
  const text = 'One short note. Another one.';
  assert.equal((await summarizeText({ text, sentences: 3 })).summary, text);
});

test('labels clearly positive text positive and clearly negative text negative', async () => {
  const happy = await analyzeSentiment({ text: 'I love the new release, it is great and the team did a wonderful job!' });
  assert.equal(happy.sentiment, 'positive');
  assert.ok(happy.score > 0.05);
  assert.ok(happy.positive_words.includes('love'));
  const angry = await analyzeSentiment({ text: 'This outage is terrible. I hate how awful and slow the service is.' });
  assert.equal(angry.sentiment, 'negative');
  assert.ok(angry.score < -0.05);
  assert.ok(angry.negative_words.includes('terrible'));
});

test('labels factual text neutral and understands simple negation', async () => {
  assert.equal((await analyzeSentiment({ text: 'The meeting is at 3pm in room 4.' })).sentiment, 'neutral');
  assert.equal((await analyzeSentiment({ text: 'The demo was not good.' })).sentiment, 'negative');
});

test('counts whole-word occurrences of a word or phrase regardless of case', async () => {
  const text = 'Outage in EU. The outage ended; outages happen. Another OUTAGE? Release date moved. release   date again';
  assert.equal((await countOccurrences({ text, word: 'outage' })).count, 3);
  assert.equal((await countOccurrences({ text, word: 'release date' })).count, 2);
  assert.equal((await countOccurrences({ text: 'a.b a+b', word: 'a+b' })).count, 1, 'regex characters are literal');
  await assert.rejects(countOccurrences({ text, word: ' ' }), /word is empty/);
});

test('joins strings, numbers and message objects into lines with the chosen separator', async () => {
  assert.equal((await joinLines({ items: ['a', 2, { text: 'hi', user: 'U1' }] })).text, 'a\n2\nhi');
  assert.equal((await joinLines({ items: ['x', 'y'], separator: ', ' })).text, 'x, y');
  assert.equal((await joinLines({ items: [{ id: 1 }] })).text, '{"id":1}');
  assert.equal((await joinLines({ items: ['x', 'y'], separator: '\\n' })).text, 'x\ny', 'an escaped "\\n" is a newline');
});
