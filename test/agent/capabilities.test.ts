import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_CATALOG, describeCatalog, isHelpRequest } from '../../src/agent/index.ts';
import { descriptionPhrase } from '../../src/agent/capabilities.ts';
import { loadCatalog, makeCatalog } from '../../src/catalog/index.ts';
import type { FunctionSpec } from '../../src/catalog/types.ts';

const spec = (name: string, description: string, extra: Partial<FunctionSpec> = {}): FunctionSpec => ({
  name,
  description,
  inputs: [],
  outputs: [{ name: 'out', type: 'string', description: '' }],
  ...extra,
});

describe('what the agent can do (from the catalog)', () => {
  it('lists the default catalog by folder, each group with its functions and two of its example requests', () => {
    const c = describeCatalog(loadCatalog(DEFAULT_CATALOG));
    assert.deepEqual(c.groups.map((g) => g.name), ['data', 'media', 'slack', 'text', 'time']);
    assert.equal(c.functions, 33);
    assert.equal(c.moreGroups, 0);
    const media = c.groups.find((g) => g.name === 'media')!;
    assert.deepEqual(media.functions, ['ResizeImage', 'ConvertImage', 'MakeThumbnail', 'GetImageInfo', 'MakeQrCode', 'ChartFromNumbers']);
    assert.deepEqual(media.examples, ['resize this photo to 300px wide', 'make a QR code for https://example.com']);
    for (const g of c.groups) {
      assert.equal(g.examplesWritten, true, g.name);
      assert.equal(g.examples.length, 2, g.name);
      const line = g.functions.join(', ') + (g.moreFunctions ? `, and ${g.moreFunctions} more` : '');
      assert.ok(line.length <= 140, `${g.name}: ${line}`);
    }
    assert.ok(c.groups.every((g) => g.moreFunctions === 0), 'every function of the default catalog is named');
  });

  it('falls back to short phrases from descriptions for a catalog without examples, grouped by "group"', () => {
    const catalog = makeCatalog([
      spec('ResizeImage', 'Resize (scale) an image such as a photo, picture or chart to a new width in pixels.', { group: 'images' }),
      spec('BookMovie', 'Books seats for a movie at a cinema near you; pays with the saved card.', { group: 'movies' }),
      spec('Untitled', 'Does a thing.'),
    ]);
    const c = describeCatalog(catalog);
    assert.deepEqual(
      c.groups.map((g) => [g.name, g.examples, g.examplesWritten]),
      [
        ['images', ['resize an image such as a photo'], false],
        ['movies', ['books seats for a movie at a cinema'], false],
        ['functions', ['does a thing'], false],
      ],
    );
  });

  it('stays short for a big catalog: six groups, one line of names each, the rest counted', () => {
    const functions = Array.from({ length: 300 }, (_, i) => spec(`SomeLongFunctionName${i}`, 'Does a thing.', { group: `group${i % 12}` }));
    const c = describeCatalog(makeCatalog(functions));
    assert.equal(c.groups.length, 6);
    assert.equal(c.moreGroups, 6);
    for (const g of c.groups) {
      assert.ok(g.functions.length >= 1 && g.moreFunctions > 0, g.name);
      assert.equal(g.functions.length + g.moreFunctions, 25);
    }
  });

  it('cuts a description to its first clause without asides', () => {
    assert.equal(descriptionPhrase('Get information about an image: its width and height.'), 'get information about an image');
    assert.equal(descriptionPhrase('Posts a message to a Slack channel (send, share or announce text in #channel), optionally as a reply.'), 'posts a message to a Slack channel');
  });
});

describe('telling a request for help from a request', () => {
  it('takes "help", "what can you do?" and the like as asking what the app can do', () => {
    for (const text of ['help', 'Help!', 'HELP?', '?', 'what can you do?', 'What can you do for me?', 'what do you do', 'how do I use you?', 'How do I use this bot', 'hey, what can you do?', 'can you help?', 'help me', 'what can I ask?', 'what are you?', 'how does this work?', 'what functions do you have?', 'show me your capabilities', 'what’s this for', 'help please']) {
      assert.ok(isHelpRequest(text), text);
    }
  });

  it('plans requests that merely contain "help" or ask about a task', () => {
    for (const text of ['help me resize this image', 'can you help me convert 5 miles to km', 'what can you do with this CSV', 'what day of the week is 2026-12-25', 'post "help" to #general', 'helpful tips', 'how do I convert 5 miles to km']) {
      assert.ok(!isHelpRequest(text), text);
    }
  });
});
