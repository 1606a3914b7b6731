// Mainstream: jargon and management-speak readers outside the specialism will not follow.

import { defineRule } from '../src/core/rule.js';

export default defineRule({
  meta: {
    id: 'jargon',
    sign: 'mainstream',
    description: 'Jargon and management-speak (the jargon lexicon).',
    severity: 'warning',
    fix: 'Say it in plain words, or explain the term where it first appears.',
    options: {},
  },
  check({ analysis, report }) {
    const seen = new Set<string>();
    for (const fact of analysis.terms('jargon')) {
      const key = fact.match.text.toLowerCase();
      report({
        start: fact.start,
        end: fact.end,
        message: `Jargon: "${fact.match.text}"`,
        evidence: fact.sentence.text,
        // The first use of each term counts; repeating it adds nothing new.
        weight: seen.has(key) ? 0 : 0.15,
      });
      seen.add(key);
    }
  },
});
