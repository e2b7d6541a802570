/**
 * @module agent/open
 * Builds a ready agent from configuration: catalog, function index and planner, invokers, the
 * SQLite checkpointer under the data folder (so open conversations survive restarts), and the
 * claim store for deliveries that arrive twice.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BaseCheckpointSaver } from '@langchain/langgraph';
import { SqliteSaver } from '@langchain/langgraph-checkpoint-sqlite';
import { loadCatalog } from '../catalog/index.ts';
import { createOpenAIEmbedder } from '../llm/index.ts';
import { createPlanner } from '../planner/index.ts';
import { createInvokers } from '../runtime/index.ts';
import { ClaimStore, openKeyv } from '../store/index.ts';
import { createAgent } from './agent.ts';
import type { AgentConfig } from './config.ts';
import type { Agent } from './types.ts';

export interface OpenAgentOptions {
  /** Instead of SQLite under the data folder (tests pass a MemorySaver). */
  checkpointer?: BaseCheckpointSaver;
  /** Render plan diagrams (default true). */
  diagrams?: boolean;
}

/**
 * @example
 * const agent = await openAgent({ catalogPath: 'catalog', dataDir: 'data' });
 */
export async function openAgent(config: AgentConfig, options: OpenAgentOptions = {}): Promise<Agent> {
  const catalog = loadCatalog(config.catalogPath);
  const embedder = config.openai ? createOpenAIEmbedder(config.openai) : undefined;
  const planner = await createPlanner({ catalog, dataDir: config.dataDir, embedder });
  mkdirSync(config.dataDir, { recursive: true });
  const saver = options.checkpointer ?? SqliteSaver.fromConnString(join(config.dataDir, 'conversations.sqlite'));
  const invokers = createInvokers();
  return createAgent({
    catalog,
    planner,
    invokers,
    confirmBeforeRun: config.confirmBeforeRun ?? 'auto',
    ...(config.fileMaxBytes ? { fileMaxBytes: config.fileMaxBytes } : {}),
    diagrams: options.diagrams,
    checkpointer: saver,
    claims: new ClaimStore(openKeyv({ dataDir: config.dataDir, namespace: 'claims' })),
    onClose: async () => {
      await invokers.close();
      if (saver instanceof SqliteSaver) saver.db.close();
    },
  });
}
