// Linting many documents: over a pool of worker threads when there are several documents and
// more than one job, in this thread otherwise (starting workers costs more than one document);
// then copied text across the documents. Either way the results are the same, byte for byte.

import { availableParallelism } from 'node:os';
import { dirname } from 'node:path';
import { configForDocument, type RuleConfig } from '../config/load.js';
import type { RuleMeta } from '../core/rule.js';
import type { FileResult, Severity } from '../core/types.js';
import type { CopyPrint } from './copied-text.js';
import { addCopiedText, type CopySetting } from './copied-findings.js';
import type { LintCache } from './cache.js';
import { discoverFiles, displayPath, outsideLinksNote, readDocumentBytes, realPath } from './files.js';
import { compareFindings } from './lint-document.js';
import { GuardedRunner } from './guard.js';
import type { DocumentOutcome, Wants } from './outcome.js';
import { WorkerPool } from './pool.js';
import { DEFAULT_MAX_FILE_SIZE, type Linter } from './run.js';
import { inShard, type Shard } from './shard.js';

export const DEFAULT_TIMEOUT_MS = 60_000;
/**
 * Without a number of jobs, a worker is started for each this many documents: a worker loads
 * the engine and warms up before it is up to speed (in one thread the first ten medium documents
 * took 2.2 s, later tens 0.5-0.7 s), which takes some forty documents to earn back.
 */
export const DOCUMENTS_PER_WORKER = 50;
/**
 * On two cores or fewer, no pool for fewer documents than this. There one thread already keeps
 * about 1.3 cores busy (V8 compiles and collects garbage on threads of its own), and two workers
 * cost 20-35% more CPU than one thread (their engine loads and JIT warm-ups). What they save in
 * time grows with the run: alternating --jobs 1 and 2 three times on shares of 143 to 483 mixed
 * documents, two workers took 1.01-1.17x less time below 250 documents, 1.10-1.16x at 268 and
 * 1.18-1.35x at 376 to 483. From here they save a tenth of the time or more, which is what a
 * user waits for (a CI runner is billed by the minute, not by the core).
 */
export const FEW_CORES_POOL_DOCUMENTS = 300;
export const DEFAULT_MEMORY_MB = 2048;
const COPIED_TEXT = 'copied-text';

export interface BulkOptions {
  /**
   * How many documents to lint at once; 1 lints in this thread. Default: autoJobs.
   */
  jobs?: number;
  /** How long one document may take. */
  timeoutMs?: number;
  /** The most heap one document may use. */
  memoryMb?: number;
  /**
   * Every document under the time and memory limits, in a worker even with one job (the user
   * gave the limits). Otherwise, with one job, only those that need them (src/engine/guard.ts).
   */
  guardAll?: boolean;
  /** Keep each document's text in its result, for a report that shows it. */
  keepText?: boolean;
  /** Folders, files or globs of templates and earlier strategies to find copied text in (not linted). */
  compareWith?: string[];
  /**
   * Workers the caller started early, so that they load while this thread does; used when the
   * run would use workers, and closed in any case. Their size is the number of jobs.
   */
  workers?: WorkerPool;
  /** Take unchanged documents' outcomes from here, and store the others' (`--cache`). */
  cache?: LintCache;
  /** Lint only this share of the documents found (`--shard i/n`). */
  shard?: Shard;
  /**
   * Keep what `stratlint merge` needs to join this run with others (BulkOutcome.material): each
   * document's print and copied-text setting; copied text across documents is left to the merge.
   */
  mergeable?: boolean;
  onProgress?(progress: Progress): void;
  /** Something the user should know that is not a document's error (an unreadable template). */
  onWarning?(message: string): void;
}

export interface Progress {
  done: number;
  total: number;
  /** The document most recently started. */
  current: string | null;
}

/** One linted document as `stratlint merge` needs it. */
export interface MergeDocument {
  /** Its place among all the documents the run found, in every shard alike. */
  order: number;
  /** Its result, without copied text across documents. */
  result: FileResult;
  print?: CopyPrint;
  copy: CopySetting | null;
}

export interface MergeMaterial {
  /** How many documents the whole run found, all shards together. */
  found: number;
  documents: MergeDocument[];
  /** --compare-with templates: matched, not linted; the same in every shard. */
  templates: Array<{ order: number; path: string; print?: CopyPrint }>;
}

