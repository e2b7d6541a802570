/**
 * The OpenAI embedder (src/llm/embeddings.ts) against a local fake of `/v1/embeddings`; never the
 * network.
 */
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { makeCatalog } from '../../src/catalog/index.ts';
import { FunctionIndex } from '../../src/index/index.ts';
import { createOpenAIEmbedder } from '../../src/llm/index.ts';
import { fakeEmbedding, startEmbeddingsServer, type EmbeddingsServer } from './fake-embeddings-server.ts';

let server: EmbeddingsServer;
before(async () => {
  server = await startEmbeddingsServer(1536);
});
after(() => server.close());

const close = (a: Float32Array, b: number[]) => a.length === b.length && a.every((x, i) => Math.abs(x - b[i]!) < 1e-6);

describe('createOpenAIEmbedder', () => {
  it('embeds documents and queries through /v1/embeddings with the key and model', async () => {
    const embedder = createOpenAIEmbedder({ apiKey: 'sk-test', baseURL: server.baseURL });
    assert.equal(embedder.id, 'openai:text-embedding-3-small');
    assert.equal(embedder.dimensions, 1536);
    const docs = await embedder.embedDocuments(['resize an image', 'convert currency']);
    const query = await embedder.embedQuery('make the picture smaller');
    assert.ok(close(docs[0]!, fakeEmbedding('resize an image', 1536)));
    assert.ok(close(docs[1]!, fakeEmbedding('convert currency', 1536)));
    assert.ok(close(query, fakeEmbedding('make the picture smaller', 1536)));
    const last = server.requests.at(-1)!;
    assert.equal(last.model, 'text-embedding-3-small');
    assert.equal(last.authorization, 'Bearer sk-test');
  });

  it('asks a text-embedding-3 model for shorter vectors and names the length in its id', async () => {
    const embedder = createOpenAIEmbedder({ apiKey: 'sk-test', baseURL: server.baseURL, model: 'text-embedding-3-large', dimensions: 256 });
    assert.equal(embedder.id, 'openai:text-embedding-3-large@256');
    const v = await embedder.embedQuery('hello');
    assert.equal(v.length, 256);
    assert.equal(server.requests.at(-1)!.dimensions, 256);
  });

  it('needs the vector length of a model it does not know', () => {
    assert.throws(() => createOpenAIEmbedder({ apiKey: 'sk-test', baseURL: server.baseURL, model: 'nomic-embed-text' }), /"nomic-embed-text" .* pass dimensions/);
  });

  it('rejects vectors of an unexpected length', async () => {
    const embedder = createOpenAIEmbedder({ apiKey: 'sk-test', baseURL: server.baseURL, model: 'local-model', dimensions: 10 });
    await assert.rejects(embedder.embedQuery('hello'), /returned 1536 numbers, expected 10/);
  });

  it('sends no request for an empty list', async () => {
    const before = server.requests.length;
    assert.deepEqual(await createOpenAIEmbedder({ apiKey: 'sk-test', baseURL: server.baseURL }).embedDocuments([]), []);
    assert.equal(server.requests.length, before);
  });

  it('builds a function index the word-vector index does not share, and searches it', async () => {
    const embedder = createOpenAIEmbedder({ apiKey: 'sk-test', baseURL: server.baseURL });
    const fn = (name: string, description: string) => ({ name, description, inputs: [], outputs: [] });
    const catalog = makeCatalog([fn('ResizeImage', 'Scales a picture.'), fn('ConvertCurrency', 'Converts money between currencies.')]);
    const index = await FunctionIndex.open(catalog, { dataDir: mkdtempSync(join(tmpdir(), 'openai-index-')), embedder });
    assert.equal(index.embedderId, 'openai:text-embedding-3-small');
    assert.equal((await index.search('convert money', 1))[0]!.function.name, 'ConvertCurrency');
  });

  it('turns a failing server into an index embedding error', async () => {
    const embedder = createOpenAIEmbedder({ apiKey: 'sk-test', baseURL: server.baseURL, maxRetries: 0 });
    const fn = (name: string) => ({ name, description: name, inputs: [], outputs: [] });
    server.failNext(1, 500);
    await assert.rejects(FunctionIndex.open(makeCatalog([fn('A'), fn('B')]), { dataDir: mkdtempSync(join(tmpdir(), 'openai-index-')), embedder }), {
      name: 'IndexError',
      code: 'index.embedding',
      message: /embedding with openai:text-embedding-3-small failed: .*; check the embedding service/,
    });
  });
});
