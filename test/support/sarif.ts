// Microsoft's SARIF validator (@microsoft/sarif-multitool), for every test that writes SARIF.
import { expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

export const sarifOf = (file: string) => JSON.parse(readFileSync(file, 'utf8'));

/** Runs `sarif-multitool validate` and returns its error- and warning-level results. */
export function validate(file: string): string[] {
  // The package exports the path of the platform's self-contained binary. Calling it directly
  // (not through its bin.js, which goes through a shell) keeps paths with spaces safe.
  const binary = createRequire(import.meta.url)('@microsoft/sarif-multitool') as string;
  const out = `${file}.validation.sarif`;
  // Notes are asked for too (the validator leaves them out by default), so that an empty log
  // can only mean that it could not read ours.
  const args = ['validate', file, '--output', out, '--log', 'ForceOverwrite', '--level', 'Error;Warning;Note'];
  const r = spawnSync(binary, args, { encoding: 'utf8', timeout: 120_000 });
  const console = `${r.stdout}${r.stderr}`;
  if (console.includes('ICU')) {
    throw new Error('sarif-multitool needs ICU: install the Debian package libicu72 (or your distribution\'s libicu); .ci/run does this.\n' + console);
  }
  expect(r.status, console).toBe(0);
  const log = sarifOf(out);
  // The validator reports nothing at all, not even its advisory notes, when it cannot read a
  // log into its object model (an unknown enum value, say); silence would look like success.
  expect(log.runs[0].results.length, 'the validator analysed nothing').toBeGreaterThan(0);
  return log.runs[0].results
    .filter((result: any) => (result.level ?? 'warning') === 'error' || (result.level ?? 'warning') === 'warning')
    .map((result: any) => `${result.level ?? 'warning'} ${result.ruleId}: ${JSON.stringify(result.message.arguments ?? result.message.text)}`);
}

