import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { main } from '../../src/cli/index.ts';
import type { Output } from '../../src/cli/output.ts';
import { startEmbeddingsServer } from './fake-embeddings-server.ts';

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return cliWithEnv({}, ...args);
}

async function cliWithEnv(env: NodeJS.ProcessEnv, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const out: Output = { log: (l) => stdout.push(l), error: (l) => stderr.push(l) };
  const code = await main(['node', 'action-engine', ...args], out, env);
  return { code, stdout: stdout.join('\n'), stderr: stderr.join('\n') };
}

function catalogFile(): string {
  const path = join(mkdtempSync(join(tmpdir(), 'index-cli-')), 'catalog.json');
  const fn = (name: string, description: string) => ({
    name,
    description,
    inputs: [{ name: 'text', type: 'string', description: 'the text', required: true }],
    outputs: [{ name: 'result', type: 'string', description: 'the result' }],
  });
  writeFileSync(path, JSON.stringify({ functions: [fn('SummarizeText', 'Shortens a document.'), fn('TranslateText', 'Translates a text into another language.')] }));
  return path;
}

describe('action-engine index', () => {
  it('builds the index, printing count, key, path and time, with progress lines on stderr', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'index-cli-data-'));
    const { code, stdout, stderr } = await cli('index', '--catalog', catalogFile(), '--data-dir', dataDir);
    assert.equal(code, 0);
    assert.match(stdout, /✔ index built: 2 functions, embedder wink-sg100, \d+(\.\d)? (ms|s)/);
    const key = stdout.match(/key: +([0-9a-f]{64})/)?.[1];
    assert.ok(key, stdout);
    assert.match(stdout, new RegExp(`path: .*${key}\\.hnsw`));
    assert.ok(existsSync(join(dataDir, 'index', `${key}.hnsw`)));
    assert.equal(stderr, 'embedding 2 functions…\nindexing 2 functions…');
  });

  it('reports reuse when the catalog is unchanged', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'index-cli-data-'));
    const catalog = catalogFile();
    const first = await cli('index', '--catalog', catalog, '--data-dir', dataDir);
    const second = await cli('index', '--catalog', catalog, '--data-dir', dataDir);
    assert.equal(second.code, 0);
    assert.match(second.stdout, /✔ index reused \(catalog unchanged\): 2 functions/);
    assert.equal(second.stderr, '');
    assert.equal(second.stdout.match(/key: +(\w+)/)?.[1], first.stdout.match(/key: +(\w+)/)?.[1]);
  });

  it('says so on stderr when it rebuilds over a damaged index file', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'index-cli-data-'));
    const catalog = catalogFile();
    const first = await cli('index', '--catalog', catalog, '--data-dir', dataDir);
    writeFileSync(join(dataDir, 'index', `${first.stdout.match(/key: +(\w+)/)?.[1]}.hnsw`), 'not an index');
    const again = await cli('index', '--catalog', catalog, '--data-dir', dataDir);
    assert.equal(again.code, 0);
    assert.match(again.stdout, /✔ index built: 2 functions/);
    assert.match(again.stderr, /rebuilding the index: the saved index was unusable \(.*does not match its metadata/);
  });

  it('exits 2 naming the path when the catalog does not exist', async () => {
    const { code, stderr } = await cli('index', '--catalog', join(tmpdir(), 'no-such-catalog.json'), '--data-dir', tmpdir());
    assert.equal(code, 2);
    assert.match(stderr, /no-such-catalog\.json: no such file/);
  });

  it('uses OpenAI-compatible embeddings when OPENAI_API_KEY is set, without showing the key', async () => {
    const server = await startEmbeddingsServer(1536);
    try {
      const dataDir = mkdtempSync(join(tmpdir(), 'index-cli-'));
      const env = { OPENAI_API_KEY: 'sk-test-secret', OPENAI_BASE_URL: server.baseURL };
      const { code, stdout, stderr } = await cliWithEnv(env, 'index', '--catalog', catalogFile(), '--data-dir', dataDir);
      assert.equal(code, 0, stderr);
      assert.match(stdout, /embedder openai:text-embedding-3-small/);
      assert.doesNotMatch(stdout + stderr, /sk-test-secret/);
      assert.equal(server.requests[0]?.authorization, 'Bearer sk-test-secret', 'the key reaches the embedding service');
    } finally {
      await server.close();
    }
  });
});
