import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { evalCommand, evaluate, parseDataset, percentile } from '../../src/cli/commands/eval.ts';
import { plan, planBatch } from '../../src/cli/commands/plan.ts';
import type { Output } from '../../src/cli/output.ts';
import type { PlanResult } from '../../src/planner/types.ts';
import type { Workflow } from '../../src/workflow/types.ts';
import { scriptedPlanner, type ScriptEntry } from '../fakes/scripted-planner.ts';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));
const DATASET = fixture('eval-playlist-with-bad-lines.jsonl');
const REQUESTS = fixture('eval-plan-requests-with-bad-lines.jsonl');

function capture(): Output & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, log: (l) => stdout.push(l), error: (l) => stderr.push(l) };
}

const dataset = parseDataset(readFileSync(DATASET, 'utf8'));
const goldOf = (id: string): Workflow => structuredClone(dataset.items.find((i) => i.id === id)!.gold);
const requestOf = (id: string) => dataset.items.find((i) => i.id === id)!.request;

/** One scripted answer per fixture item, each wrong in the way its id says. */
function script(): Record<string, ScriptEntry> {
  const result = (workflow: Workflow, ms: number, finals: string[], reasons: string[] = []): PlanResult => ({
    workflow,
    ms,
    reasons,
    finalCandidates: finals.map((f, i) => ({ function: f, score: 1 - i / 10 })),
  });
  const exact = goldOf('exact');
  for (const n of exact.nodes) n.id = `step-${n.id}`;
  for (const b of Object.values(exact.nodes[2]!.inputs)) if ('from' in b) b.from = `step-${b.from}`;

  const wrongFinal = goldOf('wrong-final');
  wrongFinal.nodes[2]!.function = 'RemoveSongFromPlaylist';
  wrongFinal.unsupported = ['make it louder'];

  const missingHelper = goldOf('missing-helper');
  missingHelper.nodes.shift();
  missingHelper.nodes[1]!.inputs.user_ID = { value: 'Sophia' };

  const wrongEdge = goldOf('wrong-edge');
  wrongEdge.nodes[2]!.inputs.playlist_ID = { from: 'n1', output: 'user_ID' };

  const asked = goldOf('asked');
  asked.nodes[2]!.inputs.song_name = { ask: 'Which song should I add?' };

  const wrongValue = goldOf('wrong-value');
  wrongValue.nodes[2]!.inputs.song_name = { value: 'Eye of the Lion' };

  return {
    [requestOf('exact')]: result(exact, 10, ['AddSongToPlaylist']),
    [requestOf('wrong-final')]: result(wrongFinal, 20, ['RemoveSongFromPlaylist', 'Playlistname2ID', 'AddSongToPlaylist']),
    [requestOf('missing-helper')]: result(missingHelper, 30, ['AddSongToPlaylist']),
    [requestOf('wrong-edge')]: result(wrongEdge, 40, ['AddSongToPlaylist']),
    [requestOf('asked')]: result(asked, 50, ['AddSongToPlaylist']),
    [requestOf('wrong-value')]: result(wrongValue, 60, ['AddSongToPlaylist']),
    [requestOf('planner-throws')]: new Error('no function matches "Sleep"'),
  };
}

/** A clock that moves 7 ms per reading, so every wall time is 7 ms. */
function steppingClock() {
  let t = 0;
  return () => (t += 7);
}

describe('parseDataset', () => {
  it('keeps good lines and reports each bad one with its line number and why', () => {
    assert.deepEqual(
      dataset.items.map((i) => [i.id, i.line]),
      [['exact', 1], ['wrong-final', 2], ['missing-helper', 3], ['wrong-edge', 5], ['asked', 7], ['wrong-value', 9], ['planner-throws', 10]],
    );
    assert.equal(dataset.bad.length, 2);
    assert.equal(dataset.bad[0]!.line, 4);
    assert.match(dataset.bad[0]!.why, /not valid JSON/);
    assert.deepEqual(dataset.bad[1], { line: 8, why: 'needs a "gold" workflow' });
  });

  it('names the gold workflow problem of a line', () => {
    const { items, bad } = parseDataset('{"id": 3, "request": "x", "gold": {"version": 2, "nodes": []}}\n');
    assert.equal(items.length, 0);
    assert.equal(bad[0]!.line, 1);
    assert.match(bad[0]!.why, /gold: version: version must be 1/);
  });

  it('stops after --limit items', () => {
    const limited = parseDataset(readFileSync(DATASET, 'utf8'), 4);
    assert.deepEqual(limited.items.map((i) => i.id), ['exact', 'wrong-final', 'missing-helper', 'wrong-edge']);
    assert.equal(limited.bad.length, 1);
  });
});

