/**
 * @module agent/config
 * What an agent is built from. The entry points (src/slack/app.ts, src/cli/index.ts) read the
 * environment once and pass this down; nothing under src/agent reads process.env.
 */
import { fileURLToPath } from 'node:url';

/** The catalog shipped with the package (catalog/ at the package root): the default CATALOG_PATH. */
export const DEFAULT_CATALOG = fileURLToPath(new URL('../../catalog', import.meta.url));

export type ConfirmPolicy = 'auto' | 'always' | 'never';

/**
 * Reads a CONFIRM_BEFORE_RUN setting: auto (also unset), always or never, and true/1 or false/0 for
 * the last two; undefined for anything else, which the entry point reports.
 */
export function readConfirmPolicy(value: string | undefined): ConfirmPolicy | undefined {
  const word = (value?.trim() || 'auto').toLowerCase();
  return ({ auto: 'auto', always: 'always', never: 'never', true: 'always', '1': 'always', false: 'never', '0': 'never' } as const)[word];
}

export interface AgentConfig {
  /** Catalog file or folder. */
  catalogPath: string;
  /** Folder for the function index, conversation checkpoints (SQLite) and stores. */
  dataDir: string;
  /** Set when OPENAI_API_KEY is: retrieval then uses OpenAI (or compatible) embeddings. */
  openai?: { apiKey: string; baseURL?: string };
  /**
   * Ask "Run / Cancel" before running: `auto` (default) when the plan has a function with side
   * effects (posts, uploads), `always`, or `never`.
   */
  confirmBeforeRun?: ConfirmPolicy;
}
