// A lexicon ignores case by running expressions made for lower-case text on the text lower-cased
// (src/analysis/lower-cased-pattern.ts), not with the i flag, which V8 is slow to compile. That
// is only for speed: these tests hold that it finds exactly what the i flag finds, and that a
// term whose lower-case form cannot be vouched for keeps the i flag.
import { describe, expect, it } from 'vitest';
import { Lexicon } from '../src/analysis/lexicon.js';
import { buildLexicons, compileLexicons } from '../src/analysis/lexicons.js';
import { lowerCasedPattern } from '../src/analysis/lower-cased-pattern.js';
import { documentTexts } from './support/document-texts.js';

describe('an expression for lower-cased text', () => {
  it('is the expression with its capitals in small letters', () => {
    expect(lowerCasedPattern('\\b(?:IT|ICT)\\s+Board\\b')).toBe('\\b(?:it|ict)\\s+board\\b');
    expect(lowerCasedPattern('[A-Z][a-z]+ \\x41PI')).toBe('[a-z][a-z]+ api');
    // Escapes, classes and group names keep their letters.
    expect(lowerCasedPattern('(?<Name>\\S+)\\s\\k<Name>\\W\\B[\\p{L}\\p{N}-]+\\P{L}')).toBe('(?<Name>\\S+)\\s\\k<Name>\\W\\B[\\p{L}\\p{N}-]+\\P{L}');
  });

  it('is not given where case decides the match or lower-casing may fold otherwise', () => {
    expect(lowerCasedPattern('\\p{Lu}+ board')).toBeNull();
    expect(lowerCasedPattern('[A-z]+')).toBeNull();
    expect(lowerCasedPattern('caf\u00c9')).toBeNull();
    expect(lowerCasedPattern('\u03a3\u03c3')).toBeNull();
    expect(lowerCasedPattern('(unclosed')).toBeNull();
  });

  it('is worked out at build time for every /…/ term the shipped lexicons hold', () => {
    const { terms, lowered } = compileLexicons();
    const patterns = Object.values(terms).flat().map((t) => t.trim()).filter((t) => t.length > 2 && t.startsWith('/') && t.endsWith('/'));
    expect(patterns.length).toBeGreaterThan(50);
    for (const term of patterns) expect(typeof lowered[term], term).toBe('string');
  });
});

/** Lines of every fixture and corpus document, as written, in capitals and in title case. */
function texts(): string[] {
  const written = documentTexts(/\n|(?<=[.!?])\s+/);
  return [...written, ...written.map((t) => t.toUpperCase()), ...written.map((t) => t.replace(/\b\p{Ll}/gu, (c) => c.toUpperCase()))];
}

describe('a lexicon matching lower-cased text', () => {
  it('finds what the i flag finds, for every shipped lexicon, in any case', () => {
    const all = texts();
    expect(all.length).toBeGreaterThan(10000);
    let withMatches = 0;
    // Collected and asserted once: an assertion per lexicon and text (some two million) cost more
    // than the matching, and took the test past its time limit on a slow machine.
    const differ: string[] = [];
    for (const [name, lexicon] of buildLexicons()) {
      // Made without the lower-case forms of its /…/ terms, a lexicon ignores case with the i flag.
      const withFlag = new Lexicon(name, lexicon.terms, null, new Map());
      for (const text of all) {
        const matches = JSON.stringify(lexicon.matches(text));
        if (matches !== '[]') withMatches++;
        const flagged = JSON.stringify(withFlag.matches(text));
        if (matches !== flagged) differ.push(`${name} on ${JSON.stringify(text.slice(0, 80))}: ${matches} against ${flagged}`);
      }
    }
    expect(differ).toEqual([]);
    expect(withMatches).toBeGreaterThan(3000);
  });

  it('reads a text with a letter that lower-casing and ignoring case treat apart with the i flag', () => {
    const lexicon = buildLexicons().get('strategy-cliches')!;
    const withFlag = new Lexicon('strategy-cliches', lexicon.terms, null, new Map());
    // The long s matches "s" ignoring case; the dotted capital I lower-cases to two characters;
    // U+0345 is a mark that \p{L} matches ignoring case.
    for (const text of ['A ſeamless journey', 'İn today\u2019s digital age, a seamless JOURNEY', 'a joined-up \u0345 seamless experience']) {
      expect(lexicon.matches(text), text).toEqual(withFlag.matches(text));
      expect(lexicon.matches(text).length, text).toBeGreaterThan(0);
    }
  });

  it('keeps the i flag for a configured term it cannot lower-case', () => {
    // \p{Lu} ignoring case matches small letters too, which a lower-cased text cannot show.
    const lexicon = buildLexicons({ 'board-names': ['/\\p{Lu}+ board/', 'panel'] }).get('board-names')!;
    expect(lexicon.matches('The digital board and the PANEL met.').map((m) => m.text)).toEqual(['digital board', 'PANEL']);
  });
});
