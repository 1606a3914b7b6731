#!/usr/bin/env node
// Issue 16's measure: the shared corpus made into PDFs the way authors make them (Markdown to
// Word with pandoc, Word to PDF with LibreOffice), each linted as PDF and as Markdown.
// Prints per document: the share of the Markdown findings found in the PDF with the same rule
// at the same place, the extra findings, the two scores, and how many of pdftotext's words the
// PDF reading has, in order (in pdftotext's reading order, and in the order the PDF draws them).
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
    // The text from the finding on; if a list number or other markup the PDF does not show as
    // text starts it, from the next word or the one after.
    const after = markdownText(markdownSource.slice(f.offset, f.offset + 400));
    const starts = [0, ...[...after.matchAll(/\s+/g)].slice(0, 2).map((m) => m.index + m[0].length)];
    for (const start of starts) {
      const snippet = squeeze(after.slice(start)).slice(0, 40);
      const at = [];
      for (let i = snippet ? squeezedPdf.indexOf(snippet) : -1; i >= 0 && at.length < 50; i = squeezedPdf.indexOf(snippet, i + 1)) at.push(i);
      if (at.length) return at;
    }
    return [];
  });
  const pdf = pdfFindings.map((f) => squeeze(pdfText.slice(0, f.offset)).length);
  return { md, pdf };
}

/** A finding about the document as a whole, which a rule puts at the document's first heading. */
const atTop = (finding, firstHeadingEnd) => finding.offset <= firstHeadingEnd;
const sameWords = (a, b) => a.replace(/\d+/g, '#') === b.replace(/\d+/g, '#');

export function compareFindings(markdown, pdf, markdownSource, pdfText, tops, tolerance = 80) {
  const places = placesInPdf(pdfText, markdownSource, markdown.findings, pdf.findings);
  const used = new Set();
  let found = 0;
  const missed = [];
  markdown.findings.forEach((f, i) => {
    const candidates = pdf.findings.map((g, j) => ({ g, j })).filter(({ g, j }) => !used.has(j) && g.ruleId === f.ruleId);
    const samePlace = candidates.find(({ j }) => places.md[i].some((at) => Math.abs(at - places.pdf[j]) <= tolerance));
    // A finding on the whole document (no review cycle, the share of technology terms) sits at
    // each document's first heading, which in the PDF is the title pandoc makes of the front
    // matter, or where the rule finds the nearest section: the same message, given once in
    // each document, is the same finding, whatever counts it gives.
    const once = (list, message) => list.filter((x) => x.ruleId === f.ruleId && sameWords(x.message, message)).length === 1;
    const wholeDocument = candidates.find(({ g }) => sameWords(g.message, f.message) && ((atTop(f, tops.markdown) && atTop(g, tops.pdf)) || (once(markdown.findings, f.message) && once(pdf.findings, g.message))));
    // Text the PDF does not have at all (a quoted phrase of markup): the same message.
    const sameMessage = places.md[i].length === 0 ? candidates.find(({ g }) => g.message === f.message) : undefined;
    const match = samePlace ?? wholeDocument ?? sameMessage;
    if (match) {
      used.add(match.j);
      found++;
    } else missed.push(f);
  });
  const extra = pdf.findings.filter((_, j) => !used.has(j));
  return { total: markdown.findings.length, found, missed, extra };
}

/** Where the first heading ends, in a document's text. */
function firstHeadingEnd(doc) {
  const heading = doc.tree.children.find((n) => n.type === 'heading');
  return heading?.position?.end.offset ?? 0;
}

/**
 * pdftotext's words (Debian's poppler-utils), page by page, as letters and digits. By default
 * in pdftotext's own reading order; with `raw`, in the order the PDF draws them (its -raw mode),
 * which for a PDF LibreOffice wrote is the document's order: paragraphs, and a table's cells
 * row by row. pdftotext's own order reads a table's first column, or a column of list numbers
 * set apart from their items, as one block down the page before the rest.
 */
