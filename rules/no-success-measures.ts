// Vague, at document level: nothing says how success will be measured (the seeds' "test,
// measure and learn how it's working").

import { defineRule } from '../src/core/rule.js';

export default defineRule({
  meta: {
    id: 'no-success-measures',
    sign: 'vague',
    description: 'Nothing says how success will be measured, tracked or reported.',
    severity: 'warning',
    fix: 'Say how you will know it is working: the measures, their baseline, and when progress is reported.',
    options: {},
  },
  check({ analysis, report }) {
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
