import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { makeCatalog } from '../../src/catalog/index.ts';
import { describePlan, oneOutputFunction as fn, onlyNode, plannerFor, requiredInput as input } from './catalogs.ts';

/** movie_name ← MovieRecommendation(genre ← FindMovieGenre(movie ← MovieSuggestion(genre, director, year))). */
const movies = makeCatalog([
  fn('MovieReview', 'This API provides a review of a particular movie.', [input('movie_name', 'the name of the movie')], 'review'),
  fn('MovieRecommendation', 'This API is to recommend a movie based on genre.', [input('genre', 'the genre of the movie')], 'movie_name'),
  fn('FindMovieGenre', 'This API finds out the genre of a specific movie.', [input('movie', 'the name of the movie')], 'genre'),
  fn('MovieSuggestion', 'This API suggests a movie based on the genre, director, and the year.', [input('genre', 'the genre of the movie'), input('director', 'the director of the movie'), input('year', 'the year of the movie', 'integer')], 'movie'),
]);

describe('a helper whose sub-plan already holds a step that provides the input', () => {
  const planner = plannerFor(movies);

  it('feeds that step in directly, without the detour above it (the suggested movie is the movie to review)', async () => {
    const { workflow } = await planner().plan('Could you show me the review of a horror movie directed by Stephen King released in 1990?', { goal: 'MovieReview' });
    const movie = onlyNode(workflow, 'MovieReview').inputs.movie_name;
    assert.ok(movie && 'from' in movie, describePlan(workflow));
    assert.equal(workflow.nodes.find((n) => n.id === movie.from)?.function, 'MovieSuggestion', describePlan(workflow));
    assert.equal(workflow.nodes.length, 2, describePlan(workflow));
  });
});

/** book_name ← ISBNToBookname(ISBN ← GetBookISBN(book_title)): from a book's title back to its name. */
const library = makeCatalog([
  fn('BorrowBook', 'This API borrows a book for a particular user.', [input('user_ID', 'the ID of the user', 'integer'), input('book_ID', 'the ID of the book', 'integer')], 'borrow_status'),
  fn('BooknameToID', 'This API is to convert the book name to book ID.', [input('book_name', 'the name of the book')], 'book_ID', 'integer'),
  fn('ISBNToBookname', 'This API is used to convert the ISBN of a book to its name.', [input('ISBN', 'the ISBN of the book')], 'book_name'),
  fn('GetBookISBN', 'This API retrieves the ISBN of a specific book title.', [input('book_title', 'the title of the book')], 'ISBN'),
  fn('UserEmailToID', "This API is used to convert the user's email address to user ID.", [input('email_address', 'the email address of the user')], 'user_ID', 'integer'),
]);

describe('a helper whose sub-plan takes the value under another name for the same thing', () => {
  const planner = plannerFor(library);

  it('is left out: the book title is the book name', async () => {
    const { workflow } = await planner().plan("Borrow 'To Kill a Mockingbird' for user with email 'charlie@gmail.com'", { goal: 'BorrowBook' });
    assert.deepEqual(onlyNode(workflow, 'BooknameToID').inputs.book_name, { value: 'To Kill a Mockingbird' }, describePlan(workflow));
    assert.equal(workflow.nodes.length, 3, describePlan(workflow));
  });
});
