// The progress bar: on a terminal's stderr only, never in CI, piped or with --no-progress, and
// wiped before the report. Unit tests with a stream that says it is a terminal and a clock of
// our own; then the real binary in a pseudo-terminal made by util-linux's `script`.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { progressLine, startProgress } from '../dist/src/cli/progress.js';
import { writeCorpus } from '../scripts/lib/strategy-corpus.js';
import { BIN, stratlint, tempDir } from './helpers.js';

function terminal(isTTY = true) {
  const chunks: string[] = [];
  return { chunks, stream: { isTTY, columns: 100, write: (s: string) => (chunks.push(s), true) } };
}

describe('the progress bar', () => {
  it('draws done/total, rate, time left and the current file, then wipes itself', () => {
    const { chunks, stream } = terminal();
    let now = 0;
    const bar = startProgress(stream, { enabled: true, env: {}, now: () => now, intervalMs: 100 });
    bar.update({ done: 0, total: 40, current: 'plans/alpha.md' });
    expect(chunks).toEqual([]); // nothing until the first document is done
    now = 2000;
    bar.update({ done: 10, total: 40, current: null });
    now = 2050;
    bar.update({ done: 11, total: 40, current: 'plans/beta.md' }); // too soon to draw again
    now = 4000;
    bar.update({ done: 20, total: 40, current: null });
    bar.stop();
    expect(chunks).toEqual([
      `\r█████░░░░░░░░░░░░░░░ 10/40  5.0 docs/s  ETA 0:06  plans/alpha.md\u001b[K`,
      `\r██████████░░░░░░░░░░ 20/40  5.0 docs/s  ETA 0:04  plans/beta.md\u001b[K`,
      '\r\u001b[K',
    ]);
  });

  it('cuts a long path from the left to fit the terminal', () => {
    const line = progressLine({ done: 1, total: 2, current: null }, 1, 'a/very/long/folder/name/strategy.md', 70);
    expect(line).toBe('██████████░░░░░░░░░░ 1/2  1.0 docs/s  ETA 0:01  …der/name/strategy.md');
    expect([...line].length).toBe(69);
  });

  it('stays silent off a terminal, in CI, with --no-progress and for one document', () => {
    const quiet = [
      [terminal(false), { enabled: true, env: {} }],
      [terminal(), { enabled: true, env: { CI: 'true' } }],
      [terminal(), { enabled: false, env: {} }],
    ] as const;
    for (const [{ chunks, stream }, options] of quiet) {
      const bar = startProgress(stream, options);
      bar.update({ done: 1, total: 5, current: 'a.md' });
      bar.stop();
      expect(chunks).toEqual([]);
    }
    const { chunks, stream } = terminal();
    const bar = startProgress(stream, { enabled: true, env: { CI: 'false' } });
    bar.update({ done: 1, total: 1, current: 'a.md' });
    bar.stop();
    expect(chunks).toEqual([]);
  });
});

describe('the progress bar in a real terminal', { timeout: 180_000 }, () => {
  const dir = tempDir('stratlint-progress-');
  writeCorpus(dir, { documents: 6, words: 300 });
  // `script` runs the command in a pseudo-terminal and copies what it shows to its stdout.
  const inTerminal = (args: string[], env: Record<string, string> = {}) => {
    // `exec`: stratlint replaces the `$SHELL -c` that `script` starts, so its exit code is the one seen.
    const command = `exec ${[process.execPath, BIN, ...args].map((a) => `'${a}'`).join(' ')}`;
    const r = spawnSync('script', ['-qfec', command, '/dev/null'], {
      cwd: dir,
      input: '',
      encoding: 'utf8',
      env: { ...process.env, CI: '', NO_COLOR: '1', ...env },
    });
    return { code: r.status, screen: r.stdout };
  };
  const report = () => readFileSync(join(dir, 'report.json'), 'utf8');

  it('shows on stderr while the run goes, and leaves the report alone', () => {
    const r = inTerminal(['.', '--jobs', '2', '--format', 'json', '--output-file', 'report.json']);
    expect(r.code).toBe(0);
    expect(r.screen).toMatch(/\r█+░* [1-6]\/6 {2}[\d.]+ docs\/s {2}ETA \d+:\d\d {2}doc-00\d\.md\u001b\[K/);
    expect(r.screen).toContain('6/6');
    // Wiped at the end: the last thing on the screen is the wipe.
    expect(r.screen.endsWith('\r\u001b[K')).toBe(true);
    expect(JSON.parse(report()).files).toHaveLength(6);
  });

  it('does not show with --no-progress, in CI, or when stderr is piped', () => {
    expect(inTerminal(['.', '--format', 'json', '--output-file', 'report.json', '--no-progress']).screen).not.toContain('docs/s');
    expect(inTerminal(['.', '--format', 'json', '--output-file', 'report.json'], { CI: 'true' }).screen).not.toContain('docs/s');
    const piped = stratlint(['.', '--format', 'json'], { cwd: dir, env: { CI: '' } });
    expect(piped.stderr).toBe('');
    expect(JSON.parse(piped.stdout).files).toHaveLength(6);
  });
});
