// A lexicon's /…/ term as an expression for lower-cased text, without the i flag.
//
// A lexicon ignores case. With the i flag in unicode mode, V8 compiles every letter of an
// expression as the class of the letters it folds with, and every \p{L} as the case closure of
// all letters, which it works out afresh for each \p{L} it meets (ICU, a code point at a time):
// the word lists cost more to compile than to run on a short document. Lower-casing the text
// once (the Analysis does it for every word list anyway, see Lexicon's Fold) and the expression
// once makes the same matches with none of that. Worked out at build time for the shipped terms
// (regexpp's parse is too slow for every start-up); a term it cannot vouch for keeps the i flag.

import type { AST } from '@eslint-community/regexpp';
import { parseTermPattern } from './required-literals.js';

/**
 * General categories that hold every letter case-folding relates to their own members (\p{L}
 * and \p{P} do; \p{Lu} does not, and \p{M} holds U+0345, which folds to a Greek letter). The
 * one letter-to-mark fold left (U+0345 against \p{L}) is a text Fold refuses to lower-case.
 */
const CASE_CLOSED_CATEGORIES = new Set([
  'L', 'Letter', 'N', 'Number', 'Nd', 'Decimal_Number', 'P', 'Punctuation', 'Pc', 'Pd', 'Ps', 'Pe', 'Pi', 'Pf', 'Po',
  'S', 'Symbol', 'Sm', 'Sc', 'Sk', 'So', 'Z', 'Separator', 'Zs', 'Zl', 'Zp',
]);

const isAsciiUpper = (c: number) => c >= 65 && c <= 90;
const isAsciiLower = (c: number) => c >= 97 && c <= 122;

/** Whether a character has another case (then only ASCII letters are vouched for). */
function isCased(codePoint: number): boolean {
  const s = String.fromCodePoint(codePoint);
  return s.toLowerCase() !== s || s.toUpperCase() !== s;
}

/**
 * The source of an expression that, without the i flag, matches in a lower-cased text (as
 * Fold lower-cases it) exactly what `source` matches with flags "iu" in the text itself; null
 * when that cannot be vouched for (a cased letter outside ASCII, a range across cases, a
 * case-dependent property such as \p{Lu}, a pattern that does not parse).
 */
export function lowerCasedPattern(source: string): string | null {
  const pattern = parseTermPattern(source);
  if (!pattern) return null;
  // Edits to the source, by position: each ASCII capital as its small letter.
  const edits: Array<{ start: number; end: number; text: string }> = [];
  const character = (node: AST.Character): boolean => {
    if (isAsciiUpper(node.value)) edits.push({ start: node.start, end: node.end, text: String.fromCharCode(node.value + 32) });
    else if (node.value >= 128 && isCased(node.value)) return false;
    return true;
  };
  const walk = (node: AST.Node): boolean => {
    switch (node.type) {
      case 'Pattern':
      case 'Group':
      case 'CapturingGroup':
        return node.alternatives.every(walk);
      case 'Assertion':
        return node.kind === 'lookahead' || node.kind === 'lookbehind' ? node.alternatives.every(walk) : true;
      case 'Alternative':
        return node.elements.every(walk);
      case 'Quantifier':
        return walk(node.element);
      case 'CharacterClass':
        return node.elements.every(walk);
      case 'CharacterClassRange': {
        const [min, max] = [node.min.value, node.max.value];
        // A-Z becomes a-z; a range of small letters, or of characters without case, stays.
        if (isAsciiUpper(min) && isAsciiUpper(max)) return character(node.min) && character(node.max);
        if (isAsciiLower(min) && isAsciiLower(max)) return true;
        if (max - min > 0x3000) return false;
        for (let c = min; c <= max; c++) if (isCased(c)) return false;
        return true;
      }
      case 'Character':
        return character(node);
      case 'CharacterSet':
        if (node.kind === 'property') return node.key === 'General_Category' && typeof node.value === 'string' && CASE_CLOSED_CATEGORIES.has(node.value);
        // \w, \d, \s, ., and their negations: the same on a lower-cased text.
        return true;
      case 'Backreference':
        return true;
      default:
        return false;
    }
  };
  if (!walk(pattern)) return null;
  let out = '';
  let at = 0;
  for (const edit of edits.sort((a, b) => a.start - b.start)) {
    out += source.slice(at, edit.start) + edit.text;
    at = edit.end;
  }
  return out + source.slice(at);
}
