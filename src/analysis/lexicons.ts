// Loads the lexicons shipped in rules/lexicons/*.yml, merged with what config adds.

import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, basename } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { Lexicon } from './lexicon.js';
import { requiredLiterals } from './required-literals.js';
import { lowerCasedPattern } from './lower-cased-pattern.js';
import { packageRoot } from '../core/package-root.js';

export type LexiconSet = ReadonlyMap<string, Lexicon>;

/** Where the shipped lexicons live. */
export const lexiconDir = (): string => join(packageRoot(), 'rules', 'lexicons');

/**
 * The shipped lexicons' terms, as `npm run build` leaves them for start-up: parsing the YAML
 * took 140-300 ms of CPU in every process and every worker, reading this JSON under 10 ms.
 */
export const compiledLexiconsPath = (): string => join(packageRoot(), 'dist', 'lexicons.json');

interface CompiledLexicons {
  /** The YAML files it was made from, in order, with their sizes. */
  files: Array<[name: string, size: number]>;
  terms: Record<string, string[]>;
  /** For each /…/ term, the strings one of which its every match contains (requiredLiterals). */
  literals: Record<string, string[] | null>;
  /** For each /…/ term, its expression for lower-cased text (lowerCasedPattern), or null. */
  lowered: Record<string, string | null>;
}

let shipped: { terms: Map<string, string[]>; literals: ReadonlyMap<string, readonly string[] | null>; lowered: ReadonlyMap<string, string | null> } | null =
  null;

function shippedLexicons(): NonNullable<typeof shipped> {
  shipped ??= compiledLexicons() ?? { terms: readLexiconYaml(), literals: new Map(), lowered: new Map() };
  return shipped;
}

export function shippedLexiconTerms(): ReadonlyMap<string, string[]> {
  return shippedLexicons().terms;
}

/** Parses rules/lexicons/*.yml (what the compiled file is made from, and the fallback). */
export function readLexiconYaml(): Map<string, string[]> {
  const terms = new Map<string, string[]>();
  for (const file of lexiconFiles()) {
    const data = parseYaml(readFileSync(join(lexiconDir(), file), 'utf8')) as { terms?: unknown };
    terms.set(basename(file, '.yml'), Array.isArray(data?.terms) ? data.terms.map(String) : []);
  }
  return terms;
}

/** What dist/lexicons.json should hold, for the build. */
export function compileLexicons(): CompiledLexicons {
  const files = lexiconFiles().map((file): [string, number] => [file, statSync(join(lexiconDir(), file)).size]);
  const terms = readLexiconYaml();
  const literals: Record<string, string[] | null> = {};
  const lowered: Record<string, string | null> = {};
  for (const list of terms.values()) {
    for (const raw of list) {
      const term = raw.trim();
      // Terms are matched ignoring case (src/analysis/lexicon.ts).
      if (term.length > 2 && term.startsWith('/') && term.endsWith('/')) {
        literals[term] ??= requiredLiterals(term.slice(1, -1), true);
        if (!(term in lowered)) lowered[term] = lowerCasedPattern(term.slice(1, -1));
      }
    }
  }
  return { files, terms: Object.fromEntries(terms), literals, lowered };
}

function lexiconFiles(): string[] {
  return readdirSync(lexiconDir())
    .sort()
    .filter((file) => file.endsWith('.yml'));
}

/**
 * The compiled terms, unless a YAML file was added, removed or edited since the build (a
 * different size, or newer than the compiled file), when the YAML is read instead.
 */
function compiledLexicons(): NonNullable<typeof shipped> | null {
  try {
    const path = compiledLexiconsPath();
    const built = statSync(path).mtimeMs;
    const compiled = JSON.parse(readFileSync(path, 'utf8')) as CompiledLexicons;
    const files = lexiconFiles();
    if (files.length !== compiled.files.length) return null;
    for (let i = 0; i < files.length; i++) {
      const [name, size] = compiled.files[i]!;
      const stat = statSync(join(lexiconDir(), files[i]!));
      if (name !== files[i] || size !== stat.size || stat.mtimeMs > built) return null;
    }
    return {
      terms: new Map(Object.entries(compiled.terms)),
      literals: new Map(Object.entries(compiled.literals ?? {})),
      lowered: new Map(Object.entries(compiled.lowered ?? {})),
    };
  } catch {
    return null;
  }
}

const cache = new Map<string, LexiconSet>();

/** The shipped lexicons plus additions; built once per distinct set of additions. */
export function buildLexicons(additions: Readonly<Record<string, readonly string[]>> = {}): LexiconSet {
  const key = JSON.stringify(additions);
  const hit = cache.get(key);
  if (hit) return hit;
  const set = new Map<string, Lexicon>();
  const { terms: shippedTerms, literals, lowered } = shippedLexicons();
  for (const [name, terms] of shippedTerms) {
    set.set(name, new Lexicon(name, [...terms, ...(additions[name] ?? [])], literals, lowered));
  }
  for (const [name, terms] of Object.entries(additions)) {
    if (!set.has(name)) set.set(name, new Lexicon(name, terms, literals, lowered));
  }
  cache.set(key, set);
  return set;
}

export function lexiconOf(set: LexiconSet, name: string): Lexicon {
  const lexicon = set.get(name);
  if (!lexicon) throw new Error(`Unknown lexicon "${name}"`);
  return lexicon;
}
