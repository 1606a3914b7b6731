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
