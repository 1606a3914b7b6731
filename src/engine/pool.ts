// A pool of worker threads, each linting one document at a time.
//
// Written over node:worker_threads rather than taken from piscina: what a bulk run needs from a
// pool is mostly about failure, and that is where the two differ. A document's time limit must
// start when a worker takes it up, not when it is queued; a worker that runs out of memory,
// crashes or overruns must become that one document's error with a stable code, and be replaced
// while the rest go on; and documents are handed out one at a time, so a run of any size never
// holds more than one document per worker in flight. That is under two hundred lines here, and
// spares the dependency and its optional native module.

import { Worker } from 'node:worker_threads';
import type { FileError } from '../core/types.js';
import type { DocumentOutcome, Wants } from './outcome.js';
import type { WorkerSetup } from './worker.js';

/** How long a worker may take to load and warm up, at least. */
const START_TIMEOUT_MS = 60_000;

export interface PoolOptions {
  size: number;
  /** How long one document may take, from when a worker starts on it. */
  timeoutMs: number;
  /** The most memory one worker's heap may use. */
  memoryMb: number;
  setup: WorkerSetup;
}

/** A document's outcome, or why the pool gave up on it. */
export type PoolOutcome = DocumentOutcome | { failure: FileError };

interface Task {
  path: string;
  wants: Wants;
  /** The document's bytes when they are not in a file (standard input). */
  bytes?: Uint8Array;
  resolve(outcome: PoolOutcome): void;
  reject(error: Error): void;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  done: boolean;
  task: Task | null;
  timer?: NodeJS.Timeout;
}

type WorkerMessage = { ready: true } | { outcome: DocumentOutcome } | { fatal: { name: string; message: string } };

export class WorkerPool {
  private readonly slots = new Set<Slot>();
  private readonly queue: Task[] = [];
  private broken: Error | null = null;
  private closed = false;

  constructor(private readonly options: PoolOptions) {
    this.options = { ...options };
    for (let i = 0; i < options.size; i++) this.spawn();
  }

  get size(): number {
    return this.options.size;
  }

  run(path: string, wants: Wants, bytes?: Uint8Array): Promise<PoolOutcome> {
    if (this.broken) return Promise.reject(this.broken);
    if (this.closed) return Promise.reject(new Error('the worker pool is closed'));
    return new Promise((resolve, reject) => {
      this.queue.push({ path, wants, bytes, resolve, reject });
      this.pump();
    });
  }

  /**
   * Ends workers beyond `size` that have no document (a run with fewer documents than jobs).
   * Only before any document is handed out, so no work is lost.
   */
  shrink(size: number): void {
    for (const slot of [...this.slots]) {
      if (this.slots.size <= size) break;
      if (slot.task) continue;
      slot.done = true;
      clearTimeout(slot.timer);
      this.slots.delete(slot);
      void slot.worker.terminate();
    }
    this.options.size = this.slots.size;
  }

  /** Ends the workers; safe to call more than once. */
  async close(): Promise<void> {
    this.closed = true;
    const exits = [...this.slots].map((slot) => {
      slot.done = true;
      clearTimeout(slot.timer);
      return slot.worker.terminate();
    });
    this.slots.clear();
    await Promise.all(exits);
  }

  private spawn(): void {
    const worker = new Worker(new URL('./worker.js', import.meta.url), {
      workerData: this.options.setup,
      resourceLimits: { maxOldGenerationSizeMb: this.options.memoryMb },
      // Standard output is the report's, or the language server's protocol: what a plugin
      // prints in a worker goes to standard error instead.
      stdout: true,
    });
    worker.stdout.pipe(process.stderr, { end: false });
    const slot: Slot = { worker, ready: false, done: false, task: null };
    this.slots.add(slot);
    // Starting runs no document and no user code (see worker.ts), so it is not held to a
    // document's limit: a short --timeout on a busy machine must not fail every worker.
    const startMs = Math.max(this.options.timeoutMs, START_TIMEOUT_MS);
    slot.timer = setTimeout(() => this.onEnd(slot, new Error(`not ready after ${startMs / 1000} s`)), startMs);
    worker.on('message', (message: WorkerMessage) => this.onMessage(slot, message));
    worker.on('error', (error) => this.onEnd(slot, error));
    worker.on('exit', (code) => this.onEnd(slot, new Error(`exit code ${code}`)));
  }

  private pump(): void {
    for (const slot of this.slots) {
      if (this.queue.length === 0) return;
      if (!slot.ready || slot.task || slot.done) continue;
      const task = this.queue.shift()!;
      slot.task = task;
      slot.timer = setTimeout(() => this.onTimeout(slot), this.options.timeoutMs);
      slot.worker.postMessage({ path: task.path, wants: task.wants, bytes: task.bytes });
    }
  }

  private onMessage(slot: Slot, message: WorkerMessage): void {
    if (slot.done) return;
    if ('ready' in message) {
      clearTimeout(slot.timer);
      slot.ready = true;
      this.pump();
      return;
    }
    const task = this.finish(slot);
    if (!task) return;
    if ('fatal' in message) {
      // A bad config or the like: the run stops, as it would in one thread.
      const error = new Error(message.fatal.message);
      error.name = message.fatal.name;
      this.fail(error);
      task.reject(error);
      return;
    }
    task.resolve(message.outcome);
    this.pump();
  }

  private onTimeout(slot: Slot): void {
    if (slot.done || !slot.task) return;
    const seconds = this.options.timeoutMs / 1000;
    this.retire(slot, {
      code: 'timeout',
      message: `Gave up on the file after ${seconds} s (raise the limit with --timeout)`,
    });
  }

  private onEnd(slot: Slot, error: Error & { code?: string }): void {
    if (slot.done) return;
    if (!slot.ready) {
      // A worker that cannot even start would fail every document the same way.
      this.fail(new Error(`could not start a worker: ${oneLine(error.message)}`));
      this.retire(slot, null);
      return;
    }
    this.retire(
      slot,
      error.code === 'ERR_WORKER_OUT_OF_MEMORY'
        ? { code: 'out-of-memory', message: `Linting the file needed more than ${this.options.memoryMb} MB of memory (raise the limit with --max-memory)` }
        : { code: 'worker-failed', message: `Linting the file stopped its worker (${oneLine(error.message)})` },
    );
  }

  /** Ends a worker, gives its document (if any) the error, and starts another in its place. */
  private retire(slot: Slot, error: FileError | null): void {
    const task = this.finish(slot);
    slot.done = true;
    this.slots.delete(slot);
    void slot.worker.terminate();
    if (task && error) task.resolve({ failure: error });
    if (!this.closed && !this.broken) {
      this.spawn();
      this.pump();
    }
  }

  private finish(slot: Slot): Task | null {
    clearTimeout(slot.timer);
    const task = slot.task;
    slot.task = null;
    return task;
  }

  private fail(error: Error): void {
    this.broken ??= error;
    for (const task of this.queue.splice(0)) task.reject(error);
    for (const slot of this.slots) {
      const task = this.finish(slot);
      task?.reject(error);
    }
  }
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
