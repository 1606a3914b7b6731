// The end of a run, the same for a lint and for a merge of shards: the report in its format, to
// standard output or a file, the files' errors on standard error, and the exit code.

import { relative, resolve } from 'node:path';
import type { RuleMeta } from '../core/rule.js';
import type { FileResult, LintRun } from '../core/types.js';
import type { FormatOptions } from '../reporters/index.js';
import { packageVersion } from '../core/package-root.js';
import { say } from './say.js';
import type { FORMATS, MainIO } from './main.js';

export const FAIL_ON = ['error', 'warning'] as const;

/** The options that shape the report and the exit code, shared by `stratlint` and `stratlint merge`. */
export interface ReportFlags {
  format: (typeof FORMATS)[number];
  outputFile?: string;
  maxWarnings?: number;
  failOn: (typeof FAIL_ON)[number];
  quiet?: boolean;
  color?: boolean;
  scorecard: boolean;
  /** A JSON report whose findings are accepted: only others are reported and fail the run. */
  baseline?: string;
  /** Write this run's findings to --baseline first (all of them then count as unchanged). */
  writeBaseline?: boolean;
}

export type BaselineRead = { ok: true; files?: import('../engine/baseline.js').BaselineFile[] } | { ok: false; message: string };

/** Reads --baseline before any work, so that a wrong one stops the run at once. */
export async function readBaseline(flags: ReportFlags, io: MainIO): Promise<BaselineRead> {
  if (flags.writeBaseline && !flags.baseline) return { ok: false, message: '--write-baseline writes the file named by --baseline; give --baseline <path> too' };
  if (!flags.baseline || flags.writeBaseline) return { ok: true };
  const { readJsonText } = await import('../core/ascii-json.js');
  let text: string;
  try {
    text = readJsonText(resolve(io.cwd, flags.baseline));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const hint = code === 'ENOENT' ? '; write one with --write-baseline' : '';
    return { ok: false, message: `--baseline ${flags.baseline}: cannot read it (${code ?? (error as Error).message})${hint}` };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, message: `--baseline ${flags.baseline}: not JSON (${(error as Error).message})` };
  }
  const { baselineFromReport } = await import('../engine/baseline.js');
  const files = baselineFromReport(json);
  return typeof files === 'string' ? { ok: false, message: `--baseline ${flags.baseline}: ${files}` } : { ok: true, files };
}

/**
 * --baseline: leaves in the run only the findings the baseline does not hold. With
 * --write-baseline the run's JSON report (all its findings) is written there first.
 */
export async function applyBaselineFlags(run: LintRun, flags: ReportFlags, io: MainIO, read: BaselineRead & { ok: true }): Promise<void> {
  if (!flags.baseline) return;
  const { applyBaseline, baselineFromReport } = await import('../engine/baseline.js');
  let files = read.files;
  if (flags.writeBaseline) {
    const { formatResults } = await import('../reporters/index.js');
    const { writeReport } = await import('./output-file.js');
    const { shard: _, ...plain } = run;
    const text = formatResults(plain, 'json', { rules: [], version: packageVersion(), docsBaseUri: '' });
    writeReport(resolve(io.cwd, flags.baseline), text);
    files = baselineFromReport(JSON.parse(text)) as NonNullable<typeof files>;
    const count = run.summary.errors + run.summary.warnings;
    say(io, `wrote the baseline ${flags.baseline}: ${count} ${count === 1 ? 'finding' : 'findings'}`);
  }
  applyBaseline(run, files ?? []);
  const held = Object.values(run.baseline!.unchanged).reduce((n, list) => n + list.length, 0);
  const gone = run.baseline!.absent.length;
  if (!flags.writeBaseline && (held > 0 || gone > 0)) {
    say(io, `--baseline ${flags.baseline}: ${held} known ${held === 1 ? 'finding' : 'findings'} not reported${gone ? `; ${gone} of its findings no longer found` : ''}`);
  }
}

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_ERROR = 2;

/** Why --output-file may not be written (it is a file the run reads), or null. */
export function outputRefused(flags: ReportFlags, io: MainIO, inputs: Iterable<string>): Promise<string | null> {
  return writeRefused(flags.outputFile, 'report', io, inputs);
}

/** Why --write-baseline may not write --baseline (a file the run reads, or the report's), or null. */
export function baselineClash(flags: ReportFlags, io: MainIO, inputs: Iterable<string>): Promise<string | null> {
  if (!flags.writeBaseline) return Promise.resolve(null);
  return writeRefused(flags.baseline, 'baseline', io, [...inputs, ...(flags.outputFile ? [resolve(io.cwd, flags.outputFile)] : [])]);
}

async function writeRefused(path: string | undefined, what: string, io: MainIO, inputs: Iterable<string>): Promise<string | null> {
  if (!path) return null;
  const { outputClash } = await import('./output-file.js');
  const target = resolve(io.cwd, path);
  const clash = outputClash(target, inputs);
  if (!clash) return null;
  const which = clash === target ? 'which is' : `which is the same file as ${relative(io.cwd, clash) || clash},`;
  return `refusing to write the ${what} over ${path}, ${which} a file stratlint ${what === 'report' ? 'reads' : 'reads or writes'}`;
}

