// A report piped into a reader that stops early (`stratlint rules | head -1`): stratlint ends
// quietly with 141, the status a shell gives a command that SIGPIPE ended, as `yes | head -1`
// does; never a stack trace. Through real pipes, made by bash.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { BIN, ROOT } from './helpers.js';

/** Runs `stratlint <args> | <reader>` in bash: stratlint's status, and what reached the terminal. */
function piped(args: string, reader: string): { status: number; stdout: string; stderr: string } {
  const script = `"${process.execPath}" "${BIN}" ${args} | ${reader}; exit "\${PIPESTATUS[0]}"`;
  const r = spawnSync('bash', ['-c', script], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

describe('a reader that closes the pipe early', () => {
  it('ends `stratlint rules` quietly with 141', () => {
    // `true` reads nothing and exits at once, so every write of stratlint's meets a closed pipe.
    const closed = piped('rules', 'true');
    expect(closed.stderr).toBe('');
    expect(closed.status).toBe(141);
    // head takes the first line and goes; stratlint may have written the rest before it did.
    const head = piped('rules', 'head -1');
    expect(head.stderr).toBe('');
    expect(head.stdout).toMatch(/^vague-goals +vague +warning +\S.*\n$/);
  });

  it('ends a report quietly with 141, with one job or a pool, and --version too', () => {
    for (const args of ['fixtures/strategies --format json', 'fixtures/strategies --jobs 2', 'fixtures/strategies --format html', '--version']) {
      const r = piped(args, 'true');
      expect(r.stderr, args).toBe('');
      expect(r.status, args).toBe(141);
    }
  });

  it('ends quietly with 141 when standard error is the pipe closed', () => {
    // A missing file is one line on standard error; the report goes to /dev/null.
    const r = piped('missing.md fixtures/strategies --format json 2>&1 >/dev/null', 'true');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(141);
  });

  it('leaves a reader that reads everything with the lint’s own exit code', () => {
    const r = piped('fixtures/strategies', 'cat');
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('northshire-ten-year-vision.md');
  });
});
