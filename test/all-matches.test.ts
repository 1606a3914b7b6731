// allMatches reads a global expression's matches as matchAll does, without matchAll's copy of
// the expression (src/core/all-matches.ts): the same matches, empty ones included.
import { describe, expect, it } from 'vitest';
import { allMatches } from '../src/core/all-matches.js';

const asMatchAll = (re: RegExp, text: string) => [...text.matchAll(re)].map((m) => [m.index, ...m]);
const asAllMatches = (re: RegExp, text: string) => allMatches(re, text).map((m) => [m.index, ...m]);

describe('every match of a global expression', () => {
  it('is what matchAll finds, with the groups, and leaves the expression at its start', () => {
    const re = /(\d+)\s?(%|per cent)/gi;
    const text = 'Take-up rose from 61% in 2015 to 78 per cent, and 5% more.';
    expect(asAllMatches(re, text)).toEqual(asMatchAll(re, text));
    expect(allMatches(re, text).map((m) => m[0])).toEqual(['61%', '78 per cent', '5%']);
    expect(re.lastIndex).toBe(0);
    expect(allMatches(re, 'no figures here')).toEqual([]);
  });

  it('moves past an empty match by a character, or by a whole code point in unicode mode', () => {
    expect(asAllMatches(/x*/g, 'axxb')).toEqual(asMatchAll(/x*/g, 'axxb'));
    // "𝐀" is two UTF-16 code units: unicode mode never stops between them.
    expect(asAllMatches(/(?:)/gu, 'a𝐀b')).toEqual(asMatchAll(/(?:)/gu, 'a𝐀b'));
    expect(allMatches(/(?:)/gu, 'a𝐀b').map((m) => m.index)).toEqual([0, 1, 3, 4]);
    expect(allMatches(/(?:)/g, 'a𝐀b').map((m) => m.index)).toEqual([0, 1, 2, 3, 4]);
  });

  it('starts from the beginning whatever the expression was last asked', () => {
    const re = /a/g;
    re.exec('banana');
    expect(re.lastIndex).toBe(2);
    expect(allMatches(re, 'banana').map((m) => m.index)).toEqual([1, 3, 5]);
  });

  it('refuses an expression without the g flag, as matchAll does', () => {
    expect(() => allMatches(/a/, 'banana')).toThrow(TypeError);
  });
});
