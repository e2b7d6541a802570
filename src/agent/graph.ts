/**
 * @module agent/graph
 * The conversation as a LangGraph StateGraph:
 *
 *   plan → review ─┬─ choose  → plan (re-planned around the pick)
 *                  ├─ elicit  → review (one question per pass, re-asked while the answer is bad)
 *                  ├─ confirm → review
 *                  ├─ execute → report → end
 *                  └─ done (unsupported or cancelled) → end
 */
import { END, START, StateGraph, type BaseCheckpointSaver } from '@langchain/langgraph';
import { AgentContextSchema, type AgentDeps } from './deps.ts';
import { chooseNode, confirmNode, elicitNode } from './nodes/ask.ts';
import { executeNode } from './nodes/execute.ts';
import { planNode } from './nodes/plan.ts';
import { reportNode } from './nodes/report.ts';
import { nextStep, reviewNode } from './nodes/review.ts';
import { AgentState } from './state.ts';

/**
 * @example
 * const graph = buildGraph(deps, new MemorySaver());
 * await graph.invoke({ request: 'convert 5 miles to km' }, { configurable: { thread_id: 't' }, context: { emit } });
 */
export function buildGraph(deps: AgentDeps, checkpointer: BaseCheckpointSaver) {
  return new StateGraph(AgentState, AgentContextSchema)
    .addNode('plan', planNode(deps))
    .addNode('review', reviewNode(deps))
    .addNode('choose', chooseNode(deps))
    .addNode('elicit', elicitNode(deps))
    .addNode('confirm', confirmNode(deps))
    .addNode('execute', executeNode(deps))
    .addNode('report', reportNode())
    .addEdge(START, 'plan')
    .addEdge('plan', 'review')
    .addConditionalEdges('review', nextStep(deps), { choose: 'choose', elicit: 'elicit', confirm: 'confirm', execute: 'execute', done: END })
    .addConditionalEdges('choose', (s) => (s.outcome ? END : s.choiceAsked ? 'plan' : 'review'), ['plan', 'review', END])
    .addEdge('elicit', 'review')
    .addEdge('confirm', 'review')
    .addEdge('execute', 'report')
    .addEdge('report', END)
    .compile({ checkpointer });
}

export type AgentGraph = ReturnType<typeof buildGraph>;
