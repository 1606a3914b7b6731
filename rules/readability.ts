// Mainstream: a strategy most people can read. Flesch reading ease for the whole document, from
// the shared sentence tree, and sentences too long to follow.

import { defineRule, quote } from '../src/core/rule.js';

interface Options {
  minReadingEase: number;
  maxSentenceWords: number;
}

export default defineRule<Options>({
  meta: {
    id: 'readability',
    sign: 'mainstream',
    description: 'Hard-to-read prose: a low Flesch reading ease, and very long sentences.',
    severity: 'warning',
    fix: 'Split long sentences and prefer short, common words.',
    options: {
      minReadingEase: { type: 'number', default: 30, description: 'Flesch reading ease under which the document is reported (60–70 is plain English).' },
      maxSentenceWords: { type: 'number', default: 35, description: 'Sentences longer than this many words are reported.' },
    },
  },
  check({ analysis, options, report }) {
    const r = analysis.readability;
    const title = analysis.title;
    if (title && r.sentences.length >= 10 && r.readingEase < options.minReadingEase) {
      report({
        start: title.start,
        end: title.end,
        message: `Hard to read: Flesch reading ease ${r.readingEase.toFixed(0)} (grade ${r.grade.toFixed(0)}), under ${options.minReadingEase}`,
        evidence: title.text,
        weight: 1,
      });
    }
    for (const s of r.sentences) {
      if (s.words <= options.maxSentenceWords) continue;
      report({
        start: s.start,
        end: s.end,
        message: `Sentence of ${s.words} words: "${quote(s.text, 60)}"`,
        evidence: s.text,
        fix: 'Split it into sentences of one idea each.',
        // Long sentences count together: fifty of them make the sign weak.
        weight: 0.01,
      });
    }
  },
});
