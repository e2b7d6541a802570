/** @module llm — model clients; the only folder that imports provider SDKs. */
export { createOpenAIEmbedder, type Embedder, type OpenAIEmbedderOptions } from './embeddings.ts';
