/**
 * An Agent that plays a script keyed by request text, for Slack tests that are about Slack, not
 * planning: each turn emits its events in order (awaiting the sink, like the real agent) and then
 * waits on a question or finishes. Like the real agent, starting a thread twice says nothing new,
 * and resuming a thread that waits for nothing throws `agent.not-waiting`. An unscripted request
 * throws, so a test notices a request it did not expect. `calls` records every start and resume
 * (with the files each carried). `capabilities()` answers `options.capabilities` (default: one group).
 *
 * @example
 * const agent = scriptedAgent({ 'add 3 days': [
 *   { events: [planEvent], then: dateQuestion },
 *   { events: [progress, result], then: 'succeeded' },
 * ] });
 */
import { AgentError } from '../../src/agent/index.ts';
import type { Agent, AgentEvent, Capabilities, EventSink, Pending, Question, TurnResult } from '../../src/agent/index.ts';
import type { FileJson } from '../../src/catalog/types.ts';

type Outcome = Extract<TurnResult, { status: 'finished' }>['outcome'];

export interface Turn {
  events?: AgentEvent[];
  /** Wait on this question, or finish with this outcome. */
  then: Question | Outcome;
}

export interface AgentCall {
  op: 'start' | 'resume';
  thread: string;
  /** The request or the answer's text ('' for a file answer). */
  text: string;
  user?: string;
  /** Files of the request, or the file that answered. */
  files?: FileJson[];
}

export interface ScriptedAgent extends Agent {
  calls: AgentCall[];
  closed: boolean;
}

interface Conversation {
  turns: Turn[];
  next: number;
  requester?: string;
  waiting?: Question;
  outcome?: Outcome;
}

export interface ScriptedAgentOptions {
  /** Time each turn takes before its first event (planning, running). */
  turnMs?: number;
  capabilities?: Capabilities;
}

export const SCRIPTED_CAPABILITIES: Capabilities = {
  functions: 1,
  groups: [{ name: 'time', functions: ['AddToDate'], moreFunctions: 0, examples: ['add 3 days to 2026-01-01'], examplesWritten: true }],
  moreGroups: 0,
};

export function scriptedAgent(script: Record<string, Turn[]>, { turnMs = 0, capabilities = SCRIPTED_CAPABILITIES }: ScriptedAgentOptions = {}): ScriptedAgent {
  const conversations = new Map<string, Conversation>();
  const claimed = new Set<string>();
  const calls: AgentCall[] = [];

  const status = (c: Conversation): TurnResult => (c.waiting ? { status: 'waiting', question: c.waiting } : { status: 'finished', outcome: c.outcome! });

  async function play(c: Conversation, onEvent: EventSink): Promise<TurnResult> {
    const turn = c.turns[c.next++];
    if (!turn) throw new Error(`scripted agent: no turn ${c.next} in the script`);
    if (turnMs) await new Promise((resolve) => setTimeout(resolve, turnMs));
    for (const event of turn.events ?? []) await onEvent(event);
    if (typeof turn.then === 'string') {
      c.waiting = undefined;
      c.outcome = turn.then;
    } else c.waiting = turn.then;
    return status(c);
  }

  const agent: ScriptedAgent = {
    calls,
    closed: false,
    async start(thread, request, { user, onEvent, files }) {
      calls.push({ op: 'start', thread, text: request, ...(user ? { user } : {}), ...(files?.length ? { files } : {}) });
      const known = conversations.get(thread);
      if (known) return status(known);
      const turns = script[request];
      if (!turns) throw new Error(`scripted agent: no script for "${request}"`);
      const c: Conversation = { turns, next: 0, ...(user ? { requester: user } : {}) };
      conversations.set(thread, c);
      return play(c, onEvent);
    },
    async resume(thread, answer, { user, onEvent }) {
      const file = typeof answer === 'string' ? undefined : answer;
      calls.push({ op: 'resume', thread, text: file ? '' : (answer as string), ...(user ? { user } : {}), ...(file ? { files: [file] } : {}) });
      const c = conversations.get(thread);
      if (!c?.waiting) throw new AgentError('agent.not-waiting', `Conversation ${thread} is not waiting for an answer; start a new one.`);
      return play(c, onEvent);
    },
    async pending(thread): Promise<Pending | undefined> {
      const c = conversations.get(thread);
      return c?.waiting ? { question: c.waiting, ...(c.requester ? { requester: c.requester } : {}) } : undefined;
    },
    capabilities: () => capabilities,
    async claim(key) {
      if (claimed.has(key)) return false;
      claimed.add(key);
      return true;
    },
    async close() {
      agent.closed = true;
    },
  };
  return agent;
}
