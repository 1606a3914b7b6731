// Regular expressions written by users (a /…/ term in a YAML rule or a lexicon addition),
// checked when the config loads: an invalid one, or one that may backtrack exponentially (such
// as /(a+)+b/, which hangs on a line of a's), stops the run with one line naming the file.
//
// The check is scslre's static analysis: it finds the quantifiers that make a pattern take
// super-linear time on a repeated character, in milliseconds, with no engine or network of its
// own (recheck, the fuller checker, took seconds a pattern here). It is also what the test of
// stratlint's own patterns runs (test/patterns.test.ts), so built-in and user patterns meet the
// same bar, except that a user pattern may be polynomial: that runs under --timeout.

import { createRequire } from 'node:module';

// Loaded on first use: the analysis is 2 MB of code, and most configs have no pattern at all.
let scslre: typeof import('scslre') | undefined;

export type Backtracking = 'exponential' | 'polynomial' | null;

/** How badly a pattern may backtrack on some input, by scslre's analysis (null: linear). */
export function backtracking(source: string, flags: string): Backtracking {
  let reports;
  try {
    scslre ??= createRequire(import.meta.url)('scslre') as typeof import('scslre');
    reports = scslre.analyse({ source, flags }).reports;
  } catch {
    // A pattern regexpp cannot parse is reported as invalid by the RegExp constructor instead.
    return null;
  }
  if (reports.some((r) => r.exponential)) return 'exponential';
  return reports.length > 0 ? 'polynomial' : null;
}

/** What is wrong with a /pattern/ term, in a few words, or null; terms that are not patterns pass. */
export function patternTermProblem(term: string): string | null {
  const t = term.trim();
  if (!(t.length > 2 && t.startsWith('/') && t.endsWith('/'))) return null;
  const source = t.slice(1, -1);
  // The flags a lexicon compiles terms with (src/analysis/lexicon.ts).
  try {
    new RegExp(source, 'giu');
  } catch (error) {
    return `invalid pattern ${t}: ${(error as Error).message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /, '')}`;
  }
  return backtracking(source, 'iu') === 'exponential' ? `pattern ${t} may take exponential time` : null;
}

/** The 1-based line of `text` where `needle` first appears, for a config file's messages. */
export function lineOf(text: string, needle: string): number | null {
  const at = text.indexOf(needle);
  return at < 0 ? null : text.slice(0, at).split('\n').length;
}
