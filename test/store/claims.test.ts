/**
 * ClaimStore on each keyv backend the app uses: memory (tests) and SQLite under the data folder
 * (real files, reopened to check claims outlive the process's store).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { ClaimStore, openKeyv } from '../../src/store/index.ts';

function claimSuite(name: string, open: () => ClaimStore) {
  describe(`ClaimStore (${name})`, () => {
    it('lets the first claim of a key win and every later one lose', async () => {
      const claims = open();
      try {
        assert.equal(await claims.claim('event:Ev1'), true);
        assert.equal(await claims.claim('event:Ev1'), false);
        assert.equal(await claims.claim('event:Ev2'), true);
      } finally {
        await claims.close();
      }
    });

    it('gives exactly one winner to claims of one key made at the same time', async () => {
      const claims = open();
      try {
        const results = await Promise.all(Array.from({ length: 5 }, () => claims.claim('event:same')));
        assert.deepEqual(results.filter(Boolean).length, 1, JSON.stringify(results));
      } finally {
        await claims.close();
      }
    });
  });
}

claimSuite('memory', () => new ClaimStore(openKeyv({ namespace: `claims-${Math.random()}` })));

const dataDir = mkdtempSync(join(tmpdir(), 'claims-'));
after(() => rmSync(dataDir, { recursive: true, force: true }));
let n = 0;
claimSuite('SQLite', () => new ClaimStore(openKeyv({ dataDir, namespace: `claims-${++n}` })));

describe('ClaimStore (SQLite, reopened)', () => {
  it('remembers claims across instances (a restarted process drops a redelivered event)', async () => {
    const first = new ClaimStore(openKeyv({ dataDir, namespace: 'claims-restart' }));
    assert.equal(await first.claim('event:EvRestart'), true);
    await first.close();
    const second = new ClaimStore(openKeyv({ dataDir, namespace: 'claims-restart' }));
    try {
      assert.equal(await second.claim('event:EvRestart'), false);
    } finally {
      await second.close();
    }
  });

  it('forgets a claim after its time to live', async () => {
    const claims = new ClaimStore(openKeyv({ dataDir, namespace: 'claims-ttl' }), 50);
    try {
      assert.equal(await claims.claim('event:EvTtl'), true);
      await new Promise((r) => setTimeout(r, 120));
      assert.equal(await claims.claim('event:EvTtl'), true);
    } finally {
      await claims.close();
    }
  });

  it('refuses a store URL it cannot open, naming the scheme to use', () => {
    assert.throws(() => openKeyv({ url: 'redis://user:secret@somewhere:6379', namespace: 'x' }), (e: Error) => /use sqlite:\/\/PATH/.test(e.message) && !e.message.includes('secret'));
  });
});
