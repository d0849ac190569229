import { Worker } from 'node:worker_threads';

/**
 * Runs `module`'s default export in a worker thread with a function's environment, so local
 * jobs (seeding demo data) use the very store code the handlers use, against the emulators,
 * without touching this process's environment.
 */
export function runAsFunction<T>(module: string, input: unknown, environment: Record<string, string>): Promise<T> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./script-worker.mjs', import.meta.url), {
      workerData: { module, input },
      env: { ...environment },
    });
    worker.once('message', (message: { ok: boolean; result?: T; error?: string }) => {
      void worker.terminate();
      if (message.ok) resolve(message.result as T);
      else reject(new Error(message.error));
    });
    worker.once('error', reject);
  });
}
