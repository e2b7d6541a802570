// Worker thread that runs catalog module functions, one call at a time, so that a call that hangs
// can be stopped by terminating its worker. Plain JS so the worker starts without a loader; it
// registers tsx itself to import TypeScript modules.
import { parentPort } from 'node:worker_threads';
import { pathToFileURL } from 'node:url';
import { register } from 'tsx/esm/api';

register();
const modules = new Map();

parentPort.on('message', async ({ id, path, exportName, inputs }) => {
  try {
    let mod = modules.get(path);
    if (!mod) {
      mod = await import(pathToFileURL(path).href);
      modules.set(path, mod);
    }
    const fn = mod[exportName];
    if (typeof fn !== 'function') {
      throw Object.assign(new Error(`module ${path} has no exported function "${exportName}"`), { setup: true });
    }
    const outputs = await fn(inputs);
    parentPort.postMessage({ id, ok: true, outputs });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    parentPort.postMessage({ id, ok: false, message, retryable: Boolean(error?.retryable), setup: Boolean(error?.setup) });
  }
});
