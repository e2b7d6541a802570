/**
 * @module cli/config
 * The CLI's configuration, read once from the environment by src/cli/index.ts and passed down.
 */
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/** The catalog shipped with the package (catalog/ at the package root). */
export const DEFAULT_CATALOG = fileURLToPath(new URL('../../catalog', import.meta.url));

const schema = z.object({
  CATALOG_PATH: z.string().min(1).default(DEFAULT_CATALOG),
  DATA_DIR: z.string().min(1).default('data'),
});

export interface CliConfig {
  catalogPath: string;
  dataDir: string;
}

export function readCliConfig(env: NodeJS.ProcessEnv): CliConfig {
  const parsed = schema.parse(env);
  return { catalogPath: parsed.CATALOG_PATH, dataDir: parsed.DATA_DIR };
}
