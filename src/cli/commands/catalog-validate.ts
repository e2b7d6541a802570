/** `action-engine catalog validate PATH` */
import { loadCatalog } from '../../catalog/index.ts';
import { messages } from '../messages.ts';
import type { Output } from '../output.ts';

export function catalogValidate(path: string, out: Output): number {
  const catalog = loadCatalog(path);
  out.log(messages.catalogOk(catalog.functions.length, path));
  return 0;
}
