import { fileURLToPath } from 'node:url';
/**
 * Retrieval quality of the function index with the offline word-vector embedder: requests find
 * functions through word meaning, not shared words.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { loadCatalog, makeCatalog, type FunctionSpec } from '../../src/catalog/index.ts';
import { contentWords, FunctionIndex, functionText, WordVectorEmbedder } from '../../src/index/index.ts';

const fn = (name: string, description: string, inputs: [string, string][], outputs: [string, string][]): FunctionSpec => ({
  name,
  description,
  inputs: inputs.map(([n, d]) => ({ name: n, type: 'string', description: d, required: true })),
  outputs: outputs.map(([n, d]) => ({ name: n, type: 'string', description: d })),
});

const catalog = makeCatalog([
  fn('AnalyzeSentiment', 'Scores whether a piece of writing is positive, negative or neutral in tone: opinion and emotion analysis.', [['text', 'The writing to score, such as reviews or comments.']], [['sentiment', 'Positive, negative or neutral.'], ['score', 'How strongly positive or negative.']]),
  fn('SuggestOutfit', 'Recommends clothes to put on for the expected weather and the occasion.', [['city', 'Where the person will be.'], ['occasion', 'Work, party, hiking and so on.']], [['outfit', 'A list of garments: jacket, shoes, trousers.']]),
  fn('GetWeatherForecast', 'Forecasts temperature, rain and wind for a city over the next days.', [['city', 'The city name.'], ['days', 'How many days ahead.']], [['forecast', 'Daily temperature and rain chance.']]),
  fn('ResizeImage', 'Scales a picture to a new width and height.', [['image', 'The picture file.'], ['width', 'Target width in pixels.']], [['image', 'The resized picture.']]),
  fn('ConvertCurrency', 'Converts an amount of money from one currency to another at the current exchange rate.', [['amount', 'The sum to convert.'], ['from', 'Currency code, e.g. USD.'], ['to', 'Target currency code.']], [['converted', 'The amount in the target currency.']]),
  fn('PostSlackMessage', 'Posts a message to a Slack channel.', [['channel', 'Channel name or id.'], ['text', 'What to say.']], [['ts', 'Timestamp of the posted message.']]),
  fn('SummarizeText', 'Shortens a long document to its key sentences.', [['text', 'The document.']], [['summary', 'The key sentences.']]),
  fn('BookMeetingRoom', 'Reserves a conference room for a time slot.', [['room', 'Room name.'], ['start', 'Start time.']], [['booking_id', 'Reservation id.']]),
]);

let index: FunctionIndex;
before(async () => {
  index = await FunctionIndex.open(catalog, { dataDir: mkdtempSync(join(tmpdir(), 'retrieval-')), embedder: new WordVectorEmbedder() });
});

describe('function retrieval with the offline word vectors', () => {
  const cases: [string, string][] = [
    ['what should I wear tomorrow', 'SuggestOutfit'],
    ['how much is 30 euros in dollars', 'ConvertCurrency'],
    ['is it going to be sunny this weekend', 'GetWeatherForecast'],
    ['shrink this photo', 'ResizeImage'],
    ['give me the gist of this report', 'SummarizeText'],
    ['how did the team react to the announcement', 'AnalyzeSentiment'],
    ['is the feedback on the launch favourable', 'AnalyzeSentiment'],
  ];
  for (const [request, expected] of cases) {
    it(`ranks ${expected} first for "${request}", sharing no word with it`, async () => {
      const shared = contentWords(request).filter((w) => contentWords(functionText(catalog.get(expected)!)).includes(w));
      assert.deepEqual(shared, [], 'the case must test meaning, not overlap');
      const hits = await index.search(request, 3);
      assert.equal(hits[0]?.function.name, expected, hits.map((h) => `${h.function.name} ${h.score.toFixed(3)}`).join(', '));
    });
  }

});

// The benchmark data sits beside the checkout (../shared), read-only; absent elsewhere.
const reverseChain = fileURLToPath(new URL('../../../shared/bench/reversechain', import.meta.url));
describe('function retrieval on the Reverse Chain catalog (823 functions)', { skip: !existsSync(join(reverseChain, 'catalog.json')) && 'the benchmark data is not present' }, () => {
  it('finds the goal function of a request among the top 10 for at least 60% of the dev requests', async () => {
    const bench = loadCatalog(join(reverseChain, 'catalog.json'));
    const idx = await FunctionIndex.open(bench, { dataDir: mkdtempSync(join(tmpdir(), 'retrieval-')), embedder: new WordVectorEmbedder() });
    const items = readFileSync(join(reverseChain, 'dev.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { request: string; gold: { nodes: { id: string; function: string }[]; outputs: { from: string }[] } });
    let found = 0;
    for (const item of items) {
      const goal = item.gold.nodes.find((n) => n.id === item.gold.outputs[0]!.from)!.function;
      if ((await idx.search(item.request, 10)).some((h) => h.function.name === goal)) found++;
    }
    // Measured 0.63 (top 1: 0.25); the planner re-ranks these candidates.
    assert.ok(found / items.length >= 0.6, `goal in top 10 for ${found}/${items.length}`);
  });
});
