import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { datasetFormat, evalCommand, parseDataset } from '../../src/cli/commands/eval.ts';
import { parseProductDataset, type ProductEvalReport } from '../../src/cli/commands/eval-product.ts';
import type { Output } from '../../src/cli/output.ts';
import type { PlanResult } from '../../src/planner/types.ts';
import type { Workflow } from '../../src/workflow/types.ts';
import { scriptedPlanner, type ScriptEntry } from '../fakes/scripted-planner.ts';
import { scorePy } from '../workflow/score-py.ts';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));
/** Gold lines of every kind, and for each a plan that is right or wrong in the way its id says. */
const GOLD = fixture('product-gold.jsonl');
const PRED = fixture('product-pred.jsonl');
const CATALOG = fixture('product-catalog.json');

function capture(): Output & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, log: (l) => stdout.push(l), error: (l) => stderr.push(l) };
}

const readJsonl = (file: string) =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Record<string, unknown>);

/** A planner that answers each gold request with its line of product-pred.jsonl (an error line throws). */
function fixturePlanner() {
  const requestOf = new Map(readJsonl(GOLD).map((g) => [g.id, g.request as string]));
  const script: Record<string, ScriptEntry> = {};
  for (const p of readJsonl(PRED)) {
    const result: PlanResult = { workflow: p.workflow as Workflow, finalCandidates: [], reasons: [], ms: 3 };
    script[requestOf.get(p.id)!] = p.error ? new Error(String(p.error)) : result;
  }
  return scriptedPlanner(script);
}

const args = { catalog: CATALOG, dataDir: 'unused', dataset: GOLD, json: false };

async function jsonReport(extra: Partial<typeof args> & { show?: boolean; limit?: string } = {}) {
  const out = capture();
  assert.equal(await evalCommand({ ...args, json: true, ...extra }, out, fixturePlanner()), 0);
  return { report: JSON.parse(out.stdout.join('\n')) as ProductEvalReport, out };
}

/** The figures of the fixture, worked out by hand from its ids (see test/fixtures/product-gold.jsonl). */
const EXPECTED = {
  n: 22,
  right: 11,
  right_share: 0.5,
  final_top1: 15 / 18,
  final_top3: 17 / 18,
  per_kind: { '?': '1/1', ask: '1/3', chain: '2/5', multi: '2/3', single: '3/6', unsupported: '2/4' },
};

describe('datasetFormat', () => {
  it('tells the product format (gold: a list) from the Reverse Chain one (gold: a workflow)', () => {
    assert.equal(datasetFormat(readFileSync(GOLD, 'utf8')), 'product');
    assert.equal(datasetFormat(readFileSync(fixture('eval-playlist-with-bad-lines.jsonl'), 'utf8')), 'reversechain');
    assert.equal(datasetFormat('not json\n\n{"id": 1, "request": "x", "gold": []}'), 'product');
    assert.equal(datasetFormat('{"id": 1, "request": "x"}'), 'reversechain');
  });
});

