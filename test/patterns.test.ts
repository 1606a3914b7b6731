// No pattern stratlint ships may backtrack super-linearly: every regular expression in src/ and
// rules/ (literals found with the TypeScript parser, and those built with new RegExp, recorded
// while the engine lints the fixtures), and every /…/ term of the shipped lexicons, is run
// through scslre's ReDoS analysis (src/config/patterns.ts), the same check user patterns get.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { parse as parseYaml } from 'yaml';
import { backtracking } from '../dist/src/config/patterns.js';
import { ROOT } from './helpers.js';

interface Found {
  where: string;
  source: string;
  flags: string;
}

// Patterns whose input is bounded where they are used, so super-linear time cannot grow.
const BOUNDED: Record<string, string> = {
  // Groups the digits of a safe integer (at most 16 of them) with commas.
  '\\B(?=(\\d{3})+$)': 'rules/document-length.ts',
  // Each of these reads one sentence, or the part of it before or after a date, and sentences are
  // cut at 3,000 characters (src/core/limits.ts), so their polynomial worst case stays bounded.
  '\\b(?:(?:over|across|throughout)\\s+(?:a|the|this)|(?:runs?|running|lasts?|lasting|covers?|covering|spans?|spanning)\\s+(?:for|over|across)?\\s*(?:a|the)?)\\s*$': 'src/analysis/temporal-roles.ts',
  '\\b(?:aged|ages|age of|people|adults|residents|patients|citizens|children|those|anyone|men|women)\\s*(?:>|≥|over|more than|above|under)?\\s*$': 'src/analysis/temporal-roles.ts',
  '^[\\s,(\\u2013\\u2014-]*(?:(?:in|from|to|of|between|and|during|for|over)\\s+)?(?:the\\s+)?(?:year\\s+)?[\\s,(]*$': 'src/analysis/temporal-roles.ts',
  "((?:(?:\\p{Lu}[\\p{L}'’-]*|of|and|for|the)\\s+){1,6}(?:Plan|Strategy|Framework|Review|Report|Programme|Program|Agenda|Compact|Deal|Roadmap|Blueprint|Charter))\\s*[:(,\\u2013-]?\\s*$": 'src/analysis/temporal-roles.ts',
  '\\s+(?:of|for|in|on|with|from|to|at|across|within|who|that|which)\\s+': 'src/analysis/temporal-roles.ts',
  // One line of a PDF page, a few hundred characters at most.
  '(?:\\.\\s?){4,}\\s*\\d{1,4}$|…{2,}\\s*\\d{1,4}$': 'src/formats/pdf/structure.ts',
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

function literals(): Found[] {
  const found: Found[] = [];
  for (const file of [...sourceFiles(join(ROOT, 'src')), ...sourceFiles(join(ROOT, 'rules'))]) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node): void => {
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const text = node.getText(source);
        const end = text.lastIndexOf('/');
        const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
        found.push({ where: `${relative(ROOT, file)}:${line}`, source: text.slice(1, end), flags: text.slice(end + 1) });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
}

/** Patterns built at run time (dates, word numbers, lexicons), as the engine builds them. */
async function constructed(): Promise<Found[]> {
  const found: Found[] = [];
  const Native = globalThis.RegExp;
  globalThis.RegExp = new Proxy(Native, {
    construct(target, args: [string | RegExp, string?]) {
      const re = new target(...args);
      // stratlint's own, not its libraries' (chrono-node's run on a sentence at a time).
      const caller = new Error().stack?.split('\n')[2] ?? '';
      if (caller.includes(ROOT) && !caller.includes('node_modules')) found.push({ where: 'new RegExp', source: re.source, flags: re.flags });
      return re;
    },
  });
  try {
    const { Linter } = await import('../dist/src/engine/run.js');
    const linter = new Linter({ cwd: ROOT });
    for (const dir of ['strategies', 'signs']) {
      for (const name of readdirSync(join(ROOT, 'fixtures', dir))) if (name.endsWith('.md')) await linter.lintFile(join(ROOT, 'fixtures', dir, name));
    }
  } finally {
    globalThis.RegExp = Native;
  }
  return found;
}

function lexiconTerms(): Found[] {
  const dir = join(ROOT, 'rules', 'lexicons');
  return readdirSync(dir).flatMap((name) => {
    const data = parseYaml(readFileSync(join(dir, name), 'utf8')) as { terms?: string[] };
    return (data.terms ?? [])
      .filter((t) => t.length > 2 && t.startsWith('/') && t.endsWith('/'))
      .map((t) => ({ where: `rules/lexicons/${name}`, source: t.slice(1, -1), flags: 'iu' }));
  });
}

describe('built-in patterns', () => {
  it('none backtracks super-linearly (scslre)', async () => {
    const all = [...literals(), ...(await constructed()), ...lexiconTerms()];
    // Enough found that the search itself cannot have gone quiet.
    expect(all.filter((p) => p.where.startsWith('src/')).length).toBeGreaterThan(100);
    expect(all.filter((p) => p.where === 'new RegExp').length).toBeGreaterThan(10);
    expect(all.filter((p) => p.where.startsWith('rules/lexicons/')).length).toBeGreaterThan(20);
    const risky = all
      .filter((p) => !(p.source in BOUNDED && p.where.startsWith(BOUNDED[p.source]!)))
      .map((p) => ({ ...p, risk: backtracking(p.source, p.flags) }))
      .filter((p) => p.risk !== null)
      .map((p) => `${p.where}: /${p.source}/${p.flags} may take ${p.risk} time`);
    expect(risky).toEqual([]);
  });

  it('the check finds the patterns that hung stratlint before', () => {
    expect(backtracking('(a+)+b', 'u')).toBe('exponential');
    // Percentages, rescanning a run of digits from each of its digits.
    expect(backtracking('(\\d+(?:[.,]\\d+)?)\\s?(?:%|per\\s?cent\\b|percent\\b)', 'giu')).toBe('polynomial');
    expect(backtracking('(?<!\\d)(\\d+(?:[.,]\\d+)?)\\s?(?:%|per\\s?cent\\b|percent\\b)', 'giu')).toBe(null);
  });
});
