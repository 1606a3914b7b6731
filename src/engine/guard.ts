// Which documents are linted under the time and memory limits, in a worker of their own, when a
// run has no pool (one job, one document, standard input); and the one worker that does it.
//
// A worker costs a start-up (about a quarter of a second) that one small document should not
// pay, and it is only needed where the work is not bounded by stratlint itself. Built-in rules
// on a document of at most GUARD_OVER_BYTES are: every analysis is linear and capped
// (src/core/limits.ts), so such a document cannot come near the default limits and is linted
// in this thread. Everything else runs guarded: code or patterns from a config (plugins, YAML
// rules, lexicon additions), a large document, and every document when the user gave --timeout
// or --max-memory, since then they asked for that limit to be kept.

import { statSync } from 'node:fs';
import { dirname } from 'node:path';
import type { ResolvedConfig } from '../config/load.js';
import type { FileResult } from '../core/types.js';
import { formatOf } from '../formats/index.js';
import { readDocumentBytes, displayPath } from './files.js';
import { lintOutcome, type DocumentOutcome, type Wants } from './outcome.js';
import { WorkerPool } from './pool.js';
import type { Linter } from './run.js';

/** Markdown larger than this is linted in a guarded worker. */
export const GUARD_OVER_BYTES = 256 * 1024;
/** A .docx whose parts inflate to more than this (its XML is several times its text) too. */
export const GUARD_OVER_DOCX_BYTES = 2 * 1024 * 1024;

export interface Limits {
  timeoutMs: number;
  memoryMb: number;
  /** Every document under the limits (the user gave them on the command line). */
  always?: boolean;
}

/** Whether a config brings code or patterns of the user's own (beyond the built-in rules). */
export function bringsUserCode(config: ResolvedConfig, builtin: ReadonlyArray<unknown>): boolean {
  const known = new Set(builtin);
  for (const rule of config.ruleSet.values()) if (!known.has(rule)) return true;
  return Object.values(config.lexicons).some((terms) => terms.length > 0);
}

/** Whether a document is too large to be bounded without the limits; `bytes` when already read. */
export async function isLarge(path: string, bytes?: Buffer): Promise<boolean> {
  if (formatOf(path) !== 'docx') {
    if (bytes) return bytes.length > GUARD_OVER_BYTES;
    try {
      return statSync(path).size > GUARD_OVER_BYTES;
    } catch {
      return false;
    }
  }
  try {
    let buffer = bytes;
    if (!buffer) {
      const read = readDocumentBytes(path, 64 * 1024 * 1024);
      if (!read.ok) return false;
      buffer = read.bytes;
    }
    // The Word reader (adm-zip, saxes) is loaded only for a .docx, as the adapter is.
    const { ZipPackage } = await import('../formats/docx/zip.js');
    return new ZipPackage(buffer).declaredBytes > GUARD_OVER_DOCX_BYTES;
  } catch {
    // Not a zip stratlint can read: the adapter refuses it at once, wherever it runs.
    return false;
  }
}

/**
 * Lints documents one at a time, each in this thread or, when it needs the limits, in a worker
 * started on first need and kept for the next.
 */
export class GuardedRunner {
  private pool: WorkerPool | null = null;

  constructor(
    private readonly linter: Linter,
    private readonly limits: Limits,
  ) {}

  async needsGuard(path: string, bytes?: Buffer): Promise<boolean> {
    // Rule objects handed to the Linter directly cannot cross to a worker.
    if (this.linter.options.rules) return false;
    if (this.limits.always) return true;
    if (bringsUserCode(await this.linter.configFor(dirname(path)), this.linter.rules)) return true;
    return isLarge(path, bytes);
  }

  async run(path: string, wants: Wants, bytes?: Buffer): Promise<DocumentOutcome> {
    if (!(await this.needsGuard(path, bytes))) return lintOutcome(this.linter, path, wants, bytes);
    const { rules: _, ...portable } = this.linter.options;
    this.pool ??= new WorkerPool({
      size: 1,
      timeoutMs: this.limits.timeoutMs,
      memoryMb: this.limits.memoryMb,
      setup: { options: { ...portable, cwd: this.linter.cwd } },
    });
    const outcome = await this.pool.run(path, wants, bytes);
    if (!('failure' in outcome)) return outcome;
    const result: FileResult = { path: displayPath(path, this.linter.cwd), format: null, referenceDate: null, findings: [], errors: [outcome.failure] };
    return { result };
  }

  async close(): Promise<void> {
    await this.pool?.close();
  }
}

/** Lints bytes already read (standard input) as `path`, under the limits when it needs them. */
export async function lintBytesGuarded(linter: Linter, bytes: Buffer, path: string, limits: Limits): Promise<FileResult> {
  const runner = new GuardedRunner(linter, limits);
  try {
    return (await runner.run(path, { print: false, text: false }, bytes)).result;
  } finally {
    await runner.close();
  }
}
