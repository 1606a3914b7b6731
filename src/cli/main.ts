// The command line. Parses argv, picks files and a format, prints, and returns the exit code:
// 0 clean, 1 findings that fail the run, 2 usage, config or unreadable-file errors.
// The engine is imported lazily so `--version` and `--help` start fast.

import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { relative, resolve } from 'node:path';
import { packageVersion } from '../core/package-root.js';
import { say } from './say.js';
import type { RuleMeta } from '../core/rule.js';
import type { LintRun } from '../core/types.js';
import { isCalendarDate } from '../core/calendar-date.js';

export { packageVersion };

export interface MainIO {
  argv: string[];
  cwd: string;
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  env: Record<string, string | undefined>;
}

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_ERROR = 2;

// Kept here as well as in reporters/index.ts so that --help needs no reporter loaded.
export const FORMATS = ['stylish', 'json', 'sarif', 'github', 'junit', 'markdown', 'csv', 'html', 'explain'] as const;
const FAIL_ON = ['error', 'warning'] as const;

export interface LintFlags {
  format: (typeof FORMATS)[number];
  outputFile?: string;
  config?: string;
  rule: string[];
  maxWarnings?: number;
  quiet?: boolean;
  color?: boolean;
  stdin?: boolean;
  stdinFilename?: string;
  maxFileSize: number;
  referenceDate?: string;
  ignorePattern: string[];
  scorecard: boolean;
  failUnder?: number;
  failOn: (typeof FAIL_ON)[number];
  jobs?: number;
  timeout: number;
  maxMemory: number;
  progress: boolean;
  compareWith: string[];
  explain?: boolean;
  trustConfig?: boolean;
  annotate?: string;
  force?: boolean;
  /** --timeout or --max-memory was given: every document runs under the limits. */
  limitsGiven?: boolean;
  watch?: boolean;
}

