/** @module catalog/errors */

export type CatalogErrorCode =
  | 'catalog.not_found'
  | 'catalog.parse'
  | 'catalog.invalid'
  | 'catalog.duplicate'
  | 'catalog.runtime_path';

/**
 * Raised when a catalog cannot be loaded. `problems` lists every issue found, each naming the file,
 * the function and the field, so one run shows everything to fix.
 */
export class CatalogError extends Error {
  override readonly name = 'CatalogError';
  constructor(
    readonly code: CatalogErrorCode,
    readonly problems: string[],
  ) {
    super(problems.length === 1 ? problems[0] : `${problems.length} problems in the catalog:\n- ${problems.join('\n- ')}`);
  }
}

export function isCatalogError(e: unknown): e is CatalogError {
  return e instanceof Error && e.name === 'CatalogError';
}
