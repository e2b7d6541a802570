import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AgentEvent, ChoiceQuestion, ConfirmQuestion, Question, TurnResult, ValueQuestion } from '../../src/agent/index.ts';
import { fixtureCatalog } from '../planner/catalogs.ts';
import { agentFor, eventTrail, testAgent } from './harness.ts';

const ofType = <T extends AgentEvent['type']>(events: AgentEvent[], type: T) => events.filter((e): e is Extract<AgentEvent, { type: T }> => e.type === type);

function questionOf<Q extends Question>(turn: TurnResult, kind: Q['kind']): Q {
  assert.equal(turn.status, 'waiting', `expected a question, got ${JSON.stringify(turn)}`);
  const q = (turn as { question: Question }).question;
  assert.equal(q.kind, kind, JSON.stringify(q));
  return q as Q;
}

describe('agent: setup', () => {
  it('refuses to build without a checkpointer, saying what to pass', async () => {
    await assert.rejects(testAgent({ checkpointer: null as never }), (e: Error) => e.name === 'AgentError' && /needs a checkpointer: pass a MemorySaver/.test(e.message));
  });
});

describe('agent: a request with a missing value (default catalog)', () => {
  const t = agentFor();
  const thread = 'T1:C1:100.1';

  it('shows the plan, then pauses at the question for the value the request did not give', async () => {
    const q = questionOf<ValueQuestion>(await t.agent.start(thread, 'convert 5 miles', { user: 'U1', onEvent: t.onEvent }), 'value');
    assert.deepEqual([q.function, q.input, q.type], ['ConvertUnits', 'to_unit', 'string']);
    assert.deepEqual(eventTrail(t.events), ['plan']);
    assert.deepEqual(await t.agent.pending(thread), { question: q, requester: 'U1' });
  });

  it('does not start the same conversation twice (a retried delivery)', async () => {
    questionOf<ValueQuestion>(await t.agent.start(thread, 'convert 5 miles', { user: 'U1', onEvent: t.onEvent }), 'value');
    assert.deepEqual(eventTrail(t.events), ['plan']);
  });

  it('runs with the answer, reports progress per node and the result, and then has nothing pending', async () => {
    const turn = await t.agent.resume(thread, 'km', { onEvent: t.onEvent });
    assert.deepEqual(turn, { status: 'finished', outcome: 'succeeded' });
    assert.deepEqual(eventTrail(t.events), ['plan', 'progress:started:n1', 'progress:succeeded:n1', 'result']);
    const [result] = ofType(t.events, 'result');
    assert.equal(result!.status, 'succeeded');
    assert.deepEqual(result!.items.map((i) => (i.kind === 'text' ? i.text : i.name)), ['8.04672']);
    assert.equal(await t.agent.pending(thread), undefined);
  });

  it('refuses an answer when the conversation is not waiting for one, saying so', async () => {
    await assert.rejects(t.agent.resume(thread, 'again', { onEvent: t.onEvent }), (e: Error) => e.name === 'AgentError' && /not waiting/.test(e.message));
  });

  it('starts afresh when a new request comes to a finished thread, forgetting the old answers', async () => {
    const before = t.events.length;
    const q = questionOf<ValueQuestion>(await t.agent.start(thread, 'convert 5 miles', { user: 'U2', onEvent: t.onEvent }), 'value');
    assert.equal(q.input, 'to_unit');
    assert.deepEqual(eventTrail(t.events.slice(before)), ['plan']);
    assert.equal((await t.agent.pending(thread))?.requester, 'U2');
    assert.deepEqual(await t.agent.resume(thread, 'm', { onEvent: t.onEvent }), { status: 'finished', outcome: 'succeeded' });
    const last = ofType(t.events, 'result').at(-1)!;
    assert.deepEqual(last.items.map((i) => i.kind === 'text' && i.text), ['8046.72']);
  });
});

