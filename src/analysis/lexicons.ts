// Loads the lexicons shipped in rules/lexicons/*.yml, merged with what config adds.

import { readFileSync, readdirSync } from 'node:fs';
import { join, basename } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { Lexicon } from './lexicon.js';
import { packageRoot } from '../core/package-root.js';

export type LexiconSet = ReadonlyMap<string, Lexicon>;

/** Where the shipped lexicons live. */
export const lexiconDir = (): string => join(packageRoot(), 'rules', 'lexicons');

let shipped: Map<string, string[]> | null = null;

export function shippedLexiconTerms(): ReadonlyMap<string, string[]> {
  if (shipped) return shipped;
  shipped = new Map();
  for (const file of readdirSync(lexiconDir()).sort()) {
    if (!file.endsWith('.yml')) continue;
    const data = parseYaml(readFileSync(join(lexiconDir(), file), 'utf8')) as { terms?: unknown };
    const terms = Array.isArray(data?.terms) ? data.terms.map(String) : [];
    shipped.set(basename(file, '.yml'), terms);
  }
  return shipped;
}

const cache = new Map<string, LexiconSet>();

/** The shipped lexicons plus additions; built once per distinct set of additions. */
export function buildLexicons(additions: Readonly<Record<string, readonly string[]>> = {}): LexiconSet {
  const key = JSON.stringify(additions);
  const hit = cache.get(key);
  if (hit) return hit;
  const set = new Map<string, Lexicon>();
  for (const [name, terms] of shippedLexiconTerms()) {
    set.set(name, new Lexicon(name, [...terms, ...(additions[name] ?? [])]));
  }
  for (const [name, terms] of Object.entries(additions)) {
    if (!set.has(name)) set.set(name, new Lexicon(name, terms));
  }
  cache.set(key, set);
  return set;
}

export function lexiconOf(set: LexiconSet, name: string): Lexicon {
  const lexicon = set.get(name);
  if (!lexicon) throw new Error(`Unknown lexicon "${name}"`);
  return lexicon;
}
