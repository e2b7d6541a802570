/**
 * Block Kit rendering within Slack's limits: 3000 characters per text, 50 blocks per message,
 * 25 buttons of at most 75 characters, and text from users or the agent escaped for mrkdwn.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ChoiceQuestion, ProgressLine } from '../../src/agent/index.ts';
import { fit, LIMITS, type Block, type SlackMessage } from '../../src/slack/render/blocks.ts';
import { renderPlan } from '../../src/slack/render/plan.ts';
import { renderProgress } from '../../src/slack/render/progress.ts';
import { questionIdOf, renderAnswered, renderQuestion } from '../../src/slack/render/question.ts';
import { renderResult } from '../../src/slack/render/result.ts';
import { dateQuestion, pickQuestion } from './script.ts';

/** Every text in a message, with where it sits. */
function texts(message: SlackMessage): { where: string; text: string }[] {
  const out = [{ where: 'fallback', text: message.text }];
  for (const b of message.blocks as (Block & { text?: { text: string }; elements?: { text?: string | { text: string } }[] })[]) {
    if (b.text) out.push({ where: b.type, text: b.text.text });
    for (const e of b.elements ?? []) out.push({ where: `${b.type} element`, text: typeof e.text === 'string' ? e.text : (e.text?.text ?? '') });
  }
  return out;
}

function assertWithinLimits(message: SlackMessage): void {
  assert.ok(message.blocks.length <= LIMITS.blocks, `${message.blocks.length} blocks`);
  for (const { where, text } of texts(message)) assert.ok(text.length <= LIMITS.text, `${where}: ${text.length} characters`);
}

describe('fit', () => {
  it('leaves short text alone, apart from escaping', () => {
    assert.equal(fit('a < b & c', 100), 'a &lt; b &amp; c');
  });

  it('cuts long text to the limit and says how much was left out', () => {
    const cut = fit('x'.repeat(10_000), 3000);
    assert.ok(cut.length <= 3000 && cut.length > 2990, `${cut.length} characters`);
    assert.match(cut, /… \(7,0\d\d more characters\)$/);
  });

  it('counts escaped characters in the limit and never splits an entity', () => {
    const cut = fit('<'.repeat(5000), 3000);
    assert.ok(cut.length <= 3000);
    assert.match(cut, /^(&lt;)+… \(/);
  });
});

describe('rendering', () => {
  it('keeps a plan with very long reasons within limits', () => {
    const message = renderPlan({ summary: 'Plan: 1 step.', reasons: Array.from({ length: 200 }, (_, i) => `reason ${i} ${'y'.repeat(100)}`) });
    assertWithinLimits(message);
    assert.equal(message.blocks.length, 2);
  });

  it('shows a re-asked question with the reason the last answer was not taken', () => {
    const message = renderQuestion({ ...dateQuestion, error: '"soon" is not a date' });
    const all = texts(message).map((t) => t.text).join('\n');
    assert.match(all, /:warning: "soon" is not a date/);
    assert.match(all, /What is the starting date\?/);
    assert.ok(!message.blocks.some((b) => b.type === 'actions'), 'a value question has no buttons');
  });

  it('gives at most 25 buttons, with labels cut to 75 characters, each carrying its choice’s value', () => {
    const many: ChoiceQuestion = {
      ...pickQuestion,
      choices: Array.from({ length: 30 }, (_, i) => ({ value: `Fn${i}`, label: `Function number ${i} ${'z'.repeat(100)}`, description: 'd' })),
    };
    const message = renderQuestion(many);
    assertWithinLimits(message);
    const actions = message.blocks.find((b) => b.type === 'actions') as { block_id: string; elements: { text: { text: string }; value: string; action_id: string }[] };
    assert.equal(actions.elements.length, 25);
    assert.ok(actions.elements.every((e) => e.text.text.length <= 75));
    assert.deepEqual(actions.elements.slice(0, 2).map((e) => e.value), ['Fn0', 'Fn1']);
    assert.equal(new Set(actions.elements.map((e) => e.action_id)).size, 25, 'action ids are unique in the block');
    assert.equal(questionIdOf(actions.block_id), pickQuestion.id);
  });

  it('redraws an answered question without buttons', () => {
    const message = renderAnswered(pickQuestion, pickQuestion.choices[1]!, 'U0ALICE001');
    assert.ok(!message.blocks.some((b) => b.type === 'actions'));
    assert.match(texts(message).map((t) => t.text).join('\n'), /<@U0ALICE001> chose \*DraftCustomerReply\*/);
  });

  it('fits the progress of a 500-step workflow in one message and counts the steps not listed', () => {
    const lines: ProgressLine[] = Array.from({ length: 500 }, (_, i) => ({ node: `n${i}`, function: 'Increment', status: i < 300 ? 'succeeded' : 'pending', detail: '1 ms' }));
    const message = renderProgress(lines);
    assertWithinLimits(message);
    const all = texts(message).map((t) => t.text).join('\n');
    assert.match(all, /… and \d+ more steps/);
    assert.match(all, /300 succeeded · 200 pending/);
    assert.match(all, /\*Running…\*/);
  });

  it('escapes text from the agent so it cannot become mentions or links', () => {
    const message = renderResult({ status: 'succeeded', text: 'Done <!channel>', items: [{ kind: 'text', label: 'out', text: '<@U1> & <http://x|y>' }], failures: [] });
    const all = texts(message).map((t) => t.text).join('\n');
    assert.ok(!/<[@!h]/.test(all), all);
    assert.match(all, /&lt;@U1&gt; &amp; &lt;http:\/\/x\|y&gt;/);
  });

  it('keeps a result with 100 long text items to 50 blocks, saying how many are not shown', () => {
    const items = Array.from({ length: 100 }, (_, i) => ({ kind: 'text' as const, label: `item ${i}`, text: `line\n${'w'.repeat(5000)}` }));
    const message = renderResult({ status: 'partial', text: 'Partly done.', items, failures: [{ node: 'n2', function: 'Broken', error: 'e'.repeat(5000) }] });
    assertWithinLimits(message);
    assert.equal(message.blocks.length, 50);
    assert.match(texts(message).at(-1)!.text, /… and 53 more results not shown/);
    assert.match(texts(message)[2]!.text, /^:x: step `n2` \(Broken\) failed: e+…/);
    assert.match(texts(message)[3]!.text, /^\*item 0\*\n```line\nw+… \(\d[\d,]* more characters\)```$/);
  });
});
