// Issue 16's "done": the shared corpus made into PDFs as authors make them (pandoc to Word,
// LibreOffice to PDF), linted as PDF and as Markdown. Prints the figures the README gives and
// holds the floors reached, so a change that loses findings, adds false ones, moves scores or
// garbles the text fails here. Each figure and how it is measured: scripts/pdf-corpus.js.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { Linter } from '../dist/src/engine/run.js';
import { loadDocument } from '../dist/src/formats/index.js';
import { CORPUS as corpus, tempDir } from './helpers.js';
// @ts-expect-error: plain JavaScript helpers, shared with the measuring script.
import { libreOfficeVersion, pandocVersion } from '../scripts/docx-convert.js';
// @ts-expect-error: plain JavaScript helpers, shared with the measuring script.
import { convertCorpus, measure, pdftotextVersion, report } from '../scripts/pdf-corpus.js';

const documents = existsSync(corpus) ? readdirSync(corpus).filter((f) => /^\d.*\.md$/.test(f)) : [];
const missing = [
  !pandocVersion() && 'pandoc',
  !libreOfficeVersion() && 'LibreOffice (soffice)',
  !pdftotextVersion() && 'pdftotext (poppler-utils)',
  !documents.length && `the corpus (${corpus})`,
].filter(Boolean);

if (missing.length) {
  const message = `pdf-corpus: ${missing.join(' and ')} not available; install with "apt-get install pandoc libreoffice-writer-nogui poppler-utils" (.ci/run does)`;
  if (process.env['CI'] === 'true') throw new Error(message);
  console.warn(`SKIPPED ${message}`);
}

interface Figures {
  rows: Array<{ name: string; total: number; found: number; extra: unknown[]; scores: [number, number]; wordsMatched: number; wordsTotal: number; drawnMatched: number; drawnTotal: number; pdf: { errors: unknown[]; format: string; referenceDate: string }; markdown: { referenceDate: string } }>;
  total: number;
  found: number;
  extra: number;
  wordsMatched: number;
  wordsTotal: number;
  drawnMatched: number;
  drawnTotal: number;
  maxScoreGap: number;
}

describe.skipIf(missing.length > 0)('corpus strategies as PDFs', () => {
  let work: string;
  let figures: Figures;

  beforeAll(async () => {
    work = tempDir('stratlint-pdf-corpus-');
    figures = await measure(convertCorpus(corpus, work), { Linter, loadDocument });
    console.log(report(figures));
  }, 600_000);
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('every PDF reads, as PDF, with the same date as its Markdown', () => {
    expect(figures.rows.length).toBe(documents.length);
    for (const row of figures.rows) {
      expect(row.pdf.errors, row.name).toEqual([]);
      expect(row.pdf.format).toBe('pdf');
      expect(row.pdf.referenceDate, row.name).toBe(row.markdown.referenceDate);
    }
  });

  it('finds the Markdown findings with the same rule at the same place', () => {
    expect(figures.found / figures.total).toBeGreaterThanOrEqual(FLOORS.found);
    expect(figures.extra / figures.total).toBeLessThanOrEqual(FLOORS.extra);
  });

  it('scores each document close to its Markdown', () => {
    for (const row of figures.rows) expect(Math.abs(row.scores[0] - row.scores[1]), row.name).toBeLessThanOrEqual(FLOORS.scoreGap);
  });

  it("reads pdftotext's words, in order", () => {
    expect(figures.wordsMatched / figures.wordsTotal).toBeGreaterThanOrEqual(FLOORS.words);
    for (const row of figures.rows) expect(row.wordsMatched / row.wordsTotal, row.name).toBeGreaterThanOrEqual(FLOORS.wordsPerDocument);
  });

  it('reads the words in the order the PDF draws them (pdftotext -raw), tables cell by cell along each row', () => {
    expect(figures.drawnMatched / figures.drawnTotal).toBeGreaterThanOrEqual(FLOORS.drawn);
    for (const row of figures.rows) expect(row.drawnMatched / row.drawnTotal, row.name).toBeGreaterThanOrEqual(FLOORS.drawnPerDocument);
  });
});

// The bars: 90% found, at most 10% extra, every score within 5 points, and 98% of
// pdftotext's words. Held at what was reached (2026-12-07): 95.7% found, 3.5% extra, largest
// gap 5; words 98.0% in pdftotext's order (93.3% for the one document of narrow tables, whose
// first column pdftotext reads down the page before the other cells; 99.2% or more for the
// rest), and 99.4% in the order the PDF draws them, 98.9% or more for every document (README,
// "PDF"). On the merge with the day's rule changes (more commitments found in 21 and 26, more
// findings in 22) the same reader finds 96.4% with 4.9% extra (22 of 446): the extra floor is
// that, the issue's 10% still far off. Then the Markdown reading stopped taking 21's contents
// (bold links) for objectives, and the precision review of 21 removed more of its wrong
// findings: 424 Markdown findings where there were 446, so 23 extra are 5.4% (a link that the
// PDF wraps over two lines counts as one link, so the contents are no extra). The count of
// extras held; the total it is divided by fell.
const FLOORS = { found: 0.95, extra: 0.055, scoreGap: 5, words: 0.98, wordsPerDocument: 0.93, drawn: 0.99, drawnPerDocument: 0.985 };
