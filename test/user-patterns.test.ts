// Regular expressions from users (a /…/ term in a YAML rule or a lexicon addition; issue 15,
// item 9): one that may take exponential time, or is not a valid pattern, stops the run when
// the config loads with one line naming the file, the line and the pattern; one that is merely
// slow runs under --timeout. Through the real command line.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BIN, tempDir } from './helpers.js';

const dir = tempDir('stratlint-patterns-');
writeFileSync(join(dir, 'a.md'), '# Plan\n\nResidents need shorter waits by 2026.\n');
writeFileSync(join(dir, 'b.md'), '# Other plan\n\nStaff need better tools by 2026.\n');

function run(args: string[]): { code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: dir, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}

function config(name: string, lines: string[]): string {
  writeFileSync(join(dir, name), `${lines.join('\n')}\n`);
  return name;
}

describe('patterns in a config', { timeout: 150_000 }, () => {
  it('a lexicon addition like /(a+)+b/ is refused when the config loads', () => {
    const file = config('exponential.yml', ['lexicons:', '  jargon:', '    - synergy', '    - /(a+)+b/']);
    const out = run(['a.md', 'b.md', '-c', file]);
    expect(out.code).toBe(2);
    expect(out.stdout).toBe('');
    expect(out.stderr).toBe(`stratlint: config error: ${join(dir, file)}:4: pattern /(a+)+b/ may take exponential time\n`);
  });

  it('a YAML rule with such a pattern is refused, naming the rule file, line and column', () => {
    mkdirSync(join(dir, 'rules'), { recursive: true });
    writeFileSync(join(dir, 'rules', 'nested.yml'), ['sign: vague', 'kind: existence', 'message: Found {{match}}', 'terms:', '  - plans', '  - /(x+x+)+y/', ''].join('\n'));
    const file = config('yaml-rule.yml', ['rulesDir: rules']);
    const out = run(['a.md', '-c', file]);
    expect(out.code).toBe(2);
    expect(out.stderr).toBe(`stratlint: config error: ${join(dir, 'rules', 'nested.yml')}:5:3: pattern /(x+x+)+y/ may take exponential time\n`);
  });

  it('an invalid pattern is one line naming the config file and the pattern, not an error per document', () => {
    const file = config('invalid.yml', ['lexicons:', '  hype-tech:', '    - /([a-z/']);
    const out = run(['a.md', 'b.md', '-c', file, '-f', 'json']);
    expect(out.code).toBe(2);
    expect(out.stdout).toBe('');
    expect(out.stderr).toBe(`stratlint: config error: ${join(dir, file)}:3: invalid pattern /([a-z/: Unterminated character class\n`);
  });

  it('a pattern that is only slow runs under --timeout', () => {
    // Polynomial, not exponential: allowed, but of the fourth degree on a long run of a's: a
    // single one of these paragraphs takes seconds. (/a*a*b/ was not enough: once expressions
    // were compiled straight to machine code, 400 of its paragraphs took under 5 s on CI.)
    const file = config('slow.yml', ['lexicons:', '  jargon:', '    - /a*a*a*b/']);
    writeFileSync(join(dir, 'slow.md'), `# Plan\n\n${`${'a'.repeat(2900)}\n\n`.repeat(30)}`);
    const out = run(['slow.md', 'a.md', '-c', file, '--timeout', '5', '-f', 'json']);
    expect(out.signal).toBe(null);
    expect(out.code).toBe(2);
    const report = JSON.parse(out.stdout) as { files: Array<{ path: string; errors: Array<{ code: string }>; findings: unknown[] }> };
    expect(report.files.map((f) => [f.path, f.errors.map((e) => e.code)])).toEqual([
      ['a.md', []],
      ['slow.md', ['timeout']],
    ]);
  });
});
