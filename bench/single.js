#!/usr/bin/env node
// What one small document costs, whole process: the case a guarded worker must not slow down
// (src/engine/guard.ts keeps a small document with the built-in rules in the main thread).
// Lints one document with each binary given, alternating, and prints the median wall time and
// CPU time (all threads) of each, and the difference from the first. The load average is
// printed with them: on a busy machine compare medians of many runs, not single runs.
//
//   npm run build && node bench/single.js [--runs 21] [--document fixtures/strategies/…md] [--bin other/bin/stratlint.js …]
//
// With no --bin, this checkout's binary is timed twice: the second run of the same code shows
// how far the figures move by themselves.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median, ms, table } from './lib/stats.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = { runs: 21, document: join(ROOT, 'fixtures', 'strategies', 'riverside-council-digital-strategy.md'), bins: [join(ROOT, 'bin', 'stratlint.js')] };
for (let i = 2; i < process.argv.length; i += 2) {
  const [key, value] = [process.argv[i], process.argv[i + 1]];
  if (key === '--runs') args.runs = Number(value);
  else if (key === '--document') args.document = resolve(value);
  else if (key === '--bin') args.bins.push(resolve(value));
  else throw new Error(`unknown option ${key}`);
}
if (args.bins.length === 1) args.bins.push(args.bins[0]);

const scratch = mkdtempSync(join(tmpdir(), 'stratlint-single-'));
const rss = join(scratch, 'usage');
const timings = args.bins.map(() => ({ wall: [], cpu: [] }));
try {
  for (let run = 0; run < args.runs; run++) {
    args.bins.forEach((bin, b) => {
      rmSync(rss, { force: true });
      const start = process.hrtime.bigint();
      const r = spawnSync(process.execPath, ['--require', join(ROOT, 'bench', 'lib', 'maxrss.cjs'), bin, args.document, '--format', 'json'], {
        env: { ...process.env, STRATLINT_BENCH_RSS: rss },
        encoding: 'utf8',
      });
      const wall = Number(process.hrtime.bigint() - start) / 1e6;
      if (r.status !== 0 && r.status !== 1) throw new Error(`${bin} exited ${r.status}: ${r.stderr}`);
      timings[b].wall.push(wall);
      timings[b].cpu.push(Number(readFileSync(rss, 'utf8').trim().split(/\s+/)[1]));
    });
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

const base = { wall: median(timings[0].wall), cpu: median(timings[0].cpu) };
const rows = args.bins.map((bin, b) => {
  const wall = median(timings[b].wall);
  const cpu = median(timings[b].cpu);
  const diff = b === 0 ? '' : `${wall - base.wall >= 0 ? '+' : ''}${ms(wall - base.wall)} (CPU ${cpu - base.cpu >= 0 ? '+' : ''}${ms(cpu - base.cpu)})`;
  return [bin, ms(wall), ms(cpu), diff];
});
console.log(`One document (${args.document}), ${args.runs} runs each, alternating; load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}\n`);
console.log(table(['binary', 'median wall', 'median CPU', 'against the first'], rows, ['l', 'r', 'r', 'r']));
