// Too long-term: a strategy with no review cycle sticks to the plan it started with.

import type { Analysis, Sentence } from '../src/analysis/index.js';
import { defineRule } from '../src/core/rule.js';

const WHEN_NEEDED = /^\s*(?:as\s+(?:and\s+when\s+)?|when\s+|if\s+|where\s+)(?:required|needed|necessary|appropriate)\b/i;

/**
 * Whether the section of a sentence that says the plan will change also says when it is looked
 * at again: "The board reviews progress every six months. … If a priority is not working, we
 * will change the plan." A cadence and a plan that can change are a review cycle in two steps.
 */
function reviewedOnCadence(analysis: Analysis, sentence: Sentence): boolean {
  const section = analysis.sectionAt(sentence.start);
  return analysis.sentences.some(
    (s) => s.start >= section.start && s.end <= section.end && analysis.temporalOf(s).some((f) => f.role === 'cadence'),
  );
}

export default defineRule({
  meta: {
    id: 'no-review-cycle',
    sign: 'too-long-term',
    description: 'Nothing says when or how often the strategy will be reviewed or refreshed.',
    severity: 'warning',
    fix: 'Say when the strategy will be reviewed ("we will review this strategy every year alongside the business plan").',
    options: {},
  },
  check({ analysis, report, measure }) {
    // "Refreshed as required" names no time and no cycle: the review is whenever someone decides.
    const reviews =
      analysis.terms('review-cadence').filter((t) => !WHEN_NEEDED.test(t.sentence.text.slice(t.match.end))).length +
      analysis.terms('plan-changes').filter((t) => reviewedOnCadence(analysis, t.sentence)).length;
    measure('review-cycle', reviews > 0 ? 1 : 0);
    if (reviews > 0) return;
    // A review cycle belongs with governance or next steps; without such a section, in the
    // closing section, where readers look for what happens after publication.
    const anchor =
      analysis.heading(/\b(?:review|governance|monitor\w*|next steps|delivery|implementation|measur\w+ success)\b/i) ??
      analysis.closingHeading ??
      analysis.title;
    if (!anchor) return;
    report({
      start: anchor.start,
      end: anchor.end,
      message: 'No review cycle: nothing says when this strategy will be reviewed or refreshed',
      evidence: anchor.text,
      // On its own a missing review date is a small sign; with a long horizon it adds up.
      weight: 0.25,
    });
  },
});
