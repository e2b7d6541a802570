/**
 * Keeps the dependency direction of ../shared/STYLE.md true: each folder of src/ imports only the
 * folders below it. A new edge fails here with the file and import that made it.
 */
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const SRC = fileURLToPath(new URL('../src', import.meta.url));

const ALLOWED: Record<string, string[]> = {
  slack: ['agent', 'workflow', 'catalog'],
  // NOTE: `chat` goes through the agent like Slack does. `plan`, `eval` and `run` are the build and
  // inspect commands STYLE lets the CLI take straight to the lower layers (planner, runtime, and llm
  // for the embedder), so a planner or runtime problem can be looked at without a conversation.
  cli: ['agent', 'index', 'workflow', 'catalog', 'store', 'planner', 'runtime', 'llm'],
  agent: ['planner', 'runtime', 'store', 'workflow', 'llm', 'catalog'],
  planner: ['index', 'workflow', 'catalog', 'llm'],
  runtime: ['workflow', 'catalog'],
  store: ['workflow', 'catalog'],
  index: ['catalog', 'llm'],
  workflow: ['catalog'],
  llm: [],
  catalog: [],
};

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : /\.(ts|mjs)$/.test(name) ? [path] : [];
  });
}

describe('source layout', () => {
  it('imports only from the layers each folder may use', () => {
    const violations: string[] = [];
    for (const file of files(SRC)) {
      const folder = relative(SRC, file).split(/[\\/]/)[0]!;
      const allowed = ALLOWED[folder];
      assert.ok(allowed, `src/${folder} is not in the dependency table; add it with the layers it may import`);
      for (const m of readFileSync(file, 'utf8').matchAll(/(?:from|import)\s*\(?\s*'(\.\.?\/[^']+)'/g)) {
        const target = relative(SRC, join(file, '..', m[1]!)).split(/[\\/]/)[0]!;
        if (target !== folder && !target.startsWith('..') && !allowed.includes(target)) {
          violations.push(`${relative(SRC, file)} imports ${m[1]} (src/${target})`);
        }
      }
    }
    assert.deepEqual(violations, []);
  });
});
