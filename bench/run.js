#!/usr/bin/env node
// stratlint's benchmark: throughput, time per phase and peak memory, in-process and as a
// whole process from a cold start, with the comparisons and the targets of issue 8.
//
//   npm run bench                  build, then the default run (a few minutes on 2 cores)
//   npm run bench -- --quick       fewer documents and repetitions (about a minute)
//   npm run bench -- --no-compare  skip textlint and the retext pipeline
//   npm run bench -- --json FILE   also write every figure as JSON
//
// Targets are checked here, never as timed assertions in the test suite.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, openSync, closeSync, readFileSync, rmSync, statSync } from 'node:fs';
import { cpus, freemem, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeFileSync } from 'node:fs';
import { generateCorpus } from './generate.js';
import { blocksOf } from '../scripts/make-pdf-fixtures.js';
import { typeset } from '../scripts/lib/pdf-writer.js';
import { lintInSeparateProcesses } from './lib/separate.js';
import { MB, median, mib, min, ms, rate, ratio, table } from './lib/stats.js';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..');
const bin = join(root, 'bin', 'stratlint.js');

const TARGETS = {
  parseFloor: 1.5, // full rule set / (parse + sentence tree), medium corpus, at most
  textlint: 5, // times faster than textlint with four rules, at least
  retext: 2, // times faster than the retext pipeline, at least
  versionMs: 150, // `stratlint --version`, at most
  largeMs: 1000, // a 20,000-word strategy end to end, whole process, at most
  pdfMs: 2000, // a 40-page PDF strategy end to end, whole process, at most
  jobs: 1.4, // all cores against 1 job on the medium folder, at least
};

function parseArgs(argv) {
  const options = { quick: false, compare: true, setup: undefined, json: null };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--quick') options.quick = true;
    else if (arg === '--no-compare') options.compare = false;
    else if (arg === '--setup') options.setup = true;
    else if (arg === '--no-setup') options.setup = false;
    else if (arg === '--json') options.json = resolve(argv[++i] ?? '');
    else if (arg === '--help' || arg === '-h') {
      process.stdout.write(readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n').slice(1, 10).map((l) => l.replace(/^\/\/ ?/, '')).join('\n') + '\n');
      process.exit(0);
    } else throw new Error(`unknown option ${arg} (try --help)`);
  }
  return options;
}

const log = (text) => process.stderr.write(`bench: ${text}\n`);

// -------------------------------------------------------------------------------------------
// Whole-process runs.

/** Runs a command `reps` times (after `warmup` untimed runs, which fill the OS file cache). */
function timeProcess(command, args, { reps, warmup = 1, cwd = root, rss = false, env = {} }) {
  const devNull = openSync('/dev/null', 'w');
  const dir = rss ? mkdtempSync(join(tmpdir(), 'stratlint-bench-')) : null;
  const rssFile = dir ? join(dir, 'rss') : null;
  const times = [];
  try {
    for (let i = 0; i < warmup + reps; i++) {
      const nodeArgs = rss && command === process.execPath ? ['--require', join(here, 'lib', 'maxrss.cjs')] : [];
      const t = performance.now();
      const run = spawnSync(command, [...nodeArgs, ...args], {
        cwd,
        stdio: ['ignore', devNull, 'pipe'],
        env: { ...process.env, ...env, ...(rssFile ? { STRATLINT_BENCH_RSS: rssFile } : {}), NO_COLOR: '1' },
        maxBuffer: 64 * MB,
      });
      const elapsed = performance.now() - t;
      if (run.error) throw run.error;
      if (run.status !== 0 && run.status !== 1) {
        throw new Error(`${relative(root, command) || command} ${args.join(' ')} exited with ${run.status}: ${String(run.stderr).slice(0, 500)}`);
      }
      if (i >= warmup) times.push(elapsed);
    }
    const samples = rssFile && existsSync(rssFile) ? readFileSync(rssFile, 'utf8').trim().split('\n').map((l) => l.split(' ').map(Number)) : [];
    // The warm-up run's line comes first; keep only the timed runs'.
    const timed = samples.slice(-reps);
    const rssKiB = timed.length ? Math.max(...timed.map((s) => s[0])) : NaN;
    const cpu = timed.length ? median(timed.map((s) => s[1])) : NaN;
    return { median: median(times), min: min(times), times, rssKiB, cpu };
  } finally {
    closeSync(devNull);
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}

/** The machine's ceiling for N jobs (see lib/separate.js): median wall time of `reps` runs, in ms. */
async function timeSeparateProcesses(dir, n, reps) {
  const times = [];
  for (let i = 0; i < reps; i++) times.push(1000 * (await lintInSeparateProcesses(bin, dir, n, { cwd: root })));
  return { median: median(times), min: min(times), times };
}

/** Whether the CLI has a --jobs flag yet; the "all cores" rows switch on by themselves when it does. */
function jobsFlag() {
  const help = spawnSync(process.execPath, [bin, '--help'], { cwd: root, encoding: 'utf8' });
  return /--jobs\b/.test(help.stdout ?? '');
}

// -------------------------------------------------------------------------------------------
// In-process runs: each scenario in a child of its own.

function inProcess(params) {
  const run = spawnSync(process.execPath, ['--expose-gc', join(here, 'lib', 'inprocess.js'), JSON.stringify(params)], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * MB,
  });
  if (run.status !== 0) throw new Error(`in-process run failed: ${run.stderr}`);
  return JSON.parse(run.stdout.trim().split('\n').pop());
}

