// Says where the analysis left text out because it is beyond a hard limit (src/core/limits.ts):
// nesting too deep, a sentence too long, too many headings. Without it a document that is
// mostly one endless sentence would look clean.

import { defineRule } from '../src/core/rule.js';

export default defineRule({
  meta: {
    id: 'skipped-text',
    sign: 'mainstream',
    description: 'Text left out of the analysis for being beyond a hard limit: a sentence of hundreds of words, nesting a hundred levels deep, thousands of headings.',
    severity: 'warning',
    fix: 'Break the text up: shorter sentences, flatter lists and quotes, fewer headings.',
    options: {},
  },
  check({ analysis, report }) {
    for (const part of analysis.skipped) {
      report({ start: part.start, end: part.end, message: part.reason, weight: 0.5 });
    }
  },
});
