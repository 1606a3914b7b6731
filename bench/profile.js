#!/usr/bin/env node
// Profiles one whole-process run of stratlint with `node --cpu-prof` and prints where the
// time goes: the functions with the most self time, and self time summed by module
// (stratlint's own files by name, dependencies by package).
//
//   node bench/profile.js [large|medium|FILE...] [--top 25] [--keep]
//
// The .cpuprofile is written to bench/.profiles/ (git-ignored) and can be opened in Chrome
// DevTools or speedscope for a flame chart.

import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateCorpus } from './generate.js';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..');

/** Self time per node of a V8 CPU profile, in milliseconds. */
export function selfTimes(profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, { ...n, self: 0 }]));
  const deltas = profile.timeDeltas;
  for (let i = 0; i < profile.samples.length; i++) {
    const node = byId.get(profile.samples[i]);
    // A sample's time is the gap to the next sample.
    const dt = (deltas[i + 1] ?? 0) / 1000;
    if (node) node.self += dt;
  }
  return [...byId.values()];
}

/** "stratlint: src/analysis/temporal.ts" for our files, the package name for dependencies. */
export function moduleOf(url) {
  if (!url) return '(native/gc)';
  const path = url.startsWith('file://') ? fileURLToPath(url) : url;
  const nm = path.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = path.slice(nm + 'node_modules/'.length).split('/');
    return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  if (path.startsWith(root)) return relative(root, path).replace(/^dist\//, '').replace(/\.js$/, '.ts');
  if (path.startsWith('node:')) return 'node (internals)';
  return path;
}

export function summarise(profile, top = 25) {
  const nodes = selfTimes(profile);
  const total = nodes.reduce((n, x) => n + x.self, 0);
  const fns = new Map();
  const modules = new Map();
  for (const n of nodes) {
    const cf = n.callFrame;
    const mod = cf.functionName === '(garbage collector)' ? '(garbage collector)' : moduleOf(cf.url);
    const key = `${cf.functionName || '(anonymous)'}  ${mod}${cf.url && !cf.url.includes('node_modules') ? `:${cf.lineNumber + 1}` : ''}`;
    fns.set(key, (fns.get(key) ?? 0) + n.self);
    modules.set(mod, (modules.get(mod) ?? 0) + n.self);
  }
  const rows = (map) =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([k, ms]) => `${ms.toFixed(1).padStart(8)} ms ${((100 * ms) / total).toFixed(1).padStart(5)}%  ${k}`);
  return [`total sampled: ${total.toFixed(0)} ms`, '', 'self time by module:', ...rows(modules), '', 'hottest functions (self time):', ...rows(fns)].join('\n');
}

function main(argv) {
  let top = 25;
  let keep = false;
  const targets = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--top') top = Number(argv[++i]);
    else if (argv[i] === '--keep') keep = true;
    else targets.push(argv[i]);
  }
  const corpus = generateCorpus();
  const files = [];
  for (const t of targets.length ? targets : ['large']) {
    if (t === 'large' || t === 'medium' || t === 'small') files.push(join(corpus.out, t));
    else files.push(resolve(t));
  }
  const dir = join(here, '.profiles');
  if (!keep) rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const before = new Set(readdirSync(dir));
  const run = spawnSync(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${dir}`, join(root, 'bin', 'stratlint.js'), ...files, '--format', 'json'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (run.status !== 0 && run.status !== 1) throw new Error(`stratlint exited with ${run.status}`);
  const made = readdirSync(dir).filter((f) => f.endsWith('.cpuprofile') && !before.has(f));
  const newest = made.map((f) => join(dir, f)).sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0];
  if (!newest) throw new Error('no profile was written');
  process.stdout.write(`profile: ${relative(process.cwd(), newest)}\n`);
  process.stdout.write(summarise(JSON.parse(readFileSync(newest, 'utf8')), top) + '\n');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main(process.argv.slice(2));
