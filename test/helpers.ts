// Shared helpers for tests: driving the real binary, temporary folders, walking syntax trees.
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdtempSync, readdirSync, statSync } from 'node:fs';
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

let publicBin: string | undefined;

/**
 * The built command line, copied where any user can run it, for a test that runs it as another
 * user: the checkout may sit in a folder only its owner can enter (`mktemp -d`, /root). It takes
 * what the built binary reads: bin/, dist/ (the bundle holds the dependencies), the lexicons and
 * package.json.
 */
export function binForAnyUser(): string {
  if (publicBin) return publicBin;
  const dir = tempDir('stratlint-bin-');
  for (const part of ['bin', 'dist', 'package.json', 'rules/lexicons']) cpSync(join(ROOT, part), join(dir, part), { recursive: true });
  // mkdtemp makes a folder only its owner may enter, and the checkout may have been made under
  // a strict umask: everything in the copy is made readable (folders enterable) by all.
  for (const entry of ['', ...readdirSync(dir, { recursive: true, encoding: 'utf8' })]) {
    const path = join(dir, entry);
    chmodSync(path, statSync(path).mode | (statSync(path).isDirectory() ? 0o555 : 0o444));
  }
  publicBin = join(dir, 'bin', 'stratlint.js');
  return publicBin;
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
