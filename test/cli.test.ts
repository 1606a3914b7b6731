// The command line, through the real binary: exit codes, formats, config, directives, bad input.
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SIGNS } from '../dist/src/core/types.js';
import { ROOT, stratlint, tempDir } from './helpers.js';

const GOOD = 'fixtures/strategies/riverside-council-digital-strategy.md';
const BAD = 'fixtures/strategies/northshire-ten-year-vision.md';
const DIRECTIVES = 'fixtures/edge/directives.md';
const WARN_ONLY = `---\ndate: 2024-01-01\n---\n\n# Plan\n\nResidents told us in a survey that forms are hard to find.\n\nWe will review this strategy every year. Our ambition is a paperless office by 2040.\n`;

const json = (stdout: string) => JSON.parse(stdout) as { version: number; files: any[]; summary: any };

describe('exit codes and the stylish report', () => {
  it('exits 0 with a clean report for a good strategy', () => {
    const r = stratlint([GOOD]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('✔ No problems in 1 file');
  });

  it('exits 1 and shows line, severity, message, rule, evidence and fix for a bad one', () => {
    const r = stratlint([BAD]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('fixtures/strategies/northshire-ten-year-vision.md');
    expect(r.stdout).toMatch(/ 7:1 +error +The strategy never says who its users are \(patients, residents, staff…\) +no-users/);
    expect(r.stdout).toMatch(/ 15:4 +warning +Horizon runs to 2035, 10 years past the document's date \(2025\) +long-horizon/);
    expect(r.stdout).toContain('“by 2035”');
    expect(r.stdout).toContain('Plan for one to five years, and say how and when the strategy will be reviewed.');
    expect(r.stdout).toMatch(/✖ \d+ problems \(1 error, \d+ warnings\) in 1 file/);
  });

  it('fails on warnings only past --max-warnings', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'plan.md'), WARN_ONLY);
    expect(stratlint(['plan.md'], { cwd: dir }).code).toBe(0);
    const over = stratlint(['plan.md', '--max-warnings', '0'], { cwd: dir });
    expect(over.code).toBe(1);
    expect(over.stderr).toContain('more than --max-warnings 0');
    expect(stratlint(['plan.md', '--max-warnings', '50'], { cwd: dir }).code).toBe(0);
  });

  it('--quiet reports errors only', () => {
    const r = stratlint([BAD, '--quiet', '--format', 'json']);
    const findings = json(r.stdout).files[0].findings;
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.every((f: any) => f.severity === 'error')).toBe(true);
  });

  it('--rule turns a rule off or up', () => {
    const off = json(stratlint([BAD, '--rule', 'long-horizon:off', '--format', 'json']).stdout);
    expect(off.files[0].findings.some((f: any) => f.ruleId === 'long-horizon')).toBe(false);
    const dir = tempDir();
    writeFileSync(join(dir, 'plan.md'), WARN_ONLY);
    expect(stratlint(['plan.md', '--rule', 'long-horizon:error'], { cwd: dir }).code).toBe(1);
    const bad = stratlint([BAD, '--rule', 'long-horizon']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--rule takes id:severity');
  });

  it('gives usage errors exit code 2', () => {
    expect(stratlint([]).code).toBe(2);
    expect(stratlint([GOOD, '--format', 'xml']).code).toBe(2);
    expect(stratlint([GOOD, '--max-warnings', 'many']).code).toBe(2);
  });

  it('prints the version and help', () => {
    const v = stratlint(['--version']);
    expect(v.code).toBe(0);
    expect(v.stdout.trim()).toBe(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
    const h = stratlint(['--help']);
    expect(h.code).toBe(0);
    expect(h.stdout).toContain('--max-warnings');
  });

  it('documents in the README every option that --help lists, for stratlint and stratlint merge', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const help = stratlint(['--help']).stdout + stratlint(['merge', '--help']).stdout;
    const options = [...new Set([...help.matchAll(/^ {2}(?:-\w, )?(--[a-z-]+)/gm)].map((m) => m[1]!))].filter((o) => o !== '--help' && o !== '--version');
    expect(options).toEqual(expect.arrayContaining(['--shard', '--keep-text', '--cache', '--cache-location', '--baseline', '--write-baseline']));
    for (const option of options) expect(readme, option).toMatch(new RegExp(`[\`, ]${option}[\` ]`));
  });

  it('uses colour only when asked or on a terminal, and honours NO_COLOR', () => {
    expect(stratlint([BAD]).stdout).not.toContain('\u001b[');
    expect(stratlint([BAD, '--color']).stdout).toContain('\u001b[');
    expect(stratlint([BAD], { env: { FORCE_COLOR: '1', NO_COLOR: '1' } }).stdout).not.toContain('\u001b[');
  });

  it('gives byte-identical output for the same input', () => {
    const a = stratlint(['fixtures/strategies', '--format', 'json']).stdout;
    const b = stratlint(['fixtures/strategies', '--format', 'json']).stdout;
    expect(a).toBe(b);
  });
});

