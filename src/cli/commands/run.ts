/** `action-engine run --catalog PATH --workflow FILE [--set …]… [--json] [--out-dir DIR]` */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCatalog } from '../../catalog/index.ts';
import { createInvokers, executeWorkflow } from '../../runtime/index.ts';
import { isFileValue, toJsonValue } from '../../workflow/values.ts';
import { messages } from '../messages.ts';
import type { Output } from '../output.ts';
import { applyAnswers, readWorkflowFile } from '../workflow-file.ts';

export interface RunArgs {
  catalog: string;
  workflow: string;
  set: string[];
  json: boolean;
  outDir?: string;
}

export async function run(args: RunArgs, out: Output): Promise<number> {
  const catalog = loadCatalog(args.catalog);
  const workflow = applyAnswers(readWorkflowFile(args.workflow), catalog, args.set);
  const invokers = createInvokers();
  try {
    const record = await executeWorkflow(workflow, catalog, {
      invokers,
      onEvent: args.json ? undefined : (e) => out.error(messages.event(e)),
    });
    if (args.json) {
      out.log(JSON.stringify(toJsonValue(record), null, 2));
    } else {
      out.error(messages.summary(record));
      let dir: string | undefined;
      for (const [key, value] of Object.entries(record.outputs)) {
        if (isFileValue(value)) {
          dir ??= args.outDir ? (mkdirSync(args.outDir, { recursive: true }), args.outDir) : mkdtempSync(join(tmpdir(), 'action-engine-'));
          const path = join(dir, `${key.replace(/[^\w.-]/g, '_')}-${value.name}`);
          writeFileSync(path, value.data);
          out.log(messages.fileSaved(key, path));
        } else {
          out.log(`  ${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`);
        }
      }
    }
    return record.status === 'succeeded' ? 0 : 1;
  } finally {
    await invokers.close();
  }
}
