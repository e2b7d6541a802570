/** ExtractJsonPath: picks values out of JSON data (an object or JSON text) with a JSONPath expression such as $.items[*].name. */
import { JSONPath } from 'jsonpath-plus';

export async function extractJsonPath(inputs: { json: unknown; path: string }): Promise<{ result: unknown; matches: unknown[] }> {
  let json = inputs.json;
  if (typeof json === 'string') {
    try {
      json = JSON.parse(json);
    } catch (e) {
      throw new Error(`json is text but not valid JSON (${(e as Error).message})`);
    }
  }
  if (json === null || typeof json !== 'object') throw new Error('json must be an object or array (or JSON text of one)');
  const path = String(inputs.path ?? '').trim();
  if (!path) throw new Error('path must be a JSONPath expression, e.g. $.items[0].name');
  let matches: unknown[];
  try {
    matches = JSONPath({ path, json: json as object, wrap: true, eval: 'safe' }) as unknown[];
  } catch (e) {
    throw new Error(`path "${path}" is not a valid JSONPath expression (${(e as Error).message})`);
  }
  return { result: matches[0] ?? null, matches };
}