// -------------------------------------------------------------------------------------------
// Comparisons, installed into bench/node_modules only.

function comparisonsReady(options) {
  const installed = existsSync(join(here, 'node_modules', 'textlint', 'bin', 'textlint.js')) && existsSync(join(here, 'node_modules', 'retext-readability'));
  if (installed) return true;
  const install = options.setup ?? !options.quick;
  if (!install) {
    log('comparisons skipped: their tools are not installed (run `npm run bench:setup`, or add --setup)');
    return false;
  }
  log('installing the comparison tools into bench/node_modules (npm --prefix bench ci)…');
  const npm = spawnSync('npm', ['--prefix', here, 'ci', '--no-audit', '--no-fund'], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  if (npm.status !== 0) {
    log('comparisons skipped: `npm --prefix bench ci` failed; see bench/RESULTS.md for running them by hand');
    return false;
  }
  return true;
}

// -------------------------------------------------------------------------------------------

function machine() {
  const free = spawnSync('free', ['-h'], { encoding: 'utf8' });
  return {
    cores: cpus().length,
    cpu: cpus()[0]?.model ?? 'unknown',
    memory: `${(totalmem() / 1024 ** 3).toFixed(1)} GiB (${(freemem() / 1024 ** 3).toFixed(1)} GiB free)`,
    freeH: free.status === 0 ? free.stdout.trim() : null,
    node: process.version,
    date: new Date().toISOString().slice(0, 10),
    load: loadavg().map((l) => l.toFixed(2)).join(' '),
  };
}

function verdict(value, target, atMost) {
  if (!Number.isFinite(value)) return 'n/a';
  return (atMost ? value <= target : value >= target) ? 'met' : 'MISSED';
}

async function main() {
  const started = performance.now();
  const options = parseArgs(process.argv.slice(2));
  if (!existsSync(join(root, 'dist', 'src', 'cli', 'main.js'))) throw new Error('dist/ is missing: run `npm run build` first (`npm run bench` does)');
  const q = options.quick;
  const reps = { version: q ? 5 : 15, large: q ? 3 : 5, folder: q ? 1 : 3, inLarge: q ? 2 : 5, inFolder: q ? 1 : 3, floor: q ? 2 : 3, compare: 1 };
  const info = machine();
  const load = loadavg()[0];
  log(`${info.cores} cores, Node ${info.node}, load ${info.load}${load > 0.5 ? ' (something else is running: figures will be noisy)' : ''}`);

  const corpus = q ? generateCorpus({ out: join(here, '.corpus', 'quick'), small: 0, medium: 50, large: 1 }) : generateCorpus();
  const largeFile = join(corpus.out, 'large', corpus.sizes.large.files[0].name);
  const mediumDir = join(corpus.out, 'medium');
  const medium = corpus.sizes.medium;
  const large = corpus.sizes.large.files[0];
  const rel = (p) => relative(root, p);
  log(`corpus: ${rel(corpus.out)} (${medium.files.length} medium, ${(medium.bytes / MB).toFixed(2)} MB; large ${large.words} words)`);

  const results = { machine: info, quick: q, corpus: { seed: corpus.key.seed, medium: { files: medium.files.length, bytes: medium.bytes, words: medium.words }, large }, targets: TARGETS };

  // In-process.
  log('in-process: one large document…');
  results.coldLarge = inProcess({ kind: 'doc', path: largeFile, cold: true });
  results.inLarge = inProcess({ kind: 'doc', path: largeFile, reps: reps.inLarge });
  log(`in-process: ${medium.files.length} medium documents, with the parse floor…`);
  results.coldFolder = inProcess({ kind: 'folder', path: mediumDir, cold: true });
  results.inFolder = inProcess({ kind: 'folder', path: mediumDir, reps: reps.inFolder, floorReps: reps.floor, heap: true });

  // Whole process.
  log('whole process: start-up…');
  results.nodeBare = timeProcess(process.execPath, ['-e', '0'], { reps: reps.version, rss: true });
  results.version = timeProcess(process.execPath, [bin, '--version'], { reps: reps.version, rss: true });
  log('whole process: one large document…');
  results.large = timeProcess(process.execPath, [bin, largeFile, '--format', 'json'], { reps: reps.large, rss: true });
  log('whole process: a 40-page PDF…');
  const pdfFile = join(corpus.out, 'large-40-pages.pdf');
  // The large document set as a published PDF: A4, running header, page numbers, compressed.
  writeFileSync(pdfFile, typeset(blocksOf(readFileSync(largeFile, 'utf8')), { header: 'Digital strategy · OFFICIAL', footer: 'Page {page} of {pages}', compress: true, maxPages: 40 }));
  results.pdf = timeProcess(process.execPath, [bin, pdfFile, '--format', 'json'], { reps: reps.large, rss: true });
  results.pdf.pages = 40;
  results.pdf.bytes = statSync(pdfFile).size;
  log('whole process: medium folder, 1 job…');
  const hasJobs = jobsFlag();
  results.folder1 = timeProcess(process.execPath, [bin, mediumDir, '--format', 'json', ...(hasJobs ? ['--jobs', '1'] : [])], { reps: reps.folder, warmup: 0, rss: true });
  if (hasJobs) {
    log(`whole process: medium folder, ${info.cores} jobs…`);
    results.folderAll = timeProcess(process.execPath, [bin, mediumDir, '--format', 'json', '--jobs', String(info.cores)], { reps: reps.folder, warmup: 0, rss: true });
    if (info.cores > 1) {
      log(`whole process: medium folder, ${info.cores} separate processes (the machine's ceiling for jobs)…`);
      results.separate = await timeSeparateProcesses(mediumDir, info.cores, reps.folder);
    }
  }

  // Comparisons.
  if (options.compare && comparisonsReady(options)) {
    log('comparison: textlint with four rules…');
    results.textlint = timeProcess(process.execPath, [join(here, 'node_modules', 'textlint', 'bin', 'textlint.js'), '--config', join(here, 'compare', 'textlintrc.json'), mediumDir], {
      reps: reps.compare,
      warmup: 0,
      cwd: here,
      rss: true,
    });
    log('comparison: unified/retext pipeline…');
    results.retext = timeProcess(process.execPath, [join(here, 'compare', 'retext-lint.js'), mediumDir], { reps: reps.compare, warmup: 0, cwd: here, rss: true });
  }

  results.benchSeconds = (performance.now() - started) / 1000;
  printReport(results, { hasJobs, largeFile: rel(largeFile), mediumDir: rel(mediumDir), pdfFile: rel(pdfFile) });
  if (options.json) writeFileSync(options.json, JSON.stringify(results, null, 2) + '\n');
}

function printReport(r, { hasJobs, largeFile, mediumDir, pdfFile }) {
  const m = r.machine;
  const out = [];
  const say = (s = '') => out.push(s);
  const mediumMB = r.corpus.medium.bytes / MB;
  const largeMB = r.corpus.large.bytes / MB;
  const nFiles = r.corpus.medium.files;

  say(`## stratlint benchmark${r.quick ? ' (--quick)' : ''}`);
  say();
  say(`${m.date} · Node ${m.node} · ${m.cores} cores (${m.cpu}) · ${m.memory} · load average ${m.load}`);
  say(`Corpus: seed ${r.corpus.seed}; large: 1 document, ${r.corpus.large.words} words, ${(largeMB * 1024).toFixed(0)} KiB; medium: ${nFiles} documents, ${Math.round(r.corpus.medium.words / nFiles)} words each on average, ${mediumMB.toFixed(2)} MB.`);
  say();

  // Throughput.
  const rows = [];
  const tput = (label, t, docs, mb, rss) => rows.push([label, ms(t), rate((docs * 1000) / t), rate((mb * 1000) / t, 2), mib(rss)]);
  tput('in-process, large, 1 job, first run', r.inLarge.first, 1, largeMB, r.inLarge.maxRssKiB);
  tput('in-process, large, 1 job, warm', r.inLarge.warm, 1, largeMB, r.inLarge.maxRssKiB);
  tput(`in-process, ${nFiles} medium, 1 job, first run`, r.inFolder.first, nFiles, mediumMB, r.inFolder.maxRssKiB);
  tput(`in-process, ${nFiles} medium, 1 job, warm`, r.inFolder.warm, nFiles, mediumMB, r.inFolder.maxRssKiB);
  rows.push([`in-process, ${nFiles} medium, all cores`, hasJobs ? 'n/a (no in-process API for jobs yet)' : 'n/a (no --jobs yet)', '', '', '']);
  tput('whole process, large, 1 job', r.large.median, 1, largeMB, r.large.rssKiB);
  tput(`whole process, ${nFiles} medium, 1 job`, r.folder1.median, nFiles, mediumMB, r.folder1.rssKiB);
  if (r.folderAll) tput(`whole process, ${nFiles} medium, ${m.cores} jobs`, r.folderAll.median, nFiles, mediumMB, r.folderAll.rssKiB);
  else rows.push([`whole process, ${nFiles} medium, all cores`, 'n/a (no --jobs yet)', '', '', '']);
  say('### Throughput');
  say();
  say(table(['run', 'time', 'docs/s', 'MB/s', 'peak RSS'], rows, ['l', 'r', 'r', 'r', 'r']));
  say();

  // Phases: cold (the first pass in a fresh process) and warm, for both scenarios.
  const columns = [r.coldLarge, r.inLarge, r.coldFolder, r.inFolder];
  const labels = [];
  for (const c of columns) for (const [label] of c.phases) if (!labels.includes(label)) labels.push(label);
  const order = [...new Set([...r.inFolder.phases.map(([l]) => l), ...labels])];
  const sums = columns.map((c) => c.phases.reduce((n, [, t]) => n + t, 0));
  const cell = (c, i, label) => {
    const t = c.phases.find(([l]) => l === label)?.[1];
    return t === undefined ? ['', ''] : [ms(t), `${((100 * t) / sums[i]).toFixed(1)}%`];
  };
  const phaseRows = order.map((label) => [label, ...columns.flatMap((c, i) => cell(c, i, label))]);
  phaseRows.push(['total', ...sums.flatMap((t) => [ms(t), '100%'])]);
  say('### Time per phase (in-process, self time)');
  say();
  say(
    table(
      ['phase', 'large, cold', '%', 'large, warm', '%', `${nFiles} medium, cold`, '%', `${nFiles} medium, warm`, '%'],
      phaseRows,
      ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r'],
    ),
  );
  say();
  say('cold = the first pass in a fresh process (what a one-shot CLI run pays, JIT compilation included); warm = median of later passes.');
  say('parse = remark-parse + gfm + front matter, with the line index and directives; lexicon terms = word-list matches; findings = positions, directives, sorting; reporting = the stylish formatter.');
  if (r.inFolder.heap) {
    say(`Heap retained after a full GC as results pile up: ${r.inFolder.heap.map((p) => `${p.docs} docs ${(p.heapKiB / 1024).toFixed(1)} MiB`).join(', ')}.`);
  }
  say();

  // Whole process start-up and comparisons.
  const wp = [];
  wp.push(['node -e 0 (Node itself)', ms(r.nodeBare.median), ms(r.nodeBare.min), '', mib(r.nodeBare.rssKiB), ms(r.nodeBare.cpu)]);
  wp.push(['stratlint --version', ms(r.version.median), ms(r.version.min), '', mib(r.version.rssKiB), ms(r.version.cpu)]);
  wp.push([`stratlint ${largeFile}`, ms(r.large.median), ms(r.large.min), rate(largeMB * 1000 / r.large.median, 2), mib(r.large.rssKiB), ms(r.large.cpu)]);
  wp.push([`stratlint ${pdfFile} (${r.pdf.pages} pages, ${Math.round(r.pdf.bytes / 1024)} KiB)`, ms(r.pdf.median), ms(r.pdf.min), rate((r.pdf.bytes / MB) * 1000 / r.pdf.median, 2), mib(r.pdf.rssKiB), ms(r.pdf.cpu)]);
  wp.push([`stratlint ${mediumDir}`, ms(r.folder1.median), ms(r.folder1.min), rate(mediumMB * 1000 / r.folder1.median, 2), mib(r.folder1.rssKiB), ms(r.folder1.cpu)]);
  if (r.folderAll) wp.push([`stratlint ${mediumDir} --jobs ${m.cores}`, ms(r.folderAll.median), ms(r.folderAll.min), rate(mediumMB * 1000 / r.folderAll.median, 2), mib(r.folderAll.rssKiB), ms(r.folderAll.cpu)]);
  if (r.separate) wp.push([`${m.cores} separate processes, 1 job each, a share of the folder each`, ms(r.separate.median), ms(r.separate.min), rate(mediumMB * 1000 / r.separate.median, 2), '', '']);
  if (r.textlint) wp.push([`textlint, 4 rules, ${mediumDir}`, ms(r.textlint.median), ms(r.textlint.min), rate(mediumMB * 1000 / r.textlint.median, 2), mib(r.textlint.rssKiB), ms(r.textlint.cpu)]);
  if (r.retext) wp.push([`retext pipeline, ${mediumDir}`, ms(r.retext.median), ms(r.retext.min), rate(mediumMB * 1000 / r.retext.median, 2), mib(r.retext.rssKiB), ms(r.retext.cpu)]);
  say('### Whole process, cold start');
  say();
  say(table(['command', 'median', 'best', 'MB/s', 'peak RSS', 'CPU'], wp, ['l', 'r', 'r', 'r', 'r', 'r']));
  say();
  say('Wall-clock times, median and best of the timed runs; CPU = user + system time of all the process\'s threads (median), where measured.');
  say();

  // Targets.
  const floor = r.inFolder.floor;
  const t = r.targets;
  const tg = [];
  tg.push([
    'full rule set / parse floor (medium, in-process)',
    `≤ ${t.parseFloor}×`,
    `${ratio(floor.ratio)} (${ms(floor.full)} / ${ms(floor.floor)})`,
    `${ratio(floor.ratioCpu)}`,
    verdict(floor.ratio, t.parseFloor, true),
  ]);
  const vs = (other) => (other ? other.median / r.folder1.median : NaN);
  const vsCpu = (other) => (other ? other.cpu / r.folder1.cpu : NaN);
  tg.push(['faster than textlint, 4 rules (medium folder)', `≥ ${t.textlint}×`, r.textlint ? ratio(vs(r.textlint)) : 'not run', r.textlint ? ratio(vsCpu(r.textlint)) : '', r.textlint ? verdict(vs(r.textlint), t.textlint) : 'n/a']);
  tg.push(['faster than the retext pipeline (medium folder)', `≥ ${t.retext}×`, r.retext ? ratio(vs(r.retext)) : 'not run', r.retext ? ratio(vsCpu(r.retext)) : '', r.retext ? verdict(vs(r.retext), t.retext) : 'n/a']);
  tg.push(['stratlint --version', `< ${t.versionMs} ms`, ms(r.version.median), ms(r.version.cpu), verdict(r.version.median, t.versionMs, true)]);
  tg.push([`${r.corpus.large.words}-word strategy, whole process`, `< ${ms(t.largeMs)}`, ms(r.large.median), ms(r.large.cpu), verdict(r.large.median, t.largeMs, true)]);
  tg.push([`${r.pdf.pages}-page PDF, whole process`, `< ${ms(t.pdfMs)}`, ms(r.pdf.median), ms(r.pdf.cpu), verdict(r.pdf.median, t.pdfMs, true)]);
  const jobs = r.folderAll ? r.folder1.median / r.folderAll.median : NaN;
  tg.push([`${m.cores} jobs against 1 (medium folder)`, `≥ ${t.jobs}×`, r.folderAll ? ratio(jobs) : 'n/a (no --jobs yet)', '', r.folderAll ? verdict(jobs, t.jobs) : 'n/a']);
  if (r.separate) {
    // Not a target: what the machine allows for the one above.
    tg.push([`(ceiling: ${m.cores} separate processes against 1 job)`, '', ratio(r.folder1.median / r.separate.median), '', 'for reference']);
  }
  say('### Targets');
  say();
  say(table(['target', 'goal', 'measured (wall)', 'by CPU time', 'on wall time'], tg, ['l', 'l', 'r', 'r', 'l']));
  say();
  say('Verdicts use wall-clock time, as a user feels it; the CPU-time column is the same comparison by user + system time, which other work on the machine disturbs less.');
  say();
  say(`The benchmark took ${(r.benchSeconds / 60).toFixed(1)} min.`);
  process.stdout.write(out.join('\n') + '\n');
}

main().catch((error) => {
  process.stderr.write(`bench: ${error.stack ?? error.message}\n`);
  process.exit(2);
});
