import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { loadCatalog } from '../../src/catalog/index.ts';
import { parseCsv } from '../../catalog/data/parse-csv.ts';
import { columnValues } from '../../catalog/data/column-values.ts';
import { columnStatistics } from '../../catalog/data/column-statistics.ts';
import { extractJsonPath } from '../../catalog/data/extract-json-path.ts';
import { hashText } from '../../catalog/data/hash-text.ts';
import { base64Encode } from '../../catalog/data/base64-encode.ts';
import { base64Decode } from '../../catalog/data/base64-decode.ts';
import { httpGet } from '../../catalog/data/http-get.ts';
import { fetchJson } from '../../catalog/data/fetch-json.ts';
import { sortNumbers } from '../../catalog/data/sort-numbers.ts';

const salesCsv = readFileSync(new URL('../fixtures/data-sales.csv', import.meta.url), 'utf8');

test('parses CSV with quoted fields, embedded commas and escaped quotes into rows keyed by header', async () => {
  const { rows, columns, row_count } = await parseCsv({ csv_text: salesCsv });
  assert.deepEqual(columns, ['region', 'product', 'units sold', 'revenue']);
  assert.equal(row_count, 4);
  assert.deepEqual(rows[0], { region: 'North', product: 'Widget, large', 'units sold': '12', revenue: '1,200.50' });
  assert.equal(rows[1]?.product, 'The "best" gadget');
  assert.equal(rows[2]?.['units sold'], '', 'empty cells stay empty strings');
});

test('detects a semicolon or tab delimiter from the header line, or uses the one given', async () => {
  const semi = await parseCsv({ csv_text: 'name;score\r\nAda;3,5\r\nBob;4\r\n' });
  assert.deepEqual(semi.rows, [{ name: 'Ada', score: '3,5' }, { name: 'Bob', score: '4' }]);
  const tab = await parseCsv({ csv_text: 'a\tb\n1\t2\n' });
  assert.deepEqual(tab.rows, [{ a: '1', b: '2' }]);
  const piped = await parseCsv({ csv_text: 'a,b|c\n1,2|3\n', delimiter: '|' });
  assert.deepEqual(piped.columns, ['a,b', 'c']);
  const named = await parseCsv({ csv_text: 'a\tb\n1\t2\n', delimiter: 'tab' });
  assert.deepEqual(named.columns, ['a', 'b']);
});

test('names blank header cells and keeps repeated column names apart', async () => {
  const { rows, columns } = await parseCsv({ csv_text: 'a,a,\n1,2,3\n' });
  assert.deepEqual(columns, ['a', 'a_2', 'column_3']);
  assert.deepEqual(rows, [{ a: '1', a_2: '2', column_3: '3' }]);
});

test('rejects empty or malformed CSV with a clear error', async () => {
  await assert.rejects(parseCsv({ csv_text: '   ' }), /csv_text is empty/);
  await assert.rejects(parseCsv({ csv_text: 'a,b\n1,2,3\n' }), /csv_text is not valid CSV/);
  await assert.rejects(parseCsv({ csv_text: 'a,b\n"unclosed,2\n' }), /csv_text is not valid CSV/);
});

test('takes a numeric column as numbers, skipping empty cells and reading thousands separators', async () => {
  const { rows } = await parseCsv({ csv_text: salesCsv });
  assert.deepEqual((await columnValues({ rows, column: 'units sold' })).values, [12, 7, 3]);
  assert.deepEqual((await columnValues({ rows, column: 'Revenue' })).values, [1200.5, 350, 99.99, 45]);
});

test('names the row when a column cell is not a number, and lists the columns when the column is missing', async () => {
  const { rows } = await parseCsv({ csv_text: salesCsv });
  await assert.rejects(columnValues({ rows, column: 'product' }), /row 1: column "product" holds "Widget, large", which is not a number/);
  await assert.rejects(columnValues({ rows, column: 'price' }), /column "price" is not in rows; the columns are: region, product, units sold, revenue/);
  await assert.rejects(columnValues({ rows: [1, 2], column: 'x' }), /rows must be a list of objects/);
});

test('computes count, mean, median, min, max, sample standard deviation and sum', async () => {
  const { statistics, mean } = await columnStatistics({ values: [2, 4, 4, 4, 5, 5, 7, 9] });
  assert.equal(mean, 5);
  assert.equal(statistics.count, 8);
  assert.equal(statistics.median, 4.5);
  assert.equal(statistics.min, 2);
  assert.equal(statistics.max, 9);
  assert.equal(statistics.sum, 40);
  assert.ok(Math.abs(statistics.stdev - Math.sqrt(32 / 7)) < 1e-12);
});

test('gives a standard deviation of 0 for one value and rejects an empty list', async () => {
  assert.deepEqual((await columnStatistics({ values: ['7'] })).statistics, { count: 1, mean: 7, median: 7, min: 7, max: 7, stdev: 0, sum: 7 });
  await assert.rejects(columnStatistics({ values: [] }), /values is empty/);
  await assert.rejects(columnStatistics({ values: [1, 'x'] }), /item 2 \("x"\) is not a number/);
});

test('extracts the first match and all matches of a JSONPath from an object or JSON text', async () => {
  const doc = { store: { book: [{ title: 'A', price: 8 }, { title: 'B', price: 12 }, { title: 'C', price: 5 }] } };
  assert.deepEqual(await extractJsonPath({ json: doc, path: '$.store.book[*].title' }), { result: 'A', matches: ['A', 'B', 'C'] });
  const cheap = await extractJsonPath({ json: JSON.stringify(doc), path: '$.store.book[?(@.price < 10)].title' });
  assert.deepEqual(cheap.matches, ['A', 'C']);
  assert.deepEqual(await extractJsonPath({ json: doc, path: '$.store.missing' }), { result: null, matches: [] });
  assert.equal((await extractJsonPath({ json: [10, 20], path: '$[1]' })).result, 20);
});

