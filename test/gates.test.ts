// The exit-code matrix a CI job relies on, through the real binary: 0 passes the build,
// 1 fails it on findings, 2 means stratlint could not do its job (usage, config, unreadable file).
import { beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BIN, binForAnyUser, ROOT, stratlint, tempDir } from './helpers.js';

const GOOD = join(ROOT, 'fixtures/strategies/riverside-council-digital-strategy.md');
const BAD = join(ROOT, 'fixtures/strategies/northshire-ten-year-vision.md');
// Warnings and no errors; how many, and the score, depend on the rules, so they are read first.
const WARN_ONLY = `---\ndate: 2024-01-01\n---\n\n# Plan\n\nResidents told us in a survey that forms are hard to find.\n\nWe will review this strategy every year. Our ambition is a paperless office by 2040.\n`;

let dir: string;
let warnings: number;
let score: number;
beforeAll(() => {
  dir = tempDir();
  copyFileSync(GOOD, join(dir, 'clean.md'));
  copyFileSync(BAD, join(dir, 'errors.md'));
  writeFileSync(join(dir, 'warnings.md'), WARN_ONLY);
  writeFileSync(join(dir, 'latin1.md'), Buffer.from('# Strat\u00e9gie num\u00e9rique\n', 'latin1'));
  writeFileSync(join(dir, 'typo.stratlintrc.yml'), 'rules:\n  long-horizn: off\n');
  const report = JSON.parse(stratlint(['warnings.md', '--format', 'json'], { cwd: dir }).stdout);
  ({ warnings } = report.summary);
  score = report.files[0].scorecard.score;
  expect(report.summary.errors).toBe(0);
  expect(warnings).toBeGreaterThan(1);
  expect(score).toBeLessThan(100);
});

// [name, arguments, exit code, what stderr says (null: nothing)]
type Case = [string, () => string[], number, (() => RegExp) | null];
const matrix: Case[] = [
  ['a clean document', () => ['clean.md'], 0, null],
  ['a clean document, --fail-on warning', () => ['clean.md', '--fail-on', 'warning'], 0, null],
  ['warnings and no gate', () => ['warnings.md'], 0, null],
  ['warnings under --max-warnings', () => ['warnings.md', '--max-warnings', String(warnings)], 0, null],
  ['warnings over --max-warnings', () => ['warnings.md', '--max-warnings', String(warnings - 1)], 1, () => new RegExp(`${warnings} warnings, more than --max-warnings ${warnings - 1}`)],
  ['warnings, --fail-on warning', () => ['warnings.md', '--fail-on', 'warning'], 1, () => new RegExp(`${warnings} warnings, and --fail-on warning`)],
  ['warnings, --fail-on error', () => ['warnings.md', '--fail-on', 'error'], 0, null],
  ['errors', () => ['errors.md'], 1, null],
  ['errors, however many warnings are allowed', () => ['errors.md', '--max-warnings', '1000'], 1, null],
  ['a score under --fail-under', () => ['warnings.md', '--fail-under', String(score + 1)], 1, () => new RegExp(`warnings\\.md scores ${score}, under the ${score + 1} it must reach \\(--fail-under\\)`)],
  ['a score at --fail-under', () => ['warnings.md', '--fail-under', String(score)], 0, null],
  ['a bad config', () => ['clean.md', '--config', 'typo.stratlintrc.yml'], 2, () => /typo\.stratlintrc\.yml: unknown rule "long-horizn"/],
  ['a bad --fail-on', () => ['clean.md', '--fail-on', 'info'], 2, () => /argument 'info' is invalid/],
  ['an unreadable file', () => ['latin1.md'], 2, () => /latin1\.md: File is not valid UTF-8/],
  ['an unreadable file beside findings', () => ['errors.md', 'latin1.md'], 2, () => /latin1\.md: File is not valid UTF-8/],
  ['a missing file', () => ['clean.md', 'missing.md'], 2, () => /missing\.md: No such file or folder/],
];

describe('exit codes', () => {
  for (const [name, args, code, stderr] of matrix) {
    it(`${code} for ${name}`, () => {
      // JSON output, so that file problems are also told on stderr.
      const r = stratlint([...args(), '--format', 'json'], { cwd: dir });
      expect(r.code, r.stderr).toBe(code);
      if (stderr) expect(r.stderr).toMatch(stderr());
      else expect(r.stderr).toBe('');
    });
  }

  it('2 for a file without read permission', () => {
    const locked = tempDir();
    chmodSync(locked, 0o755);
    writeFileSync(join(locked, 'locked.md'), WARN_ONLY);
    chmodSync(join(locked, 'locked.md'), 0o000);
    // Root reads any file, so as root the check runs as the unprivileged user "nobody", from a
    // copy of the binary that nobody can reach.
    const asRoot = process.getuid?.() === 0;
    const asNobody = asRoot ? { uid: 65534, gid: 65534 } : {};
    const bin = asRoot ? binForAnyUser() : BIN;
    const r = spawnSync(process.execPath, [bin, 'locked.md', '--format', 'json'], { cwd: locked, encoding: 'utf8', ...asNobody });
    expect(r.status, r.stderr).toBe(2);
    expect(JSON.parse(r.stdout).files[0].errors).toEqual([{ code: 'unreadable', message: 'Cannot read the file (EACCES)' }]);
    expect(r.stderr).toBe('stratlint: locked.md: Cannot read the file (EACCES)\n');
  });

  it('is the same whatever the output format', () => {
    for (const format of ['stylish', 'json', 'sarif', 'github', 'junit', 'markdown']) {
      expect(stratlint(['warnings.md', '--fail-on', 'warning', '--format', format], { cwd: dir }).code, format).toBe(1);
      expect(stratlint(['latin1.md', 'errors.md', '--format', format], { cwd: dir }).code, format).toBe(2);
    }
  }, 120_000);
});