describe('evaluate', () => {
  it('scores a scripted planner over the data set: P/R/F1, exact, finals, asks and latency', async () => {
    const planner = scriptedPlanner(script());
    const report = await evaluate(planner, dataset, { now: steppingClock() });
    assert.equal(planner.calls.length, 7, 'bad lines are not planned');
    assert.equal(report.requests, 7);
    assert.equal(report.badLines.length, 2);
    assert.deepEqual([report.functions.tp, report.functions.fp, report.functions.fn], [16, 1, 5]);
    assert.deepEqual([report.edges.tp, report.edges.fp, report.edges.fn], [8, 3, 6]);
    assert.deepEqual([report.values.tp, report.values.fp, report.values.fn], [14, 3, 7]);
    assert.equal(report.functions.precision, 16 / 17);
    assert.equal(report.functions.recall, 16 / 21);
    assert.deepEqual(report.exact, { count: 1, rate: 1 / 7 });
    assert.deepEqual(report.asks, { total: 1, perRequest: 1 / 7 });
    assert.deepEqual(report.final, { top1: 5 / 7, top3: 6 / 7 });
    assert.deepEqual(report.latency, { planMs: { p50: 30, p95: 60 }, wallMs: { p50: 7, p95: 7 } });
    assert.deepEqual(report.unsupported, { goals: 1, requests: 1 });
  });

  it('sorts each inexact request into the first cause that explains it', async () => {
    const report = await evaluate(scriptedPlanner(script()), dataset);
    assert.deepEqual(report.errors, { planFailed: 1, wrongFinal: 1, helpers: 1, edges: 1, asked: 1, wrongValue: 1 });
    for (const r of report.results) {
      const expected = { exact: 'exact', 'wrong-final': 'wrongFinal', 'missing-helper': 'helpers', 'wrong-edge': 'edges', asked: 'asked', 'wrong-value': 'wrongValue', 'planner-throws': 'planFailed' }[r.id];
      assert.equal(r.outcome, expected, r.id);
    }
    assert.equal(report.results.find((r) => r.id === 'planner-throws')!.error, 'no function matches "Sleep"');
  });

  it('ranks finals by the workflow sinks when the planner gives no candidates', async () => {
    const gold = goldOf('exact');
    const report = await evaluate(scriptedPlanner({ [requestOf('exact')]: { workflow: gold, finalCandidates: [], reasons: [], ms: 1 } }), {
      items: [dataset.items[0]!],
      bad: [],
    });
    assert.deepEqual(report.final, { top1: 1, top3: 1 });
  });

  it('uses nearest-rank percentiles', () => {
    assert.equal(percentile([], 0.5), 0);
    assert.equal(percentile([5], 0.95), 5);
    assert.equal(percentile([4, 1, 3, 2], 0.5), 2);
    assert.equal(percentile(Array.from({ length: 20 }, (_, i) => i + 1), 0.95), 19);
  });
});

describe('eval command', () => {
  const args = { catalog: 'unused', dataDir: 'unused', dataset: DATASET, json: false };

  it('prints an aligned table and lists bad lines on stderr', async () => {
    const out = capture();
    const code = await evalCommand(args, out, scriptedPlanner(script()));
    assert.equal(code, 0);
    const table = out.stdout.join('\n');
    assert.match(table, /7 requests, 2 bad lines skipped/);
    assert.match(table, /^functions\s+0\.941\s+0\.762\s+0\.842\s+tp 16 {2}fp 1 {2}fn 5$/m);
    assert.match(table, /^exact match\s+14\.3% \(1\/7\)$/m);
    assert.match(table, /^final top-1\s+71\.4%\s+top-3 85\.7%$/m);
    assert.match(table, /^asks\s+0\.14 per request \(1 total\)$/m);
    assert.match(table, /^ {2}wrong final\s+1$/m);
    assert.match(out.stderr.join('\n'), /eval-playlist-with-bad-lines\.jsonl:4: skipped: not valid JSON/);
    assert.match(out.stderr.join('\n'), /:8: skipped: needs a "gold" workflow/);
  });

  it('prints the same report as JSON with --json, honouring --limit', async () => {
    const out = capture();
    const code = await evalCommand({ ...args, json: true, limit: '2' }, out, scriptedPlanner(script()));
    assert.equal(code, 0);
    const report = JSON.parse(out.stdout.join('\n'));
    assert.equal(report.requests, 2);
    assert.deepEqual(report.errors, { planFailed: 0, wrongFinal: 1, helpers: 0, edges: 0, asked: 0, wrongValue: 0 });
    assert.equal(report.exact.count, 1);
  });

  it('refuses a --limit that is not a positive whole number', async () => {
    await assert.rejects(evalCommand({ ...args, limit: 'ten' }, capture(), scriptedPlanner({})), /--limit ten: give a whole number/);
  });

  it('says when the data set file is missing', async () => {
    await assert.rejects(evalCommand({ ...args, dataset: '/nope/dev.jsonl' }, capture(), scriptedPlanner({})), /\/nope\/dev\.jsonl: no such file/);
  });
});

