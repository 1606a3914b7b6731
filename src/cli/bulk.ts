// The command line's side of a bulk run: workers started before the engine is loaded here, and
// the progress bar.

import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { LintRun } from '../core/types.js';
import type { WorkerPool } from '../engine/pool.js';
import type { Linter, LintOptions } from '../engine/run.js';
import type { LintFlags, MainIO } from './main.js';
import { startProgress } from './progress.js';

/**
 * Starts the workers of a run with --jobs straight away: each takes time to load and warm up,
 * which then overlaps this thread loading the engine and finding the files. One named file, or
 * one job, needs none. Without --jobs, how many workers pay for themselves depends on how many
 * documents there are, so the engine starts them once the files are found (autoJobs).
 */
export async function startWorkers(paths: string[], options: LintOptions, flags: LintFlags): Promise<WorkerPool | undefined> {
  const jobs = flags.jobs;
  if (jobs === undefined || jobs < 2 || paths.length === 0) return undefined;
  if (paths.length === 1 && isFile(resolve(options.cwd ?? process.cwd(), paths[0]!))) return undefined;
  const { WorkerPool } = await import('../engine/pool.js');
  return new WorkerPool({ size: jobs, timeoutMs: flags.timeout * 1000, memoryMb: flags.maxMemory, setup: { options } });
}

export async function lintWithProgress(linter: Linter, paths: string[], flags: LintFlags, io: MainIO, workers: WorkerPool | undefined): Promise<LintRun> {
  const progress = startProgress(io.stderr, { enabled: flags.progress, env: io.env });
  try {
    return await linter.lintFiles(paths, {
      jobs: flags.jobs,
      timeoutMs: flags.timeout * 1000,
      memoryMb: flags.maxMemory,
      guardAll: flags.limitsGiven,
      workers,
      keepText: flags.format === 'html',
      compareWith: flags.compareWith,
      onProgress: progress.update,
      onWarning: (message) => {
        progress.clear();
        io.stderr.write(`stratlint: ${message}\n`);
      },
    });
  } finally {
    progress.stop();
  }
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
