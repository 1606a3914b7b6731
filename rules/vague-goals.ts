// Vague: objectives with no measure or deadline, weasel verbs with nothing to measure them by,
// open-ended timing, and a document where few objectives can be checked at all.

import { defineRule, quote } from '../src/core/rule.js';
import { namedDeliverable } from '../src/analysis/deliverables.js';
import type { Analysis, Objective, Sentence, TermFact } from '../src/analysis/index.js';

/**
 * Verbs that commit to a way of working rather than a result: a commitment to look again ("we
 * will review this decision regularly") is a review cycle; "we will work with", "operate within
 * the standards" say how, not what.
 */
const NOT_A_RESULT = /^(?:review|revisit|refresh|revise|reassess|monitor|update|work|operate|collaborate|engage|partner|consider|follow|comply|adhere|listen)$/i;

/**
 * How responsibility is divided ("the Council will share responsibility with the other councils",
 * "the board keeps oversight of …"): a standing arrangement of roles, not a result to deliver.
 */
const ROLES = /^(?:share|split|divide|hold|keep|retain)s?\s+(?:the\s+|joint\s+|overall\s+|final\s+)?(?:responsibilit(?:y|ies)|accountabilit(?:y|ies)|ownership|oversight)\b/i;

/** Direction words that bound a target ("at least", "all") rather than promise a change. */
const QUALIFIER = /^(?:all|every|at least|at most|no more than|fewer than|more than|less than)$/i;

/**
 * The sentences that state an objective: a heading and the first sentence of the paragraph that
 * restates it, or an item's or paragraph's first sentence. What follows tells its story (what the
 * resources will help others improve, a closing flourish, what was done last year), and a change
 * of degree there is not what the objective promises. A row's cells and a "we will" sentence are
 * all statement.
 */
function statement(objective: Objective): Sentence[] {
  const all = objective.sentences;
  if (objective.kind === 'heading') {
    const own = all.filter((s) => s.block === objective.block);
    const lead = all.find((s) => s.block !== objective.block);
    return lead ? [...own, lead] : own;
  }
  if (objective.kind === 'item' || objective.kind === 'paragraph') return all.slice(0, 1);
  return all;
}

