// Too long-term: horizons more than a few years past the document's date ("by 2035",
// "2025–2035", "10-year plan", "over the next decade"). Only times the strategy plans forward to
// count (the analysis gives each date a role); past years, statistics, ages, forecasts of the
// world and citations are not horizons.

import { defineRule } from '../src/core/rule.js';
import { PLANNED_ROLES } from '../src/analysis/temporal-roles.js';

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
    let furthest = 0;
    let deadlineYears = 0;
    const horizons: number[] = [];
    for (const fact of analysis.temporalFacts) {
      if (!PLANNED_ROLES.has(fact.role)) continue;
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

// A year past the limit is a small overreach; five or more past it is the whole sign.
function overrun(years: number): number {
  return Math.min(1, Math.max(0.25, years / 5));
}

function formatYears(years: number): string {
  return Number.isInteger(years) ? `${years} years` : `${years.toFixed(1)} years`;
}
