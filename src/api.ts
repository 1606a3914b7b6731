// Lint from code: the same engine, config lookup and reports as the command line, without
// its printing or exit codes.

import { resolve } from 'node:path';
import { builtinRules } from '../rules/index.js';
import { packageVersion } from './core/package-root.js';
import type { RuleMeta } from './core/rule.js';
import type { LintRun } from './core/types.js';
import { Linter, summarise, type LintOptions } from './engine/run.js';
import { decodeText } from './engine/files.js';
import { defaultDocsBaseUri, formatResults as format, FORMATS, type FormatName } from './reporters/index.js';

export { FORMATS, type FormatName };

export interface LintResults extends LintRun {
  /** Every rule the run knew (built-in, and any from plugins or YAML), for SARIF and JUnit. */
  rules: RuleMeta[];
}

/** Lints files, folders and globs, as `stratlint <patterns…>` does. Rejects with a ConfigError for a bad config. */
export async function lintFiles(patterns: string | string[], options: LintOptions = {}): Promise<LintResults> {
  const linter = new Linter(withCwd(options));
  // The texts are kept so that formatResults(run, 'html') highlights findings in them, as --format html does.
  const run = await linter.lintFiles(Array.isArray(patterns) ? patterns : [patterns], { keepText: true });
  return { ...run, rules: await linter.knownRules() };
}

export interface LintTextOptions extends LintOptions {
  /** The document's name: for config lookup, overrides and reports. Default "<text>". */
  filePath?: string;
}

/** Lints a Markdown document held in memory, as `stratlint --stdin` does. */
export async function lintText(text: string, options: LintTextOptions = {}): Promise<LintResults> {
  const linter = new Linter(withCwd(options));
  const cwd = options.cwd ?? process.cwd();
  const path = resolve(cwd, options.filePath ?? '<text>');
  // The same checks as for a file: empty or blank text is a file error, not a crash.
  const decoded = decodeText(new TextEncoder().encode(text));
  const file = decoded.ok
    ? await linter.lintText(decoded.text, path)
    : { path: options.filePath ?? '<text>', format: null, referenceDate: null, findings: [], errors: [decoded.error] };
  return { files: [file], summary: summarise([file]), rules: await linter.knownRules() };
}

/** A relative configFile means relative to cwd, as --config does. */
function withCwd<T extends LintOptions>(options: T): T {
  const cwd = options.cwd ?? process.cwd();
  return { ...options, cwd, ...(options.configFile ? { configFile: resolve(cwd, options.configFile) } : {}) };
}

export interface FormatResultsOptions {
  /** The rules to list (SARIF, JUnit). Default: the run's own `rules`, else the built-in rules. */
  rules?: readonly RuleMeta[];
  /** Stylish only: colour the report with ANSI escapes (default false). */
  color?: boolean;
  /** Stylish only: print each document's scorecard (default true). */
  scorecard?: boolean;
}

/** Turns results into a report in one of FORMATS, as `--format` does. */
export function formatResults(run: LintRun & { rules?: readonly RuleMeta[] }, formatName: FormatName = 'stylish', options: FormatResultsOptions = {}): string {
  if (!(FORMATS as readonly string[]).includes(formatName)) throw new Error(`Unknown format "${formatName}"; formats are ${FORMATS.join(', ')}`);
  const version = packageVersion();
  return format(run, formatName, {
    rules: options.rules ?? run.rules ?? builtinRules.map((r) => r.meta),
    version,
    docsBaseUri: defaultDocsBaseUri(version),
    colorLevel: options.color ? 1 : 0,
    scorecard: options.scorecard,
  });
}
