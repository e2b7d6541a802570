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

/**
 * NOTE: 20 MB holds any photo or document people share in a chat, while a run keeps files in
 * memory and in its checkpoints (as base64), so a much bigger file would weigh on both.
 */
export const DEFAULT_FILE_MAX_BYTES = 20 * 1024 * 1024;

/**
 * Reads a FILE_MAX_BYTES setting: a whole number of bytes, optionally with KB/MB/GB (1024-based);
 * unset or empty is the default. Undefined for anything else, which the entry point reports.
 * @example
 * readFileMaxBytes('5MB'); // 5242880
 */
export function readFileMaxBytes(value: string | undefined): number | undefined {
  const text = value?.trim();
  if (!text) return DEFAULT_FILE_MAX_BYTES;
  const m = /^(\d+)\s*(b|kb|mb|gb)?$/i.exec(text);
  if (!m) return undefined;
  const unit = { b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3 }[(m[2] ?? 'b').toLowerCase() as 'b'];
  const bytes = Number(m[1]) * unit;
  return bytes > 0 && Number.isSafeInteger(bytes) ? bytes : undefined;
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
  /** The largest file a question or a request takes (FILE_MAX_BYTES); default `DEFAULT_FILE_MAX_BYTES`. */
  fileMaxBytes?: number;
}
