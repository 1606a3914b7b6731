// `stratlint --watch`: the real binary in a pseudo-terminal made by util-linux's `script`, as
// the progress bar is tested. The file is edited as an editor would save it, the new report and
// the line of change are read off the screen, and Ctrl-C is typed.
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { changeLines } from '../dist/src/cli/watch.js';
import type { FileResult, Finding, LintRun } from '../dist/src/core/types.js';
import { BIN, ROOT, stratlint, tempDir } from './helpers.js';

/** The screen of a program run in a pseudo-terminal, and a way to wait for text on it. */
function inTerminal(args: string[], cwd: string) {
  // `script` runs the command with `$SHELL -c`; `exec` makes stratlint the shell's process, so
  // Ctrl-C reaches stratlint alone (dash, CI's shell, would otherwise take it and exit 130).
  const command = `exec ${[process.execPath, BIN, ...args].map((a) => `'${a}'`).join(' ')}`;
  const child = spawn('script', ['-qfec', command, '/dev/null'], { cwd, env: { ...process.env, CI: '', NO_COLOR: '1' } });
  let screen = '';
  const waiting: Array<() => void> = [];
  child.stdout.on('data', (d) => {
    screen += d;
    for (const w of waiting.splice(0)) w();
  });
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    get screen() {
      return screen;
    },
    /** Resolves once the screen, from `from` on, matches. */
    waitFor(pattern: RegExp, from = 0, timeoutMs = 60_000): Promise<RegExpMatchArray> {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`${pattern} never showed; the screen:\n${screen}`)), timeoutMs);
        const check = () => {
          const match = screen.slice(from).match(pattern);
          if (match) {
            clearTimeout(timer);
            resolve(match);
          } else waiting.push(check);
        };
        check();
      });
    },
    type: (keys: string) => child.stdin.write(keys),
    exit,
  };
}

describe('stratlint --watch in a real terminal', { timeout: 180_000 }, () => {
  it('reports again on each save, with a line of what changed, and Ctrl-C exits 0', async () => {
    const dir = tempDir('stratlint-watch-');
    const path = join(dir, 'strategy.md');
    const original = readFileSync(join(ROOT, 'fixtures', 'strategies', 'riverside-council-digital-strategy.md'), 'utf8');
    writeFileSync(path, original);
    const edited = `${original}\nBy 2040 we will deploy blockchain, the metaverse and generative AI in every service.\n`;
    const score = (text: string) => JSON.parse(stratlint(['--stdin', '--stdin-filename', 'strategy.md', '-f', 'json'], { cwd: dir, input: text }).stdout).files[0];
    const before = score(original);
    const after = score(edited);
    expect(after.scorecard.score).toBeLessThan(before.scorecard.score);

    const term = inTerminal(['--watch', 'strategy.md'], dir);
    await term.waitFor(/watching 1 document for changes; Ctrl-C to stop/);
    expect(term.screen).toContain(`Score ${before.scorecard.score}/100`);
    /** Does something, then waits for the next report: its line of change, and the screen from there. */
    const next = async (action: () => void, change: RegExp) => {
      const mark = term.screen.length;
      action();
      const [line] = await term.waitFor(change, mark);
      await term.waitFor(/watching 1 document/, mark);
      return { line, screen: term.screen.slice(mark) };
    };

    // Saved as many editors do: a new file renamed over the old one.
    const edit = await next(() => {
      writeFileSync(`${path}.tmp`, edited);
      renameSync(`${path}.tmp`, path);
    }, /score \d+ → \d+ \(−\d+\): [^\r\n]*/);
    expect(edit.line).toBe(`score ${before.scorecard.score} → ${after.scorecard.score} (−${before.scorecard.score - after.scorecard.score}): ${after.findings.length} new`);
    // The screen was cleared and the new report drawn: the new findings, on the new last line.
    expect(edit.screen).toContain('\u001b[2J');
    const lastLine = edited.trimEnd().split('\n').length;
    expect(edit.screen).toMatch(new RegExp(`${lastLine}:\\d+ +warning .*hype-tech`));
    expect(edit.screen).toContain(`Score ${after.scorecard.score}/100`);

    // A config turns a rule off: linted again with it, and its findings count as fixed.
    const hype = after.findings.filter((f: { ruleId: string }) => f.ruleId === 'hype-tech').length;
    expect(hype).toBeGreaterThan(0);
    const config = join(dir, '.stratlintrc.yml');
    const configured = await next(() => writeFileSync(config, 'rules:\n  hype-tech: off\n'), /score \d+[^\r\n]*fixed[^\r\n]*/);
    expect(configured.line).toMatch(new RegExp(`: ${hype} findings? fixed$`));
    expect(configured.screen).not.toContain('hype-tech');
    await next(() => rmSync(config), /score \d+[^\r\n]*: \d+ new/);

    // Back as it was: the findings are fixed.
    const back = await next(() => writeFileSync(path, original), /score \d+ → \d+ [^\r\n]*/);
    expect(back.line).toBe(`score ${after.scorecard.score} → ${before.scorecard.score} (+${before.scorecard.score - after.scorecard.score}): ${after.findings.length} findings fixed`);

    term.type('\u0003');
    expect(await term.exit).toBe(0);
  });

  it('refuses options it cannot honour, with exit code 2', () => {
    const run = stratlint(['--watch', '--format', 'json', 'fixtures/strategies']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('stratlint: --watch prints the stylish report to the terminal; it cannot be used with --format json\n');
  });
});

describe('the line of change', () => {
  const finding = (ruleId: string, message: string, line: number): Finding =>
    ({ ruleId, message, evidence: 'x', line, column: 1, endLine: line, endColumn: 2, severity: 'warning' }) as Finding;
  const file = (path: string, score: number, findings: Finding[]): FileResult =>
    ({ path, format: 'markdown', referenceDate: null, findings, errors: [], scorecard: { score } }) as unknown as FileResult;
  const run = (...files: FileResult[]): LintRun => ({ files, summary: { files: files.length, errors: 0, warnings: 0, fileErrors: 0 } });

  it('matches findings by what they say, not where, since an edit above moves them', () => {
    const a = run(file('a.md', 63, [finding('vague-goals', 'm1', 3), finding('vague-goals', 'm1', 9), finding('hype-tech', 'm2', 5)]));
    const b = run(file('a.md', 68, [finding('vague-goals', 'm1', 4), finding('jargon', 'm3', 6)]));
    expect(changeLines(a, b)).toEqual(['score 63 → 68 (+5): 2 findings fixed, 1 new']);
    expect(changeLines(b, b)).toEqual(['no change']);
  });

  it('gives a line per document that changed when there are several', () => {
    const a = run(file('a.md', 63, []), file('b.md', 50, [finding('jargon', 'm', 1)]));
    const b = run(file('a.md', 63, []), file('b.md', 55, []), file('c.md', 90, []));
    expect(changeLines(a, b)).toEqual(['b.md: score 50 → 55 (+5): 1 finding fixed', 'c.md: new, score 90']);
  });
});
