// One worker of the pool: a Linter of its own, one document at a time.

import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { transferables } from './copied-text.js';
import { lintOutcome, type Wants } from './outcome.js';
import { Linter, type LintOptions } from './run.js';

export interface WorkerSetup {
  /** The run's options, less custom rule objects, which cannot cross threads. */
  options: Omit<LintOptions, 'rules'>;
}

const WARM_UP = '---\ndate: 2025-01-01\n---\n\n# Warm-up\n\nResidents told us that we will cut waiting times by 10% by 2026.\n\n- One\n- Two\n';

if (parentPort) {
  const port = parentPort;
  const { options } = workerData as WorkerSetup;
  const linter = new Linter(options);
  port.on('message', async ({ path, wants }: { path: string; wants: Wants }) => {
    try {
      const outcome = await lintOutcome(linter, path, wants);
      port.postMessage({ outcome }, outcome.print ? transferables(outcome.print) : []);
    } catch (error) {
      const e = error instanceof Error ? error : new Error(String(error));
      port.postMessage({ fatal: { name: e.name, message: e.message } });
    }
  });
  // Lexicons, patterns and the like are built on first use: paying for that before the first
  // document keeps it out of that document's time limit.
  linter
    .lintText(WARM_UP, join(linter.cwd, 'stratlint-warm-up.md'))
    .catch(() => undefined)
    .finally(() => port.postMessage({ ready: true }));
}