export interface BulkOutcome {
  results: FileResult[];
  material?: MergeMaterial;
}

interface Executor {
  slots: number;
  run(path: string, bytes?: Buffer): Promise<DocumentOutcome>;
  close(): Promise<void>;
}

export async function lintMany(linter: Linter, found: string[], options: BulkOptions = {}): Promise<BulkOutcome> {
  // Every config is read before any document, so a bad one stops the run before work is done;
  // in every shard alike, so that each knows the same rules and a bad config stops them all.
  const copyFound: Array<CopySetting | null> = [];
  for (const file of found) {
    const config = configForDocument(await linter.configFor(dirname(file)), file, linter.options.ruleSettings);
    copyFound.push(copySetting(config.ruleSet.get(COPIED_TEXT)?.meta, config.rules.get(COPIED_TEXT), config.ruleSet.keys()));
  }
  const templates = await discoverTemplates(linter, found, options);
  // Whether copied text is looked for depends on the whole run, not on this shard's share.
  const print = found.length + templates.length > 1 && copyFound.some((c) => c !== null);
  const shard = options.shard;
  const picked = shard ? found.map((_, i) => i).filter((i) => inShard(displayPath(found[i]!, linter.cwd), shard)) : found.map((_, i) => i);
  const files = picked.map((i) => found[i]!);
  const copy = picked.map((i) => copyFound[i]!);
  const tasks = [...files, ...templates];
  // Workers read them, but the command line must know them all: the report is never written over one.
  for (const task of tasks) linter.inputs.add(task);
  const wants: Wants = { print, text: options.keepText === true };

  const results: FileResult[] = new Array(files.length);
  const prints: Array<CopyPrint | undefined> = new Array(tasks.length);
  const executor = openExecutor(linter, tasks.length, wants, options);
  const cache = options.cache;
  const maxFileSize = linter.options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  // With a cache, the bytes are read here, to key the document by them, and handed to the
  // executor, so that what is linted is what was keyed.
  // Each task's key, so that a run of documents all unchanged can take copied text from the cache too.
  const keys: Array<string | null> = new Array(tasks.length).fill(null);
  const lintTask = async (path: string, index: number): Promise<DocumentOutcome> => {
    if (!cache) return executor.run(path);
    const read = readDocumentBytes(path, maxFileSize);
    if (!read.ok) return executor.run(path);
    const key = await cache.keyFor(linter, path, read.bytes);
    keys[index] = key;
    const cached = cache.get(linter, path, key, wants);
    if (cached) return cached;
    const outcome = await executor.run(path, read.bytes);
    cache.set(linter, path, key, outcome);
    return outcome;
  };
  let next = 0;
  let done = 0;
  const progress = (current: string | null) => options.onProgress?.({ done, total: tasks.length, current });
  const drain = async () => {
    while (next < tasks.length) {
      const index = next++;
      progress(displayPath(tasks[index]!, linter.cwd));
      const outcome = await lintTask(tasks[index]!, index);
      prints[index] = outcome.print;
      if (index < files.length) results[index] = outcome.result;
      else for (const error of outcome.result.errors) options.onWarning?.(`--compare-with: ${outcome.result.path}: ${error.message} (not compared)`);
      done++;
      progress(null);
    }
  };
  try {
    await Promise.all(Array.from({ length: executor.slots }, drain));
  } finally {
    await executor.close();
  }

  const paths = tasks.map((t) => displayPath(t, linter.cwd));
  // A shard's report for merge holds its results as linted alone: copied text across documents,
  // which needs every shard, is found by the merge.
  if (options.mergeable) {
    const material: MergeMaterial = {
      found: found.length,
      documents: files.map((_, i) => ({ order: picked[i]!, result: results[i]!, ...(prints[i] ? { print: prints[i] } : {}), copy: copy[i]! })),
      templates: templates.map((_, j) => ({ order: found.length + j, path: paths[files.length + j]!, ...(prints[files.length + j] ? { print: prints[files.length + j] } : {}) })),
    };
    return { results, material };
  }
  if (!wants.print) return { results };
  // The same documents, none changed, as the last run with the cache: the same copied text.
  const runKey = cache && keys.every((k) => k !== null) ? cache.runKey(keys as string[]) : null;
  const remembered = runKey ? cache!.copiedText(runKey) : undefined;
  if (remembered) {
    results.forEach((result) => {
      const added = remembered[result.path];
      if (!added) return;
      result.findings = [...result.findings, ...added.findings].sort(compareFindings);
      result.scorecard = added.scorecard;
    });
  } else {
    const added = addCopiedText(results, prints, copy, paths);
    if (runKey) {
      cache!.rememberCopiedText(runKey, Object.fromEntries([...added].map(([i, findings]) => [results[i]!.path, { findings, scorecard: results[i]!.scorecard }])));
    }
  }
  return { results };
}

