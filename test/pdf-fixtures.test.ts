// The PDF fixtures (made by scripts/make-pdf-fixtures.js): published layouts read in the right
// order with their running headers and page numbers left out, and bad PDFs refused one line
// each, exit code 2, with the other files in the run still linted.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Nodes, Table } from 'mdast';
import { toString } from 'mdast-util-to-string';
// @ts-expect-error: a plain JavaScript script, run by hand to remake the fixtures.
import { makeFixtures } from '../scripts/make-pdf-fixtures.js';
import { ROOT, stratlint, tempDir } from './helpers.js';

const dir = join(ROOT, 'fixtures', 'pdf');
const json = (args: string[], options: Parameters<typeof stratlint>[1] = {}) => {
  const ran = stratlint([...args, '--format', 'json'], options);
  return { ...ran, report: JSON.parse(ran.stdout) };
};
const squeeze = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

describe('PDF fixtures', () => {
  it('are what the script makes, byte for byte', () => {
    const out = tempDir('stratlint-pdf-fixtures-');
    try {
      const written = makeFixtures(out) as Record<string, Buffer>;
      expect(Object.keys(written).length).toBeGreaterThanOrEqual(9);
      for (const [name, bytes] of Object.entries(written)) expect(readFileSync(join(dir, name)).equals(bytes), name).toBe(true);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});

describe('a two-column PDF', () => {
  const file = 'fixtures/pdf/riverside-two-column.pdf';
  const markdown = readFileSync(join(ROOT, 'fixtures', 'strategies', 'riverside-council-digital-strategy.md'), 'utf8');

  it('reads down the left column before the right, each paragraph whole', async () => {
    const { loadDocument } = await import('../dist/src/formats/index.js');
    const loaded = await loadDocument(file, readFileSync(join(ROOT, file)));
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    const text = squeeze(loaded.doc.text);
    // Every paragraph and list item of the source, in the source's order.
    const blocks = markdown
      .replace(/^---\n[\s\S]*?\n---\n/, '')
      .split('\n')
      .map((l) => squeeze(l.replace(/^#+\s|^\s*(?:[-*]|\d+\.)\s/, '').replace(/\*\*|\[([^\]]*)\]\([^)]*\)/g, '$1')))
      .filter(Boolean);
    let at = 0;
    for (const block of blocks) {
      const found = text.indexOf(block, at);
      expect(found, `in order: ${block.slice(0, 60)}`).toBeGreaterThanOrEqual(at);
      at = found + block.length;
    }
    // It is two columns: lines were read as a column starting right of the middle of the page.
    const { extractContent } = await import('../dist/src/formats/pdf/extract.js');
    const { pageLines } = await import('../dist/src/formats/pdf/layout.js');
    const lines = (await extractContent(readFileSync(join(ROOT, file)))).pages.flatMap(pageLines);
    expect(lines.filter((l) => l.left > 595 / 2).length).toBeGreaterThan(20);
    // The numbered priorities are an ordered list, as in the Markdown.
    const lists = loaded.doc.tree.children.filter((n) => n.type === 'list');
    expect(lists.map((l) => (l as { ordered: boolean }).ordered)).toEqual([false, true]);
  });

  it('lints with page, line and column in JSON and the locator', () => {
    const { code, report } = json([file]);
    expect(code).toBe(0);
    const result = report.files[0];
    expect(result.format).toBe('pdf');
    expect(result.errors).toEqual([]);
    for (const f of result.findings) {
      expect(f.page).toBeGreaterThanOrEqual(1);
      expect(f.locator).toMatch(new RegExp(`^p\\.${f.page}:${f.line}:${f.column}\\b`));
    }
  });
});

describe('a PDF with running headers, footers and page numbers', () => {
  const file = 'fixtures/pdf/northshire-running-headers.pdf';

  it('has no finding on the header or footer, though the header names a 2035 horizon', async () => {
    const { report } = json([file]);
    const result = report.files[0];
    expect(result.errors).toEqual([]);
    const findings = result.findings as Array<{ ruleId: string; page: number; line: number; evidence: string; message: string }>;
    // The body's own horizon is found where it is…
    expect(findings.find((f) => f.ruleId === 'long-horizon' && f.evidence === 'by 2035')).toMatchObject({ page: 1, line: 12, column: 4 });
    // …and nothing on the lines of the page that hold the header or the footer.
    const { extractContent } = await import('../dist/src/formats/pdf/extract.js');
    const { pageLines } = await import('../dist/src/formats/pdf/layout.js');
    const content = await extractContent(readFileSync(join(ROOT, file)));
    const furniture = content.pages.flatMap(pageLines).filter((l) => /OFFICIAL|^Page \d of \d$/.test(l.text));
    expect(furniture.map((l) => `${l.page}:${l.text}`)).toEqual([
      '1:Northshire Health · Digital Vision 2025–2035 · OFFICIAL',
      '1:Page 1 of 2',
      '2:Northshire Health · Digital Vision 2025–2035 · OFFICIAL',
      '2:Page 2 of 2',
    ]);
    for (const f of findings) {
      expect(furniture.some((l) => l.page === f.page && l.number === f.line), `${f.ruleId} at p.${f.page}:${f.line}`).toBe(false);
    }
    expect(findings.filter((f) => /OFFICIAL|Page \d/.test(f.evidence + f.message))).toEqual([]);
  });

  it('shows p.page:line:column in stylish output', () => {
    const { stdout } = stratlint([file]);
    expect(stdout).toMatch(/^ {2}p\.1:12:4 \(Northshire Health Digital Vision 2025–2… › Our vision\)\s+warning\s+Horizon runs to 2035/m);
    expect(stdout).not.toMatch(/OFFICIAL|Page 1 of 2/);
  });
});

describe('a PDF with a narrow table', () => {
  const file = 'fixtures/pdf/narrow-table.pdf';
  const cells = (table: Nodes) => (table as Table).children.map((row) => row.children.map((cell) => toString(cell)));

  it('sets cells closer than an em apart, as word processors set narrow tables', async () => {
    // The class under test: on some line the gap between two cells is narrower than the font
    // size, so only the columns' alignment tells a cell's edge from a wide space.
    const { extractContent } = await import('../dist/src/formats/pdf/extract.js');
    const runs = (await extractContent(readFileSync(join(ROOT, file)))).pages[0]!.runs;
    const gaps = runs.flatMap((a) => runs.filter((b) => b.y === a.y && b.x > a.x).map((b) => ({ gap: b.x - (a.x + a.width), size: a.size })));
    expect(gaps.some(({ gap, size }) => gap > 0 && gap < size)).toBe(true);
  });

  it('reads the table as rows of cells: a broken word whole, and over the page break one table', async () => {
    const { loadDocument } = await import('../dist/src/formats/index.js');
    const loaded = await loadDocument(file, readFileSync(join(ROOT, file)));
    if (!loaded.ok) throw new Error(loaded.error.message);
    const blocks = loaded.doc.tree.children;
    expect(blocks.map((b) => b.type)).toEqual(['heading', 'list', 'paragraph', 'table', 'paragraph']);
    // "Continuously" is set "Continuousl" / "y" in its narrow column, and is spelled whole in
    // the paragraph above; the header repeated on page 2 is read once, and the last row, which
    // runs on under it, is one row.
    expect(cells(blocks[3]!)).toEqual([
      ['Milestone', 'Measure of success', 'Target date', 'Responsible team'],
      ['Publish every bus timetable as open data', 'Timetables published, out of all routes', 'Continuously', 'Transport data team'],
      ["Answer residents' questions online within two working days", 'Share of questions answered in time', 'September 2026', 'Customer contact centre'],
      [
        'Replace the paper form for a parking permit with an online service that residents can use on a phone, and retire the paper form once nine in ten applications arrive online',
        'Applications made online',
        'December 2026',
        'Parking services',
      ],
    ]);
    // The last row's first cell is found on both pages.
    const last = (blocks[3] as Table).children[3]!.children[0]!;
    expect([loaded.doc.toPoint(last.position!.start.offset!).page, loaded.doc.toPoint(last.position!.end.offset! - 1).page]).toEqual([1, 2]);
  });

  it('lints with no finding that reads across cells', () => {
    const { code, report } = json([file]);
    expect(code).toBe(0);
    const findings = report.files[0].findings as Array<{ message: string; evidence?: string }>;
    expect(findings.length).toBeGreaterThan(0);
    // Two neighbouring cells' words run together only when a line is read across the table.
    const across = /Measure of Target|Timetables Continuous|Target Responsible|Applications December|Continuousl y/;
    expect(findings.filter((f) => across.test(`${f.message} ${f.evidence ?? ''}`))).toEqual([]);
  });
});

describe('an encrypted PDF that opens without a password', () => {
  it('is read, as a viewer reads it (only its owner password restricts it)', () => {
    const { code, report } = json(['fixtures/pdf/owner-password-only.pdf']);
    expect(code).not.toBe(2);
    expect(report.files[0].errors).toEqual([]);
    expect(report.files[0].findings[0].evidence).toBe('Our digital strategy for 2025 to 2028');
  });
});

describe('bad PDFs', () => {
  const cases: Array<[string, string, RegExp]> = [
    ['encrypted.pdf', 'pdf-encrypted', /^PDF is password-protected \(encrypted\)/],
    ['scanned.pdf', 'pdf-no-text', /^PDF has no text layer .*run it through OCR first/],
    ['truncated.pdf', 'pdf-truncated', /^PDF is incomplete: it does not end with %%EOF/],
    ['corrupt.pdf', 'pdf-corrupt', /^PDF is damaged and cannot be read/],
    ['inflate-bomb.pdf', 'pdf-inflate-limit', /^PDF has a compressed stream \(at byte \d+\) that inflates to over 64 MB/],
    ['lzw-bomb.pdf', 'pdf-inflate-limit', /^PDF has a compressed stream \(at byte \d+\) that inflates to over 64 MB/],
    ['hex-flate-bomb.pdf', 'pdf-inflate-limit', /^PDF has a compressed stream \(at byte \d+\) that inflates to over 64 MB/],
    ['no-pages.pdf', 'empty', /^PDF has no pages$/],
    ['word-file.pdf', 'pdf-not-pdf', /^File is a zip archive \(a Word \.docx\?\), not a PDF/],
    ['many-pages.pdf', 'pdf-too-many-pages', /^PDF has 2500 pages, over the limit of 2000/],
    ['web-page.pdf', 'pdf-not-pdf', /^File is a web page \(HTML\), not a PDF/],
  ];
  let work: string;
  beforeAll(() => {
    work = tempDir('stratlint-bad-pdf-');
    mkdirSync(join(work, 'docs'));
    for (const [name] of cases) copyFileSync(join(dir, 'bad', name), join(work, 'docs', name));
    copyFileSync(join(dir, 'riverside-two-column.pdf'), join(work, 'docs', 'good.pdf'));
    copyFileSync(join(ROOT, 'fixtures', 'strategies', 'northshire-ten-year-vision.md'), join(work, 'docs', 'northshire.md'));
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('each gets one line with its code, the run exits 2, and the good files are linted', () => {
    const before = Object.fromEntries(readdirSync(join(work, 'docs')).map((f) => [f, readFileSync(join(work, 'docs', f))]));
    const { code, report, stderr } = json(['docs'], { cwd: work });
    expect(code).toBe(2);
    const byPath = new Map(report.files.map((f: { path: string }) => [f.path, f]));
    for (const [name, errorCode, message] of cases) {
      const result = byPath.get(`docs/${name}`) as { errors: Array<{ code: string; message: string }>; findings: unknown[] };
      expect(result.errors, name).toHaveLength(1);
      expect(result.errors[0]!.code, name).toBe(errorCode);
      expect(result.errors[0]!.message, name).toMatch(message);
      expect(result.errors[0]!.message, name).not.toContain('\n');
      expect(result.findings).toEqual([]);
    }
    expect((byPath.get('docs/good.pdf') as { errors: unknown[]; scorecard: unknown }).errors).toEqual([]);
    expect((byPath.get('docs/good.pdf') as { scorecard: unknown }).scorecard).toBeDefined();
    expect((byPath.get('docs/northshire.md') as { findings: unknown[] }).findings.length).toBeGreaterThan(5);
    expect(stderr).not.toMatch(/at .*\.js:\d+/);
    // Nothing read was written to.
    for (const [name, bytes] of Object.entries(before)) expect(readFileSync(join(work, 'docs', name)).equals(bytes)).toBe(true);
  });

  it('stylish output names each file and its problem on one line', () => {
    const { code, stdout } = stratlint(['docs/encrypted.pdf', 'docs/scanned.pdf', 'docs/northshire.md'], { cwd: work });
    expect(code).toBe(2);
    expect(stdout).toMatch(/docs\/encrypted\.pdf\n\s+error\s+PDF is password-protected \(encrypted\); [^\n]+pdf-encrypted\n/);
    expect(stdout).toMatch(/docs\/scanned\.pdf\n\s+error\s+PDF has no text layer [^\n]+pdf-no-text\n/);
    expect(stdout).toMatch(/docs\/northshire\.md\n\s+\d+:\d+/);
  });
});
