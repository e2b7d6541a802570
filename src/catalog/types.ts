/**
 * @module catalog/types
 * The one home of the function-spec shapes. Every layer imports these with `import type`.
 */

/** Value types a function input or output may declare. Lower-case, as in catalog files. */
export const VALUE_TYPES = ['string', 'integer', 'number', 'boolean', 'list', 'object', 'file', 'date', 'any'] as const;
export type ValueType = (typeof VALUE_TYPES)[number];

export interface InputSpec {
  name: string;
  type: ValueType;
  description: string;
  required: boolean;
  default?: unknown;
  enum?: unknown[];
}

export interface OutputSpec {
  name: string;
  type: ValueType;
  description: string;
}

/** Knobs every runtime kind shares. */
export interface RuntimeLimits {
  /** Per-call timeout; the executor's default (30 s) applies when absent. */
  timeoutMs?: number;
  /** Extra attempts after a retryable failure (HTTP 5xx/429, timeouts); default 2. */
  retries?: number;
}

/** A local JS/TS function: `export` names the function in the module at `path` (relative to the catalog file). */
export interface ModuleRuntime extends RuntimeLimits {
  type: 'module';
  path: string;
  export: string;
}

/** A remote function: inputs are POSTed as a JSON object, a 2xx JSON object of outputs comes back. */
export interface HttpRuntime extends RuntimeLimits {
  type: 'http';
  url: string;
  headers?: Record<string, string>;
}

export type RuntimeSpec = ModuleRuntime | HttpRuntime;

export interface FunctionSpec {
  name: string;
  description: string;
  inputs: InputSpec[];
  outputs: OutputSpec[];
  runtime?: RuntimeSpec;
  /** True when calling the function changes something outside (posts a message, writes a file). */
  sideEffects?: boolean;
  /**
   * Where the function is listed when the app says what it can do. Written in the spec, or else
   * filled in by the loader from the catalog file's name (`catalog/media/media.json` → "media").
   */
  group?: string;
  /** Requests a user could write for this function, shown as examples of what the app can do. */
  examples?: string[];
}

/** A loaded, validated catalog. Module paths in `runtime` are absolute after loading. */
export interface Catalog {
  functions: FunctionSpec[];
  /** Where each function was declared (file path), for error messages. */
  sourceOf: Map<string, string>;
  get(name: string): FunctionSpec | undefined;
}

/**
 * A file moving between functions (images, charts, documents). In memory the bytes are a Uint8Array;
 * in JSON (HTTP invokers, run records) they travel as `{ name, mime, base64 }`.
 */
export interface FileValue {
  name: string;
  mime: string;
  data: Uint8Array;
}

export interface FileJson {
  name: string;
  mime: string;
  base64: string;
}
