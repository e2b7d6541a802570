/** Shared helper for the HTTP functions: a checked GET with a timeout and error messages that name the URL. */

/** How long a GET may take before it is abandoned. */
export const HTTP_TIMEOUT_MS = 20_000;

/** An HTTP failure; `status` is set when the server answered (so callers can tell 404 from 503). */
export class HttpError extends Error {
  constructor(message: string, readonly status?: number) {
    super(message);
    this.name = 'HttpError';
  }
}

/** Parses `url` and accepts only absolute http(s) URLs. */
export function checkUrl(url: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(String(url ?? '').trim());
  } catch {
    throw new Error(`url "${url}" is not an absolute URL; give one starting with http:// or https://`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new Error(`url "${url}" uses ${parsed.protocol}; only http:// and https:// URLs can be fetched`);
  }
  return parsed;
}

/** GETs `url`, following redirects; throws on network errors, timeouts and non-2xx statuses. */
export async function httpGet(url: string, accept = '*/*'): Promise<Response> {
  const target = checkUrl(url);
  let res: Response;
  try {
    res = await fetch(target, { headers: { accept }, redirect: 'follow', signal: AbortSignal.timeout(HTTP_TIMEOUT_MS) });
  } catch (e) {
    const err = e as Error & { cause?: { message?: string } };
    if (err.name === 'TimeoutError') throw new HttpError(`GET ${target} timed out after ${HTTP_TIMEOUT_MS / 1000} s`);
    throw new HttpError(`GET ${target} failed: ${err.cause?.message ?? err.message}`);
  }
  if (!res.ok) {
    await res.body?.cancel();
    throw new HttpError(`GET ${target} returned HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}`, res.status);
  }
  return res;
}
