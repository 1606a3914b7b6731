// Finding the documents to lint, and reading one safely: a file that is too big, empty,
// binary or not UTF-8 becomes a one-line error on that file, never a crash.

import { readFileSync, statSync } from 'node:fs';
import { extname, relative, resolve } from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import type { FileError } from '../core/types.js';

export const DOCUMENT_EXTENSIONS = ['.md', '.markdown'];
const IGNORED_DIRS = ['**/node_modules/**', '**/.git/**'];

export interface Discovery {
  /** Absolute paths, sorted, without duplicates. */
  files: string[];
  /** Paths that named nothing lintable, with the reason. */
  missing: Array<{ path: string; error: FileError }>;
}

export async function discoverFiles(patterns: string[], cwd: string): Promise<Discovery> {
  const files = new Set<string>();
  const missing: Discovery['missing'] = [];
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
      files.add(absolute);
    } else if (stat?.isDirectory()) {
      const found = await glob(extGlob, { cwd: absolute, absolute: true, ignore: IGNORED_DIRS, caseSensitiveMatch: false });
      if (found.length === 0) {
        missing.push({ path: pattern, error: { code: 'no-documents', message: `No Markdown documents (${DOCUMENT_EXTENSIONS.join(', ')}) in this folder` } });
      }
      for (const f of found) files.add(resolve(f));
    } else if (isDynamicPattern(pattern)) {
      const found = await glob(pattern, { cwd, absolute: true, ignore: IGNORED_DIRS, onlyFiles: true });
      const documents = found.filter((f) => DOCUMENT_EXTENSIONS.includes(extname(f).toLowerCase()));
      if (documents.length === 0) {
        missing.push({ path: pattern, error: { code: 'no-documents', message: 'No documents match this pattern' } });
      }
      for (const f of documents) files.add(resolve(f));
    } else {
      missing.push({ path: pattern, error: { code: 'not-found', message: 'No such file or folder' } });
    }
  }
  return { files: [...files].sort(), missing };
}

export type ReadResult = { ok: true; text: string } | { ok: false; error: FileError };

const MB = 1024 * 1024;

/** Reads a document as UTF-8 text, refusing what cannot be a Markdown strategy. */
export function readTextDocument(path: string, maxBytes: number): ReadResult {
  let size: number;
  try {
    size = statSync(path).size;
  } catch (error) {
    return fail('unreadable', `Cannot read the file (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  if (size > maxBytes) {
    return fail('too-large', `File is ${(size / MB).toFixed(1)} MB, over the ${(maxBytes / MB).toFixed(0)} MB limit (raise it with --max-file-size)`);
  }
  let buffer: Buffer;
  try {
    buffer = readFileSync(path);
  } catch (error) {
    return fail('unreadable', `Cannot read the file (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  return decodeText(buffer);
}

export function decodeText(buffer: Uint8Array): ReadResult {
  if (buffer.length === 0) return fail('empty', 'File is empty');
  if (buffer.subarray(0, 8192).includes(0)) return fail('binary', 'File is binary, not a text document');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(buffer);
  } catch {
    return fail('encoding', 'File is not valid UTF-8 text (save it as UTF-8)');
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') return fail('empty', 'File has no text');
  return { ok: true, text };
}

function fail(code: string, message: string): ReadResult {
  return { ok: false, error: { code, message } };
}

/** Paths in output are relative to the working directory, with forward slashes. */
export function displayPath(path: string, cwd: string): string {
  const rel = relative(cwd, path) || path;
  return rel.split('\\').join('/');
}
