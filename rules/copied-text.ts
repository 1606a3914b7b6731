// Cookie-cutter: passages shared nearly word for word with other documents in the run, or with
// the templates and earlier strategies given by --compare-with.
//
// One document cannot tell whether its text was copied, so the matching happens in the engine
// (src/engine/copied-text.ts) once every document has been fingerprinted. The rule exists so that
// the findings go through config like any other rule's: its severity, "off" and its options.

import { defineRule } from '../src/core/rule.js';

export interface CopiedTextOptions {
  minWords: number;
}

export default defineRule<CopiedTextOptions>({
  meta: {
    id: 'copied-text',
    sign: 'cookie-cutter',
    description: 'Passages shared nearly word for word with another document in the run or a --compare-with template.',
    severity: 'warning',
    fix: 'Rewrite the passage for this organisation: its own users, services, numbers and choices, or cut it.',
    options: {
      minWords: { type: 'number', default: 25, description: 'The fewest words a shared passage needs to be reported.' },
    },
    acrossDocuments: true,
  },
  check() {
    // Matched across documents by the engine; see the comment at the top.
  },
});
