import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, describe, it } from 'node:test';
import { openAgent, type AgentEvent } from '../../src/agent/index.ts';
import { DEFAULT_CATALOG } from './harness.ts';

const CHILD = fileURLToPath(new URL('./open-conversation.ts', import.meta.url));

describe('agent: restart while a question is open', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'agent-restart-'));
  after(() => rmSync(dataDir, { recursive: true, force: true }));

  it('resumes the same run in a new process after the first one is killed (SQLite checkpoints)', async () => {
    const thread = 'T1:C1:500.1';
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, thread, 'convert 5 miles'], { env: { ...process.env, DATA_DIR: dataDir }, stdio: ['ignore', 'pipe', 'inherit'] });
    const said = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (d) => (out += d) && out.includes('\n') && resolve(out.trim()));
      child.on('exit', (code) => reject(new Error(`the first process exited (${code}) before its question: ${out}`)));
    });
    assert.equal(said, 'waiting');
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));

    const agent = await openAgent({ catalogPath: DEFAULT_CATALOG, dataDir }, { diagrams: false });
    try {
      const pending = await agent.pending(thread);
      assert.equal(pending?.question.kind, 'value');
      assert.equal(pending?.requester, 'U1');
      const events: AgentEvent[] = [];
      const turn = await agent.resume(thread, 'km', { onEvent: (e) => void events.push(e) });
      assert.deepEqual(turn, { status: 'finished', outcome: 'succeeded' });
      // The plan was shown by the first process; this one only runs and reports.
      assert.deepEqual(events.filter((e) => e.type !== 'progress').map((e) => e.type), ['result']);
      const result = events.find((e) => e.type === 'result');
      assert.ok(result?.type === 'result' && result.items.some((i) => i.kind === 'text' && i.text === '8.04672'));
    } finally {
      await agent.close();
    }
  });
});