/** A change of degree that is the subject of study, not a promise: "show how to enhance", "ways in which agencies can improve". */
const STUDIED = /\b(?:how|whether|ways?|means)\s+(?:to|in\s+which\s+(?:[\p{L}'’-]+\s+){1,4}(?:can|could|may|might|should))\s+$/iu;

/** The first word in an objective's statement that promises a change of degree: "increase", "reduce", "halve", else a weasel verb. */
function changeOfDegree(analysis: Analysis, objective: Objective): TermFact | undefined {
  const promised = (t: TermFact) => !STUDIED.test(t.sentence.text.slice(0, t.match.start));
  const sentences = statement(objective);
  for (const s of sentences) {
    const change = analysis.termsIn(s, 'direction-words').find((t) => !QUALIFIER.test(t.match.text) && promised(t));
    if (change) return change;
  }
  for (const s of sentences) {
    const weasel = analysis.termsIn(s, 'weasel-verbs').find(promised);
    if (weasel) return weasel;
  }
  return undefined;
}

/**
 * An open heading objective's words under the heading, which the finding runs to: where its
 * weasel is said ("### Ambition 3: Research without limits" / "We want to empower our
 * researchers…"), else the sentence that describes it, when that opens the paragraph right under
 * the heading. A reader looks for what is vague where it is said, not only at the heading.
 */
function describedBelow(objective: Objective, weasel: TermFact | undefined): Sentence | null {
  if (objective.kind !== 'heading') return null;
  if (weasel) return weasel.sentence.start >= objective.end ? weasel.sentence : null;
  const next = objective.sentences.find((s) => s.start >= objective.end);
  // A plain paragraph (not a list item or a cell) opening with it, the block after the heading's.
  const block = next?.block;
  return next && block && block.kind === 'paragraph' && !block.list && !block.inTable && next.start === block.start && block.index === objective.block.index + 1 ? next : null;
}

interface Options {
  minMeasurableShare: number;
  checkCommitments: boolean;
}

export default defineRule<Options>({
  meta: {
    id: 'vague-goals',
    sign: 'vague',
    description: 'Objectives and commitments with no measure or deadline, weasel verbs and open-ended timing.',
    severity: 'warning',
    fix: 'Say what will change, by how much and by when.',
    options: {
      minMeasurableShare: {
        type: 'number',
        default: 0.3,
        description: 'Below this share of objectives with both a measure and a deadline, the document as a whole is reported.',
      },
      checkCommitments: {
        type: 'boolean',
        default: true,
        description: 'Also check "we will …" sentences outside objective sections (reported when they lean on a weasel verb).',
      },
    },
  },
  check({ analysis, options, report, measure }) {
    const objectives = analysis.objectives;
    measure('commitments', objectives.length);
    const open = objectives.filter((o) => !o.measure && !o.deadline);
    measure('open', open.length);
    // Of those, the aims: no deliverable named either ("improve data quality", not "publish a data register").
    measure('open-aims', open.filter((o) => !namedDeliverable(analysis, o.text)).length);
    // Each unmeasurable objective carries a share of the sign: all of them together make "some";
    // the document-level findings below decide whether it is "strong".
    const share = 1 / Math.max(objectives.length, 4);
    const verbs = analysis.lexicon('action-verbs');
    for (const objective of objectives) {
      const weasel = objective.weasels[0];
      const open = !objective.measure && !objective.deadline;
      // A promised change of degree ("improve", "increase", "transform") needs a quantity even with a date.
      const degree = !objective.measure && objective.deadline ? changeOfDegree(analysis, objective) : undefined;
      if (objective.kind !== 'commitment' && (open || degree || objective.measureLeftBlank)) {
        // A change of degree promised in the text under a heading is shown where it is said.
        const said = degree && !open && !objective.measureLeftBlank && degree.sentence.start >= objective.end ? degree.sentence : null;
        const below = open ? describedBelow(objective, weasel) : null;
        report({
          start: said?.start ?? objective.start,
          end: said?.end ?? below?.end ?? objective.end,
          message: objective.measureLeftBlank && !open && !degree
            ? `Milestone's measure is left blank: "${quote(objective.text, 70)}"`
            : open
            ? weasel
              ? `Objective has no measure or deadline, only "${weasel.match.text}": "${quote(objective.text, 70)}"`
              : `Objective has no measure or deadline: "${quote(objective.text, 70)}"`
            : `Objective promises to "${degree!.match.text}" with no measure of how much: "${quote(said?.text ?? objective.text, 70)}"`,
          evidence: said?.text ?? objective.text,
          weight: share,
        });
      } else if (objective.kind === 'commitment' && open && !objective.vagueTiming.length && options.checkCommitments) {
        // A commitment to act ("will publish", "will develop") or to a weasel. Open-ended timing
        // ("as soon as possible") is reported below, where it stands, instead.
        const acts =
          objective.action !== null &&
          verbs.first(objective.action)?.end === objective.action.length &&
          !NOT_A_RESULT.test(objective.action) &&
          !ROLES.test(objective.text.slice(objective.text.search(new RegExp(`\\b${objective.action}\\b`, 'u'))));
        if (weasel || acts) {
          const what = weasel?.match.text ?? objective.action!;
          report({
            start: objective.start,
            end: objective.end,
            message: `Commitment to "${what}" with no measure or deadline: "${quote(objective.text, 70)}"`,
            evidence: objective.text,
            weight: share,
          });
        }
      }
      for (const timing of objective.vagueTiming) {
        if (objective.deadline) continue;
        report({
          start: timing.start,
          end: timing.end,
          message: `Open-ended timing "${timing.match.text}" in place of a date`,
          evidence: timing.sentence.text,
          fix: 'Give a date or a time frame ("by March 2026", "within six months").',
          weight: 0.1,
        });
      }
    }

    const structural = objectives.filter((o) => o.kind !== 'commitment');
    const anchor = analysis.anchor('objective-headings');
    if (!anchor) return;
    if (structural.length === 0) {
      // No list or section of objectives: at most scattered "we will" sentences.
      if (objectives.some((o) => o.measurable)) return;
      // A sentence that says the actions are elsewhere ("the board has drawn up a list of
      // actions", "a delivery plan will follow") is where the reader was promised them.
      const deferred = analysis.terms('deferred-actions').find((t) => !t.sentence.block.inQuote);
      report({
        start: deferred?.sentence.start ?? anchor.start,
        end: deferred?.sentence.end ?? anchor.end,
        message: deferred
          ? `No objectives: the actions are referred to, not given: "${quote(deferred.sentence.text, 70)}"`
          : objectives.length === 0
            ? 'No objectives: nothing says what will be achieved, by how much or by when'
            : `No objectives: only ${objectives.length} "we will" ${objectives.length === 1 ? 'sentence' : 'sentences'}, none with a measure and a deadline`,
        evidence: deferred?.sentence.text ?? anchor.text,
        fix: deferred ? 'Give the actions here, each with a measure and a date, or link to where they are.' : 'Add a short list of objectives, each with a measure and a date.',
        weight: 2,
      });
      return;
    }
    const measurable = structural.filter((o) => o.measurable).length;
    const fixAll = 'Give each objective a measure (a number, a rate, a count) and a date.';
    if (measurable === 0) {
      report({
        start: anchor.start,
        end: anchor.end,
        message:
          structural.length === 1
            ? 'The only objective has no measure and deadline together'
            : `None of the ${structural.length} objectives has both a measure and a deadline`,
        evidence: anchor.text,
        fix: fixAll,
        // A handful of unmeasured recommendations is some vagueness; many, none measurable, is strong.
        weight: structural.length >= 5 ? 1.5 : 0.25,
      });
    } else if (measurable / structural.length < options.minMeasurableShare) {
      report({
        start: anchor.start,
        end: anchor.end,
        message: `Only ${measurable} of ${structural.length} objectives (${Math.round((100 * measurable) / structural.length)}%) have both a measure and a deadline`,
        evidence: anchor.text,
        fix: fixAll,
        weight: 0.5,
      });
    }
  },
});
