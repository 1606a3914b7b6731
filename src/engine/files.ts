// Finding the documents to lint, and reading one safely: a file that is too big, empty,
// binary or not UTF-8 becomes a one-line error on that file, never a crash.

import { readFileSync, statSync } from 'node:fs';
import { extname, relative, resolve } from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import type { FileError } from '../core/types.js';
import { FORMAT_EXTENSIONS } from '../formats/index.js';
import { decodeText } from '../formats/text.js';
import type { IgnoreMatch, IgnoreTest } from './ignore.js';

export { decodeText };

export const DOCUMENT_EXTENSIONS = Object.values(FORMAT_EXTENSIONS).flat();
// Word keeps a lock file ("~$name.docx") beside a document while it is open.
const IGNORED_DIRS = ['**/node_modules/**', '**/.git/**', '**/~$*'];

export interface Discovery {
  /** Absolute paths, sorted, without duplicates. */
  files: string[];
  /** Paths that named nothing lintable, with the reason. */
  missing: Array<{ path: string; error: FileError }>;
  /** Files named one by one that an ignore pattern covers: skipped, with a warning. */
  ignored: Array<{ path: string } & IgnoreMatch>;
}

export async function discoverFiles(patterns: string[], cwd: string, isIgnored: IgnoreTest = () => null): Promise<Discovery> {
  const files = new Set<string>();
  const missing: Discovery['missing'] = [];
  const ignored: Discovery['ignored'] = [];
  // Folders and globs drop ignored documents silently; if that leaves none, say why.
  const keep = (found: string[], pattern: string): string[] => {
    const kept = found.filter((f) => !isIgnored(resolve(f)));
    if (found.length > 0 && kept.length === 0) {
      missing.push({ path: pattern, error: { code: 'all-ignored', message: 'Every document here is ignored (.stratlintignore or --ignore-pattern)' } });
    }
    return kept;
  };
  const extGlob = `**/*.{${DOCUMENT_EXTENSIONS.map((e) => e.slice(1)).join(',')}}`;
  for (const pattern of patterns) {
    const absolute = resolve(cwd, pattern);
    let stat: ReturnType<typeof statSync> | undefined;
    try {
      stat = statSync(absolute);
    } catch {
      stat = undefined;
    }
    if (stat?.isFile()) {
      const match = isIgnored(absolute);
      if (match) ignored.push({ path: pattern, ...match });
      else files.add(absolute);
    } else if (stat?.isDirectory()) {
      const found = await glob(extGlob, { cwd: absolute, absolute: true, ignore: IGNORED_DIRS, caseSensitiveMatch: false });
      if (found.length === 0) {
        missing.push({ path: pattern, error: { code: 'no-documents', message: `No documents (${DOCUMENT_EXTENSIONS.join(', ')}) in this folder` } });
      }
      for (const f of keep(found, pattern)) files.add(resolve(f));
    } else if (isDynamicPattern(pattern)) {
      const found = await glob(pattern, { cwd, absolute: true, ignore: IGNORED_DIRS, onlyFiles: true });
      const documents = found.filter((f) => DOCUMENT_EXTENSIONS.includes(extname(f).toLowerCase()));
      if (documents.length === 0) {
        missing.push({ path: pattern, error: { code: 'no-documents', message: 'No documents match this pattern' } });
      }
      for (const f of keep(documents, pattern)) files.add(resolve(f));
    } else {
      missing.push({ path: pattern, error: { code: 'not-found', message: 'No such file or folder' } });
    }
  }
  return { files: [...files].sort(), missing, ignored };
}

export type BytesResult = { ok: true; bytes: Buffer } | { ok: false; error: FileError };

const MB = 1024 * 1024;

/** Reads a document's bytes, refusing a file over the size limit before reading it. */
export function readDocumentBytes(path: string, maxBytes: number): BytesResult {
  let size: number;
  try {
    size = statSync(path).size;
  } catch (error) {
    return fail('unreadable', `Cannot read the file (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  if (size > maxBytes) return { ok: false, error: tooLarge(size, maxBytes) };
  try {
    return { ok: true, bytes: readFileSync(path) };
  } catch (error) {
    return fail('unreadable', `Cannot read the file (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
}

export function tooLarge(size: number, maxBytes: number): FileError {
  return { code: 'too-large', message: `File is ${(size / MB).toFixed(1)} MB, over the ${(maxBytes / MB).toFixed(0)} MB limit (raise it with --max-file-size)` };
}

function fail(code: string, message: string): BytesResult {
  return { ok: false, error: { code, message } };
}

/** Paths in output are relative to the working directory, with forward slashes. */
export function displayPath(path: string, cwd: string): string {
  const rel = relative(cwd, path) || path;
  return rel.split('\\').join('/');
}
