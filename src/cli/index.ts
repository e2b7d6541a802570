/**
 * @module cli
 * The `action-engine` command: parses arguments, reads the environment once, dispatches to a
 * command, and owns the only catch that turns errors into messages and exit codes.
 */
import { join } from 'node:path';
import { Command, CommanderError } from 'commander';
import { isCatalogError } from '../catalog/index.ts';
import { isWorkflowError } from '../workflow/errors.ts';
import { openAgent } from '../agent/index.ts';
import { chat } from './commands/chat.ts';
import { catalogValidate } from './commands/catalog-validate.ts';
import { diagram } from './commands/diagram.ts';
import { evalCommand } from './commands/eval.ts';
import { indexCommand } from './commands/index.ts';
import { plan } from './commands/plan.ts';
import { run } from './commands/run.ts';
import { configuredEmbedder, readCliConfig } from './config.ts';
import { ExitError } from './errors.ts';
import { messages } from './messages.ts';
import { lineReader } from './line-reader.ts';
import { consoleOutput, type Output } from './output.ts';

const collect = (value: string, previous: string[]) => [...previous, value];

/** The terminal the chat reads from and prompts on. */
export interface Terminal {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
}

function program(out: Output, env: NodeJS.ProcessEnv, io: Terminal, done: (code: number) => void): Command {
  const config = readCliConfig(env);
  const root = new Command('action-engine')
    .description('Turn requests into workflows of functions, run them, and draw them.')
    .showHelpAfterError()
    .exitOverride()
    .configureOutput({ writeOut: (s) => out.log(s.trimEnd()), writeErr: (s) => out.error(s.trimEnd()) });

  const catalog = root.command('catalog').description('inspect a function catalog');
  catalog
    .command('validate')
    .argument('[path]', 'catalog JSON file or folder of them', config.catalogPath)
    .description('check every function spec and report every problem')
    .action((path: string) => done(catalogValidate(path, out)));

  // Options several commands share, declared once.
  const catalogOption = (c: Command) => c.option('--catalog <path>', 'catalog JSON file or folder', config.catalogPath);
  const workflowOptions = (c: Command) => catalogOption(c).requiredOption('--workflow <file>', 'workflow JSON file (Workflow v1)');
  const dataDirOption = (c: Command) => c.option('--data-dir <dir>', 'folder holding the function index', config.dataDir);

  workflowOptions(root.command('run').description('run a workflow, showing progress per node'))
    .option('--set <assignment>', 'fill an input: NODE.PARAM=VALUE, or PARAM=VALUE for every question on PARAM (repeatable; a file input takes a path)', collect, [])
    .option('--json', 'print the run record as JSON', false)
    .option('--out-dir <dir>', 'where to save file outputs (default: a new temporary folder)')
    .action(async (opts) => done(await run(opts, out)));

  workflowOptions(root.command('diagram').description('draw a workflow as PNG, SVG or DOT'))
    .requiredOption('--out <file>', 'output file; the extension picks the format: .png, .svg or .dot')
    .action(async (opts) => done(await diagram(opts, out)));

  dataDirOption(catalogOption(root.command('index').description('build the function index of a catalog (or reuse it while the catalog is unchanged)')))
    .action(async (opts) => done(await indexCommand({ ...opts, embedder: await configuredEmbedder(config) }, out)));

  dataDirOption(
    catalogOption(
      root
        .command('plan')
        .description('plan a request into a workflow, or a JSONL file of requests into one of workflows')
        .argument('[request]', 'the request text (or use --input)'),
    ),
  )
    .option('--input <file>', 'JSONL of {"id","request"} lines to plan')
    .option('--output <file>', 'JSONL to write, one {"id","workflow"} or {"id","error"} line per input line')
    .option('--json', 'print the whole plan result (workflow, reasons, final candidates, ms) as JSON', false)
    .action(async (request: string | undefined, opts) => done(await plan(request, { ...opts, embedder: await configuredEmbedder(config) }, out)));

  dataDirOption(catalogOption(root.command('eval').description('plan every request of a data set and score the plans against gold workflows')))
    .requiredOption('--dataset <file>', 'JSONL of {"id","request","gold"} lines (gold: a Workflow v1, or a list of acceptable ones: the product format)')
    .option('--limit <n>', 'evaluate only the first N requests')
    .option('--json', 'print the report as JSON', false)
    .option('--show', 'print each request planned wrong, with what was planned and what was wanted (canonical forms)', false)
    .action(async (opts) => done(await evalCommand({ ...opts, embedder: await configuredEmbedder(config) }, out)));

  dataDirOption(catalogOption(root.command('chat').description('talk to the agent in the terminal: it plans, asks for what is missing, runs and shows the results')))
    .option('--out-dir <dir>', 'where to write diagrams and file results (default: <data-dir>/chat)')
    .action(async (opts) => {
      const agent = await openAgent({ ...config, catalogPath: opts.catalog, dataDir: opts.dataDir });
      const reader = lineReader(io.input, io.output);
      try {
        done(await chat(agent, { outDir: opts.outDir ?? join(opts.dataDir, 'chat'), fileMaxBytes: config.fileMaxBytes }, reader, out));
      } finally {
        reader.close();
        await agent.close();
      }
    });

  return root;
}

/**
 * Runs the CLI and resolves to the exit code.
 * @example
 * process.exitCode = await main(process.argv);
 */
export async function main(
  argv: string[],
  out: Output = consoleOutput,
  env: NodeJS.ProcessEnv = process.env,
  io: Terminal = { input: process.stdin, output: process.stdout },
): Promise<number> {
  let code = 0;
  try {
    await program(out, env, io, (c) => (code = c)).parseAsync(argv);
    return code;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    if (error instanceof ExitError) {
      out.error(error.message);
      return error.exitCode;
    }
    if (isCatalogError(error) || isWorkflowError(error)) {
      out.error(error.message);
      return 2;
    }
    out.error(messages.internal(error));
    return 70;
  }
}