export async function main(io: MainIO): Promise<number> {
  let exitCode = EXIT_OK;
  // `stratlint explain <paths…>` is the lint command with --explain, and takes all its options.
  const argv = io.argv[0] === 'explain' ? [...io.argv.slice(1), '--explain'] : io.argv;
  const program = new Command('stratlint');
  program
    .description('Lint digital strategy documents for the signs of a good and a bad strategy.')
    .version(packageVersion(), '-v, --version')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
    })
    .showSuggestionAfterError(true)
    // `init --force` is init's own option, not the lint's `--force` (for --annotate).
    .enablePositionalOptions()
    .argument('[paths...]', 'files, folders (searched for .md, .markdown, .docx and .pdf) or globs')
    .addOption(new Option('-f, --format <name>', 'output format').choices(FORMATS).default('stylish'))
    .option('-o, --output-file <path>', 'write the report to a file instead of standard output')
    .option('-c, --config <path>', 'use this config file instead of searching for .stratlintrc.*')
    .option('--trust-config', 'let configs found among the documents load plugins and rules folders (by default only --config and configs where stratlint runs may)')
    .option('--rule <id:severity>', 'set a rule’s severity (off, warn, error); repeatable', collect, [])
    .option('--max-warnings <n>', 'fail (exit 1) when there are more warnings than this', parseCount)
    .addOption(new Option('--fail-on <severity>', 'the least severe finding that fails the run (exit 1)').choices(FAIL_ON).default('error'))
    .option('--quiet', 'report errors only, not warnings')
    .option('--color', 'force colour')
    .option('--no-color', 'no colour (also when NO_COLOR is set or output is not a terminal)')
    .option('--stdin', 'lint text from standard input')
    .option('--stdin-filename <path>', 'the file name to use for standard input (for config lookup and output)')
    .option('--max-file-size <MB>', 'refuse files larger than this many megabytes', parseCount, 10)
    .option('--reference-date <date>', 'the date horizons are measured from (overrides the document and config)')
    .option('--fail-under <score>', 'fail (exit 1) when a document scores under this (0-100)', parseScore)
    .option('--no-scorecard', 'leave the scorecard out of the stylish report')
    .option('--ignore-pattern <pattern>', 'skip documents matching this gitignore-style pattern, as .stratlintignore does; repeatable', collect, [])
    .option('-j, --jobs <n>', 'documents to lint at once, in worker threads (default: a worker per 50 documents, up to one per core; 1 lints in one thread)', parseJobs)
    .option('--timeout <seconds>', 'give up on a document after this long; at most a day', parseTimeout, 60)
    .option('--max-memory <MB>', 'heap one document may use before it is given up', parseMemory, 2048)
    .option('--no-progress', 'no progress bar (it shows only on a terminal, and never when CI is set)')
    .option('--compare-with <dir>', 'also look for text copied from the documents here (templates, earlier strategies); repeatable', collect, [])
    .option('--explain', 'per sign, the measures, cut points and findings that decided its verdict (as `stratlint explain <paths…>`, or -f explain)')
    .option('--annotate <path>', 'write a copy of each Word document with the findings as comments: to this file for one document, else into this folder as <name>.reviewed.docx')
    .option('--force', 'let --annotate replace a file that exists (never a document being linted)')
    .option('--watch', 'lint again whenever a document, config or ignore file changes, with a line saying what changed; Ctrl-C stops')
    .action(async (paths: string[], flags: LintFlags, command: Command) => {
      const limitsGiven = ['timeout', 'maxMemory'].some((key) => command.getOptionValueSource(key) === 'cli');
      exitCode = await runLint(paths, { ...flags, limitsGiven }, io);
    });

  program
    .command('rules')
    .description('list the rules: id, sign, default severity and description')
    .action(async () => {
      const { builtinRules } = await import('../../rules/index.js');
      const width = Math.max(...builtinRules.map((r) => r.meta.id.length));
      const signWidth = Math.max(...builtinRules.map((r) => r.meta.sign.length));
      for (const rule of builtinRules) {
        const m = rule.meta;
        io.stdout.write(`${m.id.padEnd(width)}  ${m.sign.padEnd(signWidth)}  ${m.severity.padEnd(7)}  ${m.description}\n`);
      }
    });

  program
    .command('lsp')
    .description('run the language server (for editors) over standard input and output')
    .option('--stdio', 'talk over standard input and output (the default, and the only way; editors pass it)')
    // VS Code's clients pass the editor's process id; the server library reads it from argv
    // itself and stops when that process has gone.
    .addOption(new Option('--clientProcessId <pid>').hideHelp())
    .option('-c, --config <path>', 'use this config file instead of searching for .stratlintrc.*')
    .option('--trust-config', 'let configs found among the documents load plugins and rules folders')
    .option('--timeout <seconds>', 'give up on a document after this long; at most a day', parseTimeout, 60)
    .option('--max-memory <MB>', 'heap one document may use before it is given up', parseMemory, 2048)
    .action(async (flags: { config?: string; trustConfig?: boolean; timeout: number; maxMemory: number }) => {
      const { runLanguageServer } = await import('../lsp/server.js');
      exitCode = await runLanguageServer(io, {
        configFile: flags.config ? resolve(io.cwd, flags.config) : undefined,
        trustConfig: flags.trustConfig === true,
        timeoutMs: flags.timeout * 1000,
        memoryMb: flags.maxMemory,
      });
    });

  program
    .command('init')
    .description('write a commented starter .stratlintrc.yml in the current folder')
    .option('--force', 'overwrite an existing config')
    .action(async (flags: { force?: boolean }) => {
      const { writeStarterConfig } = await import('./init.js');
      exitCode = writeStarterConfig(io, Boolean(flags.force));
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return EXIT_OK;
      return EXIT_ERROR;
    }
    if (error instanceof Error && error.name === 'ConfigError') {
      say(io, `config error: ${error.message}`);
      return EXIT_ERROR;
    }
    say(io, error instanceof Error ? error.message : String(error));
    return EXIT_ERROR;
  }
  return exitCode;
}

