// Integrated: every theme of the corporate plan should appear in the digital strategy, so a
// reader can see how digital serves each of them. The themes come from the rule's options.

/** @type {import('stratlint').Rule<{ themes: string[] }>} */
export default {
  meta: {
    id: 'corporate-themes',
    sign: 'integrated',
    description: 'Each theme of the corporate plan is named somewhere in the strategy.',
    severity: 'warning',
    fix: 'Say how digital serves this theme of the corporate plan.',
    options: {
      themes: { type: 'string[]', default: [], description: 'The corporate plan’s themes, as they are worded there.' },
    },
  },
  check({ analysis, options, report }) {
    const title = analysis.title;
    if (!title) return;
    const text = analysis.sentences.map((s) => s.text.toLowerCase()).join('\n');
    for (const theme of options.themes) {
      if (text.includes(theme.toLowerCase())) continue;
      report({
        start: title.start,
        end: title.end,
        message: `The corporate plan's theme "${theme}" is never mentioned`,
        evidence: title.text,
        weight: 0.5,
      });
    }
  },
};
