/**
 * What new users reported trying the default catalog (`npm run chat` / `action-engine plan`), each
 * request as they typed it and the plan it should get. These stay fixed.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCatalog } from '../../src/catalog/index.ts';
import { createPlanner, type Planner } from '../../src/planner/index.ts';
import type { Workflow } from '../../src/workflow/types.ts';
import { makeCatalog } from '../../src/catalog/index.ts';
import { describePlan, oneOutputFunction, plannerFor, requiredInput } from './catalogs.ts';

const stepsOf = (workflow: Workflow) => workflow.nodes.map((n) => [n.function, n.inputs]);

describe('requests users reported on the default catalog', () => {
  let planner: Planner;
  let dataDir: string;
  before(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'planner-reported-'));
    planner = await createPlanner({ catalog: loadCatalog('catalog'), dataDir });
  });
  after(() => rmSync(dataDir, { recursive: true, force: true }));
  const plan = async (request: string) => (await planner.plan(request)).workflow;
  const expect = async (request: string, steps: unknown[]) => {
    const workflow = await plan(request);
    assert.deepEqual(stepsOf(workflow), steps, `${request}\n${describePlan(workflow)}`);
  };

  it('resizes the QR code just made to the width stated ("200 pixels wide", "640px wide"), the QR code at its default size', async () => {
    for (const [said, width] of [['200 pixels wide', 200], ['640px wide', 640]] as const) {
      await expect(`make a QR code for https://example.com/launch and resize it to ${said}`, [
        ['MakeQrCode', { text: { value: 'https://example.com/launch' } }],
        ['ResizeImage', { image: { from: 'n1', output: 'qr_code' }, width: { value: width } }],
      ]);
    }
  });

  it('converts "10 kg to pounds" into the units the function takes', async () => {
    await expect('convert 10 kg to pounds', [['ConvertUnits', { value: { value: 10 }, from_unit: { value: 'kg' }, to_unit: { value: 'lb' } }]]);
  });

  it("hashes \"sha256 of 'hello world'\" and sorts the list it is given", async () => {
    await expect("sha256 of 'hello world'", [['HashText', { text: { value: 'hello world' }, algorithm: { value: 'sha256' } }]]);
    await expect('sort descending: 42, 7, 19, 88, 3', [['SortNumbers', { values: { value: [42, 7, 19, 88, 3] }, order: { value: 'descending' } }]]);
  });

  it('fetches a CSV named by its link before reading a column of it', async () => {
    await expect('can you grab https://example.com/data/sales.csv and tell me the average of the revenue column?', [
      ['HttpGet', { url: { value: 'https://example.com/data/sales.csv' } }],
      ['ParseCsv', { csv_text: { from: 'n1', output: 'body' } }],
      ['ColumnValues', { rows: { from: 'n2', output: 'rows' }, column: { value: 'revenue' } }],
      ['ColumnStatistics', { values: { from: 'n3', output: 'values' } }],
    ]);
  });

  it('looks up the person to DM by name and sends what is said after "saying"', async () => {
    await expect('send a DM to alice saying the build is green', [
      ['FindSlackUser', { user_name: { value: 'alice' } }],
      ['SendDirectMessage', { user_id: { from: 'n1', output: 'user_id' }, text: { value: 'the build is green' } }],
    ]);
    await expect('DM priya for me', [
      ['FindSlackUser', { user_name: { value: 'priya' } }],
      ['SendDirectMessage', { user_id: { from: 'n1', output: 'user_id' }, text: { ask: 'What is the message text (Slack mrkdwn formatting allowed)?' } }],
    ]);
  });

  it('sets the optional inputs the request states ("last 10 messages", "last 50", "top 10 keywords")', async () => {
    await expect('show me the last 10 messages in #general', [['ListChannelMessages', { channel: { value: '#general' }, limit: { value: 10 } }]]);
    await expect('summarize the last 50 messages in #general', [
      ['ListChannelMessages', { channel: { value: '#general' }, limit: { value: 50 } }],
      ['SummarizeText', { text: { from: 'n1', output: 'text' } }],
    ]);
    const text = 'the quick brown fox jumps over the lazy dog while the quick cat sleeps';
    await expect(`top 10 keywords of '${text}'`, [['ExtractKeywords', { text: { value: text }, count: { value: 10 } }]]);
  });

  it('uploads the QR code it made when asked to "post it" to a channel', async () => {
    await expect('generate a QR code for https://acme.io and post it to #marketing', [
      ['MakeQrCode', { text: { value: 'https://acme.io' } }],
      ['UploadFileToSlack', { file: { from: 'n1', output: 'qr_code' }, channel: { value: '#marketing' } }],
    ]);
  });

  it('reports an e-mail and a server restart as unsupported, planning nothing', async () => {
    for (const request of ["send an email to design@acme.io about friday's review", 'restart the staging server']) {
      const workflow = await plan(request);
      assert.deepEqual(workflow.nodes, [], describePlan(workflow));
      assert.deepEqual(workflow.unsupported, [request]);
    }
  });

  it('works dates out by steps: days until a date, the weekday 200 days from now, days between two dates in order', async () => {
    await expect('how many days until 2026-12-25?', [
      ['CurrentTime', {}],
      ['DaysBetween', { start_date: { from: 'n1', output: 'datetime' }, end_date: { value: '2026-12-25' } }],
    ]);
    await expect('which day of the week is 200 days from now?', [
      ['CurrentTime', {}],
      ['AddToDate', { date: { from: 'n1', output: 'datetime' }, amount: { value: 200 }, unit: { value: 'days' } }],
      ['DayOfWeek', { date: { from: 'n2', output: 'date' } }],
    ]);
    await expect('how many days between 2026-01-05 and 2026-03-20', [['DaysBetween', { start_date: { value: '2026-01-05' }, end_date: { value: '2026-03-20' } }]]);
  });

  it('asks for the image of "resize this image to 640px wide" (the chat and Slack say how to give it)', async () => {
    const workflow = await plan('resize this image to 640px wide');
    assert.deepEqual(stepsOf(workflow), [['ResizeImage', { image: { ask: 'What is the image file to resize (PNG, JPEG, WebP, AVIF, TIFF, GIF or SVG)?' }, width: { value: 640 } }]]);
  });
});

/** A catalog of HTTP functions where a playlist id can be looked up or made by creating a playlist. */
const playlists = makeCatalog([
  oneOutputFunction('Username2ID', 'Gets the user ID of a user name.', [requiredInput('user_name', 'the user name')], 'user_ID'),
  oneOutputFunction('GetPlaylistID', "Gets the ID of a user's playlist.", [requiredInput('user_ID', 'the user ID')], 'playlist_ID'),
  oneOutputFunction('CreatePlaylist', 'Creates a new playlist for a user.', [requiredInput('user_ID', 'the user ID'), requiredInput('name', 'the name of the new playlist')], 'playlist_ID'),
  oneOutputFunction('SongName2ID', 'Gets the ID of a song by its name.', [requiredInput('song_name', 'the name of the song')], 'song_ID'),
  oneOutputFunction('AddSongToPlaylist', 'Adds a song to a playlist.', [requiredInput('playlist_ID', 'the playlist ID'), requiredInput('song_ID', 'the song ID')], 'status'),
]);

describe('a request users reported on a catalog of HTTP functions', () => {
  const planner = plannerFor(playlists);

  it("adds the song to the user's playlist found by a lookup, creating no playlist to get an id", async () => {
    const { workflow } = await planner().plan("please add the song 'Imagine' to the playlist of user Jenny");
    assert.deepEqual(
      stepsOf(workflow),
      [
        ['Username2ID', { user_name: { value: 'Jenny' } }],
        ['GetPlaylistID', { user_ID: { from: 'n1', output: 'user_ID' } }],
        ['SongName2ID', { song_name: { value: 'Imagine' } }],
        ['AddSongToPlaylist', { playlist_ID: { from: 'n2', output: 'playlist_ID' }, song_ID: { from: 'n3', output: 'song_ID' } }],
      ],
      describePlan(workflow),
    );
  });
});
