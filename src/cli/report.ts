// The end of a run, the same for a lint and for a merge of shards: the report in its format, to
// standard output or a file, the files' errors on standard error, and the exit code.

import { relative, resolve } from 'node:path';
import type { RuleMeta } from '../core/rule.js';
import type { LintRun } from '../core/types.js';
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
}

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_ERROR = 2;

/** Why --output-file may not be written (it is a file the run reads), or null. */
export async function outputRefused(flags: ReportFlags, io: MainIO, inputs: Iterable<string>): Promise<string | null> {
  if (!flags.outputFile) return null;
  const { outputClash } = await import('./output-file.js');
  const target = resolve(io.cwd, flags.outputFile);
  const clash = outputClash(target, inputs);
  if (!clash) return null;
  const what = clash === target ? 'which is' : `which is the same file as ${relative(io.cwd, clash) || clash},`;
  return `refusing to write the report over ${flags.outputFile}, ${what} a file stratlint reads`;
}

/** Files named one by one but covered by an ignore pattern: one line each on standard error. */
export function warnIgnored(run: LintRun, io: MainIO): void {
  for (const skipped of run.ignored ?? []) {
    say(io, `warning: ${skipped.path} is ignored by "${skipped.pattern}" (${skipped.source}), so it was not linted`);
  }
}

/** --quiet: errors only, and the counts to match. */
export async function applyQuiet(run: LintRun, flags: ReportFlags): Promise<void> {
  if (!flags.quiet) return;
  const { summarise } = await import('../engine/run.js');
  for (const file of run.files) file.findings = file.findings.filter((f) => f.severity === 'error');
  run.summary = summarise(run.files);
}

/** Formats and writes the report, tells the files' errors, and returns the exit code. */
export async function reportRun(run: LintRun, flags: ReportFlags, io: MainIO, rules: readonly RuleMeta[], otherFailure = false): Promise<number> {
  const report = await formatRun(run, flags, io, rules);
  if (flags.outputFile) {
    const { writeReport } = await import('./output-file.js');
    writeReport(resolve(io.cwd, flags.outputFile), report);
  } else {
    io.stdout.write(report);
  }
  // Machine-readable output stays parseable; file problems are also told on stderr, one line each.
  if (flags.format !== 'stylish' || flags.outputFile) {
    for (const file of run.files) {
      for (const error of file.errors) say(io, `${file.path}${error.line ? `:${error.line}` : ''}: ${error.message}`);
    }
  }

  const { errors, warnings, fileErrors } = run.summary;
  if (fileErrors > 0 || otherFailure) return EXIT_ERROR;
  const under = run.files.filter((f) => f.scorecard && f.failUnder !== undefined && f.scorecard.score < f.failUnder);
  for (const f of under) say(io, `${f.path} scores ${f.scorecard!.score}, under the ${f.failUnder} it must reach (--fail-under)`);
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

async function formatRun(run: LintRun, flags: ReportFlags, io: MainIO, rules: readonly RuleMeta[]): Promise<string> {
  const { formatResults, defaultDocsBaseUri } = await import('../reporters/index.js');
  const version = packageVersion();
  return formatResults(run, flags.format, {
    rules,
    version,
    docsBaseUri: defaultDocsBaseUri(version),
    colorLevel: colorLevel(flags, io),
    scorecard: flags.scorecard,
  });
}

function colorLevel(flags: ReportFlags, io: MainIO): 0 | 1 | 2 | 3 {
  if (flags.outputFile) return flags.color === true && io.argv.includes('--color') ? 1 : 0;
  if (io.argv.includes('--no-color')) return 0;
  if (io.argv.includes('--color')) return 1;
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return 0;
  if (io.env.FORCE_COLOR && io.env.FORCE_COLOR !== '0') return 1;
  return io.stdout.isTTY ? 1 : 0;
}