describe('agent: answers checked against the input type', () => {
  const t = agentFor();

  it('re-asks an integer question with the reason, then runs once with the good answer', async () => {
    const thread = 'T1:C1:200.1';
    const q = questionOf<ValueQuestion>(await t.agent.start(thread, 'add days to 2026-01-01', { onEvent: t.onEvent }), 'value');
    assert.deepEqual([q.input, q.type], ['amount', 'integer']);
    const again = questionOf<ValueQuestion>(await t.agent.resume(thread, 'lots', { onEvent: t.onEvent }), 'value');
    assert.equal(again.id, q.id);
    assert.match(again.error ?? '', /"lots" is not an integer/);
    assert.deepEqual(await t.agent.resume(thread, '3', { onEvent: t.onEvent }), { status: 'finished', outcome: 'succeeded' });
    const results = ofType(t.events, 'result');
    assert.equal(results.length, 1);
    assert.deepEqual(results[0]!.items.map((i) => i.kind === 'text' && i.text), ['2026-01-04']);
  });

  it('ends politely on "cancel" without running anything', async () => {
    const thread = 'T1:C1:200.2';
    questionOf<ValueQuestion>(await t.agent.start(thread, 'hash the text', { onEvent: t.onEvent }), 'value');
    assert.deepEqual(await t.agent.resume(thread, 'cancel', { onEvent: t.onEvent }), { status: 'finished', outcome: 'cancelled' });
    const trail = eventTrail(t.events.slice(-2));
    assert.deepEqual(trail, ['plan', 'cancelled']);
  });
});

describe('agent: side effects wait for "run"', () => {
  const t = agentFor();

  it('asks to confirm a plan that posts to Slack, re-asks an unclear answer, and cancels without running', async () => {
    const thread = 'T1:C1:300.1';
    const q = questionOf<ConfirmQuestion>(await t.agent.start(thread, "post 'hello' to #general", { onEvent: t.onEvent }), 'confirm');
    assert.deepEqual(q.sideEffects, ['PostSlackMessage']);
    assert.deepEqual(q.choices.map((c) => c.value), ['run', 'cancel']);
    const again = questionOf<ConfirmQuestion>(await t.agent.resume(thread, 'maybe', { onEvent: t.onEvent }), 'confirm');
    assert.ok(again.error);
    assert.deepEqual(await t.agent.resume(thread, 'cancel', { onEvent: t.onEvent }), { status: 'finished', outcome: 'cancelled' });
    assert.equal(ofType(t.events, 'progress').length, 0, 'nothing may run after a cancel');
  });

  it('does not ask when confirmation is off', async () => {
    const never = await testAgent({ confirmBeforeRun: 'never' });
    try {
      // With no Slack to post to, the step fails: what matters is that it ran without asking.
      const turn = await never.agent.start('T1:C1:300.2', "post 'hello' to #general", { onEvent: never.onEvent });
      assert.equal(turn.status, 'finished');
      assert.ok(ofType(never.events, 'progress').length > 0);
    } finally {
      await never.dispose();
    }
  });
});

describe('agent: near-duplicate functions', () => {
  const t = agentFor({ catalog: fixtureCatalog('movies'), confirmBeforeRun: 'never' });
  const thread = 'T1:C1:400.1';
  const TICKETS = "Get me 2 tickets for the movie 'Dune'";

  it('first asks which function the user means, with the planned one first', async () => {
    const q = questionOf<ChoiceQuestion>(await t.agent.start(thread, TICKETS, { onEvent: t.onEvent }), 'choice');
    const planned = ofType(t.events, 'plan')[0]!.workflow.nodes.at(-1)!.function;
    assert.equal(q.choices[0]!.value, planned);
    assert.ok(q.choices.some((c) => ['BookMovie', 'BuyMovieTickets'].includes(c.value) && c.value !== planned), JSON.stringify(q.choices));
    const bad = questionOf<ChoiceQuestion>(await t.agent.resume(thread, '9', { onEvent: t.onEvent }), 'choice');
    assert.match(bad.error ?? '', /none of the choices/);
  });

  it('re-plans around the pick (by number) and shows the new plan before going on', async () => {
    const q = (await t.agent.pending(thread))!.question as ChoiceQuestion;
    const other = q.choices.findIndex((c) => c.value !== q.choices[0]!.value && ['BookMovie', 'BuyMovieTickets'].includes(c.value));
    await t.agent.resume(thread, String(other + 1), { onEvent: t.onEvent });
    const plans = ofType(t.events, 'plan');
    assert.equal(plans.length, 2);
    assert.equal(plans[1]!.workflow.nodes.at(-1)!.function, q.choices[other]!.value);
    // The fixture's functions have no runtime: the run fails and the result names the step and why.
    const [result] = ofType(t.events, 'result');
    assert.equal(result!.status, 'failed');
    assert.equal(result!.failures.length, 1);
    assert.match(result!.failures[0]!.error, /no runtime/);
  });
});
