// `stratlint --watch PATHS`: lint, then lint again whenever a document, a config or the ignore
// file changes; each time the screen is cleared, the report printed, and one line says what the
// change did to the score and the findings. Ctrl-C ends it, with exit code 0.
//
// chokidar watches: node's own fs.watch loses a file an editor saves by writing a new one and
// renaming it over the old, and watches folders recursively only on some platforms and Node
// versions; chokidar handles both on Linux, macOS and Windows.

import { watch as watchFiles, type FSWatcher } from 'chokidar';
import { basename, extname, resolve } from 'node:path';
import { existsSync } from 'node:fs';
import picomatch from 'picomatch';
import { CONFIG_NAMES } from '../config/load.js';
import type { FileResult, Finding, LintRun } from '../core/types.js';
import { DOCUMENT_EXTENSIONS } from '../engine/files.js';
import { IGNORE_FILE } from '../engine/ignore.js';
import { Linter, summarise, type LintOptions } from '../engine/run.js';
import { lintSchedule } from '../engine/schedule.js';
import type { LintFlags, MainIO } from './main.js';
import { formatRun } from './report.js';
import { say } from './say.js';

/** Editors save in several writes; the lint waits for them to settle. */
const SETTLE_MS = 100;
const CLEAR_SCREEN = '\u001b[2J\u001b[3J\u001b[H';

export async function watchLint(paths: string[], flags: LintFlags, io: MainIO, lintOptions: LintOptions): Promise<number> {
  const cwd = lintOptions.cwd ?? process.cwd();
  const watched = new Set<string>();
  let previous: LintRun | null = null;

  const lintOnce = async (): Promise<void> => {
    // A new Linter each time: configs and the ignore file are read afresh.
    const linter = new Linter(lintOptions);
    let run: LintRun;
    try {
      run = await linter.lintFiles(paths, {
        jobs: flags.jobs,
        timeoutMs: flags.timeout * 1000,
        memoryMb: flags.maxMemory,
        guardAll: flags.limitsGiven,
        compareWith: flags.compareWith,
        onWarning: (message) => say(io, message),
      });
    } catch (error) {
      // A config being edited is often invalid for a moment: say so, and wait for the next save.
      if (io.stdout.isTTY) io.stdout.write(CLEAR_SCREEN);
      say(io, error instanceof Error && error.name === 'ConfigError' ? `config error: ${error.message}` : String((error as Error).message ?? error));
      watch([...linter.inputs]);
      return;
    }
    if (flags.quiet) {
      for (const file of run.files) file.findings = file.findings.filter((f) => f.severity === 'error');
      run.summary = summarise(run.files);
    }
    const report = await formatRun(run, flags, io, await linter.knownRules());
    if (io.stdout.isTTY) io.stdout.write(CLEAR_SCREEN);
    io.stdout.write(report);
    if (previous) for (const line of changeLines(previous, run)) io.stdout.write(`\n${line}\n`);
    for (const skipped of run.ignored ?? []) say(io, `warning: ${skipped.path} is ignored by "${skipped.pattern}" (${skipped.source}), so it was not linted`);
    io.stderr.write(`\nstratlint: watching ${run.files.length} ${run.files.length === 1 ? 'document' : 'documents'} for changes; Ctrl-C to stop\n`);
    previous = run;
    watch([...linter.inputs]);
  };

  const schedule = lintSchedule(lintOnce, SETTLE_MS);
  const relevant = (path: string) =>
    DOCUMENT_EXTENSIONS.includes(extname(path).toLowerCase()) || CONFIG_NAMES.includes(basename(path)) || basename(path) === IGNORE_FILE || watched.has(path);
  const watcher: FSWatcher = watchFiles([], {
    ignoreInitial: true,
    // Folders are walked (node_modules and .git aside); of files, only what a lint reads.
    ignored: (path, stats) => (stats?.isDirectory() ? /^(node_modules|\.git)$/.test(basename(path)) : stats?.isFile() === true && !relevant(path)),
  });
  const watch = (files: Iterable<string>) => {
    const fresh = [...files].filter((f) => !watched.has(f));
    for (const f of fresh) watched.add(f);
    if (fresh.length) watcher.add(fresh);
  };
  watcher.on('all', (event, path) => {
    if (event === 'addDir' || event === 'unlinkDir' || !relevant(path)) return;
    schedule.request('run');
  });
  watcher.on('error', (error) => say(io, `watching: ${(error as Error).message}`));
  // What the paths name (a glob by the folder it starts from), and where a config or ignore file could appear.
  watch(paths.map((p) => resolve(cwd, existsSync(resolve(cwd, p)) ? p : picomatch.scan(p).base || '.')));
  watch([...CONFIG_NAMES, IGNORE_FILE].map((name) => resolve(cwd, name)));

  await lintOnce();
  await new Promise<void>((done) => process.once('SIGINT', () => done()));
  schedule.dispose();
  await watcher.close();
  return 0;
}

/**
 * What changed since the last report, one line per document that changed (one line in all for a
 * single document): `score 63 → 68 (+5): 3 findings fixed, 1 new`. Findings are matched by rule,
 * message and quoted text, not by place, since an edit above them moves them.
 */
export function changeLines(before: LintRun, after: LintRun): string[] {
  const earlier = new Map(before.files.map((f) => [f.path, f]));
  const single = after.files.length === 1 && before.files.length === 1;
  const lines: string[] = [];
  for (const file of after.files) {
    const prior = single ? before.files[0] : earlier.get(file.path);
    const line = changeLine(prior, file);
    if (single) return [line];
    if (line !== UNCHANGED) lines.push(`${file.path}: ${line}`);
  }
  for (const file of before.files) if (!after.files.some((f) => f.path === file.path)) lines.push(`${file.path}: no longer linted`);
  return lines.length ? lines : [UNCHANGED];
}

const UNCHANGED = 'no change';

function changeLine(before: FileResult | undefined, after: FileResult): string {
  if (!before) return after.scorecard ? `new, score ${after.scorecard.score}` : 'new';
  const score = (f: FileResult | undefined) => f?.scorecard?.score;
  const was = score(before);
  const now = score(after);
  let scorePart: string;
  if (was === undefined && now === undefined) scorePart = 'no score';
  else if (was === undefined) scorePart = `score ${now}`;
  else if (now === undefined) scorePart = `score ${was} → none`;
  else if (was === now) scorePart = `score ${now}`;
  else scorePart = `score ${was} → ${now} (${now > was ? '+' : '−'}${Math.abs(now - was)})`;

  const left = new Map<string, number>();
  for (const f of before.findings) left.set(key(f), (left.get(key(f)) ?? 0) + 1);
  let added = 0;
  for (const f of after.findings) {
    const n = left.get(key(f)) ?? 0;
    if (n > 0) left.set(key(f), n - 1);
    else added++;
  }
  const fixed = [...left.values()].reduce((a, b) => a + b, 0);
  if (fixed === 0 && added === 0 && was === now) return UNCHANGED;
  const parts = [];
  if (fixed > 0) parts.push(`${fixed} ${fixed === 1 ? 'finding' : 'findings'} fixed`);
  if (added > 0) parts.push(`${added} new`);
  return parts.length ? `${scorePart}: ${parts.join(', ')}` : scorePart;
}

function key(f: Finding): string {
  return `${f.ruleId}\u0000${f.message}\u0000${f.evidence}`;
}
