// Focuses on unproven tech: hype technology in headings and objectives, and a document where
// it outweighs the basics (infrastructure, devices, records, data quality, security, legacy).
// A mention framed as later exploration ("we will pilot…", "once the basics are fixed") is fine.

import { defineRule, quote } from '../src/core/rule.js';
import type { Objective, TermFact } from '../src/analysis/index.js';

const EXPLORE = /\bexplor(?:e|es|ed|ing|ation)\b/i;

/**
 * What bounds an exploration: a question to answer ("whether", "if", "how it might"), readiness to wait for ("as our data matures"), a test of evidence or a
 * decision to come, a length of time, or a small scope counted out ("in two clinics", "one
 * service").
 */
const BOUND =
  /\b(?:whether|if|how (?:[\p{L}-]+ ){0,4}(?:could|might)|as (?:our |the |its )?(?:[\p{L}-]+ ){0,2}(?:matures?|improves?|allows?)|evidence|evaluat\w*|business case|report (?:back|to)|before (?:we )?(?:decid|commit|invest|buy|scal)\w*|for (?:up to |about )?(?:\d+|one|two|three|four|five|six|nine|twelve|a few) (?:weeks?|months?|years?)|\d+[- ](?:week|month)|(?:in |on |with )(?:one|two|three|four|five|a few|a small number of|\d{1,2}) (?:[\p{L}-]+ )?(?:sites?|clinics?|schools?|services?|teams?|wards?|departments?|libraries|branches|depots|areas?|practices|hospitals?|stations?|routes?))\b/iu;

interface Options {
  headingWeight: number;
  objectiveWeight: number;
  mentionWeight: number;
  minWeight: number;
}

export default defineRule<Options>({
  meta: {
    id: 'hype-tech',
    sign: 'unproven-tech',
    description: 'Hype technology (AI, blockchain, metaverse…) in headings and objectives, or outweighing the basics.',
    severity: 'warning',
    fix: 'Name the problem first, fix the basics, and frame new technology as a bounded experiment.',
    options: {
      headingWeight: { type: 'number', default: 3, description: 'Weight of a mention in a heading.' },
      objectiveWeight: { type: 'number', default: 2, description: 'Weight of a mention in an objective or commitment.' },
      mentionWeight: { type: 'number', default: 1, description: 'Weight of a passing mention.' },
      minWeight: { type: 'number', default: 6, description: 'Total weight of hype mentions above which the document is reported when the basics weigh less.' },
    },
  },
  check({ analysis, options, report, measure }) {
    const hype = analysis.terms('hype-tech');
    measure('hype-weight', 0);
    if (hype.length === 0) return;
    const exploration = analysis.lexicon('exploration');
    // "Explore" on its own is an intention, not a bound ("Explore the use of blockchain for
    // ticketing", "explore and scale quantum computing"): it frames a trial only beside another
    // word of exploration (a pilot, later, once the basics…) or a bound of its own (BOUND).
    const framedAsTrial = (text: string) => exploration.matches(text).some((m) => !EXPLORE.test(m.text)) || (EXPLORE.test(text) && BOUND.test(text));
    // A commitment found in running text is its own sentences; the rest of its paragraph is not an objective.
    const inText = (o: Objective) => o.kind === 'commitment' || o.kind === 'labelled';
    const objectiveBlocks = new Set(analysis.objectives.filter((o) => !inText(o)).map((o) => o.block));
    const objectiveSentences = new Set(analysis.objectives.filter(inText).flatMap((o) => o.sentences));

    // An item of a list introduced as a trial ("So we'll run one guarded pilot:") is the trial's.
    const introducedAsTrial = (block: TermFact['sentence']['block']) => {
      const leadIn = analysis.listOf(block)?.leadIn;
      const last = leadIn ? analysis.sentencesOf(leadIn).at(-1)?.text.trimEnd() : undefined;
      return last !== undefined && last.endsWith(':') && framedAsTrial(last);
    };

    // A mention that refuses the technology ("We will not introduce AI tools for pupils") is a
    // boundary, as a trial is. A heading is their topic when its section bounds the technology
    // and commits to it nowhere without a bound (what others already do is no commitment).
    const refusals = analysis.lexicon('non-priorities');
    const bounded = (fact: TermFact) => framedAsTrial(fact.sentence.text) || refusals.test(fact.sentence.text) || introducedAsTrial(fact.sentence.block);
    const committed = (fact: TermFact) => objectiveBlocks.has(fact.sentence.block) || objectiveSentences.has(fact.sentence);
    const boundedSection = (section: TermFact['sentence']['block']['section']) => {
      const body = hype.filter((f) => f.sentence.block.section === section && f.sentence.block.kind !== 'heading');
      return body.some(bounded) && !body.some((f) => committed(f) && !bounded(f));
    };

    // A sentence weighs as its heaviest mention: "AI, machine learning and chatbots" is one claim.
    const bySentence = new Map<TermFact['sentence'], number>();
    let heaviest: { fact: TermFact; weight: number } | null = null;
    for (const fact of hype) {
      const block = fact.sentence.block;
      const place = block.kind === 'heading' ? 'heading' : objectiveBlocks.has(block) || objectiveSentences.has(fact.sentence) ? 'objective' : 'mention';
      const explored = bounded(fact) || (place === 'heading' && boundedSection(block.section));
      const w = explored ? 0 : place === 'heading' ? options.headingWeight : place === 'objective' ? options.objectiveWeight : options.mentionWeight;
      bySentence.set(fact.sentence, Math.max(bySentence.get(fact.sentence) ?? 0, w));
      if (!heaviest || w > heaviest.weight) heaviest = { fact, weight: w };
      if (place !== 'mention' && !explored) {
        report({
          start: fact.start,
          end: fact.end,
          message: `"${fact.match.text}" in ${place === 'heading' ? 'a heading' : 'an objective'}: "${quote(fact.sentence.text, 60)}"`,
          evidence: fact.sentence.text,
          weight: 0.25,
        });
      }
    }

    let weight = 0;
    for (const w of bySentence.values()) weight += w;
    const basics = analysis.terms('basics').length;
    measure('hype-weight', weight);
    measure('basics', basics);
    if (weight >= options.minWeight && weight > basics && heaviest) {
      const names = [...new Set(hype.map((f) => f.match.text))].slice(0, 4).join(', ');
      report({
        start: heaviest.fact.start,
        end: heaviest.fact.end,
        message: `Hype technology outweighs the basics: ${hype.length} mentions of ${names} against ${basics} of infrastructure, devices, records, data quality or security`,
        evidence: heaviest.fact.sentence.text,
        fix: 'Say how the basics will be fixed first, and frame new technology as later, bounded experiments.',
        weight: 1.5,
      });
    }
  },
});
