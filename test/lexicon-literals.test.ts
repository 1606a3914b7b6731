// A lexicon first looks for the plain text every match of its terms must contain, and skips a
// sentence that holds none (src/analysis/lexicon.ts, required-literals.ts). That is only for
// speed: these tests hold that every lexicon still finds exactly what it found by trying every
// term on every text.
import { describe, expect, it } from 'vitest';
import { Lexicon } from '../src/analysis/lexicon.js';
import { buildLexicons, compileLexicons } from '../src/analysis/lexicons.js';
import { requiredLiterals } from '../src/analysis/required-literals.js';
import { documentTexts } from './support/document-texts.js';

describe('the text every match of an expression contains', () => {
  it('is the longest plain text the expression cannot do without', () => {
    expect(requiredLiterals('\\b(?:this|our)\\s+strategy\\s+(?:sets\\s+out|explains)\\b', true)).toEqual(['strategy']);
    expect(requiredLiterals('Digital\\s+Twin', true)).toEqual(['digital']);
    expect(requiredLiterals('\\b(?:Cloud|Mobile)\\s+(?:first|led)\\b', false)).toEqual(['Cloud', 'Mobile']);
  });

  it('is unknown when some match holds no plain text', () => {
    expect(requiredLiterals('\\w+\\s+first', true)).toEqual(['first']);
    expect(requiredLiterals('(?:first|\\d+)\\s+step', true)).toEqual(['step']);
    expect(requiredLiterals('(?:first|\\d+)', true)).toBeNull();
    expect(requiredLiterals('(?:cloud)?', true)).toBeNull();
    expect(requiredLiterals('café', true)).toEqual(['caf']);
    expect(requiredLiterals('(unclosed', true)).toBeNull();
  });

  it('is worked out at build time for every /…/ term the shipped lexicons hold', () => {
    const { terms, literals } = compileLexicons();
    const patterns = Object.values(terms).flat().map((t) => t.trim()).filter((t) => t.length > 2 && t.startsWith('/') && t.endsWith('/'));
    expect(patterns.length).toBeGreaterThan(50);
    for (const term of patterns) expect(literals[term], term).toBeDefined();
    // Most have text to look for; a lexicon with one that has none reads every sentence in full.
    expect(patterns.filter((t) => literals[t] !== null).length).toBeGreaterThan(patterns.length * 0.9);
  });
});

/** Paragraphs and sentences of every fixture and corpus document in Markdown, as texts to ask about. */
const texts = () => documentTexts(/\n\s*\n|(?<=[.!?])\s+/);

describe('a lexicon that looks for its required text first', () => {
  it('finds what it finds reading every text in full, for every shipped lexicon', () => {
    const all = texts();
    expect(all.length).toBeGreaterThan(2000);
    let withMatches = 0;
    // Collected and asserted once: an assertion per lexicon and text cost more than the matching
    // and took the test past its time limit on a slow machine.
    const differ: string[] = [];
    for (const [name, lexicon] of buildLexicons()) {
      const full = new Lexicon(name, lexicon.terms, null);
      for (const text of all) {
        const matches = JSON.stringify(lexicon.matches(text));
        if (matches !== '[]') withMatches++;
        const inFull = JSON.stringify(full.matches(text));
        const where = `${name} on ${JSON.stringify(text.slice(0, 80))}`;
        if (matches !== inFull) differ.push(`${where}: ${matches} against ${inFull}`);
        if (lexicon.test(text) !== full.test(text)) differ.push(`${where}: test() ${lexicon.test(text)} against ${full.test(text)}`);
      }
    }
    expect(differ).toEqual([]);
    expect(withMatches).toBeGreaterThan(1000);
  });

  it('still finds a term written with a letter that only matches ignoring case in Unicode', () => {
    // "ſ" (long s) matches "s", and the Kelvin sign "K" matches "k", when case is ignored.
    const lexicon = new Lexicon('words', ['strategy', 'kpi', '/\\bstrategic\\s+plan\\b/'], new Map([['/\\bstrategic\\s+plan\\b/', ['strategic', 'plan']]]));
    expect(lexicon.matches('our ſtrategy').map((m) => m.text)).toEqual(['ſtrategy']);
    expect(lexicon.matches('each \u212API').map((m) => m.text)).toEqual(['\u212API']);
    expect(lexicon.test('a ſtrategic plan')).toBe(true);
    expect(lexicon.test('a plain sentence')).toBe(false);
  });

  it('finds terms whose required texts open alike, open one another or overlap in a text', () => {
    // The first look's expression writes shared openings once ("s(?:ervice|t(?:op|rategy))").
    const terms = ['service', 'services', 'stop doing', 'strategy', 'willow', 'low code', 'a', 'an', '/\\bbest\\s+of\\s+breed\\b/'];
    const lexicon = new Lexicon('openings', terms, new Map([['/\\bbest\\s+of\\s+breed\\b/', ['breed']]]));
    const full = new Lexicon('openings', terms, null);
    const texts = [
      'Our services stop; we will stop doing what the strategy does not need.',
      'The willow grows low; low-code tools are not low code.',
      'Best of breed, an approach.',
      'Nothing here.',
    ];
    for (const text of texts) {
      expect(lexicon.matches(text), text).toEqual(full.matches(text));
      expect(lexicon.test(text), text).toBe(full.test(text));
    }
    expect(lexicon.matches(texts[0]!).map((m) => m.text)).toEqual(['services', 'stop doing', 'strategy']);
    expect(lexicon.matches(texts[1]!).map((m) => m.text)).toEqual(['willow', 'low-code', 'low code']);
    expect(lexicon.test(texts[3]!)).toBe(false);
  });

  it('reads every text in full for a /…/ term it knows nothing about, as a configured one', () => {
    const lexicon = buildLexicons({ 'farm-words': ['/\\b\\w+\\s+farming\\b/', 'orchard'] }).get('farm-words')!;
    expect(lexicon.matches('We will try quokka farming in the orchard.').map((m) => m.text)).toEqual(['quokka farming', 'orchard']);
    expect(lexicon.test('Quokkas, farming.')).toBe(false);
  });
});
