// User centred: who the users are and what they need, with evidence of research, and
// objectives that name the people they serve.

import { defineRule } from '../src/core/rule.js';

interface Options {
  minObjectivesNamingPeople: number;
}

export default defineRule<Options>({
  meta: {
    id: 'missing-user-needs',
    sign: 'user-centred',
    description: 'No users, no evidence of their needs, or objectives that serve nobody in particular.',
    severity: 'warning',
    fix: 'Say who the users are, what they need and how you know (research, feedback, co-design).',
    options: {
      minObjectivesNamingPeople: {
        type: 'number',
        default: 0.2,
        description: 'Below this share of objectives naming the people they serve (with at least five objectives), the objectives are reported.',
      },
    },
  },
  check({ analysis, options, report }) {
    const users = analysis.terms('user-nouns');
    const title = analysis.title;
    if (!title) return;
    // Without users at all, no-users reports the document; there is nothing more to say here.
    if (users.length === 0) return;

    if (analysis.terms('research-evidence').length === 0) {
      const anchor = analysis.anchor(/\b(?:users?|customers?|patients?|citizens?|residents?|people|staff)\b/i) ?? title;
      report({
        start: anchor.start,
        end: anchor.end,
        message: 'No evidence of what users need: no user research, feedback or co-design is mentioned',
        evidence: anchor.text,
        fix: 'Say how you learned what users need (research, feedback, co-design) and what you found.',
      });
    }

    const objectives = analysis.objectives.filter((o) => o.kind !== 'commitment');
    if (objectives.length >= 5) {
      const lexicon = analysis.lexicon('user-nouns');
      const naming = objectives.filter((o) => o.sentences.some((s) => lexicon.test(s.text))).length;
      if (naming / objectives.length < options.minObjectivesNamingPeople) {
        const anchor = analysis.anchor('objective-headings') ?? title;
        report({
          start: anchor.start,
          end: anchor.end,
          message: `Only ${naming} of ${objectives.length} objectives name the people they serve`,
          evidence: anchor.text,
        });
      }
    }
  },
});
