import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { makeCatalog } from '../../src/catalog/index.ts';
import { describePlan, oneOutputFunction as fn, onlyNode, plannerFor, requiredInput as text } from './catalogs.ts';

const catalog = makeCatalog([
  fn('GetLocalWeather', 'Gets the current weather of a city.', [text('city', 'the city')], 'weather'),
  fn('SelectOutfit', 'Selects an outfit to wear for the weather and the occasion.', [text('weather', 'the weather'), text('occasion', 'the occasion')], 'outfit'),
  fn('FindMovie', 'Finds a movie of a genre.', [text('genre', 'the genre of the movie')], 'movie_name'),
]);

describe('a plain word with the noun it modifies', () => {
  const planner = plannerFor(catalog);

  it('takes "birthday party" whole as the occasion', async () => {
    const { workflow } = await planner().plan("I'm attending a birthday party in San Francisco tomorrow, what outfit should I wear?");
    assert.deepEqual(onlyNode(workflow, 'SelectOutfit').inputs.occasion, { value: 'birthday party' }, describePlan(workflow));
  });

  it('leaves out the noun that is the step\'s own subject ("a horror movie" is the genre "horror")', async () => {
    const { workflow } = await planner().plan('Find me a horror movie');
    assert.deepEqual(onlyNode(workflow, 'FindMovie').inputs.genre, { value: 'horror' }, describePlan(workflow));
  });
});

/** genre → FindMovieGenre(movie) → movie ← MovieSearch(genre): a way round that ends where it began. */
const roundTripCatalog = makeCatalog([
  fn('FindMovie', 'Finds a movie of a genre.', [text('genre', 'the genre of the movie')], 'movie_name'),
  fn('FindMovieGenre', 'Finds the genre of a movie.', [text('movie', 'the movie')], 'genre'),
  fn('MovieSearch', 'Searches movies of a genre.', [text('genre', 'the genre')], 'movie'),
]);

describe('a helper whose own sub-plan takes the value it is to provide', () => {
  const planner = plannerFor(roundTripCatalog);

  it('is left out: the value goes to the input directly ("a horror movie" is the genre, not the genre of a movie of genre horror)', async () => {
    const { workflow } = await planner().plan('Find me a horror movie', { goal: 'FindMovie' });
    assert.deepEqual(onlyNode(workflow, 'FindMovie').inputs.genre, { value: 'horror' }, describePlan(workflow));
    assert.equal(workflow.nodes.length, 1, describePlan(workflow));
  });
});