async function runLint(paths: string[], flags: LintFlags, io: MainIO): Promise<number> {
  if (flags.stdin && paths.length > 0) return usage(io, 'give either --stdin or paths, not both');
  if (!flags.stdin && paths.length === 0) return usage(io, 'no paths given; try "stratlint strategy.md" or "stratlint --help"');
  if (flags.explain) flags.format = 'explain';
  if (flags.stdin && flags.annotate) return usage(io, '--annotate needs the document as a path, not --stdin');
  if (flags.referenceDate !== undefined && !isCalendarDate(flags.referenceDate)) {
    return usage(io, `--reference-date must be a date like 2024-03-01 (or 2024-03, or 2024), not "${flags.referenceDate}"`);
  }
  if (flags.watch) {
    const clash = flags.stdin ? '--stdin' : flags.outputFile ? '--output-file' : flags.annotate ? '--annotate' : flags.format !== 'stylish' ? `--format ${flags.format}` : null;
    if (clash) return usage(io, `--watch prints the stylish report to the terminal; it cannot be used with ${clash}`);
  }
  const ruleSettings: Record<string, string> = {};
  for (const item of flags.rule) {
    const match = /^([\w-]+)\s*[:=]\s*(off|warn|warning|error)$/.exec(item.trim());
    if (!match) return usage(io, `--rule takes id:severity (off, warn or error), not "${item}"`);
    ruleSettings[match[1]!] = match[2]!;
  }

  const lintOptions = {
    cwd: io.cwd,
    configFile: flags.config ? resolve(io.cwd, flags.config) : undefined,
    ruleSettings: ruleSettings as never,
    maxFileSize: flags.maxFileSize * 1024 * 1024,
    referenceDate: flags.referenceDate,
    failUnder: flags.failUnder,
    ignorePatterns: flags.ignorePattern,
    trustConfig: flags.trustConfig === true,
  };
  if (flags.watch) {
    const { watchLint } = await import('./watch.js');
    return watchLint(paths, flags, io, lintOptions);
  }
  const bulk = await import('./bulk.js');
  const workers = flags.stdin ? undefined : await bulk.startWorkers(paths, lintOptions, flags);
  try {
    return await lintAndReport(paths, flags, io, lintOptions, workers);
  } finally {
    await workers?.close();
  }
}

