#!/usr/bin/env node
// Shards, merge and the cache, timed through the real binary on generated documents:
//
// - the whole folder in one process, then each of --shards shards in its own process, one after
//   another, as CI runners would run them side by side: how close each shard comes to 1/n of the
//   whole run (the balance), in wall and CPU time, with its documents and bytes; --rounds N does
//   that N times over and compares medians;
// - `stratlint merge` of the shards' reports, against the whole run;
// - a run with --cache over --cache-documents documents, then the same again unchanged.
//
// Every merged report is checked to be the whole run's, byte for byte. Times depend on the
// machine and on what else runs on it: the load average is printed with them, and CPU time
// (user + system, from GNU time) is steadier than wall time on a shared machine.
//
//   npm run build && node bench/shards.js [--documents 2000] [--shards 4] [--cache-documents 1000] [--rounds 1]

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateCorpus } from './generate.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(ROOT, 'bin', 'stratlint.js');

const args = { documents: 2000, shards: 4, 'cache-documents': 1000, rounds: 1 };
for (let i = 2; i < process.argv.length; i += 2) {
  const key = process.argv[i].replace(/^--/, '');
  if (!(key in args)) throw new Error(`unknown option ${process.argv[i]}`);
  args[key] = Number(process.argv[i + 1]);
}

const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;

/** One stratlint process in `cwd`: wall and CPU seconds, and what it printed. */
function stratlint(cwd, argv) {
  const command = [process.execPath, BIN, ...argv, ...(argv[0] === 'merge' ? [] : ['--no-progress'])];
  const started = process.hrtime.bigint();
  const r = spawnSync(TIME ?? command[0], TIME ? ['-f', 'TIME %U %S', ...command] : command.slice(1), {
    cwd,
    encoding: 'utf8',
    maxBuffer: 1024 * 1024 * 1024,
    env: { ...process.env, NO_COLOR: '1' },
  });
  const wall = Number(process.hrtime.bigint() - started) / 1e9;
  if (r.status === null || r.status > 1) throw new Error(`stratlint ${argv.join(' ')} failed (${r.status}): ${r.stderr}`);
  const measured = /TIME ([\d.]+) ([\d.]+)/.exec(r.stderr);
  return { wall, cpu: measured ? Number(measured[1]) + Number(measured[2]) : null, stdout: r.stdout, code: r.status };
}

const median = (xs) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const seconds = (t) => (t === null ? '-' : `${t.toFixed(2)} s`);
const load = () => loadavg().map((n) => n.toFixed(2)).join(' ');

const tmp = mkdtempSync(join(tmpdir(), 'stratlint-shards-'));
try {
  // Two sizes of document, so that balance by bytes is tested and not only by count.
  const half = Math.floor(args.documents / 2);
  generateCorpus({ out: join(tmp, 'docs'), small: half, medium: args.documents - half, large: 0, force: true });
  process.stdout.write(`${args.documents} documents (${half} of about 300 words, ${args.documents - half} of about 800); ${availableParallelism()} cores; load average ${load()}\n`);

  // Rounds of the whole run then each shard, alternated: this VM's speed drifts over minutes, and
  // a shard run long after the whole run would carry the drift as imbalance. Medians are kept.
  const wholeRuns = [];
  const shardRuns = Array.from({ length: args.shards }, () => []);
  const names = [];
  const rows = [];
  for (let round = 1; round <= args.rounds; round++) {
    const run = stratlint(tmp, ['docs', '--format', 'json']);
    wholeRuns.push(run);
    process.stdout.write(`round ${round}: whole run ${seconds(run.wall)} wall, ${seconds(run.cpu)} CPU; shards`);
    for (let i = 1; i <= args.shards; i++) {
      const shardRun = stratlint(tmp, ['docs', '--shard', `${i}/${args.shards}`, '--format', 'json', '--output-file', `shard-${i}.json`]);
      shardRuns[i - 1].push(shardRun);
      process.stdout.write(` ${seconds(shardRun.wall)} (${seconds(shardRun.cpu)} CPU)`);
    }
    process.stdout.write('\n');
  }
  const middle = (runs) => ({ wall: median(runs.map((r) => r.wall)), cpu: runs[0].cpu === null ? null : median(runs.map((r) => r.cpu)) });
  const whole = { ...middle(wholeRuns), stdout: wholeRuns.at(-1).stdout };
  process.stdout.write(`whole run, one process${args.rounds > 1 ? `, median of ${args.rounds}` : ''}: ${seconds(whole.wall)} wall, ${seconds(whole.cpu)} CPU\n`);
  for (let i = 1; i <= args.shards; i++) {
    const name = `shard-${i}.json`;
    const report = JSON.parse(readFileSync(join(tmp, name), 'utf8'));
    const docs = report.shard.documents.map((d) => d.path);
    const bytes = docs.reduce((n, p) => n + statSync(join(tmp, p)).size, 0);
    names.push(name);
    rows.push({ i, run: middle(shardRuns[i - 1]), docs: docs.length, bytes });
  }
  const totalBytes = rows.reduce((n, r) => n + r.bytes, 0);
  const quarterWall = whole.wall / args.shards;
  const quarterCpu = whole.cpu === null ? null : whole.cpu / args.shards;
  process.stdout.write(`\nshard  documents  bytes (share)      wall (of 1/${args.shards} of the whole)  CPU (of 1/${args.shards})\n`);
  for (const r of rows) {
    const signed = (x) => `${x >= 0 ? '+' : ''}${(x * 100).toFixed(1)}%`;
    const wallShare = signed(r.run.wall / quarterWall - 1);
    const cpuShare = quarterCpu === null ? '-' : signed(r.run.cpu / quarterCpu - 1);
    process.stdout.write(
      `${String(r.i).padEnd(6)} ${String(r.docs).padEnd(10)} ${String(r.bytes).padEnd(8)} (${((r.bytes / totalBytes) * 100).toFixed(1)}%)  ${seconds(r.run.wall)} (${wallShare})         ${seconds(r.run.cpu)} (${cpuShare})\n`,
    );
  }

  const merged = stratlint(tmp, ['merge', ...names, '--format', 'json']);
  if (merged.stdout !== whole.stdout) throw new Error('the merged report differs from the whole run\'s');
  process.stdout.write(
    `\nmerge of ${args.shards} reports: ${seconds(merged.wall)} wall (${((merged.wall / whole.wall) * 100).toFixed(1)}% of the whole run), ${seconds(merged.cpu)} CPU (${whole.cpu ? ((merged.cpu / whole.cpu) * 100).toFixed(1) : '-'}%); the same bytes as the whole run\n`,
  );

  const cacheDir = join(tmp, 'cache');
  generateCorpus({ out: cacheDir, small: 0, medium: args['cache-documents'], large: 0, force: true });
  const cacheArgs = ['cache/medium', '--format', 'json', '--cache', '--cache-location', join(tmp, 'stratlint-cache.json')];
  const first = stratlint(tmp, cacheArgs);
  const second = stratlint(tmp, cacheArgs);
  if (second.stdout !== first.stdout) throw new Error('the cached run\'s report differs');
  process.stdout.write(
    `\n--cache, ${args['cache-documents']} documents: first run ${seconds(first.wall)} wall, ${seconds(first.cpu)} CPU; ` +
      `unchanged again ${seconds(second.wall)} wall (${((second.wall / first.wall) * 100).toFixed(1)}%), ${seconds(second.cpu)} CPU (${first.cpu ? ((second.cpu / first.cpu) * 100).toFixed(1) : '-'}%); the same report\n`,
  );
  process.stdout.write(`load average now ${load()}\n`);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
