// The lint cache (`--cache`): a document whose bytes, effective config, plugins and rules and
// stratlint version are all as they were at the last run is not linted again; its outcome is
// taken from the cache, as ESLint's and Prettier's caches do. What the cache gives is exactly
// what linting gave, so the report is the same with it as without.
//
// A key hashes (SHA-256) stratlint's version, every file that decides the document's config
// (the config files of its chain, and the plugin modules, their package.json and the YAML rules
// those load), the command line's settings, the document's path (overrides match on it) and its
// bytes. A result that rests on today's date (a document with no date of its own) is good for
// that day only. The file is read once, written whole by a rename, and a damaged one is set
// aside with one warning.

import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import envPaths from 'env-paths';
import type { ResolvedConfig } from '../config/load.js';
import { packageVersion } from '../core/package-root.js';
import type { FileResult, Finding } from '../core/types.js';
import { writeWhole } from '../io/write.js';
import { asciiJson, readJsonText } from '../core/ascii-json.js';
import { decodePrint, encodePrint, type EncodedPrint } from './copied-text.js';
import { displayPath } from './files.js';
import type { DocumentOutcome, Wants } from './outcome.js';
import type { Linter } from './run.js';

/** The cache file's own format; a file of another is started afresh. */
const FORMAT = 1;

interface Entry {
  key: string;
  /** The day (UTC) a result that used today's date as its reference date is good for. */
  day?: string;
  result: FileResult;
  print?: EncodedPrint;
}

/** The copied-text findings a run added, by document path, and the scorecards they made. */
export type CopiedText = Record<string, { findings: Finding[]; scorecard: FileResult['scorecard'] }>;

interface CacheFile {
  format: number;
  stratlint: string;
  entries: Record<string, Entry>;
  /** The last run's copied text, under the key of its documents (runKey). */
  copiedText?: { key: string; added: CopiedText };
}

/**
 * Where the cache lives when --cache-location is not given: the user's cache folder
 * (~/.cache/stratlint on Linux, ~/Library/Caches/stratlint on macOS, %LOCALAPPDATA% on
 * Windows), one file per working folder, so that it is never inside a folder being linted.
 */
export function defaultCacheFile(cwd: string): string {
  const id = createHash('sha256').update(cwd).digest('hex').slice(0, 16);
  return join(envPaths('stratlint', { suffix: '' }).cache, `${id}.json`);
}

/** --cache-location as given: a folder (one that exists, or a path ending in a slash) gets the file inside it. */
export function cacheFileAt(location: string, cwd: string): string {
  const path = resolve(cwd, location);
  let folder = /[\\/]$/.test(location);
  try {
    folder ||= statSync(path).isDirectory();
  } catch {
    // not there yet: a file
  }
  return folder ? join(path, '.stratlintcache') : path;
}

export class LintCache {
  private readonly entries: Record<string, Entry>;
  private copied: CacheFile['copiedText'];
  private readonly version = packageVersion();
  private readonly configDigests = new Map<ResolvedConfig, string>();
  private changed = false;

  private constructor(
    readonly file: string,
    entries: Record<string, Entry>,
    copied?: CacheFile['copiedText'],
  ) {
    this.entries = entries;
    this.copied = copied;
  }

  /** Reads the cache at `file`: none yet is an empty cache, and so is one that cannot be read, with a warning. */
  static open(file: string, onWarning: (message: string) => void): LintCache {
    let text: string;
    try {
      text = readJsonText(file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
        onWarning(`warning: cannot read the cache ${file} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); linting every document`);
      }
      return new LintCache(file, {});
    }
    try {
      const data = JSON.parse(text) as CacheFile;
      if (!data || typeof data !== 'object' || typeof data.entries !== 'object' || data.entries === null || Array.isArray(data.entries)) throw new Error('not a cache');
      if (data.format !== FORMAT || data.stratlint !== packageVersion()) return new LintCache(file, {});
      return new LintCache(file, data.entries, data.copiedText);
    } catch {
      onWarning(`warning: the cache ${file} is damaged and was ignored; linting every document`);
      return new LintCache(file, {});
    }
  }

