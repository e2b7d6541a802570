import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { makeCatalog } from '../../src/catalog/index.ts';
import type { FunctionSpec } from '../../src/catalog/types.ts';
import { describePlan, onlyNode, plannerFor, requiredInput as text } from './catalogs.ts';

const withOutput = (name: string, description: string, inputs: FunctionSpec['inputs'], output: string, outputDescription: string): FunctionSpec => ({
  name,
  description,
  inputs,
  outputs: [{ name: output, type: 'string', description: outputDescription }],
});

/** An output named only by its kind ("time"), described by what it is the time of. */
const catalog = makeCatalog([
  withOutput('QueryEventTime', 'Looks up when an event takes place.', [text('event_name', 'the name of the event')], 'time', 'the start time of the event'),
  withOutput('RemindEvent', 'Sets up a reminder for an event.', [text('event_name', 'the name of the event'), text('alert_time', 'the time to set the reminder')], 'confirmation', 'the confirmation'),
  withOutput('GetWeather', 'Gets the weather of a city.', [text('city', 'the city')], 'time', 'the local time of the city'),
]);

describe('an output the request describes in its own words', () => {
  const planner = plannerFor(catalog);

  it('feeds an input of its kind: "remind me when the event starts" sets the reminder at the event\'s start time', async () => {
    const { workflow } = await planner().plan("Please remind me when the event 'Launch party' starts");
    const query = onlyNode(workflow, 'QueryEventTime');
    assert.deepEqual(query.inputs, { event_name: { value: 'Launch party' } }, describePlan(workflow));
    assert.deepEqual(onlyNode(workflow, 'RemindEvent').inputs.alert_time, { from: query.id, output: 'time' }, describePlan(workflow));
  });

  it('does not feed it when the request says nothing of what it is, and a form of an everyday verb is no value', async () => {
    const { workflow } = await planner().plan("Remind me about 'Launch party' whenever it begins");
    assert.equal(workflow.nodes.length, 1, describePlan(workflow));
    assert.ok('ask' in onlyNode(workflow, 'RemindEvent').inputs.alert_time!, describePlan(workflow));
  });
});

/** "cuisine" is what the catalog calls a kind of thing; no restaurant is called that. */
const food = makeCatalog([
  withOutput('FoodCuisine', 'Finds the cuisine a food belongs to.', [text('food_name', 'the name of the food')], 'cuisine', 'the cuisine of the food'),
  withOutput('CuisineOrigin', 'Finds the country a cuisine comes from.', [text('cuisine', 'the cuisine')], 'country', 'the country of origin'),
  withOutput('CountryCapital', 'Gives the capital city of a country.', [text('country', 'the country')], 'capital', 'the capital city'),
  withOutput('FoodMenuQuery', 'Gets the menu of a restaurant.', [text('restaurant', 'the restaurant')], 'food_menu', 'the dishes on the menu'),
]);

describe('a plain word the catalog names a parameter with', () => {
  const planner = plannerFor(food);

  it('names that thing, not a value of another input ("the cuisine of \'Dim Sum\'" is no restaurant)', async () => {
    const { workflow } = await planner().plan("What is the capital of the country where the cuisine of 'Dim Sum' originates?");
    const values = workflow.nodes.flatMap((n) => Object.values(n.inputs).flatMap((b) => ('value' in b ? [b.value] : [])));
    assert.deepEqual(values, ['Dim Sum'], describePlan(workflow));
    assert.equal(workflow.nodes.at(-1)?.function, 'CountryCapital', describePlan(workflow));
  });
});

/** Inputs counted in a unit of time, and options that are lengths of time. */
const ops = makeCatalog([
  {
    name: 'SilenceAlert',
    description: 'Silences an alert for a while.',
    inputs: [text('alert_id', 'e.g. ALRT-20931'), { name: 'duration_minutes', type: 'integer', description: 'How long.', required: false, default: 60 }],
    outputs: [{ name: 'status', type: 'string', description: 'the new status' }],
  },
  {
    name: 'RenderMetricGraph',
    description: 'Renders a graph of a metric of a service.',
    inputs: [
      text('service', 'the service'),
      { name: 'metric', type: 'string', description: 'Which metric.', required: true, enum: ['cpu', 'memory', 'latency_p99'] },
      { name: 'window', type: 'string', description: 'How far back.', required: false, default: '1h', enum: ['15m', '1h', '6h', '24h', '7d'] },
    ],
    outputs: [{ name: 'graph', type: 'file', description: 'the graph' }],
  },
]);

describe('lengths of time', () => {
  const planner = plannerFor(ops);

  it('go to an input counted in a unit of time, converted to it ("for 2 hours" → 120 minutes)', async () => {
    const { workflow } = await planner().plan('silence ALRT-21010 for 2 hours');
    assert.deepEqual(onlyNode(workflow, 'SilenceAlert').inputs, { alert_id: { value: 'ALRT-21010' }, duration_minutes: { value: 120 } }, describePlan(workflow));
  });

  it('name the option of the same length ("the past 6h" → 6h, "the last 24 hours" → 24h)', async () => {
    for (const [said, option] of [['the past 6h', '6h'], ['the last 24 hours', '24h'], ['the last week', undefined]] as const) {
      const { workflow } = await planner().plan(`graph cpu of checkout-api for ${said}`);
      assert.deepEqual(onlyNode(workflow, 'RenderMetricGraph').inputs.window, option === undefined ? undefined : { value: option }, describePlan(workflow));
    }
  });
});
