// Text that every match of a regular expression must contain: "strategy" in
// /\b(?:this|our)\s+strategy\s+(?:sets\s+out|explains)\b/. A lexicon asks whether a sentence
// holds any of its terms' required text before it runs its expression, and most sentences hold
// none (see Lexicon). Worked out once, at build time, for the shipped lexicons' /…/ terms:
// parsing them takes longer than a run would save (regexpp, the parser ESLint's regular-
// expression rules use, over the shipped expressions: 130-280 ms).

import { createRequire } from 'node:module';
import type { AST, RegExpParser as Parser } from '@eslint-community/regexpp';

let parser: Parser | undefined;

/**
 * Strings, one of which every match of `source` contains, in ASCII only (lower-cased when the
 * expression ignores case); null when there is no such set (a match may be empty, or made only
 * of classes like \w, or the pattern does not parse).
 */
export function requiredLiterals(source: string, ignoreCase: boolean): string[] | null {
  const pattern = parseTermPattern(source);
  if (!pattern) return null;
  const found = required(pattern, ignoreCase);
  return found ? [...found] : null;
}

/** A lexicon's /…/ term parsed as the lexicon compiles it (unicode mode), or null if it does not parse. */
export function parseTermPattern(source: string): AST.Pattern | null {
  try {
    if (!parser) {
      const { RegExpParser } = createRequire(import.meta.url)('@eslint-community/regexpp') as typeof import('@eslint-community/regexpp');
      parser = new RegExpParser({ ecmaVersion: 2025 });
    }
    return parser.parsePattern(source, 0, source.length, { unicode: true });
  } catch {
    return null;
  }
}

type Node = AST.Pattern | AST.Alternative | AST.Element;

function required(node: Node, ignoreCase: boolean): Set<string> | null {
  switch (node.type) {
    case 'Pattern':
    case 'Group':
    case 'CapturingGroup': {
      // A match goes through one of the alternatives: each must require something.
      const out = new Set<string>();
      for (const alternative of node.alternatives) {
        const own = required(alternative, ignoreCase);
        if (!own) return null;
        for (const s of own) out.add(s);
      }
      return out;
    }
    case 'Alternative':
      return requiredInSequence(node.elements, ignoreCase);
    case 'Quantifier':
      return node.min >= 1 ? required(node.element, ignoreCase) : null;
    case 'Character':
      return node.value < 128 ? new Set([literal(node.value, ignoreCase)]) : null;
    default:
      // Classes, sets, assertions, look-arounds, back-references: no text of their own to require.
      return null;
  }
}

/**
 * Each run of plain characters in a sequence, and each part that must occur, is required on its
 * own; the best of them is kept (the one whose shortest string is longest, then the smallest).
 */
function requiredInSequence(elements: AST.Element[], ignoreCase: boolean): Set<string> | null {
  const candidates: Array<Set<string>> = [];
  let run = '';
  const endRun = () => {
    if (run) candidates.push(new Set([run]));
    run = '';
  };
  for (const element of elements) {
    if (element.type === 'Character' && element.value < 128) {
      run += literal(element.value, ignoreCase);
      continue;
    }
    endRun();
    const own = required(element, ignoreCase);
    if (own) candidates.push(own);
  }
  endRun();
  let best: Set<string> | null = null;
  let bestShortest = 0;
  for (const candidate of candidates) {
    const shortest = Math.min(...[...candidate].map((s) => s.length));
    if (shortest > bestShortest || (shortest === bestShortest && best && candidate.size < best.size)) {
      best = candidate;
      bestShortest = shortest;
    }
  }
  return best;
}

function literal(codePoint: number, ignoreCase: boolean): string {
  const char = String.fromCharCode(codePoint);
  return ignoreCase ? char.toLowerCase() : char;
}
