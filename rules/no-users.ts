// User centred, at document level: a strategy in which users are never the subject of a
// sentence has not started from their needs. This is an error, not a warning.

import { defineRule } from '../src/core/rule.js';

// A user noun opening a sentence, or tied to a need, makes users the subject.
const NEED = /^\W*(?:\w+\W+){0,2}?(?:need|needs|want|wants|expect|expects|told us|tell us|said|say|use|find|prefer|can|will|should|must|are|have)\b/i;

export default defineRule({
  meta: {
    id: 'no-users',
    sign: 'user-centred',
    description: 'Users are never the subject: the strategy does not say who it serves or what they need.',
    severity: 'error',
    fix: 'Say who the strategy serves and what they need, in sentences where they are the subject.',
    options: {},
  },
  check({ analysis, report }) {
    const title = analysis.title;
    if (!title) return;
    const users = analysis.terms('user-nouns');
    const subjects = users.filter((u) => {
      const before = u.sentence.text.slice(0, u.match.start).split(/\s+/).filter(Boolean).length;
      return before <= 3 || NEED.test(u.sentence.text.slice(u.match.end, u.match.end + 40));
    });
    if (subjects.length > 0) return;
    report({
      start: title.start,
      end: title.end,
      message:
        users.length === 0
          ? 'The strategy never says who its users are (patients, residents, staff…)'
          : `Users are never the subject: ${users.length} passing mention${users.length === 1 ? '' : 's'}, but nothing says what they need`,
      evidence: title.text,
      weight: 2,
    });
  },
});
