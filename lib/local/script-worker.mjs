// Runs one TypeScript module's default export in a worker thread with its own environment
// (the functions' environment), then reports back. Plain JS so it loads without a loader.

import { pathToFileURL } from 'node:url';
import { parentPort, workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
try {
  const module = await import(pathToFileURL(workerData.module).href);
  const result = await module.default(workerData.input);
  parentPort.postMessage({ ok: true, result });
} catch (error) {
  parentPort.postMessage({ ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
}
