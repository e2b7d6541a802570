import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Catalog, InputSpec } from '../../src/catalog/types.ts';
import { loadWordVectors } from '../../src/index/index.ts';
import { Producers, valueFit } from '../../src/planner/bind.ts';
import { analyzeRequest, type Span } from '../../src/planner/index.ts';
import { Semantics } from '../../src/planner/semantics.ts';
import { makeCatalog } from '../../src/catalog/index.ts';
import { fixtureCatalog } from './catalogs.ts';

const vectors = loadWordVectors();
const music = fixtureCatalog('music');
const musicSem = new Semantics(music, vectors);

function input(catalog: Catalog, fn: string, name: string): InputSpec {
  const found = catalog.get(fn)?.inputs.find((i) => i.name === name);
  assert.ok(found, `${fn} has no input ${name}`);
  return found;
}

function span(text: string, value: string | number): Span {
  const found = analyzeRequest(text).spans.find((s) => s.value === value);
  assert.ok(found, `no span ${JSON.stringify(value)} in ${JSON.stringify(text)}`);
  return found;
}

const fit = (fn: string, inputName: string, s: Span) => valueFit(input(music, fn, inputName), s, musicSem);

describe('valueFit', () => {
  it("prefers the input named beside the value: \"the song 'Imagine'\" fits song_name better than playlist_name", () => {
    const text = "Add the song 'Imagine' to the playlist 'Chill Vibes'";
    const imagine = span(text, 'Imagine');
    const chill = span(text, 'Chill Vibes');
    assert.ok(fit('SongName2ID', 'song_name', imagine) > fit('GetPlaylistID', 'playlist_name', imagine), 'Imagine: song_name over playlist_name');
    assert.ok(fit('GetPlaylistID', 'playlist_name', chill) > fit('SongName2ID', 'song_name', chill), 'Chill Vibes: playlist_name over song_name');
  });

  it("prefers the value named beside the input when several could fit (\"'Chill Vibes' playlist\")", () => {
    const text = "Add 'Imagine' to Jenny's 'Chill Vibes' playlist";
    const playlistName = (v: string) => fit('GetPlaylistID', 'playlist_name', span(text, v));
    assert.ok(playlistName('Chill Vibes') > playlistName('Imagine'));
    assert.ok(playlistName('Chill Vibes') > playlistName('Jenny'));
  });

  it('gives 0 to a name for an integer input', () => {
    assert.equal(fit('GetUserFollowers', 'user_ID', span("Show Jenny's followers", 'Jenny')), 0);
    assert.equal(fit('SetSpeakerVolume', 'volume', span("Set the volume of the 'Kitchen' speaker", 'Kitchen')), 0);
  });

  it('gives 0 to anything but an e-mail address for an e-mail input, and > 0 to an address', () => {
    const text = "Please email Jenny at jenny@example.com the message 'see you at 5pm'";
    assert.equal(fit('SendUserEmail', 'user_email', span(text, 'Jenny')), 0);
    assert.equal(fit('SendUserEmail', 'user_email', span(text, 'see you at 5pm')), 0);
    assert.ok(fit('SendUserEmail', 'user_email', span(text, 'jenny@example.com')) > 0);
  });

  it('gives 0 to an e-mail address for an input that is not an address', () => {
    assert.equal(fit('SongName2ID', 'song_name', span('Play the song bob@example.com sent', 'bob@example.com')), 0);
  });

  it('gives a person input the possessive name over the other values', () => {
    const text = "Add 'Imagine' to Jenny's 'Chill Vibes' playlist";
    const userName = (v: string) => fit('Username2ID', 'user_name', span(text, v));
    assert.ok(userName('Jenny') > userName('Imagine'), `Jenny ${userName('Jenny')} vs Imagine ${userName('Imagine')}`);
    assert.ok(userName('Jenny') > userName('Chill Vibes'), `Jenny ${userName('Jenny')} vs Chill Vibes ${userName('Chill Vibes')}`);
  });

  it("prefers the short value named beside the input over a sentence-like quote (\"the 'checkout' service\")", () => {
    const incident = fixtureCatalog('incident-response');
    const sem = new Semantics(incident, vectors);
    const serviceName = input(incident, 'GetServiceOwner', 'service_name');
    const text = "Page the owner of the 'checkout' service with 'Checkout is returning errors'";
    const named = valueFit(serviceName, span(text, 'checkout'), sem);
    const message = valueFit(serviceName, span(text, 'Checkout is returning errors'), sem);
    assert.ok(named > message, `service_name: 'checkout' fits ${named.toFixed(3)}, the message fits ${message.toFixed(3)}`);
  });

  it('fits a possessive name to a person input better than to a thing input', () => {
    const jenny = span("Add 'Imagine' to Jenny's 'Chill Vibes' playlist", 'Jenny');
    assert.ok(fit('Username2ID', 'user_name', jenny) > fit('GetPlaylistID', 'playlist_name', jenny));
  });

  it("reads an author as a person: \"Leo Tolstoy's library\" gives author_name the possessive name, not the book title", () => {
    const authorName: InputSpec = { name: 'author_name', type: 'string', description: 'The name of the author.', required: true };
    const text = "Add the book 'War and Peace' to Leo Tolstoy's library";
    const tolstoy = valueFit(authorName, span(text, 'Leo Tolstoy'), musicSem);
    const title = valueFit(authorName, span(text, 'War and Peace'), musicSem);
    assert.ok(tolstoy > title, `author_name: Leo Tolstoy fits ${tolstoy.toFixed(3)}, the title ${title.toFixed(3)}`);
  });
});

