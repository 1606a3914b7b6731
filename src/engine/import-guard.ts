// A plugin's module runs code as it is imported, and a config loads it in the main thread,
// where no limit can stop it: a loop there would hang the run before any document's time limit
// starts. So the module is first imported in a worker of its own under the run's limits (the
// same --timeout and --max-memory as a document); only when that finishes is it imported here.
// The module's top-level code thus runs twice; a plugin whose top level only defines rules, as
// plugins do, does not notice. The worker loads one small module (about 80 ms of CPU, most of
// it Node starting a thread), paid only by runs that load a plugin.

import { Worker } from 'node:worker_threads';

export interface ImportLimits {
  timeoutMs: number;
  memoryMb: number;
}

/** Why the module at `href` cannot be imported within the limits, or null when it can be. */
export function importProblem(href: string, limits: ImportLimits): Promise<string | null> {
  return new Promise((resolve) => {
    const worker = new Worker(new URL('./import-probe.js', import.meta.url), {
      workerData: { href },
      resourceLimits: { maxOldGenerationSizeMb: limits.memoryMb },
      // What the module prints while being tried is printed again when it is imported for real.
      stdout: true,
      stderr: true,
    });
    let settled = false;
    const settle = (problem: string | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      resolve(problem);
    };
    const timer = setTimeout(
      () => settle(`it did not finish loading within ${limits.timeoutMs / 1000} s (raise the limit with --timeout)`),
      limits.timeoutMs,
    );
    worker.on('message', () => settle(null));
    worker.on('error', (error: Error & { code?: string }) =>
      settle(
        error.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? `loading it needed more than ${limits.memoryMb} MB of memory (raise the limit with --max-memory)`
          : null,
      ),
    );
    // A top-level await that never settles ends the worker with nothing said.
    worker.on('exit', () => settle('it never finished loading (its top-level code waits for ever)'));
  });
}
