/**
 * @module workflow/render
 * DOT → SVG with Graphviz compiled to WebAssembly (loaded once), SVG → PNG with resvg using the
 * bundled DejaVu Sans fonts (no system fonts, so output is the same on every machine).
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { existsSync } from 'node:fs';
import { Graphviz } from '@hpcc-js/wasm-graphviz';
import { Resvg, renderAsync, type ResvgRenderOptions } from '@resvg/resvg-js';
import { DIAGRAM_FONT } from './dot.ts';

let graphviz: Promise<Graphviz> | undefined;

/** The Graphviz WASM instance, loaded on first use and shared afterwards. */
function loadGraphviz(): Promise<Graphviz> {
  graphviz ??= Graphviz.load().catch((e: unknown) => {
    graphviz = undefined; // let a later call retry
    throw new Error(`Could not load Graphviz (WASM): ${e instanceof Error ? e.message : String(e)}`);
  });
  return graphviz;
}

/** Lays out DOT text and returns SVG; throws an Error carrying Graphviz's message when it cannot. */
export async function renderSvg(dot: string): Promise<string> {
  const gv = await loadGraphviz();
  let svg: string;
  try {
    svg = gv.dot(dot);
  } catch (e) {
    throw new Error(`Graphviz could not render the diagram: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (!svg || !svg.includes('<svg')) throw new Error('Graphviz could not render the diagram: it produced no SVG');
  return svg;
}

let fontFiles: string[] | undefined;

/** DejaVu Sans regular, bold, oblique and bold oblique from the dejavu-fonts-ttf package. */
function diagramFonts(): string[] {
  if (!fontFiles) {
    const require = createRequire(import.meta.url);
    const dir = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
    const files = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf', 'DejaVuSans-Oblique.ttf', 'DejaVuSans-BoldOblique.ttf'].map((f) =>
      join(dir, f),
    );
    fontFiles = files.filter((f) => existsSync(f));
    if (fontFiles.length === 0) throw new Error(`DejaVu Sans fonts not found in ${dir}`);
  }
  return fontFiles;
}

/** Scale for PNG output: 2× for crisp text in Slack, capped so huge graphs stay a sane size. */
const PNG_ZOOM = 2;
const PNG_MAX_SIDE = 6000;

/** Rasterises SVG to PNG bytes (white background, DejaVu Sans, 2× zoom unless that gets too large). */
export async function renderPng(svg: string): Promise<Uint8Array> {
  const font = { loadSystemFonts: false, fontFiles: diagramFonts(), defaultFontFamily: DIAGRAM_FONT };
  try {
    // The SVG's own size (from its width/height attributes) decides the scale.
    const probe = new Resvg(svg, { font: { loadSystemFonts: false }, logLevel: 'off' });
    const { width, height } = probe;
    let fitTo: ResvgRenderOptions['fitTo'] = { mode: 'zoom', value: PNG_ZOOM };
    if (Math.max(width, height) * PNG_ZOOM > PNG_MAX_SIDE) {
      fitTo = width >= height ? { mode: 'width', value: PNG_MAX_SIDE } : { mode: 'height', value: PNG_MAX_SIDE };
    }
    const image = await renderAsync(svg, { font, fitTo, background: 'white', logLevel: 'off' });
    const png = image.asPng();
    return new Uint8Array(png.buffer, png.byteOffset, png.byteLength);
  } catch (e) {
    throw new Error(`Could not convert the diagram to PNG: ${e instanceof Error ? e.message : String(e)}`);
  }
}
