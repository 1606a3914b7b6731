#!/usr/bin/env node
// Issue 16's measure: the shared corpus made into PDFs the way authors make them (Markdown to
// Word with pandoc, Word to PDF with LibreOffice), each linted as PDF and as Markdown.
// Prints per document: the share of the Markdown findings found in the PDF with the same rule
// at the same place, the extra findings, the two scores, and how many of pdftotext's words the
// PDF reading has, in order.
//   npm run build && node scripts/pdf-corpus.js [corpusDir]
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { libreOfficeConvert, pandoc } from './docx-convert.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The corpus's strategies (files named with a number), Markdown and the PDF made from it. */
export function convertCorpus(corpus, work) {
  const files = readdirSync(corpus).filter((f) => /^\d.*\.md$/.test(f)).sort();
  mkdirSync(join(work, 'docx'), { recursive: true });
  mkdirSync(join(work, 'pdf'), { recursive: true });
  // The front matter's title and date become the Title and Date paragraphs, as an author's would.
  const docx = files.map((f) => pandoc(join(corpus, f), join(work, 'docx', `${basename(f, '.md')}.docx`), { from: 'gfm+yaml_metadata_block', args: ['--standalone'] }));
  // One LibreOffice process for every document: it is the slow part.
  const pdfs = libreOfficeConvert(docx, join(work, 'pdf'), { filter: 'pdf:writer_pdf_Export' });
  return files.map((f, i) => ({ name: basename(f, '.md'), markdown: join(corpus, f), pdf: pdfs[i] }));
}

/** Letters and digits only, lower case: what two renderings of one text share. */
const squeeze = (text) => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/** A Markdown source with its link targets, images and markup taken out, for matching text. */
const markdownText = (source) => source.replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/<[^>]+>/g, ' ');

/**
 * Where each finding is, as a position in the squeezed text of the PDF. A PDF finding's place is
 * its offset; a Markdown finding's place is found by looking up the text at its offset (the next
 * 40 letters and digits) in the PDF's text, so page and line are mapped back through the text.
 */
function placesInPdf(pdfText, markdownSource, markdownFindings, pdfFindings) {
  const squeezedPdf = squeeze(pdfText);
  const md = markdownFindings.map((f) => {
    const snippet = squeeze(markdownText(markdownSource.slice(f.offset, f.offset + 400))).slice(0, 40);
    const at = [];
    for (let i = snippet ? squeezedPdf.indexOf(snippet) : -1; i >= 0 && at.length < 50; i = squeezedPdf.indexOf(snippet, i + 1)) at.push(i);
    return at;
  });
  const pdf = pdfFindings.map((f) => squeeze(pdfText.slice(0, f.offset)).length);
  return { md, pdf };
}

export function compareFindings(markdown, pdf, markdownSource, pdfText, tolerance = 80) {
  const places = placesInPdf(pdfText, markdownSource, markdown.findings, pdf.findings);
  const used = new Set();
  let found = 0;
  const missed = [];
  markdown.findings.forEach((f, i) => {
    const candidates = pdf.findings.map((g, j) => ({ g, j })).filter(({ g, j }) => !used.has(j) && g.ruleId === f.ruleId);
    const samePlace = candidates.find(({ j }) => places.md[i].some((at) => Math.abs(at - places.pdf[j]) <= tolerance));
    // A finding about the document as a whole (a count, a missing section) sits wherever the
    // rule puts it; the same message is the same finding.
    const sameMessage = candidates.find(({ g }) => g.message === f.message && !g.evidence === !f.evidence);
    const match = samePlace ?? (places.md[i].length === 0 ? sameMessage : undefined);
    if (match) {
      used.add(match.j);
      found++;
    } else missed.push(f);
  });
  const extra = pdf.findings.filter((_, j) => !used.has(j));
  return { total: markdown.findings.length, found, missed, extra };
}

/** pdftotext's words (Debian's poppler-utils), as letters and digits. */
export function pdftotextWords(pdf) {
  const result = spawnSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (result.error || result.status !== 0) throw new Error(`pdftotext ${pdf}: ${result.error?.message ?? result.stderr}`);
  return words(result.stdout);
}

export const pdftotextVersion = () => {
  const result = spawnSync('pdftotext', ['-v'], { encoding: 'utf8' });
  return result.error ? null : (result.stderr || result.stdout).split('\n')[0].trim();
};

/**
 * Words as letters and digits, a hyphenated compound as one word without its hyphens: pdftotext
 * drops a hyphen at a line's end ("non-" + "networked" is "nonnetworked") where stratlint keeps
 * a compound's hyphen, and neither is a lost word.
 */
export const words = (text) => (text.toLowerCase().match(/[\p{L}\p{N}]+(?:[-\u2010\u00AD][\p{L}\p{N}]+)*/gu) ?? []).map((w) => w.replace(/[-\u2010\u00AD]/g, ''));