describe('JSON output', () => {
  it('follows the version 1 contract', () => {
    const r = stratlint([BAD, GOOD, '--format', 'json']);
    const out = json(r.stdout);
    expect(out.version).toBe(1);
    expect(out.files.map((f) => f.path)).toEqual([BAD, GOOD]);
    const file = out.files[0];
    expect(file.format).toBe('markdown');
    expect(file.referenceDate).toBe('2025-01-15');
    expect(file.errors).toEqual([]);
    for (const f of file.findings) {
      expect(Object.keys(f)).toEqual(
        expect.arrayContaining(['ruleId', 'sign', 'severity', 'message', 'evidence', 'fix', 'line', 'column', 'endLine', 'endColumn', 'locator', 'docs']),
      );
      expect(SIGNS).toContain(f.sign);
      expect(f.locator).toBe(`${f.line}:${f.column}`);
    }
    const horizon = file.findings.find((f: any) => f.ruleId === 'long-horizon' && f.line === 15);
    expect(horizon).toMatchObject({ sign: 'too-long-term', severity: 'warning', evidence: 'by 2035', column: 4, endLine: 15, endColumn: 8 });
    expect(out.summary).toMatchObject({ files: 2, errors: 1 });
    const warnings = out.files.flatMap((f) => f.findings).filter((f: any) => f.severity === 'warning').length;
    expect(out.summary.warnings).toBe(warnings);
    expect(warnings).toBeGreaterThan(10);
  });

  it('writes to --output-file and never over a document being linted', () => {
    const dir = tempDir();
    copyFileSync(join(ROOT, BAD), join(dir, 'plan.md'));
    const before = readFileSync(join(dir, 'plan.md'));
    const r = stratlint(['plan.md', '--format', 'json', '--output-file', 'out/report.json'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(json(readFileSync(join(dir, 'out/report.json'), 'utf8')).files[0].path).toBe('plan.md');
    const clobber = stratlint(['plan.md', '--output-file', 'plan.md'], { cwd: dir });
    expect(clobber.code).toBe(2);
    expect(clobber.stderr).toContain('refusing to write the report over plan.md');
    expect(readFileSync(join(dir, 'plan.md'))).toEqual(before);
  });
});

describe('standard input', () => {
  it('lints --stdin under --stdin-filename', () => {
    const r = stratlint(['--stdin', '--stdin-filename', 'docs/plan.md', '--format', 'json'], { input: readFileSync(join(ROOT, BAD)) });
    const out = json(r.stdout);
    expect(r.code).toBe(1);
    expect(out.files[0].path).toBe('docs/plan.md');
    expect(out.files[0].findings.some((f: any) => f.ruleId === 'long-horizon' && f.line === 15)).toBe(true);
  });

  it('reads a Word document from --stdin when its name ends in .docx, as it would the file', () => {
    const docx = 'fixtures/docx/riverside-pandoc.docx';
    const fromFile = json(stratlint([docx, '--format', 'json']).stdout).files[0];
    const r = stratlint(['--stdin', '--stdin-filename', docx, '--format', 'json'], { input: readFileSync(join(ROOT, docx)) });
    const fromStdin = json(r.stdout).files[0];
    expect(fromStdin.format).toBe('docx');
    expect(fromStdin.findings.length).toBeGreaterThan(0);
    expect(fromStdin).toEqual(fromFile);
  });

  it('says a --stdin-filename that .stratlintignore leaves alone is ignored, and lints nothing', () => {
    const dir = tempDir();
    writeFileSync(join(dir, '.stratlintignore'), 'drafts/\n');
    const r = stratlint(['--stdin', '--stdin-filename', 'drafts/vision.md', '--format', 'json'], { cwd: dir, input: readFileSync(join(ROOT, BAD)) });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('drafts/vision.md is ignored by "drafts/" (.stratlintignore)');
    expect(json(r.stdout).files).toEqual([]);
  });

  it('holds standard input to --max-file-size', () => {
    const r = stratlint(['--stdin', '--max-file-size', '1', '--format', 'json'], { input: 'We will cut waiting times. '.repeat(50_000) });
    expect(r.code).toBe(2);
    // Standard input is read only up to the limit, so its full size is never known.
    expect(r.stderr).toContain('<stdin>: File is over the 1 MB limit (raise it with --max-file-size)');
  });

  it('reports empty standard input as an error', () => {
    const r = stratlint(['--stdin'], { input: '' });
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('File is empty');
  });
});

describe('config', () => {
  it('reads --config and applies severities and options', () => {
    const r = stratlint([DIRECTIVES, '--config', 'fixtures/configs/strict-horizon.stratlintrc.yml', '--format', 'json']);
    const findings = json(r.stdout).files[0].findings;
    expect(findings.filter((f: any) => f.ruleId === 'long-horizon').every((f: any) => f.severity === 'error')).toBe(true);
    expect(findings.some((f: any) => f.ruleId === 'no-review-cycle')).toBe(false);
  });

  it('finds .stratlintrc.yml from the document’s folder upwards', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'docs', 'drafts'), { recursive: true });
    writeFileSync(join(dir, '.stratlintrc.yml'), 'rules:\n  long-horizon: off\nreferenceDate: 2039-01-01\n');
    writeFileSync(join(dir, 'docs', 'drafts', 'plan.md'), WARN_ONLY);
    const out = json(stratlint(['docs', '--format', 'json'], { cwd: dir }).stdout);
    expect(out.files[0].path).toBe('docs/drafts/plan.md');
    expect(out.files[0].referenceDate).toBe('2039-01-01');
    expect(out.files[0].findings.some((f: any) => f.ruleId === 'long-horizon')).toBe(false);
  });

  it('reads JSON config too', () => {
    const dir = tempDir();
    writeFileSync(join(dir, '.stratlintrc.json'), JSON.stringify({ rules: { 'long-horizon': ['error', { maxYears: 20 }] } }));
    writeFileSync(join(dir, 'plan.md'), WARN_ONLY);
    expect(stratlint(['plan.md'], { cwd: dir }).code).toBe(0);
  });

  const cases: Array<[string, RegExp]> = [
    ['typo-rule', /typo-rule\.stratlintrc\.yml: unknown rule "long-horizn" \(did you mean "long-horizon"\?\)/],
    ['bad-severity', /bad-severity\.stratlintrc\.yml: "rules\.long-horizon" has severity "loud"; use "off", "warn" or "error"/],
    ['bad-option', /bad-option\.stratlintrc\.yml: rule "long-horizon" has no option "maxYear"; its options are maxYears/],
    ['bad-key', /bad-key\.stratlintrc\.yml: unknown key "rulez" \(did you mean "rules"\?\)/],
    ['not-yaml', /not-yaml\.stratlintrc\.yml: is not valid YAML: line \d+, column \d+/],
  ];
  for (const [name, message] of cases) {
    it(`stops with exit code 2 on a bad config: ${name}`, () => {
      const r = stratlint([GOOD, '--config', `fixtures/configs/${name}.stratlintrc.yml`]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stdout).toBe('');
    });
  }

  it('names a missing --config file', () => {
    const r = stratlint([GOOD, '--config', 'nope.yml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/nope\.yml: cannot read the config file \(ENOENT\)/);
  });

  it('`init` writes a starter config that lints cleanly, and will not overwrite it', () => {
    const dir = tempDir();
    const r = stratlint(['init'], { cwd: dir });
    expect(r.code).toBe(0);
    const text = readFileSync(join(dir, '.stratlintrc.yml'), 'utf8');
    expect(text).toContain('extends: stratlint:recommended');
    expect(text).toContain('# long-horizon:');
    writeFileSync(join(dir, 'plan.md'), WARN_ONLY);
    expect(stratlint(['plan.md'], { cwd: dir }).code).toBe(0);
    expect(stratlint(['init'], { cwd: dir }).code).toBe(2);
  });

  it('`rules` lists every rule with its sign and severity', () => {
    const r = stratlint(['rules']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^long-horizon +too-long-term +warning +Dates and durations/m);
    expect(r.stdout).toMatch(/^no-users +user-centred +error /m);
  });
});

describe('inline directives', () => {
  it('disables, re-enables and disables the next line, and reports unknown rules', () => {
    const r = stratlint([DIRECTIVES, '--format', 'json']);
    const file = json(r.stdout).files[0];
    const lines = file.findings.filter((f: any) => f.ruleId === 'long-horizon').map((f: any) => f.line);
    expect(lines).toEqual([12, 18]);
    expect(file.errors).toEqual([
      { code: 'unknown-rule-in-directive', message: 'Unknown rule "no-such-rule" in a stratlint-disable directive', line: 20, column: 1 },
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('fixtures/edge/directives.md:20: Unknown rule "no-such-rule"');
  });
});

describe('bad input', () => {
  const sha = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');

  it('gives each unreadable file a one-line error, lints the rest and exits 2', () => {
    const dir = tempDir();
    copyFileSync(join(ROOT, BAD), join(dir, 'good-input.md'));
    writeFileSync(join(dir, 'empty.md'), '');
    writeFileSync(join(dir, 'blank.md'), '\n  \n');
    writeFileSync(join(dir, 'binary.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02, 0x03]));
    writeFileSync(join(dir, 'latin1.md'), Buffer.from('# Strat\u00e9gie num\u00e9rique\n', 'latin1'));
    writeFileSync(join(dir, 'huge.md'), Buffer.alloc(20 * 1024 * 1024, 'a'));
    mkdirSync(join(dir, 'nothing-here'));
    const hashes = ['good-input.md', 'empty.md', 'binary.md', 'latin1.md'].map((f) => sha(join(dir, f)));

    const r = stratlint(['.', 'missing.md', 'nothing-here', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(2);
    const out = json(r.stdout);
    const byPath = Object.fromEntries(out.files.map((f) => [f.path, f]));
    expect(byPath['empty.md'].errors).toEqual([{ code: 'empty', message: 'File is empty' }]);
    expect(byPath['blank.md'].errors).toEqual([{ code: 'empty', message: 'File has no text' }]);
    expect(byPath['binary.md'].errors).toEqual([{ code: 'binary', message: 'File is binary, not a text document' }]);
    expect(byPath['latin1.md'].errors[0]).toMatchObject({ code: 'encoding', message: 'File is not valid UTF-8 text (save it as UTF-8)' });
    expect(byPath['huge.md'].errors[0].message).toBe('File is 20.0 MB, over the 10 MB limit (raise it with --max-file-size)');
    expect(byPath['missing.md'].errors).toEqual([{ code: 'not-found', message: 'No such file or folder' }]);
    expect(byPath['nothing-here'].errors[0].code).toBe('no-documents');
    expect(byPath['good-input.md'].findings.length).toBeGreaterThan(10);
    // One line on stderr per problem, naming the file.
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(7);
    expect(lines).toContain('stratlint: empty.md: File is empty');
    // Nothing is written to the inputs.
    expect(['good-input.md', 'empty.md', 'binary.md', 'latin1.md'].map((f) => sha(join(dir, f)))).toEqual(hashes);
    expect(existsSync(join(dir, '.stratlintrc.yml'))).toBe(false);
  });

  it('shows file errors in the stylish report too', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'empty.md'), '');
    const r = stratlint(['empty.md'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/empty\.md\n +error +File is empty/);
  });

  it('raises the size limit with --max-file-size', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'big.md'), '# Plan\n\n' + 'Residents told us they want to pay online. '.repeat(30000));
    expect(stratlint(['big.md', '--max-file-size', '1', '--format', 'json'], { cwd: dir }).code).toBe(2);
    const r = stratlint(['big.md', '--max-file-size', '5', '--format', 'json'], { cwd: dir });
    expect(json(r.stdout).files[0].errors).toEqual([]);
  });

  it('lints files given by glob', () => {
    const out = json(stratlint(['fixtures/strategies/*.md', '--format', 'json']).stdout);
    expect(out.files.map((f) => f.path)).toEqual([BAD, GOOD]);
  });
});
