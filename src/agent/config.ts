/**
 * @module agent/config
 * What an agent is built from. The entry points (src/slack/app.ts, src/cli/index.ts) read the
 * environment once and pass this down; nothing under src/agent reads process.env.
 */
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
  confirmBeforeRun?: 'auto' | 'always' | 'never';
}
