// The machine's ceiling for N jobs: N stratlint processes at once, each linting its share of
// the files with one job. No pool inside one process can beat that, so a --jobs figure next to
// it tells how much of a missed target is the pool's and how much the machine's.

import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Runs `bin` on the Markdown files of `dir` split N ways, all at once; resolves to the wall time in seconds. */
export async function lintInSeparateProcesses(bin, dir, n, { cwd } = {}) {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => join(dir, f));
  const shares = Array.from({ length: n }, (_, i) => files.filter((_, j) => j % n === i));
  const started = process.hrtime.bigint();
  await Promise.all(
    shares.map(
      (share) =>
        new Promise((resolve, reject) => {
          const child = spawn(process.execPath, [bin, ...share, '--format', 'json', '--jobs', '1', '--no-progress'], {
            cwd,
            stdio: ['ignore', 'ignore', 'inherit'],
            env: { ...process.env, NO_COLOR: '1' },
          });
          child.on('error', reject);
          child.on('exit', (code) => (code !== null && code <= 1 ? resolve() : reject(new Error(`stratlint exited with ${code}`))));
        }),
    ),
  );
  return Number(process.hrtime.bigint() - started) / 1e9;
}
