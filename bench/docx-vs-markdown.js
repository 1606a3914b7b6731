#!/usr/bin/env node
// Does linting a Word document cost more than linting the same text as Markdown?
// Builds a strategy of about 20,000 words from the calibration corpus (../shared/corpus),
// converts it to .docx with pandoc, and times reading it into the document model and a full
// lint of each. Run after `npm run build`: node bench/docx-vs-markdown.js [runs]
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { docxDocument } from '../dist/src/formats/docx/index.js';
import { markdownDocument } from '../dist/src/formats/markdown.js';
import { Linter } from '../dist/src/engine/run.js';
import { pandocVersion } from '../scripts/docx-convert.js';
import { buildLargeDocx, LARGE_OUT as out } from './lib/large-docx.js';

const runs = Number(process.argv[2] ?? 15);
const { mdPath, docxPath } = buildLargeDocx();
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
