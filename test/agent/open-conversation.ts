/**
 * A child process for the restart test: opens the agent over `DATA_DIR` (SQLite checkpoints),
 * starts a conversation that stops at a question, prints "waiting" and then hangs until killed.
 * Usage: node --import tsx test/agent/open-conversation.ts THREAD REQUEST
 */
import { openAgent } from '../../src/agent/index.ts';
import { DEFAULT_CATALOG } from './harness.ts';

const [thread, request] = process.argv.slice(2);
const agent = await openAgent({ catalogPath: DEFAULT_CATALOG, dataDir: process.env.DATA_DIR! }, { diagrams: false });
const turn = await agent.start(thread!, request!, { user: 'U1', onEvent: () => {} });
process.stdout.write(`${turn.status}\n`);
setInterval(() => {}, 1000);
