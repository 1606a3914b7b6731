// Only regular files are read, no read passes its size limit, and a file is linted once however
// many paths lead to it (issue 15, items 4 and 13). Each run here would have read /dev/zero
// until memory ran out, or blocked on a FIFO for ever; the test's time limit is what catches that.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { closeSync, copyFileSync, mkdirSync, openSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join, relative } from 'node:path';
import { BIN, ROOT, stratlint, tempDir } from './helpers.js';

const GOOD = join(ROOT, 'fixtures/strategies/riverside-council-digital-strategy.md');
const NOT_REGULAR = (path: string, kind: string) => `stratlint: ${path}: Is ${kind}, not a regular file; only regular files are read\n`;

let dir: string;
let socket: Server;
beforeAll(async () => {
  dir = tempDir('stratlint-reading-');
  mkdirSync(join(dir, 'client'));
  copyFileSync(GOOD, join(dir, 'client', 'plan.md'));
  symlinkSync('/dev/zero', join(dir, 'client', 'zero.md'));
  execFileSync('mkfifo', [join(dir, 'client', 'pipe.md')]);
  socket = createServer();
  await new Promise<void>((done) => socket.listen(join(dir, 'client', 'socket.md'), done));
});
afterAll(() => new Promise<void>((done) => socket.close(() => done())));

describe('files that are not regular files', () => {
  it('are passed by in a linted folder, and the other documents are linted', () => {
    const r = stratlint(['client', '--format', 'json'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const files = JSON.parse(r.stdout).files as Array<{ path: string; errors: Array<{ code: string }>; scorecard?: unknown }>;
    // A folder walk lists files (and links to files inside it), never a FIFO or a socket; the
    // link to /dev/zero leads outside the folder, so it is not followed (test/safety-links.test.ts).
    expect(files.map((f) => [f.path, f.errors.map((e) => e.code)])).toEqual([['client/plan.md', []]]);
    expect(r.stderr).toContain('client/zero.md → /dev/zero');
  });

  it('are refused when named one by one, and in workers', () => {
    const named = stratlint(['client/pipe.md', 'client/zero.md', '/dev/zero', '--format', 'json'], { cwd: dir });
    expect(named.code).toBe(2);
    expect(named.stderr).toContain(NOT_REGULAR('client/pipe.md', 'a FIFO (named pipe)'));
    expect(named.stderr).toContain(NOT_REGULAR(relative(dir, '/dev/zero'), 'a character device'));
    const socketNamed = stratlint(['client/socket.md'], { cwd: dir });
    expect(socketNamed.code).toBe(2);
    expect(socketNamed.stderr).toBe('');
    expect(socketNamed.stdout).toContain('client/socket.md\n  ');
    expect(socketNamed.stdout).toContain('Is a socket, not a regular file; only regular files are read  not-a-file');
    const jobs = stratlint(['client/plan.md', 'client/zero.md', '--jobs', '2', '--format', 'json'], { cwd: dir });
    expect(jobs.code).toBe(2);
    expect(jobs.stderr).toContain(NOT_REGULAR('client/zero.md', 'a character device'));
  });

  it('are not compared as --compare-with templates', () => {
    const r = stratlint(['client/plan.md', '--compare-with', 'client', '--compare-with', 'client/zero.md'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('stratlint: --compare-with: client/zero.md: Is a character device, not a regular file; only regular files are read');
  });

  it('stop a config that extends one, with one line', () => {
    const here = tempDir();
    copyFileSync(GOOD, join(here, 'plan.md'));
    writeFileSync(join(here, '.stratlintrc.yml'), 'extends: /dev/zero\n');
    const r = stratlint(['plan.md'], { cwd: here });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `stratlint: config error: ${join(here, '.stratlintrc.yml')}: "extends" names /dev/zero, which is a character device, not a regular file; only regular files are read\n`,
    );
  });
});

describe('size limits on every read', () => {
  it('stop standard input at --max-file-size', () => {
    const zero = openSync('/dev/zero', 'r');
    try {
      const r = spawnSync(process.execPath, [BIN, '--stdin', '--format', 'json'], { cwd: dir, stdio: [zero, 'pipe', 'pipe'], encoding: 'utf8' });
      expect(r.status).toBe(2);
      expect(r.stderr).toBe('stratlint: <stdin>: File is over the 10 MB limit (raise it with --max-file-size)\n');
    } finally {
      closeSync(zero);
    }
  });

  it('hold a config file to 1 MB', () => {
    const here = tempDir();
    copyFileSync(GOOD, join(here, 'plan.md'));
    writeFileSync(join(here, '.stratlintrc.yml'), `# ${'x'.repeat(2 * 1024 * 1024)}\n`);
    const r = stratlint(['plan.md'], { cwd: here });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`stratlint: config error: ${join(here, '.stratlintrc.yml')}: the config file is 2.0 MB, over the 1 MB limit\n`);
  });
});

describe('a file reached by two paths', () => {
  it('is linted once, under its real path, and not reported as copied from itself', () => {
    const here = tempDir();
    mkdirSync(join(here, 'strategies', '2024'), { recursive: true });
    copyFileSync(GOOD, join(here, 'strategies', '2024', 'plan.md'));
    symlinkSync('2024', join(here, 'strategies', 'current'));
    symlinkSync(join(here, 'strategies', '2024', 'plan.md'), join(here, 'strategies', 'a-link.md'));
    const r = stratlint(['strategies', 'strategies/current/plan.md', '--format', 'json'], { cwd: here });
    expect(r.code, r.stderr).toBe(0);
    const files = JSON.parse(r.stdout).files as Array<{ path: string; findings: Array<{ ruleId: string }> }>;
    expect(files.map((f) => f.path)).toEqual(['strategies/2024/plan.md']);
    expect(files[0]!.findings.filter((f) => f.ruleId === 'copied-text')).toEqual([]);
  });
});
