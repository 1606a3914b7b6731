// The command line. Parses argv, picks files and a format, prints, and returns the exit code:
// 0 clean, 1 findings that fail the run, 2 usage, config or unreadable-file errors.
// The engine is imported lazily so `--version` and `--help` start fast.

import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { packageVersion } from '../core/package-root.js';
import type { RuleMeta } from '../core/rule.js';
import type { LintRun } from '../core/types.js';

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
export const FORMATS = ['stylish', 'json', 'sarif', 'github', 'junit', 'markdown', 'csv', 'html'] as const;
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
  /** --timeout or --max-memory was given: every document runs under the limits. */
  limitsGiven?: boolean;
}

export async function main(io: MainIO): Promise<number> {
  let exitCode = EXIT_OK;
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
    .argument('[paths...]', 'files, folders (searched for .md, .markdown and .docx) or globs')
    .addOption(new Option('-f, --format <name>', 'output format').choices(FORMATS).default('stylish'))
    .option('-o, --output-file <path>', 'write the report to a file instead of standard output')
    .option('-c, --config <path>', 'use this config file instead of searching for .stratlintrc.*')
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
    .option('--timeout <seconds>', 'give up on a document after this long', parsePositive, 60)
    .option('--max-memory <MB>', 'heap one document may use before it is given up', parsePositive, 2048)
    .option('--no-progress', 'no progress bar (it shows only on a terminal, and never when CI is set)')
    .option('--compare-with <dir>', 'also look for text copied from the documents here (templates, earlier strategies); repeatable', collect, [])
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
    .command('init')
    .description('write a commented starter .stratlintrc.yml in the current folder')
    .option('--force', 'overwrite an existing config')
    .action(async (flags: { force?: boolean }) => {
      const { writeStarterConfig } = await import('./init.js');
      exitCode = writeStarterConfig(io, Boolean(flags.force));
    });

  try {
    await program.parseAsync(io.argv, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return EXIT_OK;
      return EXIT_ERROR;
    }
    if (error instanceof Error && error.name === 'ConfigError') {
      io.stderr.write(`stratlint: config error: ${error.message}\n`);
      return EXIT_ERROR;
    }
    io.stderr.write(`stratlint: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT_ERROR;
  }
  return exitCode;
}

async function runLint(paths: string[], flags: LintFlags, io: MainIO): Promise<number> {
  if (flags.stdin && paths.length > 0) return usage(io, 'give either --stdin or paths, not both');
  if (!flags.stdin && paths.length === 0) return usage(io, 'no paths given; try "stratlint strategy.md" or "stratlint --help"');
  if (flags.referenceDate && !/^\d{4}(-\d{2}(-\d{2})?)?$/.test(flags.referenceDate)) {
    return usage(io, `--reference-date must look like 2024-03-01, not "${flags.referenceDate}"`);
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
  };
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
    const bytes = await readAll(io.stdin);
    const name = flags.stdinFilename ?? '<stdin>';
    const skipped = flags.stdinFilename ? linter.ignores(flags.stdinFilename) : null;
    // As for a named file: an ignored name is said so on stderr, and nothing is linted.
    const { lintBytesGuarded } = await import('../engine/guard.js');
    const limits = { timeoutMs: flags.timeout * 1000, memoryMb: flags.maxMemory, always: flags.limitsGiven };
    const files = skipped ? [] : [await lintBytesGuarded(linter, bytes, resolve(io.cwd, name), limits)];
    run = { files, summary: summarise(files), ...(skipped ? { ignored: [{ path: name, ...skipped }] } : {}) };
  } else {
    if (flags.config) await linter.configFor(io.cwd);
    const { lintWithProgress } = await import('./bulk.js');
    run = await lintWithProgress(linter, paths, flags, io, workers);
  }
  for (const skipped of run.ignored ?? []) {
    io.stderr.write(`stratlint: warning: ${skipped.path} is ignored by "${skipped.pattern}" (${skipped.source}), so it was not linted\n`);
  }

  if (flags.outputFile) {
    const target = resolve(io.cwd, flags.outputFile);
    const inputs = new Set(run.files.map((f) => resolve(io.cwd, f.path)));
    if (inputs.has(target)) return usage(io, `refusing to write the report over ${flags.outputFile}, which is a document being linted`);
  }

  if (flags.quiet) {
    for (const file of run.files) file.findings = file.findings.filter((f) => f.severity === 'error');
    run.summary = summarise(run.files);
  }

  const report = await formatRun(run, flags, io, await linter.knownRules());
  if (flags.outputFile) {
    const target = resolve(io.cwd, flags.outputFile);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, report);
  } else {
    io.stdout.write(report);
  }
  // Machine-readable output stays parseable; file problems are also told on stderr, one line each.
  if (flags.format !== 'stylish' || flags.outputFile) {
    for (const file of run.files) {
      for (const error of file.errors) io.stderr.write(`stratlint: ${file.path}${error.line ? `:${error.line}` : ''}: ${error.message}\n`);
    }
  }

  const { errors, warnings, fileErrors } = run.summary;
  if (fileErrors > 0) return EXIT_ERROR;
  const under = run.files.filter((f) => f.scorecard && f.failUnder !== undefined && f.scorecard.score < f.failUnder);
  for (const f of under) io.stderr.write(`stratlint: ${f.path} scores ${f.scorecard!.score}, under the ${f.failUnder} it must reach (--fail-under)\n`);
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

async function formatRun(run: LintRun, flags: LintFlags, io: MainIO, rules: readonly RuleMeta[]): Promise<string> {
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
  io.stderr.write(`stratlint: ${message}\n`);
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

function parsePositive(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n <= 0) throw new InvalidArgumentError(`"${value}" is not a number above 0.`);
  return n;
}

function parseScore(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0 || n > 100) throw new InvalidArgumentError(`"${value}" is not a score from 0 to 100.`);
  return n;
}

async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks);
}
