/**
 * @module store/keyv
 * Opens the keyv instance behind a store: SQLite under the data folder by default, or a given
 * `sqlite://` URL; with no location at all, memory (tests).
 */
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import KeyvSqlite from '@keyv/sqlite';
import Keyv from 'keyv';

export interface KeyvLocation {
  /** `sqlite://path` (other schemes come with the stores that need them). */
  url?: string;
  /** Default: `sqlite://<dataDir>/state.sqlite`. */
  dataDir?: string;
  namespace: string;
}

/**
 * @example
 * const kv = openKeyv({ dataDir: 'data', namespace: 'claims' });
 * await kv.set('k', 1, 60_000);
 */
export function openKeyv(location: KeyvLocation): Keyv {
  const url = location.url ?? (location.dataDir ? `sqlite://${join(location.dataDir, 'state.sqlite')}` : undefined);
  if (!url) return new Keyv({ namespace: location.namespace });
  if (!url.startsWith('sqlite://')) {
    throw new Error(`Unsupported store URL "${url.replace(/\/\/[^@/]*@/, '//***@')}": use sqlite://PATH`);
  }
  const file = url.slice('sqlite://'.length);
  mkdirSync(dirname(file), { recursive: true });
  return new Keyv({ store: new KeyvSqlite({ uri: url, busyTimeout: 5000 }), namespace: location.namespace });
}
