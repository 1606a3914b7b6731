// Supplier lock-in: long or exclusive supplier contracts ("a 10-year contract", "a single
// supplier for all our systems"). A sentence that says such an arrangement is being avoided or
// ended ("we will avoid contracts longer than three years") is the opposite, and is not flagged.

import { defineRule, quote } from '../src/core/rule.js';
import type { Sentence, TemporalRole } from '../src/analysis/index.js';

// The roles of a date that can say how long an arrangement runs: not a past year, a statistic,
// an age, a forecast or a citation.
const ARRANGEMENT_ROLES: ReadonlySet<TemporalRole> = new Set(['horizon', 'deadline', 'period']);

// A duration that belongs to a plan rather than to the contract: "our 10-year plan".
const OTHER_HORIZON = /^[\s-]*(?:plans?|strateg(?:y|ies)|visions?|programmes?|programs?|roadmaps?|ambitions?|horizons?|periods?)\b/i;

interface Options {
  maxYears: number;
  window: number;
  weight: number;
}

export default defineRule<Options>({
  meta: {
    id: 'supplier-lock-in',
    sign: 'it-driven',
    description: 'Long or exclusive supplier contracts that lock the organisation in.',
    severity: 'warning',
    fix: 'Prefer shorter contracts with several suppliers, and say how you could change supplier.',
    options: {
      maxYears: { type: 'number', default: 5, description: 'A supplier arrangement this many years long or longer is reported.' },
      window: { type: 'number', default: 6, description: 'How many words may separate a duration ("ten-year") from the contract it describes.' },
      weight: { type: 'number', default: 0.5, description: 'How much each finding counts toward the it-driven sign.' },
    },
  },
  check({ analysis, options, report }) {
    const avoidance = analysis.lexicon('lock-in-avoidance');
    const reference = analysis.referenceDate.year;
    for (const sentence of analysis.sentences) {
      const block = sentence.block;
      if (block.inQuote || analysis.sectionMatches(block.section, 'excluded-headings')) continue;
      const suppliers = analysis.termsIn(sentence, 'supplier-terms');
      const exclusive = analysis.termsIn(sentence, 'lock-in-terms');
      if (suppliers.length === 0 && exclusive.length === 0) continue;
      if (avoidance.test(sentence.text)) continue;

      // Words between the duration and the nearest supplier term, on either side.
      const near = (start: number, end: number) =>
        suppliers.some((s) => wordsApart(sentence, Math.min(end, s.match.end), Math.max(start, s.match.start)) <= options.window);
      let long: { start: number; end: number; message: string } | null = null;
      for (const fact of analysis.temporalOf(sentence)) {
        const m = fact.match;
        if (!ARRANGEMENT_ROLES.has(fact.role) || !near(m.start, m.end)) continue;
        if (OTHER_HORIZON.test(sentence.text.slice(m.end))) continue;
        const years =
          m.kind === 'duration' ? (m.durationYears ?? 0) : m.year !== undefined && m.direction === 'forward' ? m.year - reference : 0;
        if (years < options.maxYears) continue;
        long = {
          start: fact.start,
          end: fact.end,
          message:
            m.kind === 'duration'
              ? `Long supplier arrangement: "${m.text}" (${options.maxYears} years or more)`
              : `Supplier arrangement runs to ${m.year} (${years} years past the document's date)`,
        };
        break;
      }
      const sole = exclusive[0];
      if (!long && !sole) continue;
      const where = long ?? sole!;
      report({
        start: where.start,
        end: where.end,
        message:
          (long && sole ? `${long.message} and exclusive ("${sole.match.text}")` : long ? long.message : `Exclusive supplier arrangement: "${sole!.match.text}"`) +
          ` in "${quote(sentence.text, 60)}"`,
        evidence: sentence.text,
        weight: options.weight,
      });
    }
  },
});

function wordsApart(sentence: Sentence, from: number, to: number): number {
  return sentence.text.slice(from, to).split(/\s+/).filter(Boolean).length;
}
