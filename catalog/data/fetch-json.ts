/** FetchJson: downloads JSON from an http(s) URL (e.g. a REST API) and returns the parsed data. */
import { httpGet } from './http.ts';

export async function fetchJson(inputs: { url: string }): Promise<{ data: unknown }> {
  const res = await httpGet(inputs.url, 'application/json');
  const text = await res.text();
  try {
    return { data: JSON.parse(text) };
  } catch {
    const type = res.headers.get('content-type') || 'no content type';
    const start = text.slice(0, 60).replace(/\s+/g, ' ');
    throw new Error(`GET ${inputs.url} did not return JSON (${type}); the body starts with ${JSON.stringify(start)}`);
  }
}
