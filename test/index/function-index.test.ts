import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { makeCatalog, type FunctionSpec } from '../../src/catalog/index.ts';
import { FunctionIndex, type Embedder, type IndexProgress } from '../../src/index/index.ts';
import { fakeEmbedding } from './fake-embeddings-server.ts';

/** A fast in-process embedder (hashed letter trigrams) that counts what it embeds. */
class CountingEmbedder implements Embedder {
  documents = 0;
  queries = 0;
  constructor(
    readonly id = 'fake-trigram',
    readonly dimensions = 64,
  ) {}
  async embedDocuments(texts: string[]) {
    this.documents += texts.length;
    return texts.map((t) => Float32Array.from(fakeEmbedding(t, this.dimensions)));
  }
  async embedQuery(text: string) {
    this.queries++;
    return Float32Array.from(fakeEmbedding(text, this.dimensions));
  }
}

const spec = (name: string, description: string): FunctionSpec => ({
  name,
  description,
  inputs: [{ name: 'text', type: 'string', description: 'the input', required: true }],
  outputs: [{ name: 'result', type: 'string', description: 'the result' }],
});

const specs = () => [
  spec('ResizeImage', 'Scales a picture to a new width and height.'),
  spec('ConvertCurrency', 'Converts money between currencies.'),
  spec('PostSlackMessage', 'Posts a message to a Slack channel.'),
  spec('GetWeatherForecast', 'Forecasts rain and temperature.'),
];
const tmp = () => mkdtempSync(join(tmpdir(), 'function-index-'));
const indexFiles = (dataDir: string) => readdirSync(join(dataDir, 'index')).sort();

