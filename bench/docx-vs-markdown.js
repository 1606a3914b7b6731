#!/usr/bin/env node
// Does linting a Word document cost more than linting the same text as Markdown?
// Builds a strategy of about 20,000 words from the calibration corpus (../shared/corpus),
// converts it to .docx with pandoc, and times reading it into the document model and a full
// lint of each. Run after `npm run build`: node bench/docx-vs-markdown.js [runs]
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { docxDocument } from '../dist/src/formats/docx/index.js';
import { markdownDocument } from '../dist/src/formats/markdown.js';
import { Linter } from '../dist/src/engine/run.js';
import { pandoc, pandocVersion } from '../scripts/docx-convert.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const corpus = join(root, '..', 'shared', 'corpus');
const out = join(root, 'bench', '.corpus');
const runs = Number(process.argv[2] ?? 15);
const WORDS = 20_000;

if (!pandocVersion()) {
  console.error('pandoc is needed to make the .docx: apt-get install pandoc');
  process.exit(1);
}
if (!existsSync(corpus)) {
  console.error(`no corpus at ${corpus}`);
  process.exit(1);
}

// The corpus documents one after another (their own front matter dropped) until 20,000 words.
const bodies = readdirSync(corpus)
  .filter((f) => /^\d.*\.md$/.test(f))
  .sort()
  .map((f) => readFileSync(join(corpus, f), 'utf8').replace(/^---\n[\s\S]*?\n---\n/, ''));
const parts = ['---\ntitle: "Benchmark strategy"\ndate: "2024-04-01"\n---\n'];
let words = 0;
for (let i = 0; words < WORDS; i++) {
  const body = bodies[i % bodies.length];
  parts.push(body);
  words += body.split(/\s+/).filter(Boolean).length;
}
mkdirSync(out, { recursive: true });
const mdPath = join(out, 'strategy-20k.md');
const docxPath = join(out, 'strategy-20k.docx');
writeFileSync(mdPath, parts.join('\n\n'));
pandoc(mdPath, docxPath, { from: 'gfm+yaml_metadata_block', args: ['--standalone'] });
const mdBytes = readFileSync(mdPath);
const docxBytes = readFileSync(docxPath);

// The two formats are timed in alternation, so a busy moment on the machine hits both alike.
async function compare(label, markdown, docx) {
  const samples = { markdown: [], docx: [] };
  for (let i = 0; i < 3; i++) await markdown(), await docx();
  for (let i = 0; i < runs; i++) {
    for (const [format, fn] of [['markdown', markdown], ['docx', docx]]) {
      const start = performance.now();
      await fn();
      samples[format].push(performance.now() - start);
    }
  }
  return Object.entries(samples).map(([format, times]) => {
    times.sort((a, b) => a - b);
    return { label: `${label}: ${format === 'docx' ? 'DOCX' : 'Markdown'}`, median: times[times.length >> 1], min: times[0] };
  });
}

const linter = new Linter({ cwd: out });
const results = [
  ...(await compare(
    'read into the document model',
    () => markdownDocument('strategy-20k.md', new TextDecoder().decode(mdBytes)),
    () => docxDocument('strategy-20k.docx', docxBytes),
  )),
  ...(await compare('full lint (read + analysis + rules)', () => linter.lintFile(mdPath), () => linter.lintFile(docxPath))),
];

const md = await linter.lintFile(mdPath);
const docx = await linter.lintFile(docxPath);
console.log(`${pandocVersion()}; Node ${process.version}; ${runs} runs each after 3 warm-ups`);
console.log(`Markdown ${(mdBytes.length / 1024).toFixed(0)} KB, ${md.words} words, ${md.findings.length} findings`);
console.log(`DOCX     ${(docxBytes.length / 1024).toFixed(0)} KB, ${docx.words} words, ${docx.findings.length} findings`);
for (const r of results) console.log(`${r.label.padEnd(48)} median ${r.median.toFixed(1).padStart(7)} ms   min ${r.min.toFixed(1).padStart(7)} ms`);
