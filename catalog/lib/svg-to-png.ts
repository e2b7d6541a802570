/** Renders SVG markup to PNG bytes with resvg, using the bundled DejaVu Sans font so text looks the same everywhere. */
import { createRequire } from 'node:module';
import { Resvg } from '@resvg/resvg-js';

const require = createRequire(import.meta.url);

/** Absolute path of the DejaVu Sans TrueType file shipped by the `dejavu-fonts-ttf` package. */
export const DEJAVU_SANS_PATH: string = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');

export interface SvgToPngOptions {
  /** Scale the output to this width in pixels (height follows the aspect ratio). */
  width?: number;
  /** Background colour painted under the SVG (default: transparent). */
  background?: string;
}

/** Renders `svg` (markup) to a PNG and returns its bytes. */
export function svgToPng(svg: string, options: SvgToPngOptions = {}): Buffer {
  const resvg = new Resvg(svg, {
    background: options.background,
    fitTo: options.width ? { mode: 'width', value: options.width } : { mode: 'original' },
    font: {
      loadSystemFonts: false,
      fontFiles: [DEJAVU_SANS_PATH],
      defaultFontFamily: 'DejaVu Sans',
      sansSerifFamily: 'DejaVu Sans',
    },
  });
  return resvg.render().asPng();
}