describe('FunctionIndex', () => {
  it('builds and saves the index on first open, then loads it without embedding again', async () => {
    const dataDir = tmp();
    const embedder = new CountingEmbedder();
    const first = await FunctionIndex.open(makeCatalog(specs()), { dataDir, embedder });
    assert.equal(first.built, true);
    assert.equal(first.status, 'built');
    assert.match(first.reason!, /no saved index/);
    assert.equal(embedder.documents, 4);
    assert.deepEqual(indexFiles(dataDir), [`${first.key}.hnsw`, `${first.key}.json`]);
    assert.equal(first.path, join(dataDir, 'index', `${first.key}.hnsw`));

    const second = await FunctionIndex.open(makeCatalog(specs()), { dataDir, embedder });
    assert.equal(second.built, false);
    assert.equal(second.key, first.key);
    assert.equal(embedder.documents, 4, 'nothing re-embedded');
    assert.deepEqual(await second.search('post a slack message', 4), await first.search('post a slack message', 4));
  });

  it('returns the top k functions with scores, best first', async () => {
    const index = await FunctionIndex.open(makeCatalog(specs()), { dataDir: tmp(), embedder: new CountingEmbedder() });
    const hits = await index.search('weather forecast rain', 2);
    assert.equal(hits.length, 2);
    assert.equal(hits[0]!.function.name, 'GetWeatherForecast');
    assert.ok(hits[0]!.score > hits[1]!.score && hits[0]!.score <= 1 + 1e-6);
    assert.equal((await index.search('anything', 10)).length, 4);
  });

  it('records the key, embedder, dimensions and function names beside the index', async () => {
    const dataDir = tmp();
    const index = await FunctionIndex.open(makeCatalog(specs()), { dataDir, embedder: new CountingEmbedder() });
    const meta = JSON.parse(readFileSync(join(dataDir, 'index', `${index.key}.json`), 'utf8'));
    assert.equal(meta.key, index.key);
    assert.equal(meta.embedder, 'fake-trigram');
    assert.equal(meta.dimensions, 64);
    assert.deepEqual(meta.names, ['ResizeImage', 'ConvertCurrency', 'PostSlackMessage', 'GetWeatherForecast']);
    assert.ok(!Number.isNaN(Date.parse(meta.created)));
  });

  it('rebuilds under a new key when a function of the catalog changes', async () => {
    const dataDir = tmp();
    const embedder = new CountingEmbedder();
    const before = await FunctionIndex.open(makeCatalog(specs()), { dataDir, embedder });
    const changed = specs();
    changed[1] = spec('ConvertCurrency', 'Converts an amount between two currencies at today’s rate.');
    const after = await FunctionIndex.open(makeCatalog(changed), { dataDir, embedder });
    assert.equal(after.built, true);
    assert.notEqual(after.key, before.key);
    assert.equal(embedder.documents, 8);
  });

  it('rebuilds when a function is added or the order changes', async () => {
    const dataDir = tmp();
    const embedder = new CountingEmbedder();
    const base = await FunctionIndex.open(makeCatalog(specs()), { dataDir, embedder });
    const added = await FunctionIndex.open(makeCatalog([...specs(), spec('SummarizeText', 'Shortens a document.')]), { dataDir, embedder });
    const reordered = await FunctionIndex.open(makeCatalog(specs().reverse()), { dataDir, embedder });
    assert.deepEqual([added.built, reordered.built], [true, true]);
    assert.equal(new Set([base.key, added.key, reordered.key]).size, 3);
    assert.equal((await reordered.search('weather forecast rain', 1))[0]!.function.name, 'GetWeatherForecast');
  });

  it('keeps the index when only a runtime changes (module paths move with the checkout)', async () => {
    const dataDir = tmp();
    const embedder = new CountingEmbedder();
    const a = specs().map((s) => ({ ...s, runtime: { type: 'module' as const, path: '/a/x.ts', export: 'x' } }));
    const b = specs().map((s) => ({ ...s, runtime: { type: 'module' as const, path: '/b/x.ts', export: 'x' } }));
    await FunctionIndex.open(makeCatalog(a), { dataDir, embedder });
    assert.equal((await FunctionIndex.open(makeCatalog(b), { dataDir, embedder })).built, false);
  });

  it('keeps one index per embedder', async () => {
    const dataDir = tmp();
    const a = await FunctionIndex.open(makeCatalog(specs()), { dataDir, embedder: new CountingEmbedder('fake-a') });
    const b = await FunctionIndex.open(makeCatalog(specs()), { dataDir, embedder: new CountingEmbedder('fake-b') });
    assert.notEqual(a.key, b.key);
    assert.equal(b.built, true);
    assert.equal((await FunctionIndex.open(makeCatalog(specs()), { dataDir, embedder: new CountingEmbedder('fake-a') })).built, false);
  });

  for (const [damage, harm] of [
    ['a truncated .hnsw file', (hnsw: string) => truncateSync(hnsw, 100)],
    ['an altered .hnsw file', (hnsw: string) => writeFileSync(hnsw, Buffer.alloc(readFileSync(hnsw).length, 7))],
    ['a .json file that is not JSON', (hnsw: string) => writeFileSync(hnsw.replace(/\.hnsw$/, '.json'), '{"form')],
    ['an empty .json file', (hnsw: string) => writeFileSync(hnsw.replace(/\.hnsw$/, '.json'), '')],
    ['a missing .json file', (hnsw: string) => rmSync(hnsw.replace(/\.hnsw$/, '.json'))],
    ['a missing .hnsw file', (hnsw: string) => rmSync(hnsw)],
  ] as const) {
    it(`rebuilds over ${damage}, then loads the rebuilt one`, async () => {
      const dataDir = tmp();
      const embedder = new CountingEmbedder();
      const first = await FunctionIndex.open(makeCatalog(specs()), { dataDir, embedder });
      harm(first.path);
      const rebuilt = await FunctionIndex.open(makeCatalog(specs()), { dataDir, embedder });
      assert.equal(rebuilt.built, true);
      assert.equal(rebuilt.status, 'rebuilt');
      assert.match(rebuilt.reason!, /unusable/);
      assert.equal((await rebuilt.search('weather forecast rain', 1))[0]!.function.name, 'GetWeatherForecast');
      assert.equal((await FunctionIndex.open(makeCatalog(specs()), { dataDir, embedder })).built, false);
      assert.deepEqual(indexFiles(dataDir), [`${first.key}.hnsw`, `${first.key}.json`], 'no temporary files left');
    });
  }

  it('reports embedding then indexing progress up to the function count', async () => {
    const events: IndexProgress[] = [];
    await FunctionIndex.open(makeCatalog(specs()), { dataDir: tmp(), embedder: new CountingEmbedder(), onProgress: (p) => events.push({ ...p }) });
    assert.deepEqual(events[0], { phase: 'embedding', done: 0, total: 4 });
    assert.deepEqual(events.at(-1), { phase: 'indexing', done: 4, total: 4 });
    const phases = events.map((e) => e.phase);
    assert.ok(phases.lastIndexOf('embedding') < phases.indexOf('indexing'));
  });

  it('gives the stored vector of a function, which finds that function first', async () => {
    const index = await FunctionIndex.open(makeCatalog(specs()), { dataDir: tmp(), embedder: new CountingEmbedder() });
    const v = index.vectorOf('ConvertCurrency')!;
    assert.equal(v.length, 64);
    assert.equal((await index.search(v, 1))[0]!.function.name, 'ConvertCurrency');
    assert.equal(index.vectorOf('NoSuchFunction'), undefined);
  });

  it('accepts a query vector from the same embedder', async () => {
    const embedder = new CountingEmbedder();
    const index = await FunctionIndex.open(makeCatalog(specs()), { dataDir: tmp(), embedder });
    const v = await index.embedQuery('slack channel message');
    assert.deepEqual(await index.search(v, 2), await index.search('slack channel message', 2));
  });

  it('opens an empty catalog and finds nothing', async () => {
    const index = await FunctionIndex.open(makeCatalog([]), { dataDir: tmp(), embedder: new CountingEmbedder() });
    assert.equal(index.size, 0);
    assert.deepEqual(await index.search('anything', 5), []);
  });

  it('fails with an embedding error naming the embedder when it throws', async () => {
    const embedder = new CountingEmbedder('broken');
    embedder.embedDocuments = async () => {
      throw new Error('connection refused');
    };
    await assert.rejects(FunctionIndex.open(makeCatalog(specs()), { dataDir: tmp(), embedder }), {
      name: 'IndexError',
      code: 'index.embedding',
      message: /embedding with broken failed: connection refused/,
    });
  });

  it('fails with a dimensions error when the embedder returns vectors of another length', async () => {
    const embedder = new CountingEmbedder('liar', 32);
    embedder.embedDocuments = async (texts) => texts.map(() => new Float32Array(16));
    await assert.rejects(FunctionIndex.open(makeCatalog(specs()), { dataDir: tmp(), embedder }), { code: 'index.dimensions', message: /16 numbers .* 32-dimensional/ });
  });
});

describe('FunctionIndex saving', () => {
  it('fails with a save error naming the folder when the data dir cannot be written', async () => {
    const dataDir = tmp();
    writeFileSync(join(dataDir, 'index'), 'a file where the index folder should be');
    await assert.rejects(FunctionIndex.open(makeCatalog(specs()), { dataDir, embedder: new CountingEmbedder() }), {
      name: 'IndexError',
      code: 'index.save',
      message: /cannot save the function index in .*index: .*set DATA_DIR/,
    });
  });
});
