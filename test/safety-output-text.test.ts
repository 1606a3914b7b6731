// Control characters and terminal escape sequences from a document or a file name reach no
// report raw: text formats show them as \xHH, the JSON formats as \u escapes (issue 15, item 3).
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import AdmZip from 'adm-zip';
import { pandoc } from '../scripts/docx-convert.js';
import { ROOT, stratlint, tempDir } from './helpers.js';
import { escapeJsonControls, hasRawJsonControl } from '../src/reporters/control.js';

const TITLE = '\u001b]0;pwned\u0007';
const CLEAR = '\u001b[2J\u001b[H';
// A Markdown document's U+009B is read as Windows-1252's › (test below), so the one that stays
// a C1 control here is U+009D, which Windows-1252 leaves undefined.
const CSI = '\u009b31m\u009d';
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
    expect(r.stdout).toContain('deliver a \\x1b]0;pwned\\x07seamless\\x1b[2J\\x1b[H experience›31m\\x9d');
    expect(r.stdout).toContain('plan\\x1b[2J\\x1b[H.md\n');
  });

  it('are kept exact in JSON, which parses back to the same text', () => {
    const r = stratlint(['strategy.md', '--format', 'json'], { cwd: dir });
    const findings = JSON.parse(r.stdout).files[0].findings as Array<{ evidence: string }>;
    expect(findings.some((f) => f.evidence.includes(`deliver a ${TITLE}seamless${CLEAR} experience›31m\u009d`))).toBe(true);
    expect(r.stdout).toContain('›31m\\u009d');
  });
});

describe('the JSON report’s check for characters to escape, on its UTF-8 bytes', () => {
  const check = (text: string) => hasRawJsonControl(Buffer.from(text, 'utf8'));

  it('finds DEL and every C1 control, wherever they stand', () => {
    for (const text of ['\u007f', 'a\u007f', '\u0080 b', 'x \u0085 y', `deliver${CSI}`, '£\u009f', '\u00c2\u0080']) {
      expect(check(text), JSON.stringify(text)).toBe(true);
      expect(escapeJsonControls(text)).not.toMatch(RAW_CONTROL);
    }
  });

  it('finds nothing in text whose UTF-8 has the same bytes elsewhere: £, no-break space, Â€, curly quotes', () => {
    for (const text of ['£100 \u00a0 © ¿', 'Â€ ’ “ ” – é', 'plain ASCII {"a": 1}', '']) {
      expect(check(text), JSON.stringify(text)).toBe(false);
      expect(escapeJsonControls(text)).toBe(text);
    }
  });
});

describe('escape sequences in the command line’s own errors', () => {
  // Commander quotes what was typed in its errors: an argument pasted from a document, or a
  // script's variable, must not retitle the window or clear the screen either.
  it('are shown as visible escapes for an unknown option, a bad choice and a bad number, exit 2', () => {
    const cases: Array<[string[], string]> = [
      [[`--format=${TITLE}`, 'strategy.md'], "error: option '-f, --format <name>' argument '\\x1b]0;pwned\\x07' is invalid. Allowed choices are"],
      [[`--forma${CLEAR}`, 'strategy.md'], "error: unknown option '--forma\\x1b[2J\\x1b[H'\n"],
      [['--max-warnings', `${CSI}`, 'strategy.md'], "error: option '--max-warnings <n>' argument '\\x9b31m\\x9d' is invalid. \"\\x9b31m\\x9d\" is not a number of 0 or more.\n"],
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

describe('Windows quotes and dashes read as C1 controls', () => {
  // Text saved as Windows-1252 and decoded as Latin-1 has U+0091/U+0092 where its quotes were and
  // U+0096 for its dashes (the corpus's 2012 Ministry of Justice strategy): a reader expects the
  // quotes and dashes, as a browser shows them, not \x92 or nothing at all.
  const FIXTURE = join(ROOT, 'fixtures/edge/windows-1252-quotes.md');
  const C1 = /[\u0080-\u009f]/;

  for (const format of ['stylish', 'json', 'sarif', 'github', 'junit', 'markdown', 'csv', 'html', 'explain']) {
    it(`are shown as the quotes and dashes they were in the ${format} report`, () => {
      expect(readFileSync(FIXTURE, 'utf8')).toMatch(C1);
      const r = stratlint([FIXTURE, '--format', format], { cwd: ROOT });
      expect(r.code, r.stderr).toBe(0);
      // A finding on the last paragraph quotes it: “seamless”, in Windows's own quotation marks.
      expect(r.stdout).toContain('a “seamless” experience');
      expect(r.stdout).not.toMatch(C1);
      expect(r.stdout).not.toMatch(/\\(x|u00)9[0-9a-f]/);
    });
  }

  it('are read as such, so a quoted word is a quotation, and the text keeps every place', () => {
    const html = stratlint([FIXTURE, '--format', 'html'], { cwd: ROOT });
    expect(html.stdout).toContain('will become ‘digital by default’ by March 2026');
    expect(html.stdout).toContain('Residents who can’t use the internet will be helped – in libraries and by phone –');
    const report = JSON.parse(stratlint([FIXTURE, '--format', 'json'], { cwd: ROOT }).stdout);
    const findings = report.files[0].findings as Array<{ ruleId: string; message: string; line: number; column: number; evidence: string }>;
    // “seamless” in quotes is the author quoting a word, as it would be with the quotes typed right.
    expect(findings.filter((f) => f.message.includes('"seamless"'))).toEqual([]);
    const synergies = findings.find((f) => f.ruleId === 'jargon' && f.message.includes('synergies'))!;
    expect([synergies.line, synergies.column]).toEqual([19, 54]);
  });

  it('are read the same way from a Word document, whose annotated copy keeps its own characters', () => {
    // pandoc carries the fixture's C1 characters into word/document.xml as they are.
    const work = tempDir('stratlint-c1-');
    const docx = pandoc(FIXTURE, join(work, 'plan.docx'));
    const xml = () => new AdmZip(docx).readAsText('word/document.xml');
    expect(xml()).toContain('can\u0092t use the internet');
    const html = stratlint([docx, '--format', 'html'], { cwd: work });
    expect(html.code, html.stderr).toBe(0);
    expect(html.stdout).toContain('Residents who can’t use the internet will be helped – in libraries and by phone –');
    expect(html.stdout).not.toMatch(C1);

    const copy = join(work, 'plan.reviewed.docx');
    const annotated = stratlint([docx, '--annotate', copy], { cwd: work });
    expect(annotated.code, annotated.stderr).toBe(0);
    expect(new AdmZip(copy).readAsText('word/document.xml')).toContain('can\u0092t use the internet');
  });
});
