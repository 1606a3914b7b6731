// A strategy as a PDF conversion leaves it (a running header and page numbers on every page, a
// sentence cut by a page break, bullets flattened into one paragraph) reads as the same strategy
// written cleanly: the same commitments, the same findings, the same score, and nothing found on
// the layout debris. fixtures/converted/ holds both versions of one text.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Analysis } from '../dist/src/analysis/index.js';
import { buildLexicons } from '../dist/src/analysis/lexicons.js';
import { markdownDocument } from '../dist/src/formats/markdown.js';
import { Linter } from '../dist/src/engine/run.js';
import { ROOT } from './helpers.js';

const authored = join(ROOT, 'fixtures/converted/eastholm-authored.md');
const converted = join(ROOT, 'fixtures/converted/eastholm-from-pdf.md');
const lexicons = buildLexicons();

function commitments(path: string): string[] {
  const analysis = new Analysis(markdownDocument(path, readFileSync(path, 'utf8')), { lexicons });
  return analysis.objectives.map((o) => `${o.kind} ${o.measure ? 'M' : '-'}${o.deadline ? 'D' : '-'} ${o.text.replace(/\s+/g, ' ').trim()}`);
}

describe('a strategy converted from PDF reads as the same strategy written cleanly', async () => {
  const linter = new Linter({ cwd: ROOT });
  const [clean, fromPdf] = await Promise.all([linter.lintFile(authored), linter.lintFile(converted)]);
  const lines = readFileSync(converted, 'utf8').split('\n');

  it('finds the same commitments, with their measures and dates, and joins the sentence cut by a page break', () => {
    expect(commitments(converted)).toEqual(commitments(authored));
    expect(commitments(converted)).toContain(
      "commitment -- We will also work with the Marsh villages' parish councils to find the places where nurses lose their mobile signal, and we will publish the map for patients and staff alike.",
    );
  });

  it('gives the same findings and the same score', () => {
    const messages = (r: typeof clean) => r.findings.map((f: { ruleId: string; message: string }) => `${f.ruleId}: ${f.message}`).sort();
    expect(messages(fromPdf)).toEqual(messages(clean));
    expect(fromPdf.scorecard!.score).toBe(clean.scorecard!.score);
  });

  it('drops the running header and the page numbers from what the rules read, and reports nothing on them', () => {
    const debris = lines.flatMap((text, i) => (/^(?:EASTHOLM COMMUNITY|Page \d)/.test(text) ? [i + 1] : []));
    expect(debris.length).toBeGreaterThanOrEqual(6);
    const doc = markdownDocument(converted, readFileSync(converted, 'utf8'));
    const analysis = new Analysis(doc, { lexicons });
    const read = analysis.blocks.map((b) => doc.toPoint(b.start).line);
    for (const line of debris) expect(read, `line ${line}: ${lines[line - 1]}`).not.toContain(line);
    for (const f of fromPdf.findings) expect(debris, `${f.ruleId} at ${f.line}`).not.toContain(f.line);
  });
});

// Blind test round two (fixtures/blind/FINDINGS.md, class R2-2): PDF text whose headings are
// lines of capitals ("2. OUR INITIATIVES" reads as a numbered list of one) and whose initiatives
// are wrapped "•" lines under an "initiatives" heading reads as the same plan written in Markdown.
describe('a PDF-text strategy with headings in capitals and initiatives under them', async () => {
  const cleanPath = join(ROOT, 'fixtures/converted/saltmarsh-authored.md');
  const pdfPath = join(ROOT, 'fixtures/converted/saltmarsh-from-pdf.md');
  const linter = new Linter({ cwd: ROOT });
  const [clean, fromPdf] = await Promise.all([linter.lintFile(cleanPath), linter.lintFile(pdfPath)]);
  const lines = readFileSync(pdfPath, 'utf8').split('\n');
  const sections = (path: string) =>
    new Analysis(markdownDocument(path, readFileSync(path, 'utf8')), { lexicons }).sections.filter((s) => s.heading).map((s) => s.title.toLowerCase());

  it('reads the lines of capitals as headings, and a shouted sentence as a sentence', () => {
    expect(sections(pdfPath)).toEqual(sections(cleanPath));
    expect(sections(pdfPath)).toEqual(['saltmarsh port authority technology plan 2026 to 2029', 'introduction', 'our initiatives', 'governance']);
  });

  it('finds each initiative under "our initiatives" as a commitment, in both versions', () => {
    expect(commitments(pdfPath)).toEqual(commitments(cleanPath));
    expect(commitments(pdfPath)).toEqual([
      'item MD Replace the berth booking spreadsheet with an online booking service for 3,000 berth holders by April 2027',
      'item -- Migrate the harbour management database to the cloud',
      'item -- Introduce a blockchain ledger for cargo manifests',
      'item -- Streamline ferry ticketing processes',
      'item -- Upgrade the finance system',
      'item -- Leverage data to drive better decisions',
      'item MD Train all 140 staff in cyber security by December 2026',
    ]);
  });

  it('gives the same findings and score, each at the line and column where its initiative starts', () => {
    const messages = (r: typeof clean) => r.findings.map((f: { ruleId: string; message: string }) => `${f.ruleId}: ${f.message}`).sort();
    expect(messages(fromPdf)).toEqual(messages(clean));
    expect(fromPdf.scorecard!.score).toBe(clean.scorecard!.score);
    const vague = fromPdf.findings.filter((f: { ruleId: string; message: string }) => f.ruleId === 'vague-goals' && f.message.includes('no measure or deadline'));
    expect(vague.map((f: { line: number }) => f.line)).toEqual([23, 24, 25, 31, 32]);
    for (const f of vague) {
      const quoted = /: "([^"]{12})[^"]*"$/.exec(f.message)![1]!;
      expect(lines[f.line - 1]!.slice(f.column - 1), `${f.line}:${f.column}`).toMatch(new RegExp(`^\\s?${quoted.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    }
  });
});
