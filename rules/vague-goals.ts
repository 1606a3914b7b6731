// Vague: objectives with no measure or deadline, weasel verbs with nothing to measure them by,
// open-ended timing, and a document where few objectives can be checked at all.

import { defineRule, quote } from '../src/core/rule.js';

interface Options {
  minMeasurableShare: number;
  checkCommitments: boolean;
}

export default defineRule<Options>({
  meta: {
    id: 'vague-goals',
    sign: 'vague',
    description: 'Objectives and commitments with no measure or deadline, weasel verbs and open-ended timing.',
    severity: 'warning',
    fix: 'Say what will change, by how much and by when.',
    options: {
      minMeasurableShare: {
        type: 'number',
        default: 0.3,
        description: 'Below this share of objectives with both a measure and a deadline, the document as a whole is reported.',
      },
      checkCommitments: {
        type: 'boolean',
        default: true,
        description: 'Also check "we will …" sentences outside objective sections (reported when they lean on a weasel verb).',
      },
    },
  },
  check({ analysis, options, report }) {
    const objectives = analysis.objectives;
    for (const objective of objectives) {
      const weasel = objective.weasels[0];
      const open = !objective.measure && !objective.deadline;
      if (objective.kind !== 'commitment' && open) {
        report({
          start: objective.block.start,
          end: objective.block.end,
          message: weasel
            ? `Objective has no measure or deadline, only "${weasel.match.text}": "${quote(objective.text, 70)}"`
            : `Objective has no measure or deadline: "${quote(objective.text, 70)}"`,
          evidence: objective.text,
        });
      } else if (objective.kind === 'commitment' && open && weasel && options.checkCommitments) {
        report({
          start: objective.start,
          end: objective.end,
          message: `Commitment to "${weasel.match.text}" with no measure or deadline: "${quote(objective.text, 70)}"`,
          evidence: objective.text,
        });
      }
      for (const timing of objective.vagueTiming) {
        if (objective.deadline) continue;
        report({
          start: timing.start,
          end: timing.end,
          message: `Open-ended timing "${timing.match.text}" in place of a date`,
          evidence: timing.sentence.text,
          fix: 'Give a date or a time frame ("by March 2026", "within six months").',
        });
      }
    }

    const structural = objectives.filter((o) => o.kind !== 'commitment');
    const counted = structural.length > 0 ? structural : objectives;
    const measurable = counted.filter((o) => o.measurable).length;
    const anchor = analysis.anchor('objective-headings');
    if (!anchor) return;
    if (counted.length === 0) {
      report({
        start: anchor.start,
        end: anchor.end,
        message: 'No objectives: nothing says what will be achieved, by how much or by when',
        evidence: anchor.text,
        fix: 'Add a short list of objectives, each with a measure and a date.',
      });
    } else if (measurable === 0) {
      report({
        start: anchor.start,
        end: anchor.end,
        message:
          counted.length === 1
            ? 'The only objective has no measure and deadline together'
            : `None of the ${counted.length} objectives has both a measure and a deadline`,
        evidence: anchor.text,
        fix: 'Give each objective a measure (a number, a rate, a count) and a date.',
      });
    } else if (measurable / counted.length < options.minMeasurableShare) {
      report({
        start: anchor.start,
        end: anchor.end,
        message: `Only ${measurable} of ${counted.length} objectives (${Math.round((100 * measurable) / counted.length)}%) have both a measure and a deadline`,
        evidence: anchor.text,
        fix: 'Give each objective a measure (a number, a rate, a count) and a date.',
      });
    }
  },
});
