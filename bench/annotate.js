#!/usr/bin/env node
// How long `stratlint strategy.docx --annotate reviewed.docx` takes for a 40-page strategy
// (about 20,000 words, made by pandoc from the calibration corpus), whole process from a cold
// start, against linting the same file without --annotate. Issue 17's target: under 2 s.
// CPU time (user + system, every thread, from bench/lib/maxrss.cjs) is shown beside wall time:
// it moves less when other work shares the machine.
// Run after `npm run build`: node bench/annotate.js [runs]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { pandocVersion } from '../scripts/docx-convert.js';
import { reviewComments } from '../dist/src/annotate/review.js';
import { Linter } from '../dist/src/engine/run.js';
import { DocxAnnotation } from '../dist/src/formats/docx/annotate.js';
import { buildLargeDocx, LARGE_OUT } from './lib/large-docx.js';
import { median, min, ms, table } from './lib/stats.js';

const TARGET_MS = 2000;
const here = dirname(fileURLToPath(import.meta.url));
const bin = join(here, '..', 'bin', 'stratlint.js');
const usageFile = join(mkdtempSync(join(tmpdir(), 'stratlint-bench-')), 'usage');
const runs = Number(process.argv[2] ?? 7);
const { docxPath } = buildLargeDocx();
const reviewed = join(LARGE_OUT, 'strategy-20k.reviewed.docx');

/** Wall and CPU time of one whole-process run. */
function once(args) {
  rmSync(reviewed, { force: true });
  rmSync(usageFile, { force: true });
  const start = performance.now();
  const run = spawnSync(process.execPath, ['--require', join(here, 'lib', 'maxrss.cjs'), bin, ...args], {
    cwd: LARGE_OUT,
    encoding: 'utf8',
    env: { ...process.env, STRATLINT_BENCH_RSS: usageFile },
  });
  const wall = performance.now() - start;
  if (run.status === 2) throw new Error(`stratlint ${args.join(' ')} failed: ${run.stderr}`);
  return { wall, cpu: Number(readFileSync(usageFile, 'utf8').trim().split(' ')[1]) };
}

const lintArgs = [docxPath, '--format', 'json'];
const annotateArgs = [...lintArgs, '--annotate', reviewed];
once(lintArgs); // fills the file cache
// Alternated, so a busy moment on the machine hits both alike.
const plain = [];
const annotated = [];
for (let i = 0; i < runs; i++) {
  plain.push(once(lintArgs));
  annotated.push(once(annotateArgs));
}
// The annotation alone, in this process: read the package for writing, build the comments, write.
const result = await new Linter({ cwd: LARGE_OUT }).lintFile(docxPath);
const bytes = readFileSync(docxPath);
const alone = [];
for (let i = 0; i < runs + 2; i++) {
  const start = performance.now();
  const annotation = new DocxAnnotation(bytes);
  annotation.write(reviewComments(result.findings, result.scorecard, annotation.text, annotation.title));
  if (i >= 2) alone.push(performance.now() - start);
}

const comments = (spawnSync('unzip', ['-p', reviewed, 'word/comments.xml'], { encoding: 'utf8', maxBuffer: 64 << 20 }).stdout.match(/<w:comment\b/g) ?? []).length;
console.log(`${pandocVersion()}; Node ${process.version}; ${runs} runs each, alternating, after a warm-up`);
console.log(`strategy-20k.docx: ${(statSync(docxPath).size / 1024).toFixed(0)} KB; the reviewed copy ${(statSync(reviewed).size / 1024).toFixed(0)} KB with ${comments} comments`);
console.log(
  table(
    ['40-page strategy (DOCX)', 'median', 'min', 'CPU (median)', 'target'],
    [
      ['annotation alone (in process)', ms(median(alone)), ms(min(alone)), '', ''],
      ['stratlint strategy-20k.docx -f json, whole process', ms(median(plain.map((s) => s.wall))), ms(min(plain.map((s) => s.wall))), ms(median(plain.map((s) => s.cpu))), ''],
      [
        '… --annotate reviewed.docx, whole process',
        ms(median(annotated.map((s) => s.wall))),
        ms(min(annotated.map((s) => s.wall))),
        ms(median(annotated.map((s) => s.cpu))),
        `< ${ms(TARGET_MS)}: ${median(annotated.map((s) => s.wall)) < TARGET_MS ? 'met' : 'MISSED'}`,
      ],
    ],
  ),
);
