/**
 * @module agent/nodes/ask
 * The three question nodes. Each builds its question from the state, pauses the graph with
 * `interrupt(question)` (the chat shows it), and on resume reads the answer: a good one updates the
 * state, a bad one is kept as `rejected` so the same question comes back saying why, and "cancel"
 * ends the conversation. NOTE: LangGraph re-runs an interrupted node from its start on resume, so
 * nothing before `interrupt` may have side effects.
 */
import { interrupt } from '@langchain/langgraph';
import { isCancel, pickChoice, readValue } from '../answers.ts';
import { DEFAULT_FILE_MAX_BYTES } from '../config.ts';
import type { AgentDeps, NodeRuntime } from '../deps.ts';
import { CANCEL, RUN, answerKey, choiceQuestion, confirmQuestion, nextValueQuestion, sideEffects } from '../questions.ts';
import type { State, Update } from '../state.ts';
import type { Answer, Question } from '../types.ts';

/** Asks `question` (again, with the reason, if its last answer was rejected) and returns the answer. */
function ask<Q extends Question>(question: Q, state: State): Answer {
  const error = state.rejected?.question === question.id ? state.rejected.error : undefined;
  const answer = interrupt<Q, Answer>(error ? { ...question, error } : question);
  return typeof answer === 'object' && answer !== null ? answer : String(answer ?? '');
}

/** The text of an answer; a file given where words were wanted reads as none of them. */
const words = (answer: Answer): string => (typeof answer === 'string' ? answer : '');

async function cancelled(config: NodeRuntime): Promise<Update> {
  await config.context!.emit({ type: 'cancelled', text: 'Cancelled: nothing was run.' });
  return { outcome: 'cancelled', rejected: undefined };
}

export function chooseNode(deps: AgentDeps) {
  return async (state: State, config: NodeRuntime): Promise<Update> => {
    const question = choiceQuestion(state.workflow!, deps.catalog)!;
    const answer = words(ask(question, state));
    if (isCancel(answer)) return cancelled(config);
    const picked = pickChoice(answer, question.choices);
    if (!picked) return { rejected: { question: question.id, error: `“${answer}” is none of the choices; answer with a number from 1 to ${question.choices.length} or a name` } };
    const isGoal = state.workflow!.outputs.some((o) => o.from === question.node);
    const prefer = state.choice?.prefer ?? [];
    const choice = isGoal ? { goal: picked.value, prefer } : { goal: state.choice?.goal, prefer: [...prefer, picked.value] };
    return { choice, choiceAsked: true, rejected: undefined };
  };
}

export function elicitNode(deps: AgentDeps) {
  return async (state: State, config: NodeRuntime): Promise<Update> => {
    const question = nextValueQuestion(state.workflow!, deps.catalog, state.answers)!;
    const answer = ask(question, state);
    if (typeof answer === 'string' && isCancel(answer)) return cancelled(config);
    const input = { name: question.input, type: question.type, enum: question.enum, accept: question.accept };
    const read = readValue(answer, input, new Date(), deps.fileMaxBytes ?? DEFAULT_FILE_MAX_BYTES);
    if (!read.ok) return { rejected: { question: question.id, error: read.error } };
    return { answers: { [answerKey(question.node, question.input)]: read.value }, rejected: undefined };
  };
}

export function confirmNode(deps: AgentDeps) {
  return async (state: State, config: NodeRuntime): Promise<Update> => {
    const question = confirmQuestion(sideEffects(state.workflow!, deps.catalog));
    const answer = words(ask(question, state));
    const picked = /^(y|yes|ok|go|run it)$/i.test(answer.trim()) ? RUN : pickChoice(answer, question.choices)?.value;
    if (picked === CANCEL || (!picked && isCancel(answer))) return cancelled(config);
    if (picked !== RUN) return { rejected: { question: question.id, error: `answer “run” to run it or “cancel” to stop` } };
    return { confirmed: true, rejected: undefined };
  };
}
