// Issue 17's "done", with the real programs: every Word fixture, and every strategy of the
// shared corpus turned into Word by pandoc and by LibreOffice, annotated; then each copy is
// opened by LibreOffice (headless, one batch) and saved as PDF with its comments, and read back
// by pandoc: every comment there, on the finding's text, and nothing else in the package changed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import AdmZip from 'adm-zip';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { FileResult } from '../dist/src/core/types.js';
import { annotateRun } from '../dist/src/annotate/write.js';
import { Linter, summarise } from '../dist/src/engine/run.js';
import { docxDocument } from '../dist/src/formats/docx/index.js';
import { CORPUS, ROOT, tempDir } from './helpers.js';
import { changedEntries, expectReview } from './support/docx-review.js';
// @ts-expect-error: a plain JavaScript helper, shared with scripts/make-docx-fixtures.js.
import { libreOfficeConvert, libreOfficeToDocx, libreOfficeVersion, pandoc, pandocVersion } from '../scripts/docx-convert.js';

const corpus = existsSync(CORPUS) ? readdirSync(CORPUS).filter((f) => /^\d.*\.md$/.test(f)).sort() : [];
const fixtures = readdirSync(join(ROOT, 'fixtures', 'docx')).filter((f) => f.endsWith('.docx')).sort();
const missing = [!pandocVersion() && 'pandoc', !libreOfficeVersion() && 'LibreOffice (soffice)', !corpus.length && `the corpus (${CORPUS})`].filter(Boolean);
if (missing.length) {
  const message = `annotate-corpus: ${missing.join(' and ')} not available; install with "apt-get install pandoc libreoffice-writer-nogui" (.ci/run does)`;
  if (process.env['CI'] === 'true') throw new Error(message);
  console.warn(`SKIPPED ${message}`);
}

// LibreOffice's PDF export writes each comment as a text annotation when asked to.
const PDF_WITH_COMMENTS = 'pdf:writer_pdf_Export:{"ExportNotes":{"type":"boolean","value":"true"}}';

interface Case {
  name: string;
  input: string;
  copy: string;
  pdf: string;
  result: FileResult;
}

const names = [...fixtures.map((f) => `fixture ${f}`), ...corpus.flatMap((f) => [`pandoc ${f}`, `libreoffice ${f}`])];

describe.skipIf(missing.length > 0)('annotated copies of real Word documents', () => {
  let work: string;
  const cases = new Map<string, Case>();
  const linter = new Linter({ cwd: ROOT, now: new Date('2026-01-01T00:00:00Z') });

  beforeAll(async () => {
    work = tempDir('stratlint-annotate-corpus-');
    for (const dir of ['in', 'odt', 'out', 'pdf']) mkdirSync(join(work, dir));
    const inputs = new Map<string, string>();
    for (const f of fixtures) inputs.set(`fixture ${f}`, copyInto(join(ROOT, 'fixtures', 'docx', f), join(work, 'in', `fixture-${f}`)));
    for (const f of corpus) {
      const name = basename(f, '.md');
      inputs.set(`pandoc ${f}`, pandoc(join(CORPUS, f), join(work, 'in', `pandoc-${name}.docx`), { from: 'gfm+yaml_metadata_block', args: ['--standalone'] }));
      pandoc(join(CORPUS, f), join(work, 'odt', `libreoffice-${name}.odt`), { from: 'gfm+yaml_metadata_block', args: ['--standalone'] });
    }
    const odts = corpus.map((f) => join(work, 'odt', `libreoffice-${basename(f, '.md')}.odt`));
    libreOfficeToDocx(odts, join(work, 'in')).forEach((made: string, i: number) => inputs.set(`libreoffice ${corpus[i]}`, made));

    for (const [name, input] of inputs) {
      const result = await linter.lintFile(input);
      expect(result.errors, name).toEqual([]);
      const copy = join(work, 'out', basename(input));
      const outcome = annotateRun({ files: [result], summary: summarise([result]) }, { paths: [input], target: copy, force: false, cwd: ROOT });
      expect(outcome.problems, name).toEqual([]);
      cases.set(name, { name, input, copy, pdf: join(work, 'pdf', basename(input).replace(/\.docx$/, '.pdf')), result });
    }
    // One LibreOffice run for every copy: it is slow to start.
    libreOfficeConvert([...cases.values()].map((c) => c.copy), join(work, 'pdf'), { filter: PDF_WITH_COMMENTS });
  }, 900_000);
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  describe.each(names)('%s', (name) => {
    const get = () => cases.get(name)!;

    it('LibreOffice opens the copy and saves it as PDF, with every comment', () => {
      const { copy, pdf } = get();
      const bytes = readFileSync(pdf);
      expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      const comments = new AdmZip(readFileSync(copy)).readAsText('word/comments.xml').match(/<w:comment\b/g)!.length;
      expect(bytes.toString('latin1').match(/\/Subtype\s*\/Text\b/g)?.length ?? 0).toBe(comments);
    });

    it('pandoc reads back a comment per finding on its evidence, plus the scorecard', () => {
      const { copy, input, result } = get();
      expect(result.findings.length).toBeGreaterThan(0);
      expectReview(copy, result, docxDocument(input, readFileSync(input)).text);
    });

    it('only the body and the comments (and what a new comments part needs) differ', () => {
      const { copy, input } = get();
      const hadComments = new AdmZip(readFileSync(input)).getEntry('word/comments.xml') !== null;
      const expected = hadComments ? ['word/comments.xml', 'word/document.xml'] : ['[Content_Types].xml', 'word/_rels/document.xml.rels', 'word/comments.xml', 'word/document.xml'];
      expect(changedEntries(input, copy)).toEqual(expected);
    });

    it('lints to the same findings and scorecard; annotated again, to the same bytes', async () => {
      const { copy, result } = get();
      const again = await linter.lintFile(copy);
      expect(JSON.stringify(again.findings)).toBe(JSON.stringify(result.findings));
      expect(again.scorecard).toEqual(result.scorecard);
      const twice = copy.replace(/\.docx$/, '.twice.docx');
      expect(annotateRun({ files: [again], summary: summarise([again]) }, { paths: [copy], target: twice, force: false, cwd: ROOT }).problems).toEqual([]);
      expect(changedEntries(copy, twice)).toEqual([]);
    });
  });
});

function copyInto(from: string, to: string): string {
  copyFileSync(from, to);
  return to;
}
