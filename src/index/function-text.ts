/**
 * @module index/function-text
 * The text a function is embedded as: its name split into words, its description, and the names
 * and descriptions of its inputs and outputs.
 */
import type { FunctionSpec, InputSpec, OutputSpec } from '../catalog/types.ts';
import { words } from './tokenize.ts';

/**
 * Bump when `functionText` changes, so indexes saved with the old texts are rebuilt.
 */
export const FUNCTION_TEXT_VERSION = 2;

// NOTE: the name and description say what a function is for; parameters mostly say what it works
// on (`text`, `user_ID`) and are shared by many functions. Both embedders sum (or attend over) the
// words, so repeating the name and description twice weighs them double against the parameters.
const NAME_REPEAT = 2;
const DESCRIPTION_REPEAT = 2;

const sentence = (s: string) => {
  const t = s.trim();
  return t === '' || /[.!?]$/.test(t) ? t : `${t}.`;
};

const param = (p: InputSpec | OutputSpec) => sentence(`${words(p.name).join(' ')}: ${p.description}`);

/**
 * @example
 * functionText({ name: 'AnalyzeSentiment', description: 'Scores how positive a text is.', inputs: [...], outputs: [...] });
 * // 'analyze sentiment. analyze sentiment. Scores how positive a text is. Scores how positive a text is. text: the text to score. ...'
 */
export function functionText(spec: Pick<FunctionSpec, 'name' | 'description' | 'inputs' | 'outputs'>): string {
  const name = sentence(words(spec.name).join(' '));
  const description = sentence(spec.description);
  return [
    ...Array<string>(NAME_REPEAT).fill(name),
    ...Array<string>(DESCRIPTION_REPEAT).fill(description),
    ...spec.inputs.map(param),
    ...spec.outputs.map(param),
  ]
    .filter((s) => s !== '')
    .join(' ');
}
