// The command line. Parses argv, picks files and a format, prints, and returns the exit code:
// 0 clean, 1 findings that fail the run, 2 usage, config or unreadable-file errors.
// The engine is imported lazily so `--version` and `--help` start fast.

import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { resolve } from 'node:path';
import { packageVersion } from '../core/package-root.js';
import { escapeCommanderMessage, say } from './say.js';
import type { LintRun } from '../core/types.js';
import { isCalendarDate } from '../core/calendar-date.js';
import {
  applyBaselineFlags,
  applyQuiet,
  baselineClash,
  EXIT_ERROR,
  EXIT_OK,
  FAIL_ON,
  outputRefused,
  readBaseline,
  reportRun,
  warnIgnored,
  type BaselineRead,
  type ReportFlags,
} from './report.js';
import type { Shard } from '../engine/shard.js';

export { packageVersion };
export { EXIT_ERROR, EXIT_FINDINGS, EXIT_OK } from './report.js';

export interface MainIO {
  argv: string[];
  cwd: string;
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  env: Record<string, string | undefined>;
}

// Kept here as well as in reporters/index.ts so that --help needs no reporter loaded.
export const FORMATS = ['stylish', 'json', 'sarif', 'github', 'junit', 'markdown', 'csv', 'html', 'explain'] as const;

export interface LintFlags extends ReportFlags {
  config?: string;
  rule: string[];
  stdin?: boolean;
  stdinFilename?: string;
  maxFileSize: number;
  referenceDate?: string;
  ignorePattern: string[];
  failUnder?: number;
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
  /** `--shard i/n`, parsed. */
  shard?: Shard;
  keepText?: boolean;
  cache?: boolean;
  cacheLocation?: string;
  watch?: boolean;
}

