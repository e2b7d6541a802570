import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../../bin/action-engine.mjs', import.meta.url));
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47]);

describe('action-engine chat (the terminal conversation)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'chat-'));
  after(() => rmSync(dataDir, { recursive: true, force: true }));
  const chat = (input: string) =>
    spawnSync(process.execPath, [BIN, 'chat', '--data-dir', dataDir], { input, encoding: 'utf8', env: { ...process.env, CATALOG_PATH: '' }, timeout: 120_000 });

  it('plans piped requests, asks, re-asks a bad answer, runs, prints progress and results, and writes the diagram', () => {
    const r = chat('convert 5 miles\nkm\nadd days to 2026-01-01\nlots\n3\nexit\n');
    assert.equal(r.status, 0, r.stderr);
    const out = r.stdout;
    assert.match(out, /Plan for “convert 5 miles”: 1 step \(ConvertUnits\)/);
    assert.match(out, /What is the unit to convert to/);
    assert.match(out, /✔ n1 ConvertUnits/);
    assert.match(out, /converted value \(ConvertUnits\):\n\s+8\.04672/);
    assert.match(out, /That answer did not work: "lots" is not an integer/);
    assert.match(out, /2026-01-04/);
    const diagrams = [...out.matchAll(/diagram: (.+\.png)/g)].map((m) => m[1]!);
    assert.equal(diagrams.length, 2);
    for (const path of diagrams) assert.deepEqual(readFileSync(path).subarray(0, 4), PNG, path);
  });

  it('says so and exits 1 when the input ends with a question open', () => {
    const r = chat('convert 5 miles\n');
    assert.equal(r.status, 1, r.stderr);
    assert.match(r.stdout, /The input ended with a question open; nothing was run/);
    assert.ok(existsSync(join(dataDir, 'conversations.sqlite')));
  });
});