test('rejects JSON text that does not parse', async () => {
  await assert.rejects(extractJsonPath({ json: '{not json', path: '$.a' }), /json is text but not valid JSON/);
  await assert.rejects(extractJsonPath({ json: 42, path: '$.a' }), /json must be an object or array/);
});

test('hashes text with SHA-256, SHA-1, MD5 and SHA-512 to known hex digests', async () => {
  assert.equal((await hashText({ text: 'abc' })).hash, 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  assert.equal((await hashText({ text: 'abc', algorithm: 'sha1' })).hash, 'a9993e364706816aba3e25717850c26c9cd0d89d');
  assert.equal((await hashText({ text: 'abc', algorithm: 'md5' })).hash, '900150983cd24fb0d6963f7d28e17f72');
  assert.equal(
    (await hashText({ text: 'abc', algorithm: 'sha512' })).hash,
    'ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f',
  );
  await assert.rejects(hashText({ text: 'abc', algorithm: 'crc32' }), /algorithm must be one of/);
});

test('encodes text to Base64 and decodes it back, including non-ASCII characters', async () => {
  assert.equal((await base64Encode({ text: 'hello world' })).base64, 'aGVsbG8gd29ybGQ=');
  const { base64 } = await base64Encode({ text: 'héllo ✓ 👋' });
  assert.equal((await base64Decode({ base64 })).text, 'héllo ✓ 👋');
  assert.equal((await base64Decode({ base64: 'aGVsbG8gd29ybGQ' })).text, 'hello world', 'padding is optional');
  assert.equal((await base64Decode({ base64: 'Pz8_' })).text, '???', 'URL-safe alphabet is accepted');
});

test('rejects invalid Base64 and Base64 of binary data', async () => {
  await assert.rejects(base64Decode({ base64: 'not base64!' }), /base64 is not valid Base64/);
  await assert.rejects(base64Decode({ base64: 'abcde' }), /base64 is not valid Base64/);
  await assert.rejects(base64Decode({ base64: '/w==' }), /decodes to binary data, not UTF-8 text/);
});

test('sorts numbers ascending by default and descending on request', async () => {
  assert.deepEqual((await sortNumbers({ values: [10, 2, '33', -1] })).values, [-1, 2, 10, 33]);
  assert.deepEqual((await sortNumbers({ values: [10, 2, 33, -1], order: 'descending' })).values, [33, 10, 2, -1]);
  await assert.rejects(sortNumbers({ values: [1, 'two'] }), /item 2 \("two"\) is not a number/);
});

let server: Server;
let base = '';

before(async () => {
  server = createServer((req, res) => {
    if (req.url === '/report.csv') {
      res.writeHead(200, { 'content-type': 'text/csv' }).end('a,b\n1,2\n');
    } else if (req.url === '/api/item') {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id: 7, tags: ['x', 'y'], accept: req.headers.accept }));
    } else if (req.url === '/moved') {
      res.writeHead(302, { location: '/api/item' }).end();
    } else if (req.url === '/page') {
      res.writeHead(200, { 'content-type': 'text/html' }).end('<html><body>Hello</body></html>');
    } else {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('nothing here');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

after(() => {
  server.close();
});

test('downloads a URL and returns its body, status and content type', async () => {
  assert.deepEqual(await httpGet({ url: `${base}/report.csv` }), { body: 'a,b\n1,2\n', status: 200, content_type: 'text/csv' });
});

test('says the URL and status when a download returns 404', async () => {
  await assert.rejects(httpGet({ url: `${base}/missing` }), (e: Error & { status?: number }) => {
    assert.match(e.message, new RegExp(`GET ${base}/missing returned HTTP 404`));
    assert.equal(e.status, 404);
    return true;
  });
});

test('accepts only http and https URLs', async () => {
  await assert.rejects(httpGet({ url: 'file:///etc/passwd' }), /only http:\/\/ and https:\/\/ URLs can be fetched/);
  await assert.rejects(httpGet({ url: 'example.com/page' }), /is not an absolute URL/);
});

test('reports a connection failure naming the URL', async () => {
  const closed = createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  const port = (closed.address() as AddressInfo).port;
  await new Promise<void>((resolve) => closed.close(() => resolve()));
  await assert.rejects(httpGet({ url: `http://127.0.0.1:${port}/x` }), new RegExp(`GET http://127.0.0.1:${port}/x failed`));
});

test('fetches and parses JSON from a URL, following redirects', async () => {
  const { data } = await fetchJson({ url: `${base}/moved` });
  assert.deepEqual(data, { id: 7, tags: ['x', 'y'], accept: 'application/json' });
});

test('rejects a FetchJson response that is not JSON, and a 404', async () => {
  await assert.rejects(fetchJson({ url: `${base}/page` }), /did not return JSON \(text\/html\); the body starts with "<html><body>Hello/);
  await assert.rejects(fetchJson({ url: `${base}/nope` }), /returned HTTP 404/);
});

test('chains HttpGet -> ParseCsv -> ColumnValues -> ColumnStatistics', async () => {
  const { body } = await httpGet({ url: `${base}/report.csv` });
  const { rows } = await parseCsv({ csv_text: body });
  const { values } = await columnValues({ rows, column: 'b' });
  assert.equal((await columnStatistics({ values })).mean, 2);
});
