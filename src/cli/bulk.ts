// The command line's side of a bulk run: workers started before the engine is loaded here, and
// the progress bar.

import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { LintRun } from '../core/types.js';
import type { WorkerPool } from '../engine/pool.js';
import type { Linter, LintOptions } from '../engine/run.js';
import type { LintFlags, MainIO } from './main.js';
import { say } from './say.js';
import { startProgress } from './progress.js';
import { outputClash } from './output-file.js';
import type { LintCache } from '../engine/cache.js';

/**
 * Starts the workers of a run with --jobs straight away: each takes time to load and warm up,
 * which then overlaps this thread loading the engine and finding the files. One named file, or
 * one job, needs none. Without --jobs, how many workers pay for themselves depends on how many
 * documents there are, so the engine starts them once the files are found (autoJobs).
 */
export async function startWorkers(paths: string[], options: LintOptions, flags: LintFlags): Promise<WorkerPool | undefined> {
  if (flags.jobs === undefined || flags.jobs < 2 || paths.length === 0) return undefined;
  // With a cache most documents may need no linting: workers start when one does.
  if (flags.cache) return undefined;
  // Named files are as many documents as there are names: no more workers than that. For a folder
  // the number is known only once it is searched, and the engine lets go of the workers beyond it.
  const named = paths.every((path) => isFile(resolve(options.cwd ?? process.cwd(), path)));
  const jobs = named ? Math.min(flags.jobs, paths.length) : flags.jobs;
  if (jobs < 2) return undefined;
  const { WorkerPool } = await import('../engine/pool.js');
  return new WorkerPool({ size: jobs, timeoutMs: flags.timeout * 1000, memoryMb: flags.maxMemory, setup: { options } });
}

export async function lintWithProgress(linter: Linter, paths: string[], flags: LintFlags, io: MainIO, workers: WorkerPool | undefined): Promise<LintRun> {
  const progress = startProgress(io.stderr, { enabled: flags.progress, env: io.env });
  const warn = (message: string) => {
    progress.clear();
    say(io, message);
  };
  let cache: LintCache | undefined;
  if (flags.cache) {
    const { LintCache, cacheFileAt, defaultCacheFile } = await import('../engine/cache.js');
    cache = LintCache.open(flags.cacheLocation ? cacheFileAt(flags.cacheLocation, io.cwd) : defaultCacheFile(io.cwd), warn);
  }
  try {
    const run = await linter.lintFiles(paths, {
      jobs: flags.jobs,
      timeoutMs: flags.timeout * 1000,
      memoryMb: flags.maxMemory,
      guardAll: flags.limitsGiven,
      workers,
      // The html report shows the text; --annotate checks it is the text it annotates; a
      // shard's report keeps it for a merge to show.
      keepText: flags.format === 'html' || flags.annotate !== undefined || flags.keepText === true,
      compareWith: flags.compareWith,
      shard: flags.shard,
      // Only a JSON report carries what a merge needs.
      mergeable: flags.shard !== undefined && flags.format === 'json',
      cache,
      onProgress: progress.update,
      onWarning: warn,
    });
    if (cache) {
      // Never over a document, a template or a config (a --cache-location that names one).
      const clash = outputClash(cache.file, linter.inputs);
      if (clash) throw new Error(`refusing to write the cache over ${flags.cacheLocation ?? cache.file}, which is a file stratlint reads`);
      cache.save(io.cwd);
    }
    return run;
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
