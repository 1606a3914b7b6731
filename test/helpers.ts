// Shared helpers for tests: driving the real binary, temporary folders, walking syntax trees.
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Nodes, Parents } from 'mdast';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const BIN = join(ROOT, 'bin', 'stratlint.js');
export const CORPUS = join(ROOT, '..', 'shared', 'corpus');

export interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}

export function stratlint(args: string[], options: { cwd?: string; input?: string | Buffer; env?: Record<string, string> } = {}): Ran {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    input: options.input,
    env: { ...process.env, NO_COLOR: '', FORCE_COLOR: '', ...options.env },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

export function tempDir(prefix = 'stratlint-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Every node of `type` in a syntax tree, in document order. */
export function nodes(tree: Nodes, type: string): Nodes[] {
  const out: Nodes[] = [];
  const walk = (n: Nodes) => {
    if (n.type === type) out.push(n);
    if ('children' in n) for (const c of (n as Parents).children) walk(c as Nodes);
  };
  walk(tree);
  return out;
}
