// Mainstream: acronyms a reader meets before anyone says what they stand for.
//
// An acronym counts as explained when the text spells it out beside it, "electronic patient
// record (EPR)" or "EPR (electronic patient record)", at or before its first use, or anywhere in
// a glossary or abbreviations section.

import { defineRule } from '../src/core/rule.js';

interface Options {
  maxWeight: number;
}

const ACRONYM = /(?<![\p{L}\p{N}])([A-Z][A-Z0-9&]*[A-Z0-9])(s)?(?![\p{L}\p{N}])/gu;
const ROMAN = /^[IVXLCDM]+$/;

export default defineRule<Options>({
  meta: {
    id: 'undefined-acronyms',
    sign: 'mainstream',
    description: 'Acronyms used before they are explained.',
    severity: 'warning',
    fix: 'Spell it out on first use, "electronic patient record (EPR)", or add a glossary.',
    options: {
      maxWeight: { type: 'number', default: 0.3, description: 'The most all unexplained acronyms together count toward the sign.' },
    },
  },
  check({ analysis, options, report }) {
    const common = analysis.lexicon('common-acronyms');
    const defined = new Map<string, number>();
    const inGlossaries = new Set<string>();
    const first = new Map<string, { start: number; end: number; text: string; sentence: string }>();

    for (const sentence of analysis.sentences) {
      const text = sentence.text;
      // Headings and whole sentences in capitals shout; they do not introduce acronyms.
      if (text === text.toUpperCase()) continue;
      const inGlossary = analysis.sectionMatches(sentence.block.section, 'excluded-headings');
      for (const m of text.matchAll(ACRONYM)) {
        const acronym = m[1]!;
        if (ROMAN.test(acronym) || common.test(acronym) || acronym.length > 8) continue;
        const at = m.index!;
        // Part of a domain or code ("GOV.UK", "ISO27001"), not an acronym to explain.
        if (/^\.\p{L}/u.test(text.slice(at + m[0].length)) || /\.$/.test(text.slice(0, at))) continue;
        const offset = sentence.sourceOffset(at);
        if (inGlossary) {
          inGlossaries.add(acronym);
          continue;
        }
        if (explainedHere(text, at, acronym, m[0].length)) {
          if (!defined.has(acronym)) defined.set(acronym, offset);
          continue;
        }
        if (!first.has(acronym)) {
          first.set(acronym, { start: offset, end: sentence.sourceOffset(at + acronym.length - 1) + 1, text: acronym, sentence: text });
        }
      }
    }

    const unexplained = [...first.values()].filter((f) => {
      if (inGlossaries.has(f.text)) return false;
      const at = defined.get(f.text);
      return at === undefined || at > f.start;
    });
    const weight = unexplained.length ? Math.min(0.05, options.maxWeight / unexplained.length) : 0;
    for (const f of unexplained) {
      const later = defined.get(f.text);
      report({
        start: f.start,
        end: f.end,
        message: later === undefined ? `"${f.text}" is never spelled out` : `"${f.text}" is used before it is spelled out`,
        evidence: f.sentence,
        weight,
      });
    }
  },
});

/** "…record (EPR)", "EPR (electronic…)", "EPR – electronic…", "EPR stands for…". */
function explainedHere(text: string, at: number, acronym: string, length: number): boolean {
  const before = text.slice(Math.max(0, at - 2), at);
  const after = text.slice(at + length, at + length + 3);
  if (/\($/.test(before) && /^\s*\)/.test(after)) return /\p{L}{3,}/u.test(text.slice(Math.max(0, at - 60), at - 1));
  const rest = text.slice(at + length);
  if (/^\s*\(\s*\p{Ll}/u.test(rest) || /^\s*\(\s*\p{Lu}\p{Ll}/u.test(rest)) return true;
  if (/^\s*(?:[–—:-]\s+\p{L}|stands for|means|is short for)/u.test(rest)) return acronym.length > 1;
  return false;
}