describe('plan command', () => {
  const planArgs = { catalog: 'unused', dataDir: 'unused', json: false };
  const gold = goldOf('exact');
  const planner = () =>
    scriptedPlanner({
      [requestOf('exact')]: {
        workflow: gold,
        reasons: ['"add the song" matches AddSongToPlaylist'],
        finalCandidates: [
          { function: 'AddSongToPlaylist', score: 0.91 },
          { function: 'CreatePlaylist', score: 0.5 },
          { function: 'RemoveSongFromPlaylist', score: 0.333 },
        ],
        ms: 12,
      },
      "Add 'Let It Be' to Sophia's 'Jazz Legends' playlist": goldOf('missing-helper'),
      'something the planner cannot do': new Error('no function in the catalog can do "something"'),
    });

  it('plans a JSONL file line by line, writing one line per input line in order, errors included', async () => {
    const output = join(mkdtempSync(join(tmpdir(), 'plan-')), 'plans.jsonl');
    const out = capture();
    const code = await plan(undefined, { ...planArgs, input: REQUESTS, output }, out, planner());
    assert.equal(code, 1, 'any error line makes the exit code 1');
    const lines = readFileSync(output, 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l));
    assert.equal(lines.length, 6, 'the blank input line is skipped');
    assert.deepEqual(lines[0], { id: 'a', workflow: gold });
    assert.equal(lines[1].id, null);
    assert.match(lines[1].error, /^line 2: not valid JSON/);
    assert.deepEqual(lines[2], { id: null, error: 'line 3: needs an "id" (a string or a number)' });
    assert.deepEqual(lines[3], { id: 7, error: 'line 4: no function in the catalog can do "something"' });
    assert.deepEqual(lines[4], { id: 'b', error: 'line 6: needs a "request" (non-empty text)' });
    assert.equal(lines[5].id, 'c');
    assert.equal(lines[5].workflow.nodes.length, 3);
    assert.match(out.stderr.join('\n'), /2 planned, 4 error lines, written to .*plans\.jsonl/);
  });

  it('exits 0 when every line planned', async () => {
    const lines: string[] = [];
    const summary = await planBatch(planner(), `{"id":"a","request":${JSON.stringify(requestOf('exact'))}}\n`, (l) => lines.push(l));
    assert.deepEqual(summary, { planned: 1, failed: 0 });
    assert.deepEqual(JSON.parse(lines[0]!), { id: 'a', workflow: gold });
  });

  it('prints one request\'s workflow on stdout and its reasons and final candidates on stderr', async () => {
    const out = capture();
    const code = await plan(requestOf('exact'), planArgs, out, planner());
    assert.equal(code, 0);
    assert.deepEqual(JSON.parse(out.stdout.join('\n')), gold);
    const stderr = out.stderr.join('\n');
    assert.match(stderr, /• "add the song" matches AddSongToPlaylist/);
    assert.match(stderr, /final candidates: AddSongToPlaylist \(0\.91\), CreatePlaylist \(0\.50\), RemoveSongFromPlaylist \(0\.33\)/);
    assert.match(stderr, /planned 3 nodes in 12 ms/);
  });

  it('prints the whole plan result with --json', async () => {
    const out = capture();
    await plan(requestOf('exact'), { ...planArgs, json: true }, out, planner());
    const result = JSON.parse(out.stdout.join('\n'));
    assert.deepEqual(Object.keys(result).sort(), ['finalCandidates', 'ms', 'reasons', 'workflow']);
    assert.deepEqual(out.stderr, []);
  });

  it('reports every flag problem at once', async () => {
    await assert.rejects(plan('a request', { ...planArgs, input: REQUESTS }, capture(), planner()), (e: Error) => {
      assert.match(e.message, /either a request text or --input FILE, not both/);
      assert.match(e.message, /--input needs --output FILE/);
      return true;
    });
    await assert.rejects(plan(undefined, planArgs, capture(), planner()), /give a request text/);
  });

  it('shows a coded planner error as a message with exit code 1', async () => {
    const coded = Object.assign(new Error('no function can "fly"; add one to the catalog'), { name: 'PlanError', code: 'plan.no_function' });
    await assert.rejects(plan('fly', planArgs, capture(), scriptedPlanner({ fly: coded })), (e: Error & { exitCode?: number }) => {
      assert.equal(e.name, 'ExitError');
      assert.equal(e.exitCode, 1);
      return true;
    });
  });
});
