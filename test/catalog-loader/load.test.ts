import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { CatalogError, loadCatalog } from '../../src/catalog/index.ts';

function dirWith(files: Record<string, unknown>): string {
  const dir = mkdtempSync(join(tmpdir(), 'catalog-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), typeof content === 'string' ? content : JSON.stringify(content));
  }
  return dir;
}

const good = {
  name: 'Echo',
  description: 'Returns its text.',
  inputs: [{ name: 'text', type: 'string', description: 'text', required: true }],
  outputs: [{ name: 'text', type: 'string', description: 'text' }],
};

function problems(path: string): string[] {
  try {
    loadCatalog(path);
    return [];
  } catch (e) {
    assert.ok(e instanceof CatalogError);
    return e.problems;
  }
}

describe('loadCatalog', () => {
  it('loads every JSON file of a folder, recursively', () => {
    const dir = dirWith({
      'a.json': { functions: [good] },
      'sub/b.json': { functions: [{ ...good, name: 'Echo2' }] },
      'notes.txt': 'ignored',
    });
    const catalog = loadCatalog(dir);
    assert.deepEqual(catalog.functions.map((f) => f.name), ['Echo', 'Echo2']);
    assert.equal(catalog.get('Echo2')?.inputs[0]?.name, 'text');
  });

  it('names the file, function, input and the allowed types for a bad type', () => {
    const dir = dirWith({
      'x.json': { functions: [{ ...good, name: 'ResizeImage', inputs: [{ name: 'width', type: 'int', description: 'w', required: true }] }] },
    });
    const [problem] = problems(join(dir, 'x.json'));
    assert.match(problem!, /x\.json: function "ResizeImage": input "width": type "int" is not one of string, integer, number, boolean, list, object, file, date, any$/);
  });

  it('reports duplicate names, unnamed outputs and missing module paths together', () => {
    const dir = dirWith({
      'a.json': { functions: [good, { ...good, outputs: [{ type: 'string', description: 'x' }], name: 'NoName' }] },
      'b.json': {
        functions: [good, { ...good, name: 'Local', runtime: { type: 'module', path: './missing.ts', export: 'run' } }],
      },
    });
    const found = problems(dir);
    assert.equal(found.length, 3, found.join('\n'));
    assert.match(found[0]!, /a\.json: function "NoName": output #1 \(no name\): a name is required/);
    assert.match(found[1]!, /b\.json: function "Local": runtime.path "\.\/missing\.ts" does not exist/);
    assert.match(found[2]!, /b\.json: function "Echo" is already defined in .*a\.json; function names must be unique/);
  });

  it('says which file is not JSON and which path does not exist', () => {
    const dir = dirWith({ 'bad.json': '{"functions": [' });
    assert.match(problems(dir)[0]!, /bad\.json: not valid JSON/);
    assert.match(problems(join(dir, 'nope.json'))[0]!, /nope\.json: no such file or directory/);
  });

  it('rejects unknown fields and enum defaults outside the enum', () => {
    const dir = dirWith({
      'c.json': {
        functions: [
          { ...good, colour: 'red' },
          { ...good, name: 'Fmt', inputs: [{ name: 'f', type: 'string', description: '', required: false, enum: ['a', 'b'], default: 'c' }] },
        ],
      },
    });
    const found = problems(dir);
    assert.match(found[0]!, /function "Echo": unknown field\(s\) "colour"/);
    assert.match(found[1]!, /function "Fmt": input "f": default "c" is not in its enum/);
  });

  it('groups functions by the file they come from unless a spec names its group, and keeps their example requests', () => {
    const dir = dirWith({
      'media/media.json': { functions: [{ ...good, name: 'Resize', examples: ['resize this photo to 300px wide'] }] },
      'tools.json': { functions: [good, { ...good, name: 'Shout', group: 'text' }] },
    });
    const catalog = loadCatalog(dir);
    assert.deepEqual(catalog.functions.map((f) => [f.name, f.group]), [['Resize', 'media'], ['Echo', 'tools'], ['Shout', 'text']]);
    assert.deepEqual(catalog.get('Resize')?.examples, ['resize this photo to 300px wide']);
    assert.equal(catalog.get('Echo')?.examples, undefined);
  });

  it('says what is wrong with a group or examples that are not text', () => {
    const dir = dirWith({ 'd.json': { functions: [{ ...good, group: '' }, { ...good, name: 'Ex', examples: 'resize it' }, { ...good, name: 'Ex2', examples: [''] }] } });
    const found = problems(dir);
    assert.match(found[0]!, /function "Echo": group: "group" must be a non-empty string/);
    assert.match(found[1]!, /function "Ex": examples: "examples" must be a list of example requests/);
    assert.match(found[2]!, /function "Ex2": examples\.0: an example must not be empty/);
  });
});
