// --output-file never replaces a file stratlint reads, whatever path leads to it (issue 15, item 1).
import { describe, expect, it } from 'vitest';
import { copyFileSync, linkSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, stratlint, tempDir } from './helpers.js';

const GOOD = join(ROOT, 'fixtures/strategies/riverside-council-digital-strategy.md');
const BAD = join(ROOT, 'fixtures/strategies/northshire-ten-year-vision.md');

function folder(): { dir: string; a: Buffer; b: Buffer } {
  const dir = tempDir();
  copyFileSync(GOOD, join(dir, 'a.md'));
  copyFileSync(BAD, join(dir, 'b.md'));
  return { dir, a: readFileSync(join(dir, 'a.md')), b: readFileSync(join(dir, 'b.md')) };
}

describe('--output-file and the files read', () => {
  it('refuses a symlink to a document being linted, and leaves the document whole', () => {
    const { dir, a, b } = folder();
    symlinkSync('a.md', join(dir, 'r.html'));
    const r = stratlint(['a.md', 'b.md', '-f', 'html', '-o', 'r.html', '--no-progress'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('stratlint: refusing to write the report over r.html, which is the same file as a.md, a file stratlint reads\n');
    expect(r.stdout).toBe('');
    expect(readFileSync(join(dir, 'a.md'))).toEqual(a);
    expect(readFileSync(join(dir, 'b.md'))).toEqual(b);
  });

  it('refuses a hard link to a document being linted', () => {
    const { dir, b } = folder();
    linkSync(join(dir, 'b.md'), join(dir, 'report.json'));
    const r = stratlint(['.', '-f', 'json', '-o', 'report.json'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('refusing to write the report over report.json, which is the same file as b.md, a file stratlint reads');
    expect(readFileSync(join(dir, 'b.md'))).toEqual(b);
  });

  it('refuses a template read through --compare-with, named or linked', () => {
    const { dir } = folder();
    mkdirSync(join(dir, 'templates'));
    copyFileSync(BAD, join(dir, 'templates', 'old.md'));
    const before = readFileSync(join(dir, 'templates', 'old.md'));
    const named = stratlint(['a.md', '--compare-with', 'templates', '-f', 'csv', '-o', 'templates/old.md'], { cwd: dir });
    expect(named.code).toBe(2);
    expect(named.stderr).toContain('refusing to write the report over templates/old.md, which is a file stratlint reads');
    symlinkSync(join(dir, 'templates', 'old.md'), join(dir, 'scores.csv'));
    const linked = stratlint(['a.md', '--compare-with', 'templates/', '-f', 'csv', '-o', 'scores.csv'], { cwd: dir });
    expect(linked.code).toBe(2);
    expect(linked.stderr).toContain('which is the same file as templates/old.md');
    expect(readFileSync(join(dir, 'templates', 'old.md'))).toEqual(before);
  });

  it('refuses the config file the run was set up by', () => {
    const { dir } = folder();
    writeFileSync(join(dir, '.stratlintrc.yml'), 'rules:\n  long-horizon: off\n');
    const r = stratlint(['a.md', '-f', 'json', '-o', '.stratlintrc.yml'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('refusing to write the report over .stratlintrc.yml');
    expect(readFileSync(join(dir, '.stratlintrc.yml'), 'utf8')).toBe('rules:\n  long-horizon: off\n');
  });

  it('refuses the file named as standard input', () => {
    const { dir, a } = folder();
    const r = stratlint(['--stdin', '--stdin-filename', 'a.md', '-f', 'json', '-o', 'a.md'], { cwd: dir, input: a });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('refusing to write the report over a.md');
    expect(readFileSync(join(dir, 'a.md'))).toEqual(a);
  });

  it('replaces an old report whole, through a symlink, and leaves no temporary file', () => {
    const { dir } = folder();
    mkdirSync(join(dir, 'reports'));
    writeFileSync(join(dir, 'reports', 'latest.json'), 'an old report that is much longer than nothing at all');
    symlinkSync(join(dir, 'reports', 'latest.json'), join(dir, 'report.json'));
    const r = stratlint(['a.md', '-f', 'json', '-o', 'report.json'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    // The link still leads to the report, which is now the new one, and nothing else was left.
    expect(JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')).files[0].path).toBe('a.md');
    expect(readdirSync(join(dir, 'reports'))).toEqual(['latest.json']);
    expect(readdirSync(dir).sort()).toEqual(['a.md', 'b.md', 'report.json', 'reports']);
  });

  it('says in one line that a folder cannot take the report', () => {
    const { dir } = folder();
    mkdirSync(join(dir, 'out'));
    const r = stratlint(['a.md', '-f', 'json', '-o', 'out'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`stratlint: cannot write the report to ${join(dir, 'out')}: it is a folder\n`);
  });
});
