/**
 * @module cli/config
 * The CLI's configuration, read once from the environment by src/cli/index.ts and passed down.
 */
import { z } from 'zod';
import { DEFAULT_CATALOG, readConfirmPolicy, readFileMaxBytes, type ConfirmPolicy } from '../agent/index.ts';
import type { Embedder } from '../index/index.ts';
import { ExitError } from './errors.ts';


const optional = z
  .string()
  .optional()
  .transform((v) => (v && v.trim() ? v.trim() : undefined));

const schema = z.object({
  // An empty variable (as copied from .env.example) means "use the default".
  CATALOG_PATH: optional.transform((v) => v ?? DEFAULT_CATALOG),
  DATA_DIR: optional.transform((v) => v ?? 'data'),
  OPENAI_API_KEY: optional,
  OPENAI_BASE_URL: optional,
  CONFIRM_BEFORE_RUN: optional,
  FILE_MAX_BYTES: optional,
});

export interface CliConfig {
  catalogPath: string;
  dataDir: string;
  /** Set when OPENAI_API_KEY is: retrieval then uses OpenAI (or compatible) embeddings. */
  openai?: { apiKey: string; baseURL?: string };
  /** CONFIRM_BEFORE_RUN: auto (default), always or never (true/false/1/0 also read). */
  confirmBeforeRun: ConfirmPolicy;
  /** FILE_MAX_BYTES: the largest file a chat question takes (default 20 MB). */
  fileMaxBytes: number;
}

/** CONFIRM_BEFORE_RUN, or an error naming the accepted values. */
function confirmPolicy(value: string | undefined): ConfirmPolicy {
  const policy = readConfirmPolicy(value);
  if (!policy) throw new ExitError(`CONFIRM_BEFORE_RUN=${value}: use auto, always or never (or true/false, 1/0)`);
  return policy;
}

/** FILE_MAX_BYTES, or an error showing how to write it. */
function fileMaxBytes(value: string | undefined): number {
  const bytes = readFileMaxBytes(value);
  if (!bytes) throw new ExitError(`FILE_MAX_BYTES=${value}: give a number of bytes, such as 20971520 or 20MB (KB, MB and GB count in 1024s)`);
  return bytes;
}

export function readCliConfig(env: NodeJS.ProcessEnv): CliConfig {
  const parsed = schema.parse(env);
  return {
    catalogPath: parsed.CATALOG_PATH,
    dataDir: parsed.DATA_DIR,
    confirmBeforeRun: confirmPolicy(parsed.CONFIRM_BEFORE_RUN),
    fileMaxBytes: fileMaxBytes(parsed.FILE_MAX_BYTES),
    ...(parsed.OPENAI_API_KEY ? { openai: { apiKey: parsed.OPENAI_API_KEY, baseURL: parsed.OPENAI_BASE_URL } } : {}),
  };
}

/** The embedder the configuration asks for: OpenAI when a key is set, else undefined (offline default). */
export async function configuredEmbedder(config: CliConfig): Promise<Embedder | undefined> {
  if (!config.openai) return undefined;
  const { createOpenAIEmbedder } = await import('../llm/index.ts');
  return createOpenAIEmbedder(config.openai);
}
