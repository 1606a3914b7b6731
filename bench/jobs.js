#!/usr/bin/env node
// How much faster a bulk run is with more jobs: lints the same folder of medium documents with
// --jobs 1 and --jobs N through the real binary, alternating, and prints the median wall time,
// CPU time and speed-up. Figures depend on the machine and on what else runs on it; the load
// average is printed with them.
//
// It also times the machine's own ceiling for N jobs (bench/lib/separate.js): a lone process
// already keeps more than one core busy (V8 collects garbage and compiles on threads of its
// own), and N processes on N cores take those cycles from one another.
//
//   npm run build && node bench/jobs.js [--documents 200] [--jobs 2] [--runs 5] [--words 800]

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeCorpus } from '../scripts/lib/strategy-corpus.js';
import { lintInSeparateProcesses } from './lib/separate.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(ROOT, 'bin', 'stratlint.js');

const args = { documents: 200, jobs: 2, runs: 5, words: 800 };
for (let i = 2; i < process.argv.length; i += 2) {
  const key = process.argv[i].replace(/^--/, '');
  if (!(key in args)) throw new Error(`unknown option ${process.argv[i]}`);
  args[key] = Number(process.argv[i + 1]);
}

// The benchmark's own corpus generator when it is there (bench/generate.js), else the small one
// the bulk tests use; either way the same seed gives the same documents.
async function corpus(dir) {
  const shared = join(ROOT, 'bench', 'generate.js');
  if (existsSync(shared)) {
    const { generateCorpus } = await import(shared);
    generateCorpus({ out: dir, small: 0, medium: args.documents, large: 0, force: true });
    return join(dir, 'medium');
  }
  writeCorpus(dir, { documents: args.documents, words: args.words });
  return dir;
}

// GNU time, where there is one, adds the CPU time and the peak memory of the whole process.
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;

// The CPU time the whole machine spent busy (Linux), to tell how much other programs took while
// a run was measured: figures taken on a busy machine say little about --jobs.
function machineBusy() {
  try {
    const [, ...fields] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/);
    const [user, nice, system, , , irq, softirq, steal] = fields.map(Number);
    return (user + nice + system + irq + softirq + steal) / 100;
  } catch {
    return null;
  }
}

function once(dir, jobs) {
  const busyBefore = machineBusy();
  const command = [process.execPath, BIN, dir, '--format', 'json', '--jobs', String(jobs), '--no-progress'];
  const started = process.hrtime.bigint();
  const r = spawnSync(TIME ?? command[0], TIME ? ['-f', 'TIME %U %S %M', ...command] : command.slice(1), {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, NO_COLOR: '1' },
  });
  const wall = Number(process.hrtime.bigint() - started) / 1e9;
  if (r.status === null || r.status > 1) throw new Error(`stratlint failed (${r.status}): ${r.stderr}`);
  const measured = /TIME ([\d.]+) ([\d.]+) (\d+)/.exec(r.stderr);
  const busy = busyBefore === null ? null : machineBusy() - busyBefore;
  const cpu = measured ? Number(measured[1]) + Number(measured[2]) : null;
  return {
    wall,
    others: busy === null || cpu === null ? null : Math.max(0, busy - cpu) / wall,
    cpu,
    rssMb: measured ? Number(measured[3]) / 1024 : null,
    output: r.stdout,
  };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const tmp = mkdtempSync(join(tmpdir(), 'stratlint-jobs-'));
try {
  const dir = await corpus(tmp);
  const files = readdirSync(dir).filter((f) => f.endsWith('.md')).length;
  process.stdout.write(`${files} documents in ${dir}; ${availableParallelism()} cores; load average ${loadavg().map((n) => n.toFixed(2)).join(' ')}\n`);
  // One warm-up run each, so the file cache and the compile cache are the same for both.
  const reference = once(dir, 1).output;
  if (once(dir, args.jobs).output !== reference) throw new Error(`--jobs ${args.jobs} gave a different report from --jobs 1`);
  const runs = { 1: [], [args.jobs]: [] };
  const ceiling = [];
  for (let run = 0; run < args.runs; run++) {
    for (const jobs of run % 2 ? [args.jobs, 1] : [1, args.jobs]) runs[jobs].push(once(dir, jobs));
    ceiling.push(await lintInSeparateProcesses(BIN, dir, args.jobs));
  }
  const one = median(runs[1].map((r) => r.wall));
  const many = median(runs[args.jobs].map((r) => r.wall));
  const row = (jobs, t) => {
    const list = runs[jobs];
    const cpu = list[0].cpu === null ? '' : `, CPU ${median(list.map((r) => r.cpu)).toFixed(2)} s, peak memory ${median(list.map((r) => r.rssMb)).toFixed(0)} MB`;
    const others = list[0].others === null ? '' : `; other programs used ${median(list.map((r) => r.others)).toFixed(2)} cores meanwhile`;
    return `--jobs ${jobs}: median ${t.toFixed(2)} s (${(files / t).toFixed(1)} documents/s${cpu}); runs ${list.map((r) => r.wall.toFixed(2)).join(' ')}${others}\n`;
  };
  process.stdout.write(row(1, one));
  process.stdout.write(row(args.jobs, many));
  const best = median(ceiling);
  process.stdout.write(
    `${args.jobs} separate processes, 1 job each, ${files / args.jobs} documents each: median ${best.toFixed(2)} s; runs ${ceiling.map((t) => t.toFixed(2)).join(' ')}\n`,
  );
  process.stdout.write(`speed-up ${(one / many).toFixed(2)}x; the machine's ceiling (separate processes) ${(one / best).toFixed(2)}x\n`);
  process.stdout.write(`load average now ${loadavg().map((n) => n.toFixed(2)).join(' ')}\n`);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
