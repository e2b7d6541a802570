/**
 * Agents for the tests: the real planner and runtime over a real catalog (the default one unless
 * given), with the function index in a fresh temporary folder and a MemorySaver unless a
 * checkpointer is given. `events` collects what the agent said.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before } from 'node:test';
import { MemorySaver, type BaseCheckpointSaver } from '@langchain/langgraph';
import { createAgent, DEFAULT_CATALOG, type Agent, type AgentEvent } from '../../src/agent/index.ts';
import { loadCatalog } from '../../src/catalog/index.ts';
import type { Catalog } from '../../src/catalog/types.ts';
import { createPlanner } from '../../src/planner/index.ts';
import { createInvokers } from '../../src/runtime/index.ts';
import { ClaimStore, openKeyv } from '../../src/store/index.ts';

export { DEFAULT_CATALOG };

export interface TestAgent {
  agent: Agent;
  events: AgentEvent[];
  onEvent: (e: AgentEvent) => void;
  catalog: Catalog;
  dispose(): Promise<void>;
}

export interface TestAgentOptions {
  catalog?: Catalog;
  checkpointer?: BaseCheckpointSaver;
  confirmBeforeRun?: 'auto' | 'always' | 'never';
  diagrams?: boolean;
  fileMaxBytes?: number;
}

export async function testAgent(options: TestAgentOptions = {}): Promise<TestAgent> {
  const dataDir = mkdtempSync(join(tmpdir(), 'agent-test-'));
  const catalog = options.catalog ?? loadCatalog(DEFAULT_CATALOG);
  const invokers = createInvokers();
  const agent = createAgent({
    catalog,
    planner: await createPlanner({ catalog, dataDir }),
    invokers,
    confirmBeforeRun: options.confirmBeforeRun ?? 'auto',
    diagrams: options.diagrams ?? false,
    ...(options.fileMaxBytes ? { fileMaxBytes: options.fileMaxBytes } : {}),
    checkpointer: options.checkpointer === undefined ? new MemorySaver() : options.checkpointer,
    claims: new ClaimStore(openKeyv({ namespace: 'claims' })),
    onClose: () => invokers.close(),
  });
  const events: AgentEvent[] = [];
  return {
    agent,
    events,
    onEvent: (e) => void events.push(e),
    catalog,
    dispose: async () => {
      await agent.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * A test agent for the tests of the enclosing describe(): built before them, disposed after. Its
 * fields may be read inside a test only.
 */
export function agentFor(options: TestAgentOptions = {}): TestAgent {
  let current: TestAgent | undefined;
  before(async () => {
    current = await testAgent(options);
  });
  after(() => current?.dispose());
  const now = () => current ?? assert.fail('the agent is built in before()');
  return {
    get agent() {
      return now().agent;
    },
    get events() {
      return now().events;
    },
    get catalog() {
      return now().catalog;
    },
    onEvent: (e) => now().onEvent(e),
    dispose: () => now().dispose(),
  };
}

/** The event types in order, progress collapsed to one entry per node transition ("progress:started:n1"). */
export const eventTrail = (events: AgentEvent[]) => events.map((e) => (e.type === 'progress' ? `progress:${e.event.type}:${e.event.node}` : e.type));
