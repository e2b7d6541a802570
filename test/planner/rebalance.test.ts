import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Planner } from '../../src/planner/index.ts';
import { describePlan, fixtureCatalog, fixturePlanner, onlyNode } from './catalogs.ts';

describe('stated values spread over the steps that need them', () => {
  let planner: Planner;
  let dispose: () => void;
  before(async () => ({ planner, dispose } = await fixturePlanner(fixtureCatalog('tickets'))));
  after(() => dispose());

  it("gives the event step the quoted event and the city step the city ('Jazz Night' at Los Angeles)", async () => {
    const { workflow } = await planner.plan("Please book a ticket for 'Jazz Night' at Los Angeles on 5th August.");
    const plan = describePlan(workflow);
    assert.deepEqual(onlyNode(workflow, 'Cityname2ID').inputs, { city_name: { value: 'Los Angeles' } }, plan);
    assert.deepEqual(onlyNode(workflow, 'Eventname2ID').inputs, { Event_name: { value: 'Jazz Night' } }, plan);
    assert.deepEqual(onlyNode(workflow, 'ReserveTicket').inputs.date, { value: '5th August' }, plan);
  });

  it('fills both ends of "from Berlin to Amsterdam" instead of asking', async () => {
    const { workflow } = await planner.plan('What is the fare from Berlin to Amsterdam on 15th November?');
    const fare = onlyNode(workflow, 'SearchFare');
    assert.deepEqual(fare.inputs, { src: { value: 'Berlin' }, dest: { value: 'Amsterdam' }, date: { value: '15th November' } }, describePlan(workflow));
  });

  it('gives "from" to the sender and "to" to the receiver ("from John\'s account to Lisa\'s")', async () => {
    const { workflow } = await planner.plan("Can you transfer $100 from John's account to Lisa's account?");
    const plan = describePlan(workflow);
    assert.deepEqual(onlyNode(workflow, 'Sendername2ID').inputs, { sender_name: { value: 'John' } }, plan);
    assert.deepEqual(onlyNode(workflow, 'Receivername2ID').inputs, { receiver_name: { value: 'Lisa' } }, plan);
    assert.deepEqual(onlyNode(workflow, 'TransferAmount').inputs.amount, { value: 100 }, plan);
  });

  it("does not give the sender the receiver's name (\"from my account to Harry's account\")", async () => {
    const { workflow } = await planner.plan("Please move $350 from my account to Harry's account.");
    const plan = describePlan(workflow);
    assert.deepEqual(onlyNode(workflow, 'Receivername2ID').inputs, { receiver_name: { value: 'Harry' } }, plan);
    assert.ok('ask' in onlyNode(workflow, 'Sendername2ID').inputs.sender_name!, plan);
  });
});
