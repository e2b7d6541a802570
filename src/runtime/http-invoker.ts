/**
 * @module runtime/http-invoker
 * Runs `{"type":"http"}` functions: POST the inputs as a JSON object, expect a 2xx JSON object of
 * outputs. Non-2xx answers, bodies that are not a JSON object, timeouts and network errors are
 * clear failures; 5xx, 429, timeouts and network errors are marked retryable.
 */
import type { FunctionSpec } from '../catalog/types.ts';
import { toJsonValue } from '../workflow/values.ts';
import { ExecutionError } from './errors.ts';
import type { InvokeOptions, Invoker } from './invoker.ts';

/** The URL without query string or credentials, safe to show in messages and logs. */
function shownUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.origin}${u.pathname}`;
  } catch {
    return '(invalid URL)';
  }
}

function snippet(text: string): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > 200 ? `${one.slice(0, 197)}...` : one;
}

export class HttpInvoker implements Invoker {
  async invoke(spec: FunctionSpec, inputs: Record<string, unknown>, { timeoutMs }: InvokeOptions) {
    const runtime = spec.runtime;
    if (runtime?.type !== 'http') throw new ExecutionError('execution.no_runtime', `${spec.name} is not an HTTP function`);
    const where = `POST ${shownUrl(runtime.url)}`;
    let response: Response;
    let text: string;
    try {
      response = await fetch(runtime.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json', ...runtime.headers },
        body: JSON.stringify(toJsonValue(inputs)),
        signal: AbortSignal.timeout(timeoutMs),
      });
      text = await response.text();
    } catch (error) {
      const e = error as Error & { cause?: { code?: string } };
      if (e.name === 'TimeoutError' || e.name === 'AbortError') {
        throw new ExecutionError('execution.timeout', `timed out after ${timeoutMs} ms (${where})`, true);
      }
      const reason = e.cause?.code ?? e.message;
      throw new ExecutionError('execution.http', `could not reach ${where}: ${reason}`, true, { cause: error });
    }
    if (!response.ok) {
      const retryable = response.status >= 500 || response.status === 429;
      const body = snippet(text);
      throw new ExecutionError(
        'execution.http',
        `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''} from ${where}${body ? `: ${body}` : ''}`,
        retryable,
      );
    }
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw new ExecutionError('execution.http', `${where} answered ${response.status} with a body that is not JSON: ${snippet(text) || '(empty)'}`);
    }
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      throw new ExecutionError('execution.http', `${where} answered with JSON that is not an object of outputs: ${snippet(text)}`);
    }
    return body as Record<string, unknown>;
  }
}
