// --annotate: a reviewed copy of each Word document linted, with the findings as comments.
// One document named: the copy goes where --annotate says. A folder, several paths or a glob:
// --annotate names a folder, and each copy goes to <folder>/<same relative path>.reviewed.docx.
// Nothing linted is ever written: an output that is one of the inputs (by real path, or by
// device and inode for a hard link) is refused even with --force, an existing output without
// it; each copy is written to a temporary file beside the output and renamed into place.

import { mkdirSync, readFileSync, realpathSync, renameSync, rmSync, statSync, writeFileSync, type Stats } from 'node:fs';
import { basename, dirname, extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { FileResult, LintRun } from '../core/types.js';
import { DocxAnnotation } from '../formats/docx/annotate.js';
import { reviewComments } from './review.js';

export interface AnnotateRequest {
  /** The paths the run was given (files, folders, globs). */
  paths: string[];
  /** --annotate: the output file, or the output folder. */
  target: string;
  force: boolean;
  cwd: string;
}

export interface AnnotateOutcome {
  /** Output paths written, as given to the user. */
  written: string[];
  /** One line each: a document that could not be annotated, or an output refused. Exit 2. */
  problems: string[];
  /** One line each: a document left out on purpose (not Word). */
  skipped: string[];
}

export const REVIEWED_SUFFIX = '.reviewed.docx';

export function annotateRun(run: LintRun, request: AnnotateRequest): AnnotateOutcome {
  const outcome: AnnotateOutcome = { written: [], problems: [], skipped: [] };
  const { cwd } = request;
  const single = request.paths.length === 1 && statOf(resolve(cwd, request.paths[0]!))?.isFile() === true;
  const target = resolve(cwd, request.target);
  if (!single && statOf(target) && !statOf(target)!.isDirectory()) {
    outcome.problems.push(`--annotate ${request.target} is a file; with a folder, several paths or a glob it names the folder the reviewed copies go to`);
    return outcome;
  }
  const inputs = run.files.map((f) => identity(resolve(cwd, f.path))).filter((i): i is Identity => i !== null);
  const folders = single ? [] : request.paths.map((p) => resolve(cwd, p)).filter((p) => statOf(p)?.isDirectory());

  for (const file of run.files) {
    if (file.format === null) continue; // unreadable: its error is reported already
    if (file.format !== 'docx') {
      const why = `${file.path}: not annotated: only Word documents (.docx) can carry review comments, and this is ${file.format === 'markdown' ? 'Markdown' : file.format}`;
      (single ? outcome.problems : outcome.skipped).push(why);
      continue;
    }
    if (!file.scorecard || file.errors.some((e) => e.code === 'parse-failed')) continue;
    const input = resolve(cwd, file.path);
    const output = single ? target : join(target, reviewedName(input, folders, cwd));
    const shown = relative(cwd, output) || output;
    const refusal = refuse(output, shown, inputs, request.force);
    if (refusal) {
      outcome.problems.push(refusal);
      continue;
    }
    try {
      const annotation = new DocxAnnotation(readFileSync(input));
      // The text the findings point into must be the text annotated (the file may have changed since).
      if (file.text !== undefined && file.text !== annotation.text) {
        outcome.problems.push(`${file.path}: not annotated: the document changed while it was being linted`);
        continue;
      }
      const comments = reviewComments(file.findings, file.scorecard, annotation.text, annotation.title);
      writeAtomically(output, annotation.write(comments));
      outcome.written.push(shown);
    } catch (error) {
      outcome.problems.push(`${file.path}: not annotated: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return outcome;
}

/** <name>.reviewed.docx, at the path relative to the folder given (or the working directory). */
function reviewedName(input: string, folders: string[], cwd: string): string {
  const base = folders.find((f) => input.startsWith(f.endsWith(sep) ? f : f + sep)) ?? cwd;
  let rel = relative(base, input);
  if (rel.startsWith('..') || isAbsolute(rel)) rel = basename(input);
  return join(dirname(rel), `${basename(rel, extname(rel))}${REVIEWED_SUFFIX}`);
}

interface Identity {
  real: string;
  dev: number;
  ino: number;
}

function identity(path: string): Identity | null {
  try {
    const stat = statSync(path);
    return { real: realpathSync(path), dev: stat.dev, ino: stat.ino };
  } catch {
    return null;
  }
}

function statOf(path: string): Stats | null {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}

function refuse(output: string, shown: string, inputs: Identity[], force: boolean): string | null {
  const existing = identity(output);
  if (!existing) return null;
  if (inputs.some((i) => i.real === existing.real || (i.dev === existing.dev && i.ino === existing.ino))) {
    return `refusing to write the annotated copy over ${shown}, which is a document being linted`;
  }
  if (statOf(output)?.isDirectory()) return `refusing to write the annotated copy to ${shown}, which is a folder`;
  if (!force) return `${shown} already exists; give --force to replace it`;
  return null;
}

/** A reader of `path` sees the old file or the whole new one, never half of it. */
function writeAtomically(path: string, bytes: Buffer): void {
  mkdirSync(dirname(path), { recursive: true });
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    writeFileSync(temp, bytes, { flag: 'wx' });
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}
