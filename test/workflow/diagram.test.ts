import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { makeCatalog } from '../../src/catalog/index.ts';
import type { FunctionSpec } from '../../src/catalog/types.ts';
import type { Workflow } from '../../src/workflow/types.ts';
import { formatValue, renderPng, renderSvg, renderWorkflowDiagram, workflowToDot } from '../../src/workflow/diagram.ts';

const fixture = (name: string): Workflow =>
  JSON.parse(readFileSync(fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url)), 'utf8')) as Workflow;

const diamond = fixture('diagram-diamond.json');

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Width and height from the IHDR chunk (always first, right after the signature). */
function pngSize(png: Uint8Array): { width: number; height: number } {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  assert.equal(new TextDecoder().decode(png.subarray(12, 16)), 'IHDR');
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/** The DOT statement declaring one node (its line). */
function nodeLine(dot: string, id: string): string {
  const line = dot.split('\n').find((l) => l.trimStart().startsWith(`"${id}" [`));
  assert.ok(line, `no node statement for ${id}`);
  return line;
}

function spec(name: string, inputs: FunctionSpec['inputs'], outputs: string[] = ['result']): FunctionSpec {
  return { name, description: `${name} does things`, inputs, outputs: outputs.map((o) => ({ name: o, type: 'any', description: o })) };
}

describe('workflowToDot', () => {
  it('lays the graph out left to right with DejaVu Sans as the font', () => {
    const dot = workflowToDot(diamond);
    assert.match(dot, /^digraph workflow \{/);
    assert.match(dot, /rankdir="LR"/);
    assert.match(dot, /fontname="DejaVu Sans"/);
  });

  it('declares one box per node, titled with the function name in bold', () => {
    const dot = workflowToDot(diamond);
    for (const node of diamond.nodes) {
      const line = nodeLine(dot, node.id);
      assert.ok(line.includes(`<B>${node.function}</B>`), `${node.id} title`);
      assert.match(line, /label=</, 'HTML-like label');
    }
  });

  it('draws one edge per producer→consumer pair, labelled "output → input"', () => {
    const dot = workflowToDot(diamond);
    assert.match(dot, /"A" -> "B" \[label=<.*daily → rows.*>\]/);
    assert.match(dot, /"A" -> "C" \[label=<.*description → text.*>\]/);
    assert.match(dot, /"B" -> "D" \[label=<.*chart → attachment.*>\]/);
    assert.match(dot, /"C" -> "D" \[label=<.*summary → text.*>\]/);
  });

  it('merges several bindings between the same two nodes into one edge with one label line each', () => {
    const wf: Workflow = {
      version: 1,
      request: 'r',
      nodes: [
        { id: 'a', function: 'f', inputs: {} },
        { id: 'b', function: 'g', inputs: { x: { from: 'a', output: 'o1' }, y: { from: 'a', output: 'o2' } } },
      ],
      outputs: [],
    };
    const dot = workflowToDot(wf);
    assert.equal(dot.match(/"a" -> "b"/g)?.length, 1);
    assert.match(dot, /o1 → x<BR\/>o2 → y/);
  });

  it('shows literal inputs as "param = value" rows, strings quoted and long values cut with an ellipsis', () => {
    const dot = workflowToDot(diamond);
    const a = nodeLine(dot, 'A');
    assert.match(a, /city = <FONT[^>]*>&quot;Lyon, France&quot;<\/FONT>/);
    assert.match(a, /days = <FONT[^>]*>5<\/FONT>/);
    const b = nodeLine(dot, 'B');
    assert.ok(b.includes('title = '));
    assert.ok(b.includes('&quot;Daily high and low temperatures in Ly…&quot;'), b);
    assert.ok(!b.includes('next five days'));
  });

  it('formats values: quoted strings, files by name, JSON for lists and objects, cut to about 40 characters', () => {
    assert.equal(formatValue('hi'), '"hi"');
    assert.equal(formatValue(3.5), '3.5');
    assert.equal(formatValue(true), 'true');
    assert.equal(formatValue(null), 'null');
    assert.equal(formatValue(['a', 1]), '["a",1]');
    assert.equal(formatValue({ name: 'chart.png', mime: 'image/png', data: new Uint8Array([1, 2]) }), 'chart.png');
    assert.equal(formatValue({ name: 'report.pdf', mime: 'application/pdf', base64: 'AAAA' }), 'report.pdf');
    const long = formatValue('x'.repeat(100));
    assert.equal(Array.from(long).length, 40);
    assert.ok(long.endsWith('…"') && long.startsWith('"x'));
    assert.ok(Array.from(formatValue({ list: Array.from({ length: 50 }, (_, i) => i) })).length <= 40);
  });

  it('shows a file value bound to an input by its file name', () => {
    const wf: Workflow = {
      version: 1,
      request: 'r',
      nodes: [{ id: 'up', function: 'upload', inputs: { file: { value: { name: 'q3-report.pdf', mime: 'application/pdf', data: new Uint8Array(10) } } } }],
      outputs: [],
    };
    assert.match(nodeLine(workflowToDot(wf), 'up'), /file = <FONT[^>]*>q3-report\.pdf<\/FONT>/);
  });

  it('marks inputs still to be asked as an amber italic "param = ?" row and outlines the node dashed in amber', () => {
    const dot = workflowToDot(diamond);
    const c = nodeLine(dot, 'C');
    assert.match(c, /<FONT COLOR="#b45309"><I>style = \?<\/I><\/FONT>/);
    assert.match(c, /style="rounded,filled,dashed"/);
    assert.match(c, /color="#d97706"/);
    // A node with no ask keeps the plain solid style.
    assert.match(nodeLine(dot, 'A'), /style="rounded,filled"[,\]]/);
    assert.ok(!nodeLine(dot, 'A').includes('= ?'));
  });

  it('escapes &, <, > and " in values so the label stays valid HTML and still renders', async () => {
    const wf: Workflow = {
      version: 1,
      request: 'r',
      nodes: [{ id: 'n', function: 'echo', inputs: { text: { value: '<script>alert("x")</script> & co' }, 'a<b': { ask: 'q' } } }],
      outputs: [],
    };
    const dot = workflowToDot(wf);
    assert.ok(!dot.includes('<script>'));
    assert.ok(dot.includes('&lt;script&gt;alert(\\&quot;x\\&quot;)&lt;/script&gt; &amp; co'), dot);
    assert.ok(dot.includes('a&lt;b = ?'));
    const svg = await renderSvg(dot);
    assert.ok(!svg.includes('<script'));
    assert.match(svg, /&lt;script&gt;alert/);
  });

  it('quotes node ids safely, even ids with quotes, backslashes and spaces', async () => {
    const wf: Workflow = {
      version: 1,
      request: 'r',
      nodes: [
        { id: 'we"ird\\', function: 'f', inputs: {} },
        { id: 'next step', function: 'g', inputs: { x: { from: 'we"ird\\', output: 'out' } } },
      ],
      outputs: [{ from: 'next step', output: 'done' }],
    };
    const dot = workflowToDot(wf);
    assert.ok(dot.includes('"we\\"ird\\\\" -> "next step"'), dot);
    const svg = await renderSvg(dot);
    // Exactly two workflow nodes plus the result node: no stray nodes from a mis-parsed id.
    assert.equal(svg.match(/class="node"/g)?.length, 3);
    assert.equal(svg.match(/class="edge"/g)?.length, 2);
  });

  it('feeds the workflow outputs into a final "result" node, edges labelled with the output names', () => {
    const dot = workflowToDot(diamond);
    assert.match(dot, /"result" \[label=<.*<B>result<\/B>/);
    assert.match(dot, /"D" -> "result" \[label=<.*permalink.*>/);
  });

  it('names the result node so it cannot collide with a workflow node called "result"', () => {
    const wf: Workflow = {
      version: 1,
      request: 'r',
      nodes: [{ id: 'result', function: 'f', inputs: {} }],
      outputs: [{ from: 'result', output: 'o' }],
    };
    const dot = workflowToDot(wf);
    assert.match(dot, /"result" -> "_result"/);
  });

  it('flags a reference to a node that does not exist instead of drawing an edge to nowhere', () => {
    const wf: Workflow = {
      version: 1,
      request: 'r',
      nodes: [{ id: 'b', function: 'g', inputs: { x: { from: 'ghost', output: 'o' } } }],
      outputs: [{ from: 'ghost', output: 'o' }],
    };
    const dot = workflowToDot(wf);
    assert.ok(!dot.includes('->'));
    assert.match(nodeLine(dot, 'b'), /x ← ghost\.o \(no such node\)/);
  });

  it('colours nodes by run status and adds a status line when statuses are given', () => {
    const dot = workflowToDot(diamond, undefined, { status: { A: 'succeeded', B: 'failed', C: 'running', D: 'skipped' } });
    assert.match(nodeLine(dot, 'A'), /color="#16a34a"/);
    assert.match(nodeLine(dot, 'A'), /✓ succeeded/);
    assert.match(nodeLine(dot, 'B'), /color="#dc2626"/);
    assert.match(nodeLine(dot, 'B'), /✗ failed/);
    assert.match(nodeLine(dot, 'C'), /color="#2563eb"/);
    assert.match(nodeLine(dot, 'D'), /style="rounded,filled,dashed"/);
    assert.match(nodeLine(dot, 'D'), /skipped/);
    // Without statuses there is no status line.
    assert.ok(!workflowToDot(diamond).includes('succeeded'));
  });

  it('with a catalog, lists inputs in declared order and flags unknown functions and missing required inputs', () => {
    const catalog = makeCatalog([
      spec('make_chart', [
        { name: 'title', type: 'string', description: '', required: false },
        { name: 'rows', type: 'list', description: '', required: true },
        { name: 'kind', type: 'string', description: '', required: true },
        { name: 'width', type: 'integer', description: '', required: true },
        { name: 'height', type: 'integer', description: '', required: true, default: 300 },
      ]),
    ]);
    const dot = workflowToDot(diamond, catalog);
    const b = nodeLine(dot, 'B');
    assert.ok(b.indexOf('title = ') < b.indexOf('kind = '), 'declared order');
    assert.match(b, /width = missing/);
    assert.ok(!b.includes('height'), 'inputs with a default are not missing');
    assert.match(b, /tooltip="make_chart does things"/);
    assert.match(nodeLine(dot, 'A'), /unknown function/);
  });
});

describe('renderSvg', () => {
  it('renders the DOT to SVG with the function names as text', async () => {
    const svg = await renderSvg(workflowToDot(diamond));
    assert.match(svg, /<svg/);
    for (const node of diamond.nodes) assert.match(svg, new RegExp(`<text[^>]*>${node.function}</text>`));
    assert.match(svg, /font-family="DejaVu Sans"/);
  });

  it("throws an Error carrying Graphviz's message when the DOT cannot be rendered", async () => {
    await assert.rejects(renderSvg('digraph { a -> }'), (e: unknown) => {
      assert.ok(e instanceof Error);
      assert.match(e.message, /Graphviz could not render the diagram/);
      assert.match(e.message, /syntax error/);
      return true;
    });
  });

  it('can render many diagrams concurrently from the one shared Graphviz instance', async () => {
    const svgs = await Promise.all(Array.from({ length: 5 }, () => renderSvg('digraph { a -> b }')));
    for (const svg of svgs) assert.match(svg, /<svg/);
  });
});

describe('renderPng', () => {
  it('produces a PNG of plausible size for the diamond workflow', async () => {
    const png = await renderPng(await renderSvg(workflowToDot(diamond)));
    assert.ok(png instanceof Uint8Array);
    assert.deepEqual([...png.subarray(0, 8)], PNG_SIGNATURE);
    const { width, height } = pngSize(png);
    assert.ok(width > 100 && height > 100, `${width}x${height}`);
    assert.ok(width > height, 'left-to-right layout is wider than tall');
    assert.ok(width < 6001 && height < 6001);
  });

  it('throws a clear Error for input that is not SVG', async () => {
    await assert.rejects(renderPng('not svg at all'), /Could not convert the diagram to PNG/);
  });
});

describe('renderWorkflowDiagram', () => {
  it('returns DOT text, SVG text or PNG bytes depending on the format', async () => {
    const dot = await renderWorkflowDiagram(diamond, undefined, 'dot');
    assert.equal(dot, workflowToDot(diamond));
    const svg = await renderWorkflowDiagram(diamond, undefined, 'svg');
    assert.match(svg, /<svg/);
    const png = await renderWorkflowDiagram(diamond, undefined, 'png', { status: { A: 'running' } });
    assert.deepEqual([...png.subarray(0, 8)], PNG_SIGNATURE);
  });

  it('renders the diamond fixture (A→B, A→C, B,C→D) with all four nodes and four edges plus the result edge', async () => {
    const svg = await renderWorkflowDiagram(diamond, undefined, 'svg');
    assert.equal(svg.match(/class="node"/g)?.length, 5);
    assert.equal(svg.match(/class="edge"/g)?.length, 5);
  });
});
