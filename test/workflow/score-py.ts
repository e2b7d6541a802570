/**
 * The product data sets' official scorer, `../shared/bench/product/score.py`, run with `python3`
 * as the reference the TypeScript scorer is checked against. `scorePy()` is undefined (and the
 * cross-checks skip, saying why) when python3 or score.py is missing.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export const SCORE_PY = fileURLToPath(new URL('../../../shared/bench/product/score.py', import.meta.url));

export interface ScorePy {
  /** Runs score.py with these arguments; its stdout, or a thrown error with its stderr. */
  run(args: string[]): string;
  /** Python's `repr(norm_value(v))` for each value, through score.py's own function. */
  normValues(values: unknown[]): string[];
}

export function scorePy(): { scorer?: ScorePy; missing?: string } {
  if (!existsSync(SCORE_PY)) return { missing: `no ${SCORE_PY}` };
  if (spawnSync('python3', ['--version']).status !== 0) return { missing: 'no python3 on the PATH' };
  const python = (args: string[], input?: string) => {
    const r = spawnSync('python3', args, { input, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`python3 ${args.join(' ')} failed:\n${r.stderr}`);
    return r.stdout;
  };
  return {
    scorer: {
      run: (args) => python([SCORE_PY, ...args]),
      normValues: (values) =>
        JSON.parse(
          python(
            ['-c', 'import json, sys; sys.path.insert(0, sys.argv[1]); import score; print(json.dumps([repr(score.norm_value(v)) for v in json.load(sys.stdin)]))', dirname(SCORE_PY)],
            JSON.stringify(values),
          ),
        ),
    },
  };
}
