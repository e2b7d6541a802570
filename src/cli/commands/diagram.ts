/** `action-engine diagram --catalog PATH --workflow FILE --out FILE.(png|svg|dot)` */
import { writeFileSync } from 'node:fs';
import { extname } from 'node:path';
import { loadCatalog } from '../../catalog/index.ts';
import { renderWorkflowDiagram } from '../../workflow/index.ts';
import { validateWorkflow } from '../../workflow/validate.ts';
import { ExitError } from '../errors.ts';
import { messages } from '../messages.ts';
import type { Output } from '../output.ts';
import { readWorkflowFile } from '../workflow-file.ts';

export async function diagram(args: { catalog: string; workflow: string; out: string }, out: Output): Promise<number> {
  const format = extname(args.out).slice(1).toLowerCase();
  if (format !== 'png' && format !== 'svg' && format !== 'dot') throw new ExitError(messages.diagramFormat(args.out));
  const catalog = loadCatalog(args.catalog);
  const workflow = readWorkflowFile(args.workflow);
  validateWorkflow(workflow, catalog);
  writeFileSync(args.out, await renderWorkflowDiagram(workflow, catalog, format));
  out.log(messages.diagramWritten(args.out));
  return 0;
}
