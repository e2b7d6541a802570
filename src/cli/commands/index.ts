/** `action-engine index --catalog PATH [--data-dir DIR]`: build (or reuse) the function index. */
import cliProgress from 'cli-progress';
import { relative } from 'node:path';
import { loadCatalog } from '../../catalog/index.ts';
import { FunctionIndex, isIndexError, WordVectorEmbedder, type Embedder, type IndexProgress } from '../../index/index.ts';
import { ExitError } from '../errors.ts';
import type { Output } from '../output.ts';

// NOTE: these sentences belong in ../messages.ts; they live here until that file can take them.
const text = {
  phase: (p: IndexProgress['phase'], total: number) => `${p === 'embedding' ? 'embedding' : 'indexing'} ${total} function${total === 1 ? '' : 's'}…`,
  rebuilding: (reason: string) => `rebuilding the index: ${reason}`,
  done: (index: FunctionIndex, ms: number) =>
    `✔ index ${index.built ? 'built' : 'reused (catalog unchanged)'}: ${index.size} function${index.size === 1 ? '' : 's'}, embedder ${index.embedderId}, ${ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`}`,
  key: (key: string) => `  key:  ${key}`,
  path: (path: string) => `  path: ${path}`,
};

/** A cli-progress bar on an interactive stderr; one plain line per phase otherwise (logs, CI, tests). */
function progressReporter(out: Output, stderr: NodeJS.WriteStream): { onProgress: (p: IndexProgress) => void; stop: () => void } {
  let phase: IndexProgress['phase'] | undefined;
  if (!stderr.isTTY) {
    return {
      onProgress: (p) => {
        if (p.phase !== phase) out.error(text.phase((phase = p.phase), p.total));
      },
      stop: () => {},
    };
  }
  const bar = new cliProgress.SingleBar(
    { stream: stderr, format: '{phase} [{bar}] {value}/{total}', hideCursor: true, clearOnComplete: true },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    onProgress: (p) => {
      if (!started) {
        bar.start(p.total, p.done, { phase: p.phase.padEnd(9) });
        started = true;
      } else {
        bar.update(p.done, { phase: p.phase.padEnd(9) });
      }
      phase = p.phase;
    },
    stop: () => started && bar.stop(),
  };
}

export async function indexCommand(
  args: { catalog: string; dataDir: string; embedder?: Embedder },
  out: Output,
  stderr: NodeJS.WriteStream = process.stderr,
): Promise<number> {
  const started = performance.now();
  const catalog = loadCatalog(args.catalog);
  const progress = progressReporter(out, stderr);
  let index: FunctionIndex;
  try {
    index = await FunctionIndex.open(catalog, { dataDir: args.dataDir, embedder: args.embedder ?? new WordVectorEmbedder(), onProgress: progress.onProgress });
  } catch (e) {
    // NOTE: src/cli/index.ts maps catalog and workflow errors; until it maps IndexError too, say it here.
    if (isIndexError(e)) throw new ExitError(e.message, 1);
    throw e;
  } finally {
    progress.stop();
  }
  if (index.status === 'rebuilt') out.error(text.rebuilding(index.reason!));
  const shown = relative(process.cwd(), index.path);
  out.log(text.done(index, performance.now() - started));
  out.log(text.key(index.key));
  out.log(text.path(shown && !shown.startsWith('..') ? shown : index.path));
  return 0;
}
