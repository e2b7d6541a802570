/**
 * @module agent/questions
 * The questions a plan leaves open, in the order they are asked: which of the near-equal functions
 * the user means (first), each missing value in dependency order, then "run?" when the plan has side
 * effects and confirmation is on. Pure functions of the plan and the answers so far.
 */
import type { Catalog } from '../catalog/types.ts';
import { topologicalOrder } from '../workflow/graph.ts';
import { isAskBinding, type Workflow } from '../workflow/types.ts';
import { acceptOf } from './files.ts';
import type { ChoiceQuestion, ConfirmQuestion, ValueQuestion } from './types.ts';

export const answerKey = (node: string, input: string) => `${node}.${input}`;

/** The alternatives question for the plan's first `alternatives` entry, or undefined. */
export function choiceQuestion(workflow: Workflow, catalog: Catalog): ChoiceQuestion | undefined {
  const alt = workflow.alternatives?.[0];
  const node = alt && workflow.nodes.find((n) => n.id === alt.node);
  if (!alt || !node) return undefined;
  const names = [node.function, ...alt.functions.filter((f) => f !== node.function)].filter((f) => catalog.get(f));
  if (names.length < 2) return undefined;
  return {
    kind: 'choice',
    id: `choice:${alt.node}`,
    node: alt.node,
    text: `Several functions fit this step about equally well. Which one do you mean?`,
    choices: names.map((name) => ({ value: name, label: name, description: catalog.get(name)!.description })),
  };
}

/** Every `ask` binding of the plan as a question, in dependency order. */
export function valueQuestions(workflow: Workflow, catalog: Catalog): ValueQuestion[] {
  const byId = new Map(workflow.nodes.map((n) => [n.id, n]));
  return topologicalOrder(workflow).order.flatMap((id) => {
    const node = byId.get(id)!;
    return Object.entries(node.inputs).flatMap(([input, binding]): ValueQuestion[] => {
      if (!isAskBinding(binding)) return [];
      const spec = catalog.get(node.function)?.inputs.find((i) => i.name === input);
      const accept = spec && acceptOf(spec);
      return [
        {
          kind: 'value',
          id: `value:${answerKey(node.id, input)}`,
          node: node.id,
          function: node.function,
          input,
          type: spec?.type ?? 'any',
          ...(spec?.enum ? { enum: spec.enum } : {}),
          ...(accept ? { accept } : {}),
          text: binding.ask,
        },
      ];
    });
  });
}

/** The first `ask` binding without an answer, in dependency order. */
export function nextValueQuestion(workflow: Workflow, catalog: Catalog, answers: Record<string, unknown>): ValueQuestion | undefined {
  return valueQuestions(workflow, catalog).find((q) => !(answerKey(q.node, q.input) in answers));
}

/** Functions of the plan that change something outside (posts, uploads). */
export function sideEffects(workflow: Workflow, catalog: Catalog): string[] {
  return [...new Set(workflow.nodes.map((n) => n.function).filter((f) => catalog.get(f)?.sideEffects))];
}

export const RUN = 'run';
export const CANCEL = 'cancel';

export function confirmQuestion(effects: string[]): ConfirmQuestion {
  return {
    kind: 'confirm',
    id: 'confirm',
    text: `This workflow changes things outside (${effects.join(', ')}). Run it?`,
    sideEffects: effects,
    choices: [
      { value: RUN, label: 'Run' },
      { value: CANCEL, label: 'Cancel' },
    ],
  };
}
