// Linting for the language server: one workspace's config, ignore file and worker pool.
//
// Every document is linted in a worker of the engine's pool, under the same time and memory
// limits as a command-line run, so the server's own thread is always free to take the next
// edit, hover or shutdown. Configs are read here first, so that a bad one is told to the user
// as a config error rather than stopping the pool.

import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { CONFIG_NAMES } from '../config/load.js';
import type { FileResult } from '../core/types.js';
import { DEFAULT_MEMORY_MB, DEFAULT_TIMEOUT_MS } from '../engine/bulk.js';
import { displayPath } from '../engine/files.js';
import { IGNORE_FILE, type IgnoreMatch } from '../engine/ignore.js';
import { WorkerPool } from '../engine/pool.js';
import { Linter, type LintOptions } from '../engine/run.js';

export interface WorkspaceOptions {
  /** A config file to use instead of searching for one (`stratlint lsp --config`). */
  configFile?: string;
  trustConfig?: boolean;
  timeoutMs?: number;
  memoryMb?: number;
}

export type WorkspaceOutcome = { ignored: IgnoreMatch } | { result: FileResult };

interface Pool {
  workers: WorkerPool;
  running: number;
  /** Replaced after a config changed: closed when its last document is done. */
  retired: boolean;
}

/** Two workers: a slow document takes one, and the other documents still get linted. */
const WORKERS = Math.max(1, Math.min(2, availableParallelism()));

export class WorkspaceLinter {
  private linter: Linter;
  private pool: Pool | null = null;
  /** Counts reloads: a lint begun under an older config gives a result nobody should see. */
  generation = 0;

  constructor(
    /** Where configs may load code from, `.stratlintignore` is read and paths are shown from, as the CLI's working directory. */
    readonly root: string,
    private readonly options: WorkspaceOptions,
  ) {
    this.linter = new Linter(this.lintOptions());
  }

  /**
   * Lints the document at `path`: from `bytes` (an editor's buffer) when given, else from the
   * file. Rejects with a ConfigError for a bad config or ignore file.
   */
  async lint(path: string, bytes?: Buffer): Promise<WorkspaceOutcome> {
    const ignored = this.linter.ignores(path);
    if (ignored) return { ignored };
    await this.linter.configFor(dirname(path));
    const pool = this.start();
    pool.running++;
    try {
      const outcome = await pool.workers.run(path, { print: false, text: false }, bytes);
      if ('failure' in outcome) {
        return { result: { path: displayPath(path, this.root), format: null, referenceDate: null, findings: [], errors: [outcome.failure] } };
      }
      return { result: outcome.result };
    } catch (error) {
      // The pool stops on an error that would stop a run (a worker that cannot start): the
      // next lint gets a new one.
      this.retire(pool);
      throw error;
    } finally {
      pool.running--;
      if (pool.retired && pool.running === 0) void pool.workers.close();
    }
  }

  /** The pool of workers, started now if it is not running. */
  start(): Pool {
    this.pool ??= {
      workers: new WorkerPool({
        size: WORKERS,
        timeoutMs: this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
        memoryMb: this.options.memoryMb ?? DEFAULT_MEMORY_MB,
        setup: { options: this.lintOptions() },
      }),
      running: 0,
      retired: false,
    };
    return this.pool;
  }

  /**
   * The files whose change changes what a lint gives: every config read so far (and the files
   * they extend), each place a nearer config could appear for `documents`, and the ignore file.
   */
  watchedFiles(documents: Iterable<string>): Set<string> {
    const files = new Set<string>(this.linter.inputs);
    files.add(join(this.root, IGNORE_FILE));
    if (this.options.configFile) return files;
    for (const doc of documents) {
      for (let dir = dirname(doc); ; dir = dirname(dir)) {
        for (const name of CONFIG_NAMES) files.add(join(dir, name));
        if (dirname(dir) === dir) break;
      }
    }
    return files;
  }

  /** Forgets every config and the ignore file, and ends the workers, which hold configs of their own. */
  reload(): void {
    if (this.pool) this.retire(this.pool);
    this.linter = new Linter(this.lintOptions());
    this.generation++;
  }

  async close(): Promise<void> {
    const pool = this.pool;
    this.pool = null;
    await pool?.workers.close();
  }

  /** Takes a pool out of use; its documents in flight are let finish (closing it would lose them). */
  private retire(pool: Pool): void {
    if (this.pool === pool) this.pool = null;
    pool.retired = true;
    if (pool.running === 0) void pool.workers.close();
  }

  private lintOptions(): Omit<LintOptions, 'rules'> {
    return { cwd: this.root, configFile: this.options.configFile, trustConfig: this.options.trustConfig === true };
  }
}
