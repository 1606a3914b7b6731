// User centred: who the users are and what they need, with evidence of research, and
// objectives that name the people they serve.

import { defineRule } from '../src/core/rule.js';

interface Options {
  minObjectivesNamingPeople: number;
}

// Words that say what people need, want or struggle with, when they stand near a user noun.
const NEED_WORDS = /\b(?:needs?|want|wants|expect|expects|struggle|struggles|frustrat\w*|prefer|prefers|find it (?:hard|difficult)|told us|tell us|asked for|depend on|rely on)\b/i;

export default defineRule<Options>({
  meta: {
    id: 'missing-user-needs',
    sign: 'user-centred',
    description: 'Users named but their needs unstated or unresearched, or objectives that serve nobody in particular.',
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
    // Without users at all, no-users reports the document; there is nothing more to say here.
    if (!title || users.length === 0) return;
    const anchor = analysis.anchor(/\b(?:users?|customers?|patients?|citizens?|residents?|people|staff)\b/i) ?? title;

    const needsStated =
      analysis.terms('research-evidence').some((t) => /need/i.test(t.match.text)) ||
      users.some((u) => NEED_WORDS.test(u.sentence.text));
    if (!needsStated) {
      report({
        start: anchor.start,
        end: anchor.end,
        message: `Users are named ${users.length} ${users.length === 1 ? 'time' : 'times'}, but nothing says what they need`,
        evidence: anchor.text,
        fix: 'Say what your users need, in their terms: what they are trying to do and what gets in the way.',
        weight: 0.75,
      });
    }

    if (analysis.terms('research-evidence').length === 0) {
      report({
        start: anchor.start,
        end: anchor.end,
        message: 'No evidence of what users need: no user research, feedback or co-design is mentioned',
        evidence: anchor.text,
        fix: 'Say how you learned what users need (research, feedback, co-design) and what you found.',
        weight: 0.75,
      });
    }

    const objectives = analysis.objectives.filter((o) => o.kind !== 'commitment');
    if (objectives.length >= 5) {
      const lexicon = analysis.lexicon('user-nouns');
      const naming = objectives.filter((o) => o.sentences.some((s) => lexicon.test(s.text))).length;
      if (naming / objectives.length < options.minObjectivesNamingPeople) {
        const objectivesAnchor = analysis.anchor('objective-headings') ?? title;
        report({
          start: objectivesAnchor.start,
          end: objectivesAnchor.end,
          message: `Only ${naming} of ${objectives.length} objectives name the people they serve`,
          evidence: objectivesAnchor.text,
          weight: 0.5,
        });
      }
    }
  },
});
