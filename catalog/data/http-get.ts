/** HttpGet: downloads a web page or file from an http(s) URL and returns its body as text, with status and content type. */
import { httpGet as get } from './http.ts';

export async function httpGet(inputs: { url: string }): Promise<{ body: string; status: number; content_type: string }> {
  const res = await get(inputs.url);
  return { body: await res.text(), status: res.status, content_type: res.headers.get('content-type') ?? '' };
}
