// Input that is wrong but not hostile is still told as such: an empty body, a plugin's broken
// findings, a .docx holding one part twice, and option values past what makes sense (issue 15,
// items 10, 11, 12 and 14).
import { describe, expect, it } from 'vitest';
import AdmZip from 'adm-zip';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, stratlint, tempDir } from './helpers.js';

const GOOD = join(ROOT, 'fixtures/strategies/riverside-council-digital-strategy.md');
const BAD = join(ROOT, 'fixtures/strategies/northshire-ten-year-vision.md');
const DOCX = join(ROOT, 'fixtures/docx/riverside-pandoc.docx');

describe('a document with nothing in its body', () => {
  it('is the same empty-document error whether it is blank, front matter alone, or an empty .docx', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'blank.md'), '\n\n');
    writeFileSync(join(dir, 'front-matter.md'), '---\ntitle: Digital strategy\ndate: 2025-01-01\n---\n\n<!-- stratlint-disable -->\n');
    const docx = new AdmZip(DOCX);
    const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
    docx.updateFile('word/document.xml', Buffer.from(`<?xml version="1.0"?><w:document ${W}><w:body><w:p/></w:body></w:document>`));
    writeFileSync(join(dir, 'empty.docx'), docx.toBuffer());
    const r = stratlint(['.', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(2);
    const files = JSON.parse(r.stdout).files as Array<{ path: string; errors: Array<{ code: string }>; scorecard?: unknown }>;
    expect(files.map((f) => [f.path, f.errors.map((e) => e.code), f.scorecard === undefined])).toEqual([
      ['blank.md', ['empty'], true],
      ['empty.docx', ['empty'], true],
      ['front-matter.md', ['empty'], true],
    ]);
    expect(r.stderr).toContain('stratlint: front-matter.md: File has no text after its front matter\n');
  });
});

describe("a plugin's findings", () => {
  it('are checked: a NaN weight or a fractional offset is one error naming the rule, not a false score', () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, 'sloppy.js'),
      `export default { rules: {
        nan: { meta: { sign: 'vague', severity: 'warning', description: 'x', fix: 'y' },
          check({ report }) { for (let i = 0; i < 10; i++) report({ start: i, end: i + 1, message: 'vague', weight: NaN }); } },
        half: { meta: { sign: 'vague', severity: 'warning', description: 'x', fix: 'y' },
          check({ report }) { report({ start: 1.5, end: 3, message: 'somewhere' }); } },
        far: { meta: { sign: 'vague', severity: 'warning', description: 'x', fix: 'y' },
          check({ doc, report }) { report({ start: 0, end: doc.text.length + 10, message: 'past the end' }); } },
      } };\n`,
    );
    writeFileSync(join(dir, '.stratlintrc.yml'), 'plugins: ["./sloppy.js"]\n');
    copyFileSync(GOOD, join(dir, 'plan.md'));
    const length = readFileSync(GOOD, 'utf8').length;
    const r = stratlint(['plan.md', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(2);
    const file = JSON.parse(r.stdout).files[0];
    expect(file.findings.filter((f: { ruleId: string }) => f.ruleId.startsWith('sloppy/'))).toEqual([]);
    expect(file.findings.every((f: { column: number }) => Number.isInteger(f.column))).toBe(true);
    expect(r.stderr.split('\n').filter(Boolean)).toEqual([
      'stratlint: plan.md: Rule "sloppy/nan" reported 10 findings that could not be placed or weighed (the first: weight NaN is not a finite number of 0 or more); they were left out',
      'stratlint: plan.md: Rule "sloppy/half" reported a finding that could not be placed or weighed (the first: start 1.5 is not a whole number from 0 to ' + length + ", the document's length); it was left out",
      `stratlint: plan.md: Rule "sloppy/far" reported a finding that could not be placed or weighed (the first: end ${length + 10} is not a whole number from 0 to ${length}, the document's length); it was left out`,
    ]);
  });
});

