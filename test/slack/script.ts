/**
 * Agent events and questions for the Slack tests' scripted agent: a one-step plan that needs a
 * date, a pick between two functions, and the results of a run.
 */
import type { AgentEvent, ChoiceQuestion, ConfirmQuestion, ProgressLine, ValueQuestion } from '../../src/agent/index.ts';
import type { Workflow } from '../../src/workflow/types.ts';

export const workflow: Workflow = {
  version: 1,
  request: 'add 3 days',
  nodes: [{ id: 'n1', function: 'AddToDate', inputs: { date: { ask: 'What is the starting date?' }, amount: { value: 3 } } }],
  outputs: [{ from: 'n1', output: 'date' }],
};

/** The first bytes of a PNG: enough for an upload. */
export const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);

export const plan: AgentEvent = {
  type: 'plan',
  workflow,
  summary: 'Plan for “add 3 days”: 1 step (AddToDate). I need 1 more value from you.',
  reasons: ['Goal: AddToDate — it explains 100% of the request.'],
  diagram: PNG,
  unsupported: [],
};

export const dateQuestion: ValueQuestion = {
  kind: 'value',
  id: 'value:n1.date',
  node: 'n1',
  function: 'AddToDate',
  input: 'date',
  type: 'date',
  text: 'What is the starting date?',
};

export const pickQuestion: ChoiceQuestion = {
  kind: 'choice',
  id: 'choice:n1',
  node: 'n1',
  text: 'Several functions fit this step about equally well. Which one do you mean?',
  choices: [
    { value: 'LookupOrder', label: 'LookupOrder', description: 'Looks up an order.' },
    { value: 'DraftCustomerReply', label: 'DraftCustomerReply', description: 'Drafts a reply.' },
  ],
};

export const confirmQuestion: ConfirmQuestion = {
  kind: 'confirm',
  id: 'confirm',
  text: 'This workflow changes things outside (PostSlackMessage). Run it?',
  sideEffects: ['PostSlackMessage'],
  choices: [
    { value: 'run', label: 'Run' },
    { value: 'cancel', label: 'Cancel' },
  ],
};

const line = (status: ProgressLine['status']): ProgressLine => ({ node: 'n1', function: 'AddToDate', status });

export const running: AgentEvent[] = [
  { type: 'progress', event: { type: 'started', node: 'n1', function: 'AddToDate', attempt: 1 }, lines: [line('running')] },
  { type: 'progress', event: { type: 'succeeded', node: 'n1', function: 'AddToDate', ms: 3, outputs: {} }, lines: [{ ...line('succeeded'), detail: '3 ms' }] },
];

export const result: AgentEvent = {
  type: 'result',
  status: 'succeeded',
  text: 'Done in 0.1 s.',
  items: [
    { kind: 'text', label: 'The new date', text: '2026-01-04' },
    { kind: 'file', label: 'A chart', name: 'chart.png', mime: 'image/png', data: PNG },
  ],
  failures: [],
};