  /** The key of a document's outcome, from everything that decides it. */
  async keyFor(linter: Linter, path: string, bytes: Buffer): Promise<string> {
    const config = await linter.configFor(dirname(path));
    let digest = this.configDigests.get(config);
    if (digest === undefined) {
      digest = digestConfig(config, this.version);
      this.configDigests.set(config, digest);
    }
    const { ruleSettings, referenceDate, failUnder, maxFileSize } = linter.options;
    return createHash('sha256')
      .update(digest)
      .update(JSON.stringify({ ruleSettings, referenceDate, failUnder, maxFileSize, path: relativeKey(linter, path) }))
      .update(bytes)
      .digest('hex');
  }

  /** The outcome stored under `key` for the document, if it has what this run wants. */
  get(linter: Linter, path: string, key: string, wants: Wants): DocumentOutcome | undefined {
    const entry = this.entries[relativeKey(linter, path)];
    if (!entry || entry.key !== key) return undefined;
    if (entry.day !== undefined && entry.day !== today()) return undefined;
    if (wants.print && !entry.print) return undefined;
    if (wants.text && entry.result.text === undefined) return undefined;
    // The run replaces findings and other fields of its results: a copy, never the entry.
    const { text, ...rest } = entry.result;
    const result: FileResult = wants.text ? { ...rest, text: text! } : rest;
    return entry.print ? { result, print: decodePrint(entry.print) } : { result };
  }

  /**
   * Stores a document's outcome. Results with a file error are not kept: a timeout or a failed
   * worker says nothing about the next run, and the others cost next to nothing to find again.
   */
  set(linter: Linter, path: string, key: string, outcome: DocumentOutcome): void {
    const { result, print } = outcome;
    if (result.errors.length > 0) return;
    const day = result.referenceDate === today() ? { day: today() } : {};
    this.entries[relativeKey(linter, path)] = { key, ...day, result: { ...result }, ...(print ? { print: encodePrint(print) } : {}) };
    this.changed = true;
  }

  /** The key of a run's documents, from each one's key in order (templates after documents). */
  runKey(keys: readonly string[]): string {
    return createHash('sha256').update(keys.join('\n')).digest('hex');
  }

  /** The copied text of the last run, when it was over these same documents, unchanged. */
  copiedText(runKey: string): CopiedText | undefined {
    return this.copied?.key === runKey ? this.copied.added : undefined;
  }

  rememberCopiedText(runKey: string, added: CopiedText): void {
    this.copied = { key: runKey, added };
    this.changed = true;
  }

  /** Writes the cache back whole, less the entries of documents that are gone. */
  save(cwd: string): void {
    for (const path of Object.keys(this.entries)) {
      try {
        statSync(resolve(cwd, path));
      } catch {
        delete this.entries[path];
        this.changed = true;
      }
    }
    if (!this.changed) return;
    const data: CacheFile = { format: FORMAT, stratlint: this.version, entries: this.entries, ...(this.copied ? { copiedText: this.copied } : {}) };
    // In ASCII, which the next run reads back several times as fast (src/core/ascii-json.ts).
    writeWhole(this.file, asciiJson(data), 'the cache');
  }
}

function relativeKey(linter: Linter, path: string): string {
  return displayPath(path, linter.cwd);
}

function digestConfig(config: ResolvedConfig, version: string): string {
  const hash = createHash('sha256').update(`stratlint ${version}\0`);
  for (const file of [...config.files, ...config.sources]) {
    hash.update(`${file}\0`);
    try {
      hash.update(readFileSync(file));
    } catch {
      hash.update('\0unreadable\0');
    }
    hash.update('\0');
  }
  return hash.digest('hex');
}

function today(): string {
  return new Date().toISOString().slice(0, 10);
}
