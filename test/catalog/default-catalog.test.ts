import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadCatalog } from '../../src/catalog/index.ts';
import { validateWorkflow } from '../../src/workflow/index.ts';

const catalog = loadCatalog('catalog');

describe('the default catalog', () => {
  it('loads, with at least 25 functions across every group', () => {
    assert.ok(catalog.functions.length >= 25, `${catalog.functions.length} functions`);
    const groups = new Set([...catalog.sourceOf.values()].map((file) => file.split(/[\\/]/).at(-2)));
    assert.deepEqual([...groups].sort(), ['data', 'media', 'slack', 'text', 'time']);
  });

  it('gives every function a module runtime whose export exists', async () => {
    for (const spec of catalog.functions) {
      assert.equal(spec.runtime?.type, 'module', spec.name);
      if (spec.runtime?.type !== 'module') continue;
      const mod = (await import(spec.runtime.path)) as Record<string, unknown>;
      assert.equal(typeof mod[spec.runtime.export], 'function', `${spec.name}: ${spec.runtime.export} is exported`);
    }
  });

  it('chains naturally: outputs feed the inputs of the next step with matching types', () => {
    // Each chain is [function, input it takes from the previous step's output, that output].
    const chains: [string, string?, string?][][] = [
      [['HttpGet'], ['ParseCsv', 'csv_text', 'body'], ['ColumnValues', 'rows', 'rows'], ['ColumnStatistics', 'values', 'values']],
      [['ParseCsv'], ['ColumnValues', 'rows', 'rows'], ['ChartFromNumbers', 'values', 'values'], ['MakeThumbnail', 'image', 'chart_png'], ['UploadFileToSlack', 'file', 'thumbnail']],
      [['ListChannelMessages'], ['SummarizeText', 'text', 'text'], ['PostSlackMessage', 'text', 'summary']],
      [['ListChannelMessages'], ['AnalyzeSentiment', 'text', 'text']],
      [['FindSlackUser'], ['SendDirectMessage', 'user_id', 'user_id']],
      [['CurrentTime'], ['ConvertTimeZone', 'datetime', 'datetime'], ['AddToDate', 'date', 'datetime'], ['DayOfWeek', 'date', 'date']],
      [['MakeQrCode'], ['ResizeImage', 'image', 'qr_code'], ['ConvertImage', 'image', 'image']],
    ];
    for (const chain of chains) {
      const nodes = chain.map(([fn, input, output], i) => ({
        id: `s${i}`,
        function: fn,
        inputs: Object.fromEntries(
          catalog.get(fn)!.inputs.filter((p) => p.required && p.default === undefined).map((p) => [
            p.name,
            p.name === input ? { from: `s${i - 1}`, output: output! } : { ask: p.name },
          ]),
        ),
      }));
      assert.doesNotThrow(() => validateWorkflow({ version: 1, request: '', nodes, outputs: [] }, catalog), chain.map(([f]) => f).join(' → '));
    }
  });

  it('marks the functions that post to Slack as having side effects', () => {
    for (const name of ['PostSlackMessage', 'SendDirectMessage', 'UploadFileToSlack']) assert.equal(catalog.get(name)?.sideEffects, true, name);
    for (const name of ['ListChannelMessages', 'AnalyzeSentiment', 'ResizeImage']) assert.notEqual(catalog.get(name)?.sideEffects, true, name);
  });
});
