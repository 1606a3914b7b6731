// Where the package's own files (rule docs, lexicons, package.json) are, whether this module
// runs compiled from dist/ or as source under a test runner.

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | null = null;

export function packageRoot(): string {
  if (root) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) || !existsSync(join(dir, 'rules', 'lexicons'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('stratlint: cannot find the package root (package.json beside rules/lexicons)');
    dir = parent;
  }
  root = dir;
  return root;
}

export function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}