describe('parseProductDataset', () => {
  it('keeps good lines, with kind "?" when absent, and reports each bad one with its line and why', () => {
    const text = [
      '{"id": "a", "request": "sha1 of x", "gold": [{"nodes": [{"id": "n1", "function": "HashText", "inputs": {"text": {"value": "x"}}}], "outputs": []}], "kind": "single"}',
      '{"id": "b", "request": "fly", "gold": [], "unsupported": true}',
      '{"id": "c", "request": "x", "gold": {"version": 1, "nodes": []}}',
      '{broken',
      '',
      '{"id": "d", "request": "x", "gold": [{"nodes": [{"id": "n1"}]}], "kind": 3}',
      '{"request": "x", "gold": []}',
    ].join('\n');
    const { items, bad } = parseProductDataset(text);
    assert.deepEqual(
      items.map((i) => [i.id, i.kind, i.unsupported, i.line]),
      [['a', 'single', false, 1], ['b', '?', true, 2]],
    );
    assert.deepEqual(bad.map((b) => b.line), [3, 4, 6, 7]);
    assert.match(bad[0]!.why, /"gold" must be a list of acceptable workflows/);
    assert.match(bad[1]!.why, /not valid JSON/);
    assert.match(bad[2]!.why, /gold\[0\]: node #1 needs an "id" and a "function".*"kind" must be text/);
    assert.match(bad[3]!.why, /needs an "id"/);
  });

  it('stops after --limit items', () => {
    assert.equal(parseProductDataset(readFileSync(GOLD, 'utf8'), 3).items.length, 3);
  });

  it('is not what the Reverse Chain parser takes: a gold list there is a bad line that says so', () => {
    const { items, bad } = parseDataset('{"id": "a", "request": "x", "gold": []}');
    assert.equal(items.length, 0);
    assert.match(bad[0]!.why, /the product format.*keep one format per file/);
  });
});

describe('eval command on a product data set', () => {
  it('prints score.py\'s figures: right n/N, final top-1 and top-3, function F1, per kind, and latency', async () => {
    const out = capture();
    assert.equal(await evalCommand(args, out, fixturePlanner()), 0);
    const table = out.stdout.join('\n');
    assert.match(table, /product-gold\.jsonl: 22 requests, product format$/m);
    assert.match(table, /^right\s+11\/22 \(0\.500\)$/m);
    assert.match(table, /^final top-1\s+0\.833\s+top-3 0\.944\s+\(over the 18 requests with a goal\)$/m);
    assert.match(table, /^function F1\s+0\.846/m);
    assert.match(table, /^by kind\s+\? 1\/1\s+ask 1\/3\s+chain 2\/5\s+multi 2\/3\s+single 3\/6\s+unsupported 2\/4$/m);
    assert.match(table, /^latency plan\s+p50 3 ms\s+p95 3 ms$/m);
    assert.doesNotMatch(table, /got|want/, 'wrong items are printed only with --show');
  });

  it('gives the same figures with --json, under score.py\'s names, and one result per request', async () => {
    const { report } = await jsonReport();
    assert.equal(report.format, 'product');
    assert.deepEqual({ ...report.score, fn_F1: undefined }, { ...EXPECTED, fn_F1: undefined });
    assert.equal(report.requests, 22);
    assert.equal(report.goals, 18);
    const byId = new Map(report.results.map((r) => [r.id, r]));
    for (const id of ['single-right', 'single-numbers', 'single-dates', 'chain-right', 'chain-dm', 'multi-right', 'multi-second-gold', 'ask-right', 'unsupported-right', 'unsupported-planner-failed', 'no-kind']) {
      assert.equal(byId.get(id)!.right, true, id);
    }
    assert.equal(byId.get('chain-planner-failed')!.error, 'no function can do "DM it"');
    assert.equal(byId.get('unsupported-planner-failed')!.ms, undefined);
  });

  it('with --show prints each wrong item, planned and wanted, before the table', async () => {
    const out = capture();
    await evalCommand({ ...args, show: true }, out, fixturePlanner());
    const shown = out.stdout.slice(0, -1);
    assert.equal(shown.length, 11);
    assert.equal(
      shown.find((l) => l.startsWith('ask-guessed')),
      [
        'ask-guessed [ask] hash this with sha1 please',
        `   got  ["hashtext(algorithm=('s', 'sha1'),text=('s', 'this'))"]`,
        `   want [["hashtext(algorithm=('s', 'sha1'),text=?)"]]`,
      ].join('\n'),
    );
    assert.match(shown.find((l) => l.startsWith('unsupported-silent'))!, /got {2}\[\]\n {3}want unsupported$/);
    assert.match(shown.find((l) => l.startsWith('chain-planner-failed'))!, /got {2}no function can do "DM it"/);
    assert.match(out.stdout.at(-1)!, /^.*product-gold\.jsonl: 22 requests/);
  });

  it('with --show and --json keeps stdout one JSON document and shows the wrong items on stderr', async () => {
    const { report, out } = await jsonReport({ show: true });
    assert.equal(report.score.right, 11);
    assert.equal(out.stderr.filter((l) => /\n {3}got /.test(l)).length, 11);
  });

  it('lists bad lines on stderr and scores the rest', async () => {
    const lines = readFileSync(GOLD, 'utf8').trimEnd().split('\n');
    const dataset = join(mkdtempSync(join(tmpdir(), 'eval-product-')), 'with-bad-lines.jsonl');
    writeFileSync(dataset, [lines[0], '{broken', '{"id": "x", "request": "x", "gold": {"nodes": []}}', lines[1]].join('\n'));
    const out = capture();
    assert.equal(await evalCommand({ ...args, dataset }, out, fixturePlanner()), 0);
    assert.match(out.stdout.join('\n'), /2 requests, product format, 2 bad lines skipped/);
    assert.match(out.stderr.join('\n'), /with-bad-lines\.jsonl:2: skipped: not valid JSON/);
    assert.match(out.stderr.join('\n'), /with-bad-lines\.jsonl:3: skipped: "gold" must be a list/);
  });

  it('honours --limit', async () => {
    const { report } = await jsonReport({ limit: '2' });
    assert.equal(report.requests, 2);
  });

  it('shows Reverse Chain requests that were not exact in the same canonical forms', async () => {
    const out = capture();
    const planner = scriptedPlanner({ "Add 'Imagine' to Jenny's 'Chill Vibes' playlist": new Error('no plan') }, 1);
    await evalCommand({ ...args, dataset: fixture('eval-playlist-with-bad-lines.jsonl'), limit: '1', show: true }, out, planner);
    assert.match(out.stdout[0]!, /^exact \[planFailed\] Add 'Imagine'.*\n {3}got {2}no plan\n {3}want \[\["addsongtoplaylist\(playlist_ID<-playlistname2id/);
    assert.match(out.stdout.at(-1)!, /exact match/);
  });
});

describe('cross-check with score.py', () => {
  it('gives exactly the figures score.py --json gives on the same gold and plans', async (t) => {
    const { scorer, missing } = scorePy();
    if (!scorer) return t.skip(`cross-check skipped: ${missing}`);
    const python = JSON.parse(scorer.run(['--catalog', CATALOG, '--gold', GOLD, '--pred', PRED, '--json']));
    const { report } = await jsonReport();
    assert.deepEqual(report.score, python);
    assert.deepEqual({ ...python, fn_F1: undefined }, { ...EXPECTED, fn_F1: undefined }, 'the fixture still has right and wrong items of every kind');
  });

  it('prints exactly the lines score.py --show prints for the wrong items', async (t) => {
    const { scorer, missing } = scorePy();
    if (!scorer) return t.skip(`cross-check skipped: ${missing}`);
    const python = scorer.run(['--catalog', CATALOG, '--gold', GOLD, '--pred', PRED, '--show']).trimEnd().split('\n');
    const out = capture();
    await evalCommand({ ...args, show: true }, out, fixturePlanner());
    assert.deepEqual(out.stdout.slice(0, -1).join('\n').split('\n'), python.slice(0, -1));
  });
});
