// Too long-term: horizons more than a few years past the document's date ("by 2035",
// "2025–2035", "10-year plan", "over the next decade"). Only times the strategy plans forward to
// count (the analysis gives each date a role); past years, statistics, ages, forecasts of the
// world, citations and the years of wider targets the plan cites are not horizons.

import { defineRule } from '../src/core/rule.js';
import type { Lexicon } from '../src/analysis/lexicon.js';
import type { TemporalFact } from '../src/analysis/index.js';
import { PLANNED_ROLES } from '../src/analysis/temporal-roles.js';

// How a wider target (the wider-targets lexicon) holds its year: just before it, with a few words
// between ("net zero emissions from its own operations by 2040") and no second aim joined in
// ("net zero and a paperless estate by 2035"), or as its modifier ("the 2045 net zero target").
const TARGET_TO_YEAR = /^[\s\p{L}'’-]*$/u;
const MAX_WORDS_TO_YEAR = 8;
const JOINED_AIM = /\b(?:and|or|but|while|plus)\b/i;
const YEAR_AS_MODIFIER = /^[\s-]*$/;
// The plan making the target its own future act: "The partnership will reach net zero by 2038",
// "we aim to be carbon neutral by 2035". A target reported as set or cited is no such act.
const OWN_ACT_BEFORE = /\b(?:will|shall|aims?\s+to|plans?\s+to|intends?\s+to|going\s+to)\s+(?:[\p{L}'’-]+\s+){0,2}$|['’]ll\s+(?:[\p{L}'’-]+\s+){0,2}$/iu;

interface Options {
  maxYears: number;
}

export default defineRule<Options>({
  meta: {
    id: 'long-horizon',
    sign: 'too-long-term',
    description: 'Dates and durations that reach more than five years past the document’s date.',
    severity: 'warning',
    fix: 'Plan for one to five years, and say how and when the strategy will be reviewed.',
    options: {
      maxYears: { type: 'number', default: 5, description: 'How many years past the reference date a horizon may reach.' },
    },
  },
  check({ analysis, options, report, measure }) {
    const reference = analysis.referenceDate;
    const deadlines = new Set(analysis.objectives.map((o) => o.deadline).filter((d) => d !== null));
    const widerTargets = analysis.lexicon('wider-targets');
    let furthest = 0;
    let deadlineYears = 0;
    const horizons: number[] = [];
    for (const fact of analysis.temporalFacts) {
      if (!PLANNED_ROLES.has(fact.role) || datesWiderTarget(fact, widerTargets)) continue;
      const m = fact.match;
      const years = m.kind === 'duration' ? m.durationYears ?? 0 : m.year !== undefined ? m.year - reference.year : 0;
      if (years > 0) {
        furthest = Math.max(furthest, years);
        horizons.push(years);
        if (deadlines.has(fact)) deadlineYears = Math.max(deadlineYears, years);
      }
      const evidence = m.marker && ['by', 'before', 'until', 'to', 'through'].includes(m.marker) ? `${m.marker} ${m.text}` : m.text;
      if (m.kind === 'duration') {
        if (m.durationYears === undefined || m.durationYears <= options.maxYears) continue;
        report({
          start: fact.start,
          end: fact.end,
          message: `Horizon of ${formatYears(m.durationYears)} ("${m.text}") is longer than ${options.maxYears} years`,
          evidence,
          weight: overrun(m.durationYears - options.maxYears),
        });
        continue;
      }
      if (m.year === undefined) continue;
      const ahead = m.year - reference.year;
      if (ahead <= options.maxYears) continue;
      report({
        start: fact.start,
        end: fact.end,
        message: `Horizon runs to ${m.year}, ${ahead} years past the document's date (${reference.year})`,
        evidence,
        weight: overrun(ahead - options.maxYears),
      });
    }
    horizons.sort((a, b) => a - b);
    measure('furthest-years', furthest);
    measure('deadline-years', deadlineYears);
    measure('median-years', horizons.length ? horizons[Math.floor(horizons.length / 2)]! : 0);
    measure('future-mentions', horizons.length);
  },
});

/**
 * Whether a year dates a wider target the plan cites rather than the plan itself: "has set a
 * target of net zero … by 2040", "Scotland's statutory 2045 net zero target". Such a year is set
 * by the wider agenda; the plan's own horizon is elsewhere.
 */
function datesWiderTarget(fact: TemporalFact, widerTargets: Lexicon): boolean {
  const m = fact.match;
  if (m.kind === 'duration' || m.year === undefined) return false;
  const text = fact.sentence.text;
  return widerTargets.matches(text).some((t) => {
    if (OWN_ACT_BEFORE.test(text.slice(0, t.start))) return false;
    if (t.end <= m.start) {
      const gap = text.slice(t.end, m.start);
      return TARGET_TO_YEAR.test(gap) && !JOINED_AIM.test(gap) && gap.split(/\s+/).filter(Boolean).length <= MAX_WORDS_TO_YEAR;
    }
    return m.end <= t.start && YEAR_AS_MODIFIER.test(text.slice(m.end, t.start));
  });
}

// A year past the limit is a small overreach; five or more past it is the whole sign.
function overrun(years: number): number {
  return Math.min(1, Math.max(0.25, years / 5));
}

function formatYears(years: number): string {
  return Number.isInteger(years) ? `${years} years` : `${years.toFixed(1)} years`;
}