async function lintAndReport(
  paths: string[],
  flags: LintFlags,
  io: MainIO,
  lintOptions: import('../engine/run.js').LintOptions,
  workers: import('../engine/pool.js').WorkerPool | undefined,
): Promise<number> {
  const { Linter, summarise } = await import('../engine/run.js');
  const linter = new Linter(lintOptions);

  let run: LintRun;
  if (flags.stdin) {
    const { readStream } = await import('../io/read.js');
    const read = await readStream(io.stdin, flags.maxFileSize * 1024 * 1024);
    const name = flags.stdinFilename ?? '<stdin>';
    const skipped = flags.stdinFilename ? linter.ignores(flags.stdinFilename) : null;
    // As for a named file: an ignored name is said so on stderr, and nothing is linted.
    const { lintBytesGuarded } = await import('../engine/guard.js');
    const limits = { timeoutMs: flags.timeout * 1000, memoryMb: flags.maxMemory, always: flags.limitsGiven };
    const path = resolve(io.cwd, name);
    // Too large is an error the run reports without reading further; anything else runs guarded.
    const files = skipped ? [] : [read.over ? await linter.lintBytes('too-large', path) : await lintBytesGuarded(linter, read.bytes, path, limits)];
    run = { files, summary: summarise(files), ...(skipped ? { ignored: [{ path: name, ...skipped }] } : {}) };
  } else {
    if (flags.config) await linter.configFor(io.cwd);
    const { lintWithProgress } = await import('./bulk.js');
    run = await lintWithProgress(linter, paths, flags, io, workers);
  }
  for (const skipped of run.ignored ?? []) {
    say(io, `warning: ${skipped.path} is ignored by "${skipped.pattern}" (${skipped.source}), so it was not linted`);
  }

  const { outputClash, writeReport } = await import('./output-file.js');
  if (flags.outputFile) {
    const clash = outputClash(resolve(io.cwd, flags.outputFile), [...linter.inputs, ...run.files.map((f) => resolve(io.cwd, f.path))]);
    if (clash) {
      const what = clash === resolve(io.cwd, flags.outputFile) ? 'which is' : `which is the same file as ${relative(io.cwd, clash) || clash},`;
      return usage(io, `refusing to write the report over ${flags.outputFile}, ${what} a file stratlint reads`);
    }
  }

  if (flags.quiet) {
    for (const file of run.files) file.findings = file.findings.filter((f) => f.severity === 'error');
    run.summary = summarise(run.files);
  }

  // Annotated copies are written before the report so that a refused output stops nothing else.
  let annotateFailed = false;
  if (flags.annotate) {
    const { annotateRun } = await import('../annotate/write.js');
    const annotated = annotateRun(run, { paths, target: flags.annotate, force: flags.force === true, cwd: io.cwd });
    for (const line of annotated.skipped) io.stderr.write(`stratlint: ${line}\n`);
    for (const line of annotated.problems) io.stderr.write(`stratlint: ${line}\n`);
    for (const path of annotated.written) io.stderr.write(`stratlint: wrote ${path}\n`);
    annotateFailed = annotated.problems.length > 0;
    if (flags.format !== 'html') for (const file of run.files) delete file.text;
  }

  const report = await formatRun(run, flags, io, await linter.knownRules());
  if (flags.outputFile) {
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
  if (fileErrors > 0 || annotateFailed) return EXIT_ERROR;
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

export async function formatRun(run: LintRun, flags: LintFlags, io: MainIO, rules: readonly RuleMeta[]): Promise<string> {
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

function colorLevel(flags: LintFlags, io: MainIO): 0 | 1 | 2 | 3 {
  if (flags.outputFile) return flags.color === true && io.argv.includes('--color') ? 1 : 0;
  if (io.argv.includes('--no-color')) return 0;
  if (io.argv.includes('--color')) return 1;
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return 0;
  if (io.env.FORCE_COLOR && io.env.FORCE_COLOR !== '0') return 1;
  return io.stdout.isTTY ? 1 : 0;
}

function usage(io: MainIO, message: string): number {
  say(io, message);
  return EXIT_ERROR;
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function parseCount(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0) throw new InvalidArgumentError(`"${value}" is not a number of 0 or more.`);
  return n;
}

function parseJobs(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError(`"${value}" is not a whole number of 1 or more.`);
  return n;
}

/** A day: more than any document needs, and far inside what a timer can count (24.8 days). */
export const MAX_TIMEOUT_SECONDS = 86_400;
/** Below this a worker cannot lint even a short document. */
export const MIN_MEMORY_MB = 32;
const MAX_MEMORY_MB = 1024 * 1024;

function parseTimeout(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n <= 0 || n > MAX_TIMEOUT_SECONDS) {
    throw new InvalidArgumentError(`"${value}" is not a number of seconds above 0 and at most ${MAX_TIMEOUT_SECONDS} (a day).`);
  }
  return n;
}

function parseMemory(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isInteger(n) || n < MIN_MEMORY_MB || n > MAX_MEMORY_MB) {
    throw new InvalidArgumentError(`"${value}" is not a whole number of megabytes from ${MIN_MEMORY_MB} to ${MAX_MEMORY_MB}.`);
  }
  return n;
}

function parseScore(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0 || n > 100) throw new InvalidArgumentError(`"${value}" is not a score from 0 to 100.`);
  return n;
}
