/**
 * @module agent/agent
 * The conversation agent over the graph: one LangGraph thread per conversation, paused at each
 * question by `interrupt()` and resumed with `Command({ resume: answer })`. With a persistent
 * checkpointer, a conversation waiting for an answer survives a restart of the process.
 */
import { Command, Overwrite, type BaseCheckpointSaver } from '@langchain/langgraph';
import type { ClaimStore } from '../store/index.ts';
import { describeCatalog } from './capabilities.ts';
import type { AgentDeps } from './deps.ts';
import { AgentError } from './errors.ts';
import { buildGraph, type AgentGraph } from './graph.ts';
import type { State, Update } from './state.ts';
import type { Agent, Answer, EventSink, Pending, Question, ResumeOptions, StartOptions, TurnResult } from './types.ts';

export interface CreateAgentOptions extends AgentDeps {
  checkpointer: BaseCheckpointSaver;
  claims: ClaimStore;
  /** Called by close(), after the agent's own resources. */
  onClose?: () => Promise<void>;
}

/**
 * @example
 * const agent = createAgent({ catalog, planner, invokers, confirmBeforeRun: 'auto', checkpointer: new MemorySaver(), claims });
 * const turn = await agent.start('T1:C1:1700000000.000100', 'convert 5 miles to km', { onEvent: console.log });
 * if (turn.status === 'waiting') await agent.resume('T1:C1:1700000000.000100', 'km', { onEvent: console.log });
 */
export function createAgent(options: CreateAgentOptions): Agent {
  // NOTE: without a checkpointer LangGraph cannot pause at a question; fail here, not at the first one.
  if (!options.checkpointer) {
    throw new AgentError('agent.config', 'createAgent needs a checkpointer: pass a MemorySaver in tests, or use openAgent(), which keeps conversations in SQLite under DATA_DIR.');
  }
  const graph = buildGraph(options, options.checkpointer);
  // The catalog does not change while the agent runs, so neither does what it can do.
  const capabilities = describeCatalog(options.catalog);
  const locks = new Map<string, Promise<unknown>>();

  /** One turn at a time per thread: a second answer waits for the first to be taken. */
  const serial = <T>(thread: string, work: () => Promise<T>): Promise<T> => {
    const previous = locks.get(thread) ?? Promise.resolve();
    const next = previous.catch(() => {}).then(work);
    locks.set(thread, next);
    void next.finally(() => locks.get(thread) === next && locks.delete(thread)).catch(() => {});
    return next;
  };

  const config = (thread: string, emit: EventSink) => ({ configurable: { thread_id: thread }, context: { emit } });

  return {
    start(thread: string, request: string, { user, onEvent, files }: StartOptions) {
      return serial(thread, async () => {
        const known = await turnOf(graph, thread);
        // Started twice while it waits (a retried delivery): nothing new. A finished one gives way to
        // the new request, starting from a clean slate in the same thread.
        if (known?.status === 'waiting') return known;
        const input = { request, requester: user, attachments: files?.length ? files : undefined };
        await graph.invoke(known ? { ...FRESH, ...input } : input, config(thread, onEvent));
        return (await turnOf(graph, thread))!;
      });
    },

    resume(thread: string, answer: Answer, { onEvent }: ResumeOptions) {
      return serial(thread, async () => {
        const turn = await turnOf(graph, thread);
        if (turn?.status !== 'waiting') throw new AgentError('agent.not-waiting', `Conversation ${thread} is not waiting for an answer; start a new one.`);
        await graph.invoke(new Command({ resume: answer }), config(thread, onEvent));
        return (await turnOf(graph, thread))!;
      });
    },

    async pending(thread: string): Promise<Pending | undefined> {
      const snapshot = await graph.getState({ configurable: { thread_id: thread } });
      const question = openQuestion(snapshot);
      return question ? { question, requester: (snapshot.values as State).requester } : undefined;
    },

    claim: (key: string) => options.claims.claim(key),

    capabilities: () => capabilities,

    async close() {
      await options.claims.close();
      await options.onClose?.();
    },
  };
}

/** Everything a finished conversation leaves behind, cleared for the next request in its thread. */
const FRESH: Update = {
  workflow: undefined,
  reasons: undefined,
  choice: undefined,
  choiceAsked: false,
  answers: new Overwrite({}),
  rejected: undefined,
  confirmed: false,
  run: undefined,
  outcome: undefined,
};

type Snapshot = Awaited<ReturnType<AgentGraph['getState']>>;

function openQuestion(snapshot: Snapshot): Question | undefined {
  for (const task of snapshot.tasks) for (const i of task.interrupts) return i.value as Question;
  return undefined;
}

/** Where the thread stands, or undefined for a thread that never started. */
async function turnOf(graph: AgentGraph, thread: string): Promise<TurnResult | undefined> {
  const snapshot = await graph.getState({ configurable: { thread_id: thread } });
  const state = snapshot.values as Partial<State>;
  if (!state.request) return undefined;
  const question = openQuestion(snapshot);
  if (question) return { status: 'waiting', question };
  return { status: 'finished', outcome: state.outcome ?? 'failed' };
}