export function pdftotextWords(pdf, { raw = false } = {}) {
  const result = spawnSync('pdftotext', ['-enc', 'UTF-8', ...(raw ? ['-raw'] : []), pdf, '-'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (result.error || result.status !== 0) throw new Error(`pdftotext ${pdf}: ${result.error?.message ?? result.stderr}`);
  // pdftotext ends each page with a form feed.
  return result.stdout.split('\f').map(words);
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
 * The words stratlint read from a PDF, page by page, each page's in the order stratlint reads
 * them: its text, with what it read as structure put back where it was (an ordered list's item
 * numbers; the title page's date line, read as the document's date as front matter is). A
 * page's footnotes, which stratlint reads after the text as Markdown does, count on their page.
 */
export function wordsRead(doc) {
  const pages = [];
  const add = (page, list) => (pages[page - 1] ??= []).push(...list);
  const inserts = [];
  const walk = (node) => {
    if (node.type === 'list' && node.ordered) node.children.forEach((item, i) => inserts.push([item.position.start.offset, `${(node.start ?? 1) + i}`]));
    for (const child of node.children ?? []) walk(child);
  };
  walk(doc.tree);
  const created = typeof doc.metadata.created === 'string' ? doc.metadata.created.slice(0, 10) : undefined;
  if (typeof doc.metadata.date === 'string' && doc.metadata.date !== created) add(1, words(doc.metadata.date));
  const found = [...doc.text.matchAll(/[\p{L}\p{N}]+(?:[-\u2010\u00AD][\p{L}\p{N}]+)*/gu)].map((m) => [m.index, m[0]]);
  // A table that goes on over a page has its header row repeated at the top of the new page,
  // which stratlint reads once: put back before the table's first word on each later page.
  for (const table of doc.tree.children.filter((n) => n.type === 'table')) {
    const header = table.children[0].children.map((cell) => doc.text.slice(cell.position?.start.offset ?? 0, cell.position?.end.offset ?? 0)).join(' ');
    let page = doc.toPoint(table.position.start.offset).page;
    for (const [offset] of found.filter(([at]) => at >= table.position.start.offset && at < table.position.end.offset)) {
      const here = doc.toPoint(offset).page;
      if (here !== page) inserts.push([offset - 0.5, header]);
      page = here;
    }
  }
  const all = [...found, ...inserts].sort((x, y) => x[0] - y[0]);
  for (const [offset, word] of all) add(doc.toPoint(Math.ceil(offset)).page ?? 1, words(word));
  return Array.from(pages, (p) => p ?? []);
}

/**
 * pdftotext's words of a page with a word that a table cell broke at its edge, with no hyphen,
 * made whole where stratlint read it whole: pdftotext reads "Completio" / "n" as two words,
 * stratlint rejoins them, and neither is a lost word.
 */
export function rejoinBroken(reference, ours) {
  const read = new Set(ours);
  const out = [];
  for (let j = 0; j < reference.length; j++) {
    const whole = reference[j] + (reference[j + 1] ?? '');
    if (j + 1 < reference.length && !read.has(reference[j]) && read.has(whole)) {
      out.push(whole);
      j++;
    } else out.push(reference[j]);
  }
  return out;
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
    const source = await loadDocument(d.markdown, readFileSync(d.markdown));
    if (!loaded.ok || !source.ok) throw new Error(`${d.name}: ${(loaded.error ?? source.error).message}`);
    const tops = { markdown: firstHeadingEnd(source.doc), pdf: firstHeadingEnd(loaded.doc) };
    const compared = compareFindings(markdown, pdf, readFileSync(d.markdown, 'utf8'), loaded.doc.text, tops);
    const ours = wordsRead(loaded.doc);
    const reference = pdftotextWords(d.pdf).map((page, i) => rejoinBroken(page, ours[i] ?? []));
    const drawn = pdftotextWords(d.pdf, { raw: true }).map((page, i) => rejoinBroken(page, ours[i] ?? []));
    const inOrder = (ref) => Array.from({ length: Math.max(ref.length, ours.length) }, (_, i) => wordsInOrder(ours[i] ?? [], ref[i] ?? [])).reduce((a, b) => a + b, 0);
    rows.push({
      name: d.name,
      markdown,
      pdf,
      ...compared,
      scores: [markdown.scorecard?.score ?? null, pdf.scorecard?.score ?? null],
      wordsMatched: inOrder(reference),
      wordsTotal: reference.reduce((n, page) => n + page.length, 0),
      drawnMatched: inOrder(drawn),
      drawnTotal: drawn.reduce((n, page) => n + page.length, 0),
    });
  }
  const total = rows.reduce((n, r) => n + r.total, 0);
  const found = rows.reduce((n, r) => n + r.found, 0);
  const extra = rows.reduce((n, r) => n + r.extra.length, 0);
  const wordsMatched = rows.reduce((n, r) => n + r.wordsMatched, 0);
  const wordsTotal = rows.reduce((n, r) => n + r.wordsTotal, 0);
  const drawnMatched = rows.reduce((n, r) => n + r.drawnMatched, 0);
  const drawnTotal = rows.reduce((n, r) => n + r.drawnTotal, 0);
  return { rows, total, found, extra, wordsMatched, wordsTotal, drawnMatched, drawnTotal, maxScoreGap: Math.max(...rows.map((r) => Math.abs(r.scores[0] - r.scores[1]))) };
}

export function report(figures) {
  const pct = (a, b) => (b ? `${((100 * a) / b).toFixed(1)}%` : '–');
  const lines = ['document                                       found in PDF      extra   score md/pdf  words (pdftotext)  (-raw)'];
  for (const r of figures.rows) {
    lines.push(
      `${r.name.padEnd(46)} ${`${r.found}/${r.total}`.padStart(7)} ${pct(r.found, r.total).padStart(7)} ${String(r.extra.length).padStart(6)}   ${`${r.scores[0]}/${r.scores[1]}`.padStart(9)}   ${pct(r.wordsMatched, r.wordsTotal).padStart(7)}  ${pct(r.drawnMatched, r.drawnTotal).padStart(7)}`,
    );
  }
  lines.push(
    `all: ${figures.found}/${figures.total} Markdown findings found in the PDF (${pct(figures.found, figures.total)}), ${figures.extra} extra (${pct(figures.extra, figures.total)}), largest score gap ${figures.maxScoreGap}, words ${pct(figures.wordsMatched, figures.wordsTotal)} of pdftotext's in order, page by page (${pct(figures.drawnMatched, figures.drawnTotal)} of pdftotext -raw's, in the order the PDF draws them)`,
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