function copySetting(meta: RuleMeta | undefined, setting: RuleConfig | undefined, known: Iterable<string>): CopySetting | null {
  if (!meta || !setting || setting.severity === 'off') return null;
  return {
    meta: { id: meta.id, sign: meta.sign, fix: meta.fix, docs: meta.docs ?? `rules/${meta.id}.md` },
    severity: setting.severity as Severity,
    minWords: Number(setting.options['minWords'] ?? 25),
    knownRuleIds: [...known],
  };
}

function openExecutor(linter: Linter, tasks: number, wants: Wants, options: BulkOptions): Executor {
  const jobs = Math.max(1, Math.min(Math.floor(options.workers?.size ?? options.jobs ?? autoJobs(tasks)), tasks));
  // Workers started early, before the documents were counted, beyond one per document.
  if (options.workers && jobs > 1 && options.workers.size > jobs) options.workers.shrink(jobs);
  // Rule objects handed to the Linter directly cannot cross to a worker; they run here.
  if (jobs === 1 || linter.options.rules) {
    const guarded = new GuardedRunner(linter, {
      timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      memoryMb: options.memoryMb ?? DEFAULT_MEMORY_MB,
      always: options.guardAll,
    });
    return {
      slots: 1,
      run: (path, bytes) => guarded.run(path, wants, bytes),
      close: async () => {
        await Promise.all([guarded.close(), options.workers?.close()]);
      },
    };
  }
  const { rules: _, ...portable } = linter.options;
  // Started when the first document needs linting: with a cache, a run may need none.
  let pool = options.workers;
  const run = async (path: string, bytes?: Buffer): Promise<DocumentOutcome> => {
    pool ??= new WorkerPool({
      size: jobs,
      timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      memoryMb: options.memoryMb ?? DEFAULT_MEMORY_MB,
      setup: { options: { ...portable, cwd: linter.cwd } },
    });
    const outcome = await pool.run(path, wants, bytes);
    if (!('failure' in outcome)) return outcome;
    return { result: { path: displayPath(path, linter.cwd), format: null, referenceDate: null, findings: [], errors: [outcome.failure] } };
  };
  return { slots: jobs, run, close: async () => pool?.close() };
}

/**
 * The jobs for a run of `documents` when none were asked for: a worker per DOCUMENTS_PER_WORKER
 * documents, up to one per core, and on two cores none below FEW_CORES_POOL_DOCUMENTS. Below
 * that, on 2 cores, two workers were about as fast as one thread (0.95-1.17x on 32 to 250
 * documents) for 20-40% more CPU, so a run of that size stays in this thread, where the guard
 * still keeps the time and memory limits on every document that needs them (src/engine/guard.ts).
 */
export function autoJobs(documents: number, cores = availableParallelism()): number {
  if (cores <= 2 && documents < FEW_CORES_POOL_DOCUMENTS) return 1;
  return Math.max(1, Math.min(cores, Math.floor(documents / DOCUMENTS_PER_WORKER)));
}

async function discoverTemplates(linter: Linter, files: string[], options: BulkOptions): Promise<string[]> {
  if (!options.compareWith?.length) return [];
  const found = await discoverFiles(options.compareWith, linter.cwd);
  for (const { path, error } of found.missing) options.onWarning?.(`--compare-with: ${path}: ${error.message}`);
  const note = outsideLinksNote(found.outside, linter.cwd);
  if (note) options.onWarning?.(`--compare-with: ${note}`);
  const linted = new Set(files.map(realPath));
  return found.files.filter((f) => !linted.has(realPath(f)));
}