/**
 * The words stratlint read from a PDF, in order: its text, with what it read as structure put
 * back where it was on the page: an ordered list's item numbers, and the title page's date line
 * (read as the document's date, as front matter is, and so not in the text).
 */
export function wordsRead(doc) {
  const inserts = [];
  const walk = (node) => {
    if (node.type === 'list' && node.ordered) node.children.forEach((item, i) => inserts.push([item.position.start.offset, `${(node.start ?? 1) + i} `]));
    for (const child of node.children ?? []) walk(child);
  };
  walk(doc.tree);
  let text = doc.text;
  for (const [offset, value] of inserts.sort((a, b) => b[0] - a[0])) text = text.slice(0, offset) + value + text.slice(offset);
  const created = typeof doc.metadata.created === 'string' ? doc.metadata.created.slice(0, 10) : undefined;
  const date = typeof doc.metadata.date === 'string' && doc.metadata.date !== created ? doc.metadata.date : '';
  return words(`${date}\n${text}`);
}

/** How many of `reference`'s words `candidate` has in the same order (longest common subsequence). */
export function wordsInOrder(candidate, reference) {
  let previous = new Int32Array(reference.length + 1);
  let current = new Int32Array(reference.length + 1);
  for (let i = 1; i <= candidate.length; i++) {
    const word = candidate[i - 1];
    for (let j = 1; j <= reference.length; j++) {
      current[j] = word === reference[j - 1] ? previous[j - 1] + 1 : Math.max(previous[j], current[j - 1]);
    }
    [previous, current] = [current, previous];
  }
  return previous[reference.length];
}

/** Lints each document as Markdown and as PDF and compares them. */
export async function measure(documents, { Linter, loadDocument }) {
  const linter = new Linter({ cwd: root, now: new Date('2026-01-01T00:00:00Z') });
  const rows = [];
  for (const d of documents) {
    const markdown = await linter.lintFile(d.markdown);
    const pdf = await linter.lintFile(d.pdf);
    const loaded = await loadDocument(d.pdf, readFileSync(d.pdf));
    if (!loaded.ok) throw new Error(`${d.pdf}: ${loaded.error.message}`);
    const compared = compareFindings(markdown, pdf, readFileSync(d.markdown, 'utf8'), loaded.doc.text);
    const reference = pdftotextWords(d.pdf);
    const ours = wordsRead(loaded.doc);
    rows.push({
      name: d.name,
      markdown,
      pdf,
      ...compared,
      scores: [markdown.scorecard?.score ?? null, pdf.scorecard?.score ?? null],
      wordsMatched: wordsInOrder(ours, reference),
      wordsTotal: reference.length,
    });
  }
  const total = rows.reduce((n, r) => n + r.total, 0);
  const found = rows.reduce((n, r) => n + r.found, 0);
  const extra = rows.reduce((n, r) => n + r.extra.length, 0);
  const wordsMatched = rows.reduce((n, r) => n + r.wordsMatched, 0);
  const wordsTotal = rows.reduce((n, r) => n + r.wordsTotal, 0);
  return { rows, total, found, extra, wordsMatched, wordsTotal, maxScoreGap: Math.max(...rows.map((r) => Math.abs(r.scores[0] - r.scores[1]))) };
}

export function report(figures) {
  const pct = (a, b) => (b ? `${((100 * a) / b).toFixed(1)}%` : '–');
  const lines = ['document                                       found in PDF      extra   score md/pdf  words (pdftotext)'];
  for (const r of figures.rows) {
    lines.push(
      `${r.name.padEnd(46)} ${`${r.found}/${r.total}`.padStart(7)} ${pct(r.found, r.total).padStart(7)} ${String(r.extra.length).padStart(6)}   ${`${r.scores[0]}/${r.scores[1]}`.padStart(9)}   ${pct(r.wordsMatched, r.wordsTotal).padStart(7)}`,
    );
  }
  lines.push(
    `all: ${figures.found}/${figures.total} Markdown findings found in the PDF (${pct(figures.found, figures.total)}), ${figures.extra} extra (${pct(figures.extra, figures.total)}), largest score gap ${figures.maxScoreGap}, words ${pct(figures.wordsMatched, figures.wordsTotal)} of pdftotext's in order`,
  );
  return lines.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const corpus = process.argv[2] ?? join(root, '..', 'shared', 'corpus');
  const work = join(tmpdir(), `stratlint-pdf-corpus-${process.pid}`);
  try {
    const documents = convertCorpus(corpus, work);
    const { Linter } = await import('../dist/src/engine/run.js');
    const { loadDocument } = await import('../dist/src/formats/index.js');
    const figures = await measure(documents, { Linter, loadDocument });
    console.log(report(figures));
    if (process.argv.includes('--verbose')) {
      for (const r of figures.rows) {
        for (const f of r.missed) console.log(`${r.name} missed ${f.ruleId} ${f.locator} ${f.message.slice(0, 90)}`);
        for (const f of r.extra) console.log(`${r.name} extra  ${f.ruleId} ${f.locator} ${f.message.slice(0, 90)}`);
      }
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
