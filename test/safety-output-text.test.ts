// Control characters and terminal escape sequences from a document or a file name reach no
// report raw: text formats show them as \xHH, the JSON formats as \u escapes (issue 15, item 3).
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, stratlint, tempDir } from './helpers.js';

const TITLE = '\u001b]0;pwned\u0007';
const CLEAR = '\u001b[2J\u001b[H';
const CSI = '\u009b31m';
// The northshire strategy, with escapes in a sentence whose cliché a finding quotes.
const STRATEGY = readFileSync(join(ROOT, 'fixtures/strategies/northshire-ten-year-vision.md'), 'utf8').replace(
  'deliver a seamless experience',
  `deliver a ${TITLE}seamless${CLEAR} experience${CSI}`,
);
const EVIL_NAME = `plan${CLEAR}.md`;
// What may appear raw in a report: tab, line feed, and the carriage return of CSV's CRLF.
const RAW_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

let dir: string;
beforeAll(() => {
  dir = tempDir();
  writeFileSync(join(dir, 'strategy.md'), STRATEGY);
  writeFileSync(join(dir, EVIL_NAME), '');
});

describe('escape sequences from documents', () => {
  for (const format of ['stylish', 'github', 'markdown', 'junit', 'csv', 'json', 'sarif']) {
    it(`never reach the ${format} report or standard error raw`, () => {
      const r = stratlint(['strategy.md', EVIL_NAME, '--format', format], { cwd: dir });
      expect(r.code).toBe(2);
      expect(r.stdout).toContain('strategy.md');
      expect(r.stdout).not.toMatch(RAW_CONTROL);
      expect(r.stderr).not.toMatch(RAW_CONTROL);
      if (format !== 'stylish') expect(r.stderr).toBe('stratlint: plan\\x1b[2J\\x1b[H.md: File is empty\n');
    });
  }

  it('are shown as visible escapes in the stylish report', () => {
    const r = stratlint(['strategy.md', EVIL_NAME], { cwd: dir });
    expect(r.stdout).toContain('deliver a \\x1b]0;pwned\\x07seamless\\x1b[2J\\x1b[H experience\\x9b31m');
    expect(r.stdout).toContain('plan\\x1b[2J\\x1b[H.md\n');
  });

  it('are kept exact in JSON, which parses back to the same text', () => {
    const r = stratlint(['strategy.md', '--format', 'json'], { cwd: dir });
    const findings = JSON.parse(r.stdout).files[0].findings as Array<{ evidence: string }>;
    expect(findings.some((f) => f.evidence.includes(`deliver a ${TITLE}seamless${CLEAR} experience${CSI}`))).toBe(true);
    expect(r.stdout).toContain('\\u009b31m');
  });
});

describe('escape sequences in the command line’s own errors', () => {
  // Commander quotes what was typed in its errors: an argument pasted from a document, or a
  // script's variable, must not retitle the window or clear the screen either.
  it('are shown as visible escapes for an unknown option, a bad choice and a bad number, exit 2', () => {
    const cases: Array<[string[], string]> = [
      [[`--format=${TITLE}`, 'strategy.md'], "error: option '-f, --format <name>' argument '\\x1b]0;pwned\\x07' is invalid. Allowed choices are"],
      [[`--forma${CLEAR}`, 'strategy.md'], "error: unknown option '--forma\\x1b[2J\\x1b[H'\n"],
      [['--max-warnings', `${CSI}`, 'strategy.md'], "error: option '--max-warnings <n>' argument '\\x9b31m' is invalid. \"\\x9b31m\" is not a number of 0 or more.\n"],
      [['init', `--${TITLE}`], "error: unknown option '--\\x1b]0;pwned\\x07'\n"],
      // A line break typed in an argument cannot forge a line of its own.
      [['--fail-on', 'warning\nstratlint: all clear', 'strategy.md'], "argument 'warning\\x0astratlint: all clear' is invalid."],
    ];
    for (const [args, shown] of cases) {
      const r = stratlint(args, { cwd: dir });
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain(shown);
      expect(r.stderr).not.toMatch(RAW_CONTROL);
      expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    }
  });

  it('keep commander’s own second line, its guess at a mistyped option', () => {
    const r = stratlint(['--fomat', 'json', 'strategy.md'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("error: unknown option '--fomat'\n(Did you mean --format?)\n");
  });
});
