/**
 * @module llm/embeddings
 * Text embedders: the `Embedder` shape the function index consumes, and the OpenAI-compatible one
 * (any server speaking `/v1/embeddings`). The offline embedder lives in src/index, which owns the
 * word vectors.
 */
import { OpenAIEmbeddings } from '@langchain/openai';

/** Turns text into vectors. The function index keys its saved files by `id`, so two embedders that
 * produce different vectors must have different ids. */
export interface Embedder {
  /** Stable name of the model and its settings, e.g. `wink-sg100` or `openai:text-embedding-3-small`. */
  readonly id: string;
  /** Length of every vector this embedder returns. */
  readonly dimensions: number;
  /** One vector per text, in order. */
  embedDocuments(texts: string[]): Promise<Float32Array[]>;
  embedQuery(text: string): Promise<Float32Array>;
}

export interface OpenAIEmbedderOptions {
  apiKey: string;
  /** An OpenAI-compatible endpoint, e.g. `http://127.0.0.1:8080/v1`; the OpenAI API when absent. */
  baseURL?: string;
  /** Default `text-embedding-3-small`. */
  model?: string;
  /**
   * Vector length. Known OpenAI models need none; other models must state it. For the
   * `text-embedding-3` models a smaller value asks the server to shorten the vectors.
   */
  dimensions?: number;
  /** Attempts after a failed request (default 2). */
  maxRetries?: number;
  /** Per-request timeout in ms (default 30 s). */
  timeoutMs?: number;
}

const KNOWN_DIMENSIONS: Record<string, number> = {
  'text-embedding-3-small': 1536,
  'text-embedding-3-large': 3072,
  'text-embedding-ada-002': 1536,
};

/**
 * An embedder backed by an OpenAI-compatible embeddings endpoint. No request is made until the
 * first embed call.
 * @example
 * const embedder = createOpenAIEmbedder({ apiKey: config.openaiApiKey });
 * const v = await embedder.embedQuery('how do people feel about the new logo');
 */
export function createOpenAIEmbedder(options: OpenAIEmbedderOptions): Embedder {
  const model = options.model ?? 'text-embedding-3-small';
  const shortened = options.dimensions !== undefined && model.startsWith('text-embedding-3');
  const dimensions = options.dimensions ?? KNOWN_DIMENSIONS[model];
  if (dimensions === undefined) {
    throw new Error(`embedding model "${model}" has no known vector length; pass dimensions (the length of its vectors)`);
  }
  const client = new OpenAIEmbeddings({
    apiKey: options.apiKey,
    model,
    // Only text-embedding-3 models accept `dimensions`; sending it to others is an error on the server.
    ...(shortened ? { dimensions } : {}),
    maxRetries: options.maxRetries ?? 2,
    timeout: options.timeoutMs ?? 30_000,
    ...(options.baseURL ? { configuration: { baseURL: options.baseURL } } : {}),
  });
  const check = (v: number[]): Float32Array => {
    if (v.length !== dimensions) {
      throw new Error(`embedding model "${model}" returned ${v.length} numbers, expected ${dimensions}; pass the right dimensions`);
    }
    return Float32Array.from(v);
  };
  return {
    id: `openai:${model}${shortened ? `@${dimensions}` : ''}`,
    dimensions,
    async embedDocuments(texts) {
      if (texts.length === 0) return [];
      return (await client.embedDocuments(texts)).map(check);
    },
    async embedQuery(text) {
      return check(await client.embedQuery(text));
    },
  };
}