describe('valueFit of a plain word', () => {
  it('is nothing for an address, however alike the words: "a book discussion" gives no email_address', () => {
    const email: InputSpec = { name: 'email_address', type: 'string', description: 'the email address of the user', required: true };
    const text = 'I, user789, would like to have a book discussion with the author of the book';
    assert.equal(valueFit(email, span(text, 'discussion'), musicSem), 0);
  });
});

describe('valueFit for a thing people make', () => {
  const bookName: InputSpec = { name: 'book_name', type: 'string', description: 'the title of the book', required: true };
  const books = makeCatalog([
    { name: 'Bookname2ID', description: 'Converts a book name to a book ID.', inputs: [bookName], outputs: [{ name: 'book_ID', type: 'integer', description: 'the ID of the book' }] },
  ]);
  const sem = new Semantics(books, vectors);

  it('does not take a book for a person because "book" is like "author": the title fits book_name, not the buyer\'s name', () => {
    const text = 'Alice is looking to purchase the book "Machine Learning"';
    assert.ok(valueFit(bookName, span(text, 'Machine Learning'), sem) > valueFit(bookName, span(text, 'Alice'), sem));
  });
});

describe('Producers', () => {
  const catalog = fixtureCatalog('producers');
  const producers = new Producers(catalog, new Semantics(catalog, vectors));
  const producersOf = (fn: string, name: string, exclude: string[] = [fn]) =>
    producers.for(input(catalog, fn, name), new Set(exclude)).map((m) => ({ fn: m.fn.name, output: m.output.name, nameScore: m.nameScore }));

  it('finds the function whose output has the same name as the input (user_ID <- Username2ID), first and with score 1', () => {
    const [first] = producersOf('GetUserFollowers', 'user_ID');
    assert.deepEqual({ ...first, nameScore: undefined }, { fn: 'Username2ID', output: 'user_ID', nameScore: undefined });
    assert.ok(first!.nameScore >= 1, `an output of the same name scores at least 1, got ${first!.nameScore}`);
  });

  it('finds an output related by meaning (song_ID <- FindTrack.track_ID), scored below an exact name', () => {
    const found = producersOf('PlaySong', 'song_ID');
    const track = found.find((m) => m.fn === 'FindTrack');
    assert.ok(track, `FindTrack should produce song_ID; found ${JSON.stringify(found)}`);
    assert.equal(track.output, 'track_ID');
    assert.ok(track.nameScore > 0 && track.nameScore < 1, `nameScore ${track.nameScore}`);
  });

  it('never offers an output whose type cannot feed the input, even with the same name (a list user_ID for an integer user_ID)', () => {
    const found = producersOf('GetUserFollowers', 'user_ID');
    assert.ok(!found.some((m) => m.fn === 'ListActiveUsers'), `found ${JSON.stringify(found)}`);
  });

  it('offers nothing for an input no output is about (city)', () => {
    assert.deepEqual(producersOf('GetWeather', 'city'), []);
  });

  it('leaves out the excluded functions (the ancestors of the node being built)', () => {
    assert.deepEqual(producersOf('GetUserFollowers', 'user_ID', ['GetUserFollowers', 'Username2ID']), []);
  });
});