describe('a .docx with one part under two names', () => {
  it('is refused with one line, not read from either', () => {
    const dir = tempDir();
    const docx = new AdmZip(DOCX);
    const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
    docx.addFile('WORD/Document.xml', Buffer.from(`<?xml version="1.0"?><w:document ${W}><w:body><w:p><w:r><w:t>Hidden text</w:t></w:r></w:p></w:body></w:document>`));
    writeFileSync(join(dir, 'twice.docx'), docx.toBuffer());
    copyFileSync(GOOD, join(dir, 'plan.md'));
    const r = stratlint(['twice.docx', 'plan.md', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'stratlint: twice.docx: File holds both word/document.xml and WORD/Document.xml, one part under two names (part names ignore case), so it is not a valid .docx\n',
    );
    expect(JSON.parse(r.stdout).files.map((f: { path: string; scorecard?: unknown }) => [f.path, f.scorecard !== undefined])).toEqual([
      ['plan.md', true],
      ['twice.docx', false],
    ]);
  });
});

describe('option values', () => {
  // [arguments, what the one line on stderr says]
  const cases: Array<[string[], RegExp]> = [
    [['--timeout', '3000000'], /^error: option '--timeout <seconds>' argument '3000000' is invalid\. "3000000" is not a number of seconds above 0 and at most 86400 \(a day\)\.\n$/],
    [['--timeout', 'Infinity'], /argument 'Infinity' is invalid/],
    [['--max-memory', '0.5'], /^error: option '--max-memory <MB>' argument '0\.5' is invalid\. "0\.5" is not a whole number of megabytes from 32 to 1048576\.\n$/],
    [['--max-memory', '1e12'], /argument '1e12' is invalid/],
    [['--reference-date', '9999-99-99'], /^stratlint: --reference-date must be a date like 2024-03-01 \(or 2024-03, or 2024\), not "9999-99-99"\n$/],
    [['--reference-date', '2023-02-29'], /not "2023-02-29"/],
  ];
  for (const [args, stderr] of cases) {
    it(`refuses ${args.join(' ')} with one line and exit 2`, () => {
      const r = stratlint([GOOD, ...args]);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(stderr);
    });
  }

  it('takes a real date, and a config with an unreal one is a config error', () => {
    expect(stratlint([GOOD, '--reference-date', '2024-02-29']).code).toBe(0);
    const dir = tempDir();
    copyFileSync(GOOD, join(dir, 'plan.md'));
    writeFileSync(join(dir, '.stratlintrc.yml'), 'referenceDate: 2024-13-01\n');
    const r = stratlint(['plan.md'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`stratlint: config error: ${join(dir, '.stratlintrc.yml')}: "referenceDate" must be a date like 2024-03-01, not "2024-13-01"\n`);
  });

  it('--jobs starts no more workers than there are documents', () => {
    const dir = tempDir();
    const log = join(dir, 'threads.log');
    // A plugin's rule writes down the thread it runs in. (Its module is also imported once in a
    // thread of its own, which lints nothing, to see that it loads within the limits.)
    writeFileSync(
      join(dir, 'count.js'),
      `import { appendFileSync } from 'node:fs';\nimport { threadId } from 'node:worker_threads';\n` +
        `export default { rules: { count: { meta: { sign: 'vague', severity: 'warning', description: 'd', fix: 'f' }, check() { appendFileSync(${JSON.stringify(log)}, threadId + '\\n'); } } } };\n`,
    );
    writeFileSync(join(dir, '.stratlintrc.yml'), 'plugins: ["./count.js"]\n');
    copyFileSync(GOOD, join(dir, 'a.md'));
    copyFileSync(BAD, join(dir, 'b.md'));
    const r = stratlint(['a.md', 'b.md', '--jobs', '64', '--format', 'json'], { cwd: dir });
    expect(r.code, r.stderr).toBe(1);
    const threads = new Set(readFileSync(log, 'utf8').split('\n').filter(Boolean));
    threads.delete('0');
    expect(threads.size).toBeLessThanOrEqual(2);
    expect(JSON.parse(r.stdout).files.map((f: { path: string }) => f.path)).toEqual(['a.md', 'b.md']);
  });
});
