// User centred: who the users are and what they need, with evidence of research, and
// objectives that name the people they serve.

import { defineRule, quote } from '../src/core/rule.js';
import type { Sentence, TermFact } from '../src/analysis/index.js';
import { startsWithAction } from '../src/analysis/objectives.js';

interface Options {
  minObjectivesNamingPeople: number;
}

// Words that say what people need, want or struggle with, when they stand near a user noun.
const NEED_WORDS = /\b(?:needs?|want|wants|expect|expects|struggle|struggles|frustrat\w*|prefer|prefers|find it (?:hard|difficult)|(?:told|tell|tells)\s+(?:us|our|their|the)|asked for|depend on|rely on)\b/i;

// Research is evidence when the document reports it ("residents told us", "the survey found",
// "we ask and observe"), not when it plans or asks for it ("we will survey residents", "agencies
// should gather feedback", an action item "Recruit users to give feedback"): a promise to learn
// what users need says nothing about what they need.
const INTENT_BEFORE = /\b(?:will|shall|should|must|would|can|could|may|might|needs?\s+to|(?:have|has|had)\s+to|plans?\s+to|aims?\s+to|intends?\s+to|going\s+to|seeks?\s+to|commit(?:s|ted)?\s+to)\b|['’]ll\b/i;
// A finding reported in the same sentence makes it a report whatever else it says.
const REPORTING = /\b(?:told|heard|said|found|showed|shown|shows|revealed|reveals|raised|highlighted|identified|reported|learned|learnt|confirmed|suggested)\b/i;

// "… to receive feedback", "in order to gather insight": research as a purpose, not a result.
const PURPOSE_BEFORE = /\bto\s+\p{Ll}+\s+(?:[\p{L}-]+\s+){0,2}$/u;
// "increased user feedback", "rapid feedback from end users": more research as an aim.
const AIM_BEFORE = /\b(?:increased?|increasing|more|greater|better|improved?|enhanced?|rapid|regular|continuous|ongoing)\s+(?:[\p{L}-]+\s+)?$/iu;
// A label before an action: "Pilots: Encouraging agencies to …".
const LABEL = /^[^:]{1,40}:\s*/;
// How far after a research term its people are named: "feedback from agencies", "a survey of 400 tenants".
const OBJECT_WINDOW = 60;
// Words users said, whose speakers come before them and must be the people served: "tenants tell
// us", "they told our staff" (not the service "Tell Us Once").
const REPORTED_SPEECH = /^(?:tells?\s+us|(?:told|tells?)\s+(?:our|their|the))\b/i;
// A sentence whose speakers are named in the one before: "Brokers place 44% of our premium. They have told …".
const PRONOUN_SUBJECT = /^\s*(?:they|many|most|some|all)\b/i;

interface ResearchContext {
  served: (text: string) => boolean;
  /** The sentence before, in the same block. */
  previous: (sentence: Sentence) => Sentence | undefined;
  inObjective: ReadonlySet<Sentence>;
  isAction: (text: string) => boolean;
}

/**
 * Whether a research term reports what was learned from the people the strategy serves. It must
 * be about them: the term names them ("user research", "their needs"), names them just after it
 * ("feedback from agencies", "we asked residents"), or is their words ("residents told us"). And it
 * must report: a finding ("the survey found") does; a plan, a purpose, an aim or an action item
 * ("we will survey", "to gather feedback", "increased user feedback", "Recruit users to give
 * feedback") does not.
 */
function reportsResearch(fact: TermFact, c: ResearchContext): boolean {
  const text = fact.sentence.text;
  const term = fact.match.text;
  const after = text.slice(fact.match.end, fact.match.end + OBJECT_WINDOW);
  const before = text.slice(0, fact.match.start);
  const about = REPORTED_SPEECH.test(term)
    ? spokenByServed(fact.sentence, before, c)
    : /\b(?:users?|their|us)\b/i.test(term) || c.served(after) || (/\b(?:we|us)\b/i.test(term) && c.served(before.slice(-OBJECT_WINDOW)));
  if (!about) return false;
  if (REPORTING.test(text) || /(?:ed|told us|heard)$/i.test(term)) return true;
  if (INTENT_BEFORE.test(before) || PURPOSE_BEFORE.test(before) || AIM_BEFORE.test(before)) return false;
  return !c.inObjective.has(fact.sentence) && !c.isAction(text.replace(LABEL, ''));
}

/** Whether the people the strategy serves said it: named before the words ("tenants told our staff"), or named in the sentence before when a pronoun opens this one. */
function spokenByServed(sentence: Sentence, before: string, c: ResearchContext): boolean {
  if (c.served(before.slice(-OBJECT_WINDOW))) return true;
  const previous = PRONOUN_SUBJECT.test(before) ? c.previous(sentence) : undefined;
  return previous !== undefined && c.served(previous.text);
}

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
    // Whom the strategy serves: people, or the organisations and teams a central body serves.
    const people = analysis.lexicon('user-nouns');
    const organisations = analysis.lexicon('organisational-users');
    const served = (text: string) => people.test(text) || organisations.test(text);
    const research = analysis.terms('research-evidence');

    const needsStated =
      research.some((t) => /need/i.test(t.match.text)) ||
      [...users, ...analysis.terms('organisational-users')].some((u) => NEED_WORDS.test(u.sentence.text));
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

    const context: ResearchContext = {
      served,
      previous: (sentence) => {
        const previous = analysis.sentences[sentence.index - 1];
        return previous?.block === sentence.block ? previous : undefined;
      },
      inObjective: new Set(analysis.objectives.flatMap((o) => o.sentences)),
      isAction: (text) => startsWithAction(analysis, text),
    };
    if (research.length === 0) {
      report({
        start: anchor.start,
        end: anchor.end,
        message: 'No evidence of what users need: no user research, feedback or co-design is mentioned',
        evidence: anchor.text,
        fix: 'Say how you learned what users need (research, feedback, co-design) and what you found.',
        weight: 0.75,
      });
    } else if (!research.some((r) => reportsResearch(r, context))) {
      const first = research[0]!;
      report({
        start: first.start,
        end: first.end,
        message: `No research with users is reported, only planned or about others: ${research.length} ${research.length === 1 ? 'mention' : 'mentions'} of research or feedback, such as "${quote(first.sentence.text, 70)}"`,
        evidence: first.sentence.text,
        fix: 'Say what research or feedback has already told you about your users, and what you changed because of it.',
        weight: 0.75,
      });
    }

    const objectives = analysis.objectives.filter((o) => o.kind !== 'commitment');
    if (objectives.length >= 5) {
      const naming = objectives.filter((o) => o.sentences.some((sentence) => served(sentence.text))).length;
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
