// A commitment to make something that will exist or not when asked ("create a dashboard of
// service status", "appoint a chief data officer", "publish a register of our datasets") can be
// checked without a number or a date; an aim ("improve", "enhance", "drive") cannot. Reviewers
// read a strategy of concrete but undated deliverables as somewhat vague, one of aims as
// strongly vague.

import type { Analysis } from './index.js';
import type { LexiconMatch } from './lexicon.js';

/** Words a making verb may stand from its object: "build a cloud responsibility model". */
const MAX_WORDS_BETWEEN = 5;
/** A clause ends, or the verb's purpose begins, between the verb and a noun further on. */
const BREAK = /[,;:.!?]|\s(?:to|of|so|that|which|while|because|by|through|and\s+(?:to|then))\s/i;

/** The verb and thing of the first making verb in a text whose object is a deliverable, if any. */
export function namedDeliverable(analysis: Analysis, text: string): { verb: LexiconMatch; thing: LexiconMatch } | null {
  const nouns = analysis.lexicon('deliverable-nouns').matches(text);
  if (!nouns.length) return null;
  for (const verb of analysis.lexicon('making-verbs').matches(text)) {
    for (const thing of nouns) {
      if (thing.start < verb.end) continue;
      const between = text.slice(verb.end, thing.start);
      if (BREAK.test(` ${between} `) || between.trim().split(/\s+/).filter(Boolean).length > MAX_WORDS_BETWEEN) break;
      return { verb, thing };
    }
  }
  return null;
}
