/** @module catalog — load and validate function specs. */
export { loadCatalog, makeCatalog, parseCatalogDocument } from './load.ts';
export { CatalogError, isCatalogError } from './errors.ts';
export { VALUE_TYPES } from './types.ts';
export type * from './types.ts';
