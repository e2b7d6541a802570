import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { main } from '../../src/cli/index.ts';
import type { Output } from '../../src/cli/output.ts';
import { startFunctionServer } from '../fakes/function-server.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const example = join(root, 'examples/sales-report.json');
const tmp = () => mkdtempSync(join(tmpdir(), 'cli-'));

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const out: Output = { log: (l) => stdout.push(l), error: (l) => stderr.push(l) };
  const code = await main(['node', 'action-engine', ...args], out, {});
  return { code, stdout: stdout.join('\n'), stderr: stderr.join('\n') };
}

describe('action-engine CLI', () => {
  it('validates the default catalog', async () => {
    const { code, stdout } = await cli('catalog', 'validate', join(root, 'catalog'));
    assert.equal(code, 0);
    assert.match(stdout, /✔ .*catalog: \d+ functions, all valid/);
  });

  it('exits non-zero on a malformed catalog, naming file, function and field', async () => {
    const dir = tmp();
    writeFileSync(
      join(dir, 'x.json'),
      JSON.stringify({ functions: [{ name: 'ResizeImage', description: '', inputs: [{ name: 'width', type: 'int', description: '', required: true }], outputs: [{ name: 'image', type: 'file', description: '' }] }] }),
    );
    const { code, stderr } = await cli('catalog', 'validate', join(dir, 'x.json'));
    assert.equal(code, 2);
    assert.match(stderr, /x\.json: function "ResizeImage": input "width": type "int" is not one of/);
  });

  it('runs a workflow with --set answers and prints the run record as JSON', async () => {
    const { code, stdout } = await cli('run', '--catalog', join(root, 'catalog'), '--workflow', example, '--set', 'column=orders', '--json');
    assert.equal(code, 0);
    const record = JSON.parse(stdout);
    assert.equal(record.status, 'succeeded');
    assert.equal(record.nodes.stats.outputs.statistics.sum, 221);
    assert.equal(record.nodes.chart.outputs.chart_png.mime, 'image/png');
    assert.ok(record.nodes.chart.outputs.chart_png.base64.length > 100);
    for (const node of Object.values(record.nodes) as { attempts: number; ms: number }[]) {
      assert.equal(node.attempts, 1);
      assert.equal(typeof node.ms, 'number');
    }
  });

  it('shows a progress line as each node starts and ends, and saves file outputs', async () => {
    const outDir = tmp();
    const { code, stdout, stderr } = await cli('run', '--workflow', example, '--set', 'column.column=revenue', '--out-dir', outDir);
    assert.equal(code, 0);
    for (const id of ['parse', 'column', 'stats', 'chart', 'qr']) {
      assert.match(stderr, new RegExp(`▶ ${id} `));
      assert.match(stderr, new RegExp(`✔ ${id} `));
    }
    assert.ok(stderr.indexOf('✔ parse') < stderr.indexOf('▶ column'), 'a node starts after its input is ready');
    const saved = /chart\.chart_png: file saved to (.+)/.exec(stdout)![1]!;
    assert.deepEqual([...readFileSync(saved).subarray(1, 4)], [...Buffer.from('PNG')]);
  });

  it('refuses to run with a question left unanswered, naming it and how to answer', async () => {
    const { code, stderr } = await cli('run', '--workflow', example);
    assert.equal(code, 2);
    assert.match(stderr, /node "column" input "column" still needs an answer .*; pass --set column.column=VALUE/);
  });

  it('says which --set matches nothing', async () => {
    const { code, stderr } = await cli('run', '--workflow', example, '--set', 'colour=red');
    assert.equal(code, 2);
    assert.match(stderr, /--set colour=…: no node input "colour"/);
  });

  it('exits non-zero on a malformed workflow, naming the node', async () => {
    const dir = tmp();
    const bad = join(dir, 'wf.json');
    writeFileSync(bad, JSON.stringify({ version: 1, request: '', nodes: [{ id: 'n1', function: 'ParseCSV', inputs: {} }], outputs: [] }));
    const { code, stderr } = await cli('run', '--workflow', bad);
    assert.equal(code, 2);
    assert.match(stderr, /node "n1": function "ParseCSV" is not in the catalog; did you mean "ParseCsv"\?/);
    writeFileSync(bad, '{"version": 1, "nodes": [');
    assert.match((await cli('run', '--workflow', bad)).stderr, /wf\.json: not valid JSON/);
  });

  it('exits 1 with status partial when an HTTP function fails, keeping the other branch', async () => {
    const server = await startFunctionServer({
      '/up': () => ({ body: { x: 'fine' } }),
      '/down': () => ({ status: 502, body: 'bad gateway' }),
    });
    try {
      const dir = tmp();
      const fn = (name: string, path: string) => ({
        name,
        description: name,
        inputs: [],
        outputs: [{ name: 'x', type: 'string', description: '' }],
        runtime: { type: 'http', url: server.url(path), retries: 0 },
      });
      writeFileSync(join(dir, 'catalog.json'), JSON.stringify({ functions: [fn('Up', '/up'), fn('Down', '/down')] }));
      const wf = join(dir, 'wf.json');
      const nodes = [
        { id: 'up', function: 'Up', inputs: {} },
        { id: 'down', function: 'Down', inputs: {} },
      ];
      writeFileSync(wf, JSON.stringify({ version: 1, request: '', nodes, outputs: [{ from: 'up', output: 'x' }] }));
      const { code, stdout } = await cli('run', '--catalog', join(dir, 'catalog.json'), '--workflow', wf, '--json');
      assert.equal(code, 1);
      const record = JSON.parse(stdout);
      assert.equal(record.status, 'partial');
      assert.deepEqual(record.outputs, { 'up.x': 'fine' });
      assert.match(record.nodes.down.error, /node "down" \(Down\): HTTP 502 Bad Gateway from POST http:\/\/127\.0\.0\.1:\d+\/down: bad gateway/);
    } finally {
      await server.close();
    }
  });

  it('draws a workflow as PNG, SVG or DOT, and rejects another extension', async () => {
    const dir = tmp();
    for (const ext of ['png', 'svg', 'dot']) {
      const out = join(dir, `wf.${ext}`);
      const { code } = await cli('diagram', '--workflow', example, '--out', out);
      assert.equal(code, 0);
      const head = readFileSync(out).subarray(0, 8).toString('latin1');
      if (ext === 'png') assert.equal(head.slice(1, 4), 'PNG');
      if (ext === 'svg') assert.match(readFileSync(out, 'utf8'), /<svg/);
      if (ext === 'dot') assert.match(head, /digraph/);
    }
    const { code, stderr } = await cli('diagram', '--workflow', example, '--out', join(dir, 'wf.gif'));
    assert.equal(code, 2);
    assert.match(stderr, /must end in \.png, \.svg or \.dot/);
  });

  it('works as the installed bin, with exit codes', () => {
    const ok = spawnSync(process.execPath, [join(root, 'bin/action-engine.mjs'), 'catalog', 'validate', join(root, 'catalog')], { encoding: 'utf8' });
    assert.equal(ok.status, 0, ok.stderr);
    const unknown = spawnSync(process.execPath, [join(root, 'bin/action-engine.mjs'), 'frobnicate'], { encoding: 'utf8' });
    assert.equal(unknown.status, 2);
    assert.match(unknown.stderr, /unknown command 'frobnicate'/);
  });
});
