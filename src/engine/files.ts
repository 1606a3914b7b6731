// Finding the documents to lint, and reading one safely: a file that is too big, empty,
// binary or not UTF-8 becomes a one-line error on that file, never a crash.

import { realpathSync, statSync } from 'node:fs';
import { basename, extname, relative, resolve } from 'node:path';
import picomatch from 'picomatch';
import type { FileError } from '../core/types.js';
import { kindOf, readRegularFile } from '../io/read.js';
import { FORMAT_EXTENSIONS } from '../formats/index.js';
import { decodeText } from '../formats/text.js';
import type { IgnoreMatch, IgnoreTest } from './ignore.js';
import { walkFolder, type OutsideLink } from './walk.js';

export { decodeText };

export const DOCUMENT_EXTENSIONS = Object.values(FORMAT_EXTENSIONS).flat();

export interface Discovery {
  /** Absolute paths, sorted, without duplicates. */
  files: string[];
  /** Paths that named nothing lintable, with the reason. */
  missing: Array<{ path: string; error: FileError }>;
  /** Files named one by one that an ignore pattern covers: skipped, with a warning. */
  ignored: Array<{ path: string } & IgnoreMatch>;
  /** Links found while searching folders and globs that lead outside them: not followed. */
  outside: OutsideLink[];
}

export async function discoverFiles(patterns: string[], cwd: string, isIgnored: IgnoreTest = () => null): Promise<Discovery> {
  const files = new Set<string>();
  const missing: Discovery['missing'] = [];
  const ignored: Discovery['ignored'] = [];
  const outside: OutsideLink[] = [];
  // Folders and globs drop ignored documents silently; if that leaves none, say why.
  const keep = (found: string[], pattern: string): string[] => {
    const kept = found.filter((f) => !isIgnored(resolve(f)));
    if (found.length > 0 && kept.length === 0) {
      missing.push({ path: pattern, error: { code: 'all-ignored', message: 'Every document here is ignored (.stratlintignore or --ignore-pattern)' } });
    }
    return kept;
  };
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
      const walk = walkFolder(absolute, (rel) => isDocumentName(rel) && !isHidden(rel), (rel) => !isHidden(rel));
      outside.push(...walk.outside);
      const found = walk.files;
      if (found.length === 0) {
        missing.push({ path: pattern, error: { code: 'no-documents', message: `No documents (${DOCUMENT_EXTENSIONS.join(', ')}) in this folder` } });
      }
      for (const f of keep(found, pattern)) files.add(resolve(f));
    } else if (stat) {
      missing.push({ path: pattern, error: { code: 'not-a-file', message: notAFile(kindOf(stat)) } });
    } else if (picomatch.scan(pattern).isGlob) {
      const walk = walkGlob(pattern, cwd);
      outside.push(...walk.outside);
      const documents = walk.files.filter(isDocumentName);
      if (documents.length === 0) {
        missing.push({ path: pattern, error: { code: 'no-documents', message: 'No documents match this pattern' } });
      }
      for (const f of keep(documents, pattern)) files.add(resolve(f));
    } else {
      missing.push({ path: pattern, error: { code: 'not-found', message: 'No such file or folder' } });
    }
  }
  return { files: oncePerFile(files), missing, ignored, outside };
}

/** The one line that says which links a search did not follow, or null when there were none. */
export function outsideLinksNote(links: readonly OutsideLink[], cwd: string): string | null {
  if (links.length === 0) return null;
  const SHOWN = 3;
  const sorted = [...links].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const shown = sorted.slice(0, SHOWN).map((link) => `${displayPath(link.path, cwd)} → ${link.target}`);
  if (sorted.length > SHOWN) shown.push(`and ${sorted.length - SHOWN} more`);
  const what = links.length === 1 ? 'a symbolic link that leads' : `${links.length} symbolic links that lead`;
  return `not following ${what} outside the folder searched (${shown.join(', ')}); name a link on the command line to lint what it leads to`;
}

function isDocumentName(path: string): boolean {
  return DOCUMENT_EXTENSIONS.includes(extname(path).toLowerCase());
}

/** A dot file or folder (`.drafts/`, `.notes.md`): passed by in a folder, as a glob's `*` does. */
function isHidden(relPath: string): boolean {
  return basename(relPath).startsWith('.');
}

/**
 * The files a glob matches, searched from the folder its fixed part names (`plans` for
 * `plans/2024/*.md`), so that a link leading outside that folder is not followed. Without a `**`
 * (or braces, which may hold a slash) only the folders the glob's own segments match are searched.
 */
function walkGlob(pattern: string, cwd: string): ReturnType<typeof walkFolder> {
  const { base, glob, isBrace } = picomatch.scan(pattern);
  const root = resolve(cwd, base);
  const segments = glob.split('/');
  const segmentMatchers = segments.map((segment) => picomatch(segment));
  const anyDepth = isBrace || segments.some((segment) => segment.includes('**'));
  // As in the glob's own matching, `**` passes dot folders by unless the glob names one.
  const namesDot = /(^|\/)\./.test(glob);
  const enter = (rel: string): boolean => {
    if (anyDepth) return namesDot || !isHidden(rel);
    const parts = rel.split('/');
    return parts.length < segments.length && parts.every((part, i) => segmentMatchers[i]!(part));
  };
  try {
    return walkFolder(root, picomatch(glob), enter);
  } catch {
    return { files: [], outside: [] }; // the fixed part names no folder
  }
}

/**
 * The paths, sorted, with each file once: a file reached by two paths (a symlinked folder, a
 * symlink beside its target, a folder named twice) is linted under the path that is its real
 * one, or else the first in order, and never compared with itself as copied text.
 */
export function oncePerFile(paths: Iterable<string>): string[] {
  const byFile = new Map<string, string>();
  for (const path of [...paths].sort()) {
    const real = realPath(path);
    const kept = byFile.get(real);
    if (kept === undefined || (path === real && kept !== real)) byFile.set(real, path);
  }
  return [...byFile.values()].sort();
}

export function realPath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

export type BytesResult = { ok: true; bytes: Buffer } | { ok: false; error: FileError };

const MB = 1024 * 1024;

/** Reads a document's bytes: a regular file only, and never past the size limit. */
export function readDocumentBytes(path: string, maxBytes: number): BytesResult {
  const read = readRegularFile(path, maxBytes);
  if (read.ok) return read;
  switch (read.problem) {
    case 'unreadable':
      return fail('unreadable', `Cannot read the file (${read.reason})`);
    case 'not-a-file':
      return fail('not-a-file', notAFile(read.kind));
    case 'too-large':
      return { ok: false, error: tooLarge(read.size, maxBytes) };
  }
}

function notAFile(kind: string): string {
  return `Is ${kind}, not a regular file; only regular files are read`;
}

/** `size` is left out where only "over the limit" is known (a stream, a file that grew). */
export function tooLarge(size: number | undefined, maxBytes: number): FileError {
  const what = size !== undefined ? `File is ${(size / MB).toFixed(1)} MB, over` : 'File is over';
  return { code: 'too-large', message: `${what} the ${(maxBytes / MB).toFixed(0)} MB limit (raise it with --max-file-size)` };
}

function fail(code: string, message: string): BytesResult {
  return { ok: false, error: { code, message } };
}

/** Paths in output are relative to the working directory, with forward slashes. */
export function displayPath(path: string, cwd: string): string {
  const rel = relative(cwd, path) || path;
  return rel.split('\\').join('/');
}
