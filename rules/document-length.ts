// Mainstream: a strategy people will actually read. Long documents are read by few.

import { defineRule } from '../src/core/rule.js';

interface Options {
  maxWords: number;
  wordsPerPage: number;
}

export default defineRule<Options>({
  meta: {
    id: 'document-length',
    sign: 'mainstream',
    description: 'A document too long for most of its readers (words and estimated pages).',
    severity: 'warning',
    fix: 'Cut it to what people need to decide and act; move detail to appendices or separate plans.',
    options: {
      maxWords: { type: 'number', default: 10000, description: 'Word count above which the document is reported.' },
      wordsPerPage: { type: 'number', default: 500, description: 'Words on a printed page, for the page estimate.' },
    },
  },
  check({ analysis, options, report }) {
    const words = analysis.wordCount;
    const title = analysis.title;
    if (!title || words <= options.maxWords) return;
    const pages = Math.max(1, Math.round(words / options.wordsPerPage));
    report({
      start: title.start,
      end: title.end,
      message: `${grouped(words)} words, about ${pages} ${pages === 1 ? 'page' : 'pages'}: longer than the ${grouped(options.maxWords)} words most readers will get through`,
      evidence: title.text,
      weight: words > 2 * options.maxWords ? 2 : 1,
    });
  },
});

/**
 * A count as en-GB writes it ("20,062"). Whole numbers are grouped here: the first call to
 * toLocaleString loads ICU's number formatting, about 30 ms of CPU (67-85 ms on a busy machine) for one message.
 */
function grouped(n: number): string {
  if (!Number.isSafeInteger(n) || n < 0) return n.toLocaleString('en-GB');
  return String(n).replace(/\B(?=(\d{3})+$)/g, ',');
}
