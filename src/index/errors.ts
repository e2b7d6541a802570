/** @module index/errors */

export type IndexErrorCode = 'index.vectors_missing' | 'index.corrupt' | 'index.dimensions' | 'index.embedding' | 'index.save';

export class IndexError extends Error {
  override readonly name = 'IndexError';
  constructor(
    readonly code: IndexErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export function isIndexError(e: unknown): e is IndexError {
  return e instanceof Error && e.name === 'IndexError';
}
