// Every fixture and shared-corpus document in Markdown, cut into texts to ask a word list about.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');

/** The distinct non-empty pieces of every Markdown fixture and corpus document, cut where `split` matches. */
export function documentTexts(split: RegExp): string[] {
  const out = new Set<string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.md')) for (const part of readFileSync(path, 'utf8').split(split)) if (part.trim()) out.add(part.trim());
    }
  };
  walk(join(ROOT, 'fixtures'));
  walk(join(ROOT, '..', 'shared', 'corpus'));
  return [...out];
}
