// Small files that hung stratlint or overflowed its stack (issue 15, item 5), each through the
// real command line: each now ends with its findings, the part beyond a hard limit reported by
// skipped-text, and an ordinary exit code. The spawn's own time limit only turns a hang into
// a failure instead of a stuck test run; it is not a speed assertion.
import { describe, expect, it } from 'vitest';
import AdmZip from 'adm-zip';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BIN, ROOT, tempDir } from './helpers.js';

const dir = tempDir('stratlint-limits-');
const HANG = 120_000;

interface Outcome {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

function lint(name: string, content: string | Buffer, args: string[] = ['--format', 'json']): Outcome {
  const path = join(dir, name);
  writeFileSync(path, content);
  const r = spawnSync(process.execPath, [BIN, path, ...args], { cwd: dir, encoding: 'utf8', timeout: HANG, maxBuffer: 256 * 1024 * 1024 });
  return { code: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}

interface JsonFinding {
  ruleId: string;
  line: number;
  column: number;
  message: string;
}

function findings(out: Outcome): JsonFinding[] {
  const report = JSON.parse(out.stdout) as { files: Array<{ findings: JsonFinding[] }> };
  return report.files[0]!.findings;
}

function skipped(out: Outcome): Array<Pick<JsonFinding, 'line' | 'column' | 'message'>> {
  return findings(out)
    .filter((f) => f.ruleId === 'skipped-text')
    .map(({ line, column, message }) => ({ line, column, message }));
}

/** Ended by itself, with an exit code stratlint gives and no stack trace. */
function expectBounded(out: Outcome): void {
  expect(out.signal).toBe(null);
  expect([0, 1, 2]).toContain(out.code);
  expect(out.stderr).not.toMatch(/^\s+at /m);
  expect(out.stderr).not.toMatch(/Maximum call stack|heap out of memory/);
}

describe('hostile Markdown ends with findings', { timeout: HANG + 30_000 }, () => {
  it('a 168 KB paragraph without a full stop: the sentence is skipped, the rest linted', () => {
    const words = 'the council will improve services for residents and staff across the region with partners'.split(' ');
    let body = '';
    for (let i = 0; body.length < 168_000; i++) body += `${words[i % words.length]} `;
    const out = lint('paragraph.md', `# Plan\n\n${body}\n\nResidents told us they need shorter waits.\n`);
    expectBounded(out);
    expect(skipped(out)).toEqual([{ line: 3, column: 1, message: 'Sentence of more than 300 words or 3,000 characters: it was not analysed' }]);
    // The sentence after it is still read: residents are its subject.
    expect(findings(out).map((f) => f.ruleId)).not.toContain('no-users');
  });

  it('"19" repeated 100,000 times', () => {
    const out = lint('nineteen.md', `# Plan\n\n${'19'.repeat(100_000)}\n`);
    expectBounded(out);
    expect(skipped(out)).toEqual([{ line: 3, column: 1, message: 'Sentence of more than 300 words or 3,000 characters: it was not analysed' }]);
  });

  for (const times of [5_000, 100_000]) {
    it(`"- " repeated ${times.toLocaleString('en')} times: a list nested that deep is skipped`, () => {
      const out = lint(`dashes-${times}.md`, `${'- '.repeat(times)}x\n\n# Plan\n\nResidents need help.\n`);
      expectBounded(out);
      expect(skipped(out)).toEqual([{ line: 1, column: 1, message: 'Nested more than 100 levels deep: this part was not analysed' }]);
    });
  }

  it('50,000 headings: the text after the first 1,000 is skipped', () => {
    let text = '';
    for (let i = 0; i < 50_000; i++) text += `# Heading ${i}\n\n`;
    const out = lint('headings.md', text);
    expectBounded(out);
    expect(skipped(out)).toEqual([{ line: 2001, column: 1, message: 'More than 1,000 headings: the text from here on was not analysed' }]);
  });

  it('3,000 lines of ever deeper ">" quotes', () => {
    let text = '';
    for (let i = 1; i <= 3000; i++) text += `${'>'.repeat(i)} quote line ${i}\n`;
    const out = lint('quotes.md', text);
    expectBounded(out);
    // The quotes up to 98 deep are read (a paragraph sits inside the deepest quote), the rest not.
    expect(skipped(out)).toEqual([{ line: 99, column: 101, message: 'Nested more than 100 levels deep: this part was not analysed' }]);
    expect(findings(out).some((f) => f.line === 5 || f.line === 1)).toBe(true);
  });

  it('4,000 emphasis marks in one paragraph: the paragraph is skipped', () => {
    const out = lint('emphasis.md', `# Plan\n\n${'*a '.repeat(4000)}residents${'*'.repeat(4000)}\n\nResidents need help.\n`);
    expectBounded(out);
    expect(skipped(out)).toEqual([{ line: 3, column: 1, message: 'More than 500 emphasis marks (*, _, ~) in one paragraph: it was not analysed' }]);
  });

  it('emphasis nested 150 deep: the part deeper than the limit is skipped', () => {
    const out = lint('nested-emphasis.md', `# Plan\n\n${'*a '.repeat(150)}residents${'*'.repeat(150)}\n`);
    expectBounded(out);
    expect(skipped(out).map((s) => [s.line, s.message])).toEqual([[3, 'Nested more than 100 levels deep: this part was not analysed']]);
  });
});

describe('hostile Word documents end with one line', { timeout: HANG + 30_000 }, () => {
  it('tables nested 20,000 deep in a 5 KB .docx', () => {
    const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
    const depth = 20_000;
    const body = '<w:p><w:r><w:t>Residents need a plan.</w:t></w:r></w:p>' + '<w:tbl><w:tr><w:tc>'.repeat(depth) + '<w:p/>' + '</w:tc></w:tr></w:tbl>'.repeat(depth);
    const zip = new AdmZip(readFileSync(join(ROOT, 'fixtures', 'docx', 'riverside-pandoc.docx')));
    zip.updateFile('word/document.xml', Buffer.from(`<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${body}</w:body></w:document>`));
    const bytes = zip.toBuffer();
    expect(bytes.length).toBeLessThan(20_000);
    const out = lint('nested-tables.docx', bytes, []);
    expectBounded(out);
    expect(out.code).toBe(2);
    expect(out.stdout).toContain('word/document.xml nests elements more than 256 deep (tables within tables?), which Word does not write; refusing it  docx-too-deep');
  });
});