/** The options that shape the report and the exit code: the same for a lint and a merge. */
function reportOptions(command: Command): Command {
  return command
    .addOption(new Option('-f, --format <name>', 'output format').choices(FORMATS).default('stylish'))
    .option('-o, --output-file <path>', 'write the report to a file instead of standard output')
    .option('--max-warnings <n>', 'fail (exit 1) when there are more warnings than this', parseCount)
    .addOption(new Option('--fail-on <severity>', 'the least severe finding that fails the run (exit 1)').choices(FAIL_ON).default('error'))
    .option('--quiet', 'report errors only, not warnings')
    .option('--color', 'force colour')
    .option('--no-color', 'no colour (also when NO_COLOR is set or output is not a terminal)')
    .option('--no-scorecard', 'leave the scorecard out of the stylish report')
    .option('--baseline <path>', 'a JSON report of findings accepted for now: report and fail on only the others (matched by document, rule and evidence, not line)')
    .option('--write-baseline', 'write this run\'s findings to the --baseline file (all then count as known)');
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
      outputError: (s, write) => write(escapeCommanderMessage(s)),
    })
    .showSuggestionAfterError(true)
    // `init --force` is init's own option, not the lint's `--force` (for --annotate).
    .enablePositionalOptions()
    .argument('[paths...]', 'files, folders (searched for .md, .markdown, .docx and .pdf) or globs');
  reportOptions(program)
    .option('-c, --config <path>', 'use this config file instead of searching for .stratlintrc.*')
    .option('--trust-config', 'let configs found among the documents load plugins and rules folders (by default only --config and configs where stratlint runs may)')
    .option('--rule <id:severity>', 'set a rule’s severity (off, warn, error); repeatable', collect, [])
    .option('--stdin', 'lint text from standard input')
    .option('--stdin-filename <path>', 'the file name to use for standard input (for config lookup and output)')
    .option('--max-file-size <MB>', 'refuse files larger than this many megabytes', parseCount, 10)
    .option('--reference-date <date>', 'the date horizons are measured from (overrides the document and config)')
    .option('--fail-under <score>', 'fail (exit 1) when a document scores under this (0-100)', parseScore)
    .option('--ignore-pattern <pattern>', 'skip documents matching this gitignore-style pattern, as .stratlintignore does; repeatable', collect, [])
    .option('-j, --jobs <n>', 'documents to lint at once, in worker threads (default: a worker per 50 documents, up to one per core, on two cores only from 300; 1 lints in one thread)', parseJobs)
    .option('--timeout <seconds>', 'give up on a document after this long; at most a day', parseTimeout, 60)
    .option('--max-memory <MB>', 'heap one document may use before it is given up', parseMemory, 2048)
    .option('--no-progress', 'no progress bar (it shows only on a terminal, and never when CI is set)')
    .option('--compare-with <dir>', 'also look for text copied from the documents here (templates, earlier strategies); repeatable', collect, [])
    .option('--explain', 'per sign, the measures, cut points and findings that decided its verdict (as `stratlint explain <paths…>`, or -f explain)')
    .option('--annotate <path>', 'write a copy of each Word document with the findings as comments: to this file for one document, else into this folder as <name>.reviewed.docx')
    .option('--force', 'let --annotate replace a file that exists (never a document being linted)')
    .option('--cache', 'lint only documents that changed since the last run with --cache (bytes, config, plugins, rules or stratlint\'s version); the report is the same')
    .option('--cache-location <path>', 'the cache file, or a folder for it (default: a file per working folder in the user\'s cache folder)')
    .option('--shard <i/n>', 'lint only this runner\'s share (i of n) of the documents found, for a CI matrix; join the shards\' -f json reports with `stratlint merge`')
    .option('--keep-text', 'with --shard: keep each document\'s text in the JSON report, for `stratlint merge -f html`')
    .option('--watch', 'lint again whenever a document, config or ignore file changes, with a line saying what changed; Ctrl-C stops')
    .action(async (paths: string[], flags: Omit<LintFlags, 'shard'> & { shard?: string }, command: Command) => {
      const limitsGiven = ['timeout', 'maxMemory'].some((key) => command.getOptionValueSource(key) === 'cli');
      let shard: Shard | undefined;
      if (flags.shard !== undefined) {
        const { parseShard } = await import('../engine/shard.js');
        const parsed = parseShard(flags.shard);
        if (typeof parsed === 'string') {
          exitCode = usage(io, parsed);
          return;
        }
        shard = parsed;
      }
      exitCode = await runLint(paths, { ...flags, shard, limitsGiven }, io);
    });

  reportOptions(
    program
      .command('merge')
      .description('join the JSON reports of the shards of one run (--shard i/n -f json) into one report, as one unsharded run gives it')
      .argument('<reports...>', 'the shards\' JSON reports, every shard once'),
  ).action(async (reports: string[], flags: ReportFlags) => {
    const { runMerge } = await import('./merge.js');
    exitCode = await runMerge(reports, flags, io);
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
  if (flags.cacheLocation !== undefined && !flags.cache) return usage(io, '--cache-location says where --cache keeps its file; give --cache too');
  if (flags.stdin && flags.cache) return usage(io, '--cache keeps the results of documents found in paths, not of --stdin');
  if (flags.stdin && flags.shard) return usage(io, '--shard splits the documents found in paths among runners, not --stdin');
  if (flags.shard && flags.format === 'json' && (flags.quiet || flags.baseline)) {
    return usage(io, `${flags.quiet ? '--quiet' : '--baseline'} acts on the whole run: give it to \`stratlint merge\`, not to a shard's JSON report`);
  }
  if (flags.keepText && !flags.shard) return usage(io, '--keep-text keeps the text in a shard\'s report for `stratlint merge`; give it with --shard');
  if (flags.referenceDate !== undefined && !isCalendarDate(flags.referenceDate)) {
    return usage(io, `--reference-date must be a date like 2024-03-01 (or 2024-03, or 2024), not "${flags.referenceDate}"`);
  }
  if (flags.watch) {
    const clash = flags.stdin ? '--stdin' : flags.outputFile ? '--output-file' : flags.annotate ? '--annotate' : flags.format !== 'stylish' ? `--format ${flags.format}` : null;
    if (clash) return usage(io, `--watch prints the stylish report to the terminal; it cannot be used with ${clash}`);
  }
  const baseline = await readBaseline(flags, io);
  if (!baseline.ok) return usage(io, baseline.message);
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
    // A plugin's module is loaded under the same limits as a document (see engine/import-guard.ts).
    importLimits: { timeoutMs: flags.timeout * 1000, memoryMb: flags.maxMemory },
  };
  if (flags.watch) {
    const { watchLint } = await import('./watch.js');
    return watchLint(paths, flags, io, lintOptions);
  }
  const bulk = await import('./bulk.js');
  const workers = flags.stdin ? undefined : await bulk.startWorkers(paths, lintOptions, flags);
  try {
    return await lintAndReport(paths, flags, io, lintOptions, workers, baseline);
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
  baseline: BaselineRead & { ok: true },
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
  warnIgnored(run, io);

  const inputs = [...linter.inputs, ...run.files.map((f) => resolve(io.cwd, f.path))];
  const refused = await outputRefused(flags, io, [...inputs, ...(flags.baseline && !flags.writeBaseline ? [resolve(io.cwd, flags.baseline)] : [])]);
  if (refused) return usage(io, refused);
  const baselineRefused = await baselineClash(flags, io, inputs);
  if (baselineRefused) return usage(io, baselineRefused);
  await applyBaselineFlags(run, flags, io, baseline);
  await applyQuiet(run, flags);

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
  return reportRun(run, flags, io, await linter.knownRules(), annotateFailed);
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
