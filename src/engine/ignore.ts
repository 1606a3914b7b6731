// Documents to leave alone: a .stratlintignore in the working directory (gitignore syntax)
// and --ignore-pattern, both relative to that directory.

import { existsSync } from 'node:fs';
import { MAX_CONFIG_BYTES, readProblem, readRegularFile } from '../io/read.js';
import { isAbsolute, join, relative, sep } from 'node:path';
import ignore from 'ignore';
import { ConfigError } from '../config/schema.js';

export const IGNORE_FILE = '.stratlintignore';

/** Why a path is ignored: the pattern that matched it and where that pattern came from. */
export interface IgnoreMatch {
  pattern: string;
  source: typeof IGNORE_FILE | '--ignore-pattern';
}

export type IgnoreTest = (absolutePath: string) => IgnoreMatch | null;

export function loadIgnore(cwd: string, extraPatterns: readonly string[] = []): IgnoreTest {
  const ig = ignore();
  const file = join(cwd, IGNORE_FILE);
  if (existsSync(file)) {
    const read = readRegularFile(file, MAX_CONFIG_BYTES);
    if (!read.ok) throw new ConfigError(file, readProblem(read, MAX_CONFIG_BYTES, 'the ignore file'));
    const text = read.bytes.toString('utf8');
    ig.add(text.split(/\r?\n/).map((pattern) => ({ pattern, mark: IGNORE_FILE })));
  }
  ig.add(extraPatterns.map((pattern) => ({ pattern, mark: '--ignore-pattern' })));
  return (absolutePath) => {
    const rel = relative(cwd, absolutePath).split(sep).join('/');
    // Patterns are relative to the working directory and cannot speak for a path outside it.
    if (rel === '' || rel === '..' || rel.startsWith('../') || isAbsolute(rel)) return null;
    const result = ig.test(rel);
    return result.ignored && result.rule ? { pattern: result.rule.pattern, source: result.rule.mark as IgnoreMatch['source'] } : null;
  };
}
