#!/usr/bin/env node
// Does a change leave stratlint's output exactly as it was? For work that must not change
// behaviour (speed, refactoring): save the output before, check it after.
//
//   npm run build && node scripts/same-output.js save [dir]    before the change
//   npm run build && node scripts/same-output.js check [dir]   after it: lists every difference, exits 1 on any
//
// What it runs, each as a whole process from the checkout (`bin/stratlint.js --format json`):
// every fixture, the shared corpus as Markdown, as the .docx pandoc makes of it and as the PDF
// LibreOffice makes of that, and the benchmark's documents (the 20,000-word strategy, its
// 40-page PDF and the 40-page .docx); the .docx annotated (`--annotate`), compared part by part;
// and the commitment model of every Markdown document (scripts/commitments.js).
// The inputs are made once into bench/.corpus/same-output/ (pandoc and LibreOffice are needed
// the first time); the saved output goes to bench/.corpus/same-output/saved unless [dir] is given.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import AdmZip from 'adm-zip';
import { generateCorpus } from '../bench/generate.js';
import { buildLargeDocx } from '../bench/lib/large-docx.js';
import { convertCorpus } from './pdf-corpus.js';
import { blocksOf } from './make-pdf-fixtures.js';
import { typeset } from './lib/pdf-writer.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const work = join(root, 'bench', '.corpus', 'same-output');
const corpus = join(root, '..', 'shared', 'corpus');
const bin = join(root, 'bin', 'stratlint.js');

const [mode, dirArg] = process.argv.slice(2);
if (mode !== 'save' && mode !== 'check') {
  console.error('usage: node scripts/same-output.js save|check [dir]');
  process.exit(2);
}
const savedDir = dirArg ? resolve(process.cwd(), dirArg) : join(work, 'saved');

/** Every file under `dir`, sorted, as paths relative to the checkout. */
function filesUnder(dir) {
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...filesUnder(path));
    else out.push(path);
  }
  return out.sort();
}

/** The documents to lint, made the first time. */
function inputs() {
  const made = join(work, 'inputs');
  const stamp = join(made, 'done');
  if (!existsSync(stamp)) {
    rmSync(made, { recursive: true, force: true });
    mkdirSync(made, { recursive: true });
    console.error('same-output: making the corpus .docx and .pdf (pandoc, LibreOffice) once…');
    convertCorpus(corpus, made);
    writeFileSync(stamp, '');
  }
  // The benchmark's documents, made as bench/run.js --quick and bench/annotate.js make them.
  const quick = generateCorpus({ out: join(root, 'bench', '.corpus', 'quick'), small: 0, medium: 50, large: 1 });
  const largeMd = join(quick.out, 'large', quick.sizes.large.files[0].name);
  const largePdf = join(made, 'large-40-pages.pdf');
  if (!existsSync(largePdf)) {
    writeFileSync(largePdf, typeset(blocksOf(readFileSync(largeMd, 'utf8')), { header: 'Digital strategy · OFFICIAL', footer: 'Page {page} of {pages}', compress: true, maxPages: 40 }));
  }
  const { docxPath } = buildLargeDocx();
  const corpusMd = readdirSync(corpus).filter((f) => f.endsWith('.md') && f !== 'README.md').sort().map((f) => join(corpus, f));
  const fixtures = filesUnder(join(root, 'fixtures')).filter((f) => /\.(md|docx|doc|pdf)$/.test(f));
  const lint = [...fixtures, ...corpusMd, ...filesUnder(join(made, 'docx')), ...filesUnder(join(made, 'pdf')), largeMd, largePdf, docxPath];
  const annotate = [...fixtures.filter((f) => f.endsWith('.docx')), ...filesUnder(join(made, 'docx')), docxPath];
  return { lint, annotate, markdown: [...fixtures.filter((f) => f.endsWith('.md')), ...corpusMd, largeMd] };
}

const name = (path) => relative(root, path).replace(/^\.\.\//, '').replace(/[/\\]/g, '__');

function run(args) {
  const result = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1' } });
  if (result.error) throw result.error;
  return `exit ${result.status}\n--- stderr\n${result.stderr}--- stdout\n${result.stdout}`;
}

/** name -> text of every output, in a stable order. */
function outputs() {
  const { lint, annotate, markdown } = inputs();
  const out = new Map();
  for (const path of lint) out.set(`lint__${name(path)}`, run([bin, '--format', 'json', relative(root, path)]));
  const tmp = join(work, 'annotated');
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  for (const path of annotate) {
    const target = join(tmp, `${basename(path, '.docx')}.reviewed.docx`);
    let text = run([bin, '--format', 'json', relative(root, path), '--annotate', relative(root, target)]);
    if (existsSync(target)) {
      // Part by part, so a difference says where it is.
      for (const entry of new AdmZip(target).getEntries().sort((a, b) => a.entryName.localeCompare(b.entryName))) {
        text += `--- part ${entry.entryName}\n${entry.getData().toString('latin1')}\n`;
      }
    }
    out.set(`annotate__${name(path)}`, text);
  }
  out.set('commitments', run([join(root, 'scripts', 'commitments.js'), ...markdown.map((p) => relative(root, p))]));
  return out;
}

const current = outputs();
if (mode === 'save') {
  rmSync(savedDir, { recursive: true, force: true });
  mkdirSync(savedDir, { recursive: true });
  for (const [key, text] of current) writeFileSync(join(savedDir, `${key}.txt`), text);
  console.log(`same-output: saved ${current.size} outputs in ${relative(process.cwd(), savedDir)}`);
} else {
  const saved = new Set(existsSync(savedDir) ? readdirSync(savedDir).filter((f) => statSync(join(savedDir, f)).isFile()) : []);
  if (saved.size === 0) {
    console.error(`same-output: nothing saved in ${savedDir}; run "save" first`);
    process.exit(2);
  }
  let differ = 0;
  for (const [key, text] of current) {
    const file = `${key}.txt`;
    if (!saved.delete(file)) {
      console.log(`new:     ${key}`);
      differ++;
      continue;
    }
    const before = readFileSync(join(savedDir, file), 'utf8');
    if (before !== text) {
      const a = before.split('\n');
      const b = text.split('\n');
      let i = 0;
      while (i < a.length && a[i] === b[i]) i++;
      console.log(`differs: ${key}, first at line ${i + 1}\n  before: ${(a[i] ?? '(end)').slice(0, 200)}\n  after:  ${(b[i] ?? '(end)').slice(0, 200)}`);
      differ++;
    }
  }
  for (const file of saved) {
    console.log(`gone:    ${file.replace(/\.txt$/, '')}`);
    differ++;
  }
  console.log(differ ? `same-output: ${differ} of ${current.size} outputs differ` : `same-output: all ${current.size} outputs the same`);
  process.exit(differ ? 1 : 0);
}
