// Vague, at document level: nothing says how success will be measured (the seeds' "test,
// measure and learn how it's working"), or the measures named measure nothing: a list of
// directions ("improved customer satisfaction", "increased use of digital channels") with no
// figure, baseline, target or date says which way, not how far or by when.

import { defineRule, quote } from '../src/core/rule.js';
import type { Analysis, ListInfo } from '../src/analysis/index.js';

/** A heading over the measures of success: "Measuring success", "How we will know", "KPIs". */
const MEASURES_HEADING = /\b(?:measur\w*\s+(?:of\s+|our\s+)?success|success\s+(?:measures?|indicators|criteria)|how\s+we\s+(?:will|['’]ll)\s+(?:know|measure)|kpis?|key\s+performance\s+indicators?|performance\s+(?:measures|indicators))\b/iu;
/** A lead-in that introduces the measures of success: "Our key measures will be:", "Success indicators:". */
const MEASURES_LEAD = /\b(?:our|key|success|performance)\s+(?:[\p{L}-]+\s+)?(?:measures|indicators|kpis|metrics)\b/iu;

export default defineRule({
  meta: {
    id: 'no-success-measures',
    sign: 'vague',
    description: 'Nothing says how success will be measured, tracked or reported, or the measures named are only directions.',
    severity: 'warning',
    fix: 'Say how you will know it is working: the measures, their baseline, and when progress is reported.',
    options: {},
  },
  check({ analysis, report }) {
    for (const list of directionLists(analysis)) {
      const shown = list.items.slice(0, 2).map((i) => `"${quote(i.text.replace(/[;,.]\s*$/, ''), 40)}"`).join(', ');
      report({
        start: list.items[0]!.start,
        end: list.end,
        message: `${list.items.length} measures of success name a direction but no figure, baseline, target or date: ${shown}${list.items.length > 2 ? ', …' : ''}`,
        evidence: list.leadIn?.text ?? list.items[0]!.text,
        fix: 'Give each measure where it stands today, where it should be, and by when ("online renewals, from 41% to 85% by March 2027").',
        weight: 0.25,
      });
    }
    if (analysis.terms('success-measures').length > 0) return;
    const anchor = analysis.anchor(/\b(?:measur\w*|success|progress|performance|objectives?|goals?|priorit\w+|outcomes?)\b/i);
    if (!anchor) return;
    report({
      start: anchor.start,
      end: anchor.end,
      message: 'Nothing says how success will be measured: no measures, indicators or progress reporting',
      evidence: anchor.text,
      weight: 0.25,
    });
  },
});

/** Lists introduced as measures of success, none of whose items carries a figure or a date. */
function directionLists(analysis: Analysis): ListInfo[] {
  return analysis.lists.filter((list) => {
    if (list.items.length < 2 || list.depth > 0) return false;
    const heading = list.section.heading ? list.section.title : '';
    const lead = list.leadIn?.text.trim() ?? '';
    // Under a heading about measuring success, or after a lead-in naming the measures; not "security measures".
    if (!MEASURES_HEADING.test(heading) && !(lead.endsWith(':') && MEASURES_LEAD.test(lead))) return false;
    if (analysis.sectionMatches(list.section, 'excluded-headings')) return false;
    return list.items.every((item) => analysis.sentencesOf(item).every((s) => analysis.quantitiesOf(s).length === 0 && analysis.temporalOf(s).length === 0));
  });
}
