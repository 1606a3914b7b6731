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
    const hard = Boolean(title && r.sentences.length >= 10 && r.readingEase < options.minReadingEase);
    if (hard && title) {
      report({
        start: title.start,
        end: title.end,
        message: `Hard to read: Flesch reading ease ${r.readingEase.toFixed(0)} (grade ${r.grade.toFixed(0)}), under ${options.minReadingEase}`,
        evidence: title.text,
        weight: 1,
      });
    }
    const long = r.sentences.filter((s) => s.words > options.maxSentenceWords);
    // Long sentences count together, up to what a low reading ease weighs (a hundred of them make
    // the sign weak, not missing): they are one way prose is hard to read, and reading ease
    // already counts sentence length, so beside that finding they add nothing to the scorecard.
    const each = hard ? 0 : Math.min(0.01, 1 / long.length);
    for (const s of long) {
      report({
        start: s.start,
        end: s.end,
        message: `Sentence of ${s.words} words: "${quote(s.text, 60)}"`,
        evidence: s.text,
        fix: 'Split it into sentences of one idea each.',
        weight: each,
      });
    }
  },
});