/** Files named one by one but covered by an ignore pattern: one line each on standard error. */
export function warnIgnored(run: Pick<LintRun, 'ignored'>, io: MainIO): void {
  for (const skipped of run.ignored ?? []) {
    say(io, `warning: ${skipped.path} is ignored by "${skipped.pattern}" (${skipped.source}), so it was not linted`);
  }
}

/** --quiet: errors only, and the counts to match. */
export async function applyQuiet(run: LintRun, flags: ReportFlags): Promise<void> {
  if (!flags.quiet) return;
  const { summarise } = await import('../engine/summary.js');
  for (const file of run.files) file.findings = file.findings.filter((f) => f.severity === 'error');
  run.summary = summarise(run.files);
}

/** Formats and writes the report, tells the files' errors, and returns the exit code. */
export async function reportRun(run: LintRun, flags: ReportFlags, io: MainIO, rules: readonly RuleMeta[], otherFailure = false): Promise<number> {
  const { reporters, options } = await reportSetup(flags, io, rules);
  await writeOut(reporters.formatEncoded(run, flags.format, options), flags, io);
  return conclude(run, flags, io, otherFailure);
}

/** The report's bytes, to --output-file or standard output. */
export async function writeOut(report: Iterable<Buffer>, flags: ReportFlags, io: MainIO): Promise<void> {
  if (flags.outputFile) {
    const { writeReport } = await import('./output-file.js');
    writeReport(resolve(io.cwd, flags.outputFile), report);
  } else {
    for (const piece of report) io.stdout.write(piece);
  }
}

/** What a report's files must tell for the exit code: their errors, and their scores where they must reach one. */
type Concluded = Pick<LintRun, 'summary'> & { files: ReadonlyArray<Pick<FileResult, 'path' | 'errors' | 'failUnder'> & { scorecard?: { score: number } }> };

/** Once the report is written: the files' errors on standard error, and the exit code. */
export function conclude(run: Concluded, flags: ReportFlags, io: MainIO, otherFailure = false): number {
  // Machine-readable output stays parseable; file problems are also told on stderr, one line each.
  if (flags.format !== 'stylish' || flags.outputFile) {
    for (const file of run.files) {
      for (const error of file.errors) say(io, `${file.path}${error.line ? `:${error.line}` : ''}: ${error.message}`);
    }
  }

  const { errors, warnings, fileErrors } = run.summary;
  if (fileErrors > 0 || otherFailure) return EXIT_ERROR;
  // failUnder first: a merged run builds a scorecard each time it is read.
  const under = run.files.flatMap((f) => (f.failUnder !== undefined && f.scorecard && f.scorecard.score < f.failUnder ? [{ path: f.path, score: f.scorecard.score, failUnder: f.failUnder }] : []));
  for (const f of under) say(io, `${f.path} scores ${f.score}, under the ${f.failUnder} it must reach (--fail-under)`);
  if (errors > 0 || under.length > 0) return EXIT_FINDINGS;
  if (flags.failOn === 'warning' && warnings > 0) {
    io.stderr.write(`stratlint: ${warnings} ${warnings === 1 ? 'warning' : 'warnings'}, and --fail-on warning\n`);
    return EXIT_FINDINGS;
  }
  if (flags.maxWarnings !== undefined && warnings > flags.maxWarnings) {
    io.stderr.write(`stratlint: ${warnings} warnings, more than --max-warnings ${flags.maxWarnings}\n`);
    return EXIT_FINDINGS;
  }
  return EXIT_OK;
}

export async function formatRun(run: LintRun, flags: ReportFlags, io: MainIO, rules: readonly RuleMeta[]): Promise<string> {
  const { reporters, options } = await reportSetup(flags, io, rules);
  return [...reporters.formatPieces(run, flags.format, options)].join('');
}

/** The reporters, loaded when a report is due, and the options the flags give them. */
async function reportSetup(flags: ReportFlags, io: MainIO, rules: readonly RuleMeta[]) {
  const reporters = await import('../reporters/index.js');
  const version = packageVersion();
  const options: FormatOptions = {
    rules,
    version,
    docsBaseUri: reporters.defaultDocsBaseUri(version),
    colorLevel: colorLevel(flags, io),
    scorecard: flags.scorecard,
  };
  return { reporters, options };
}

function colorLevel(flags: ReportFlags, io: MainIO): 0 | 1 | 2 | 3 {
  if (flags.outputFile) return flags.color === true && io.argv.includes('--color') ? 1 : 0;
  if (io.argv.includes('--no-color')) return 0;
  if (io.argv.includes('--color')) return 1;
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return 0;
  if (io.env.FORCE_COLOR && io.env.FORCE_COLOR !== '0') return 1;
  return io.stdout.isTTY ? 1 : 0;
}
