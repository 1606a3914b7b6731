// Realistic: a strategy earns trust by saying what has already been delivered, so its goals can
// be sized to a track record. Evidence is read from tense and time, not from keywords alone:
// "we have launched", "we moved", a past date or "so far" with something done or counted, the
// items of a "We have:" list or of a section about progress. Sections that picture the future
// ("Vision 2030: BDM has delivered a platform") are not a track record.

import { defineRule, quote } from '../src/core/rule.js';
import type { Analysis, Block, Section, Sentence, TemporalRole, TermFact } from '../src/analysis/index.js';

// Dates that look ahead: a sentence holding one tells what will be, not where things stand.
const LOOKS_AHEAD: ReadonlySet<TemporalRole> = new Set(['horizon', 'deadline', 'cadence', 'projection']);

interface Options {
  minEvidence: number;
  minDiagnosis: number;
  weakWeight: number;
  missingWeight: number;
}

// An auxiliary that makes the verb after it a perfect: "have (already) delivered", "has been moved".
const PERFECT = /\b(?:have|has|had|['’]ve|['’]d)\s+(?:(?:\w+ly|already|now|also|just|together|jointly|since|then|so far|to date)\s+)*(?:been\s+)?$/i;
// "we launched", "we also rewrote".
const WE_PAST = /\b(?:we|I)\s+(?:(?:\w+ly|also|then|already|first|together|jointly)\s+)?$/i;
// What turns a perfect into a future or a condition: "will have moved", "once we have moved".
const MODAL_LEAD = /\b(?:will|would|should|could|may|might|must|shall|to|['’]ll)\s+(?:\w+ly\s+|not\s+)?$/i;
const SUBORDINATE_LEAD = /\b(?:once|when|whenever|after|until|unless|if|before)\s+(?:[\p{L}'’-]+\s+){0,3}$/iu;
// Subjects whose perfect is the world changing or the document being written, not delivery:
// "the internet has transformed…", "customers have moved online", "this strategy has been produced…".
const NOT_A_DELIVERER =
  /\b(?:technology|technologies|digital|the\s+internet|internet|the\s+web|pandemic|covid(?:-19)?|smartphones?|the\s+world|society|expectations|people|the\s+public|consumers|customers|citizens|residents|patients|users|(?:this|the|our)\s+(?:\w+\s+)?(?:strategy|document|plan|report))\s*$/i;
const PUBLISHED_DOCUMENT =
  /^(?:published|launched|released|produced|set\s+out|introduced)\s+(?:[\p{L}'’-]+\s+){0,5}?(?:plan|strategy|report|review|guidance|framework|policy|white\s+paper|green\s+paper|standard|manifesto|roadmap|act)s?\b/iu;
const PERFECT_ACTION = /\b(?:have|has|had)\s+(?:(?:\w+ly|already|now|also|together|jointly)\s+)*(?:been\s+)?[a-z]+ed\b/i;
const WE = /\b(?:we|our|us)\b/i;
const FUTURE_MODAL = /\b(?:will|would|should|could|shall|won['’]t|['’]ll)\b/i;
// A list introduced as a record: "We have:", "So far we have:".
const LOOKING_BACK_LEAD = /\b(?:we|they|it)\s+(?:have|has)(?:\s+(?:already|also|so far))?\s*:\s*$/i;

export default defineRule<Options>({
  meta: {
    id: 'no-delivery-evidence',
    sign: 'realistic',
    description: 'Nothing says what has already been delivered, so the goals have no track record to be sized against.',
    severity: 'warning',
    fix: 'Say what you have already delivered, with numbers and dates, and size the goals to that pace.',
    options: {
      minEvidence: { type: 'number', default: 2, description: 'Fewest statements of delivery (in different sentences) for the sign to read as present.' },
      minDiagnosis: {
        type: 'number',
        default: 2,
        description: 'Fewest sentences describing the current state (a number or "currently", in the present tense) that count as an honest diagnosis, when no section is headed as one.',
      },
      weakWeight: { type: 'number', default: 1, description: 'Scorecard weight when there is a diagnosis or a single delivery, but no track record.' },
      missingWeight: { type: 'number', default: 2, description: 'Scorecard weight when there is neither delivery nor a diagnosis.' },
    },
  },
  check({ analysis, options, report }) {
    const title = analysis.title;
    if (!title) return;
    const evidence = deliveryEvidence(analysis);
    if (evidence.length >= options.minEvidence) return;

    if (evidence.length > 0) {
      const only = evidence[0]!;
      report({
        start: only.start,
        end: only.end,
        message: `Only one statement of what has been delivered: "${quote(only.text, 70)}"`,
        evidence: only.text,
        fix: 'Give the track record the goals rest on: what was delivered, how much and when.',
        weight: options.weakWeight,
      });
      return;
    }

    const diagnosis = currentState(analysis, options.minDiagnosis);
    if (diagnosis) {
      report({
        start: diagnosis.anchor.start,
        end: diagnosis.anchor.end,
        message: `Describes the current state ("${quote(diagnosis.quote, 60)}") but nothing already delivered`,
        evidence: diagnosis.quote,
        fix: 'Next to the diagnosis, say what has already been delivered and how fast, so the goals can be sized to it.',
        weight: options.weakWeight,
      });
      return;
    }

    report({
      start: title.start,
      end: title.end,
      message: 'No evidence of delivery: nothing says what has already been delivered or where things stand today',
      evidence: title.text,
      weight: options.missingWeight,
    });
  },
});

/** Sentences (and list items) that report something already delivered, in document order. */
function deliveryEvidence(analysis: Analysis): Sentence[] {
  const out: Sentence[] = [];
  // Lists introduced as a record: "We have:", "We have already had some success, notably in:".
  const lookingBackLists = new Set(
    analysis.lists
      .filter((l) => {
        const lead = l.leadIn ? analysis.sentencesOf(l.leadIn).at(-1) : undefined;
        if (!lead || !lead.text.trim().endsWith(':') || FUTURE_MODAL.test(lead.text)) return false;
        return LOOKING_BACK_LEAD.test(lead.text) || reportsDelivery(analysis, lead);
      })
      .map((l) => l.list),
  );
  const kindOf = sectionKinds(analysis);
  for (const s of analysis.sentences) {
    const block = s.block;
    if (block.kind === 'heading' || block.inQuote) continue;
    const kind = kindOf(block.section);
    if (kind === 'reference' || kind === 'future') continue;
    if (kind === 'progress' && s.words.length >= 3 && !FUTURE_MODAL.test(s.text)) {
      // Under a progress heading a list item is a record; a sentence must report or count something
      // ("There is more to do" and "we have made great strides" are no track record).
      if (block.list || namesSomething(analysis, s)) out.push(s);
    } else if (block.list && lookingBackLists.has(block.list.list) && block.list.leading) out.push(s);
    else if ((reportsDelivery(analysis, s) || countsThePast(analysis, s)) && !onlyClaimsProgress(analysis, s)) out.push(s);
  }
  return out;
}

/** "We have launched…", "HMRC have adopted…", "we rewrote…", not "we will have moved" or "once we have moved". */
function reportsDelivery(analysis: Analysis, s: Sentence): boolean {
  for (const term of doneIn(analysis, s)) {
    const before = s.text.slice(Math.max(0, term.match.start - 80), term.match.start);
    const perfect = PERFECT.exec(before);
    if (perfect) {
      const lead = before.slice(0, perfect.index);
      if (!MODAL_LEAD.test(lead) && !SUBORDINATE_LEAD.test(lead) && !NOT_A_DELIVERER.test(lead)) return true;
      continue;
    }
    const past = WE_PAST.exec(before);
    if (past && !SUBORDINATE_LEAD.test(before.slice(0, past.index))) return true;
  }
  return false;
}

/** A past date or "so far" together with something done or counted: "28 million visitors… over the last few years". */
function countsThePast(analysis: Analysis, s: Sentence): boolean {
  if (FUTURE_MODAL.test(s.text)) return false;
  const year = analysis.referenceDate.year;
  const past =
    analysis
      .temporalOf(s)
      .some((f) => f.role === 'past' || (f.role === 'statistic' && f.match.year !== undefined && f.match.year < year)) ||
    analysis.termsIn(s, 'track-record-markers').length > 0;
  if (!past) return false;
  if (doneIn(analysis, s).length > 0) return true;
  // A number is a record only when something was done to reach it ("have handled 2 million
  // calls", "we surveyed 2,140 residents"), not a census fact ("in 2021, 30% were over 65").
  return analysis.quantitiesOf(s).some((q) => isMeasure(q.match)) && (PERFECT_ACTION.test(s.text) || WE.test(s.text));
}

/**
 * Verbs of doing in a sentence, less those that publish a document ("NHS England published the
 * Long Term Plan"): a strategy citing other people's plans is not a track record.
 */
function doneIn(analysis: Analysis, s: Sentence): TermFact[] {
  return analysis.termsIn(s, 'delivery-verbs').filter((t) => !PUBLISHED_DOCUMENT.test(s.text.slice(t.match.start, t.match.end + 70)));
}

/**
 * Progress claimed with nothing named: every verb of doing sits inside a claim of progress
 * (`claimed-progress`: "we have made great strides", "invested in a number of platforms"), and
 * the sentence gives no figure and no year. A claim that counts or dates ("made good headway
 * during 2012", "invested in a range of tablets for 300 drivers") is still a record.
 */
function onlyClaimsProgress(analysis: Analysis, s: Sentence): boolean {
  const claims = analysis.termsIn(s, 'claimed-progress');
  if (claims.length === 0) return false;
  const inClaim = (t: TermFact) => claims.some((c) => t.match.start < c.match.end && c.match.start < t.match.end);
  return doneIn(analysis, s).every(inClaim) && !countsOrDates(analysis, s);
}

/** A verb of doing outside any claim of progress, a figure, or a year. */
function namesSomething(analysis: Analysis, s: Sentence): boolean {
  return (doneIn(analysis, s).length > 0 && !onlyClaimsProgress(analysis, s)) || countsOrDates(analysis, s);
}

/** A figure ("1,400 passengers", "30%") or a year not after the document's ("since 2023", "in March 2025"). */
function countsOrDates(analysis: Analysis, s: Sentence): boolean {
  const year = analysis.referenceDate.year;
  return (
    analysis.quantitiesOf(s).some((q) => isMeasure(q.match)) ||
    analysis.temporalOf(s).some((f) => f.match.year !== undefined && f.match.year <= year)
  );
}

function isMeasure(q: { kind: string; text: string }): boolean {
  return q.kind !== 'word-number' || /hundred|thousand|million/i.test(q.text);
}

function describesNow(analysis: Analysis, s: Sentence): boolean {
  return analysis.quantitiesOf(s).some((q) => isMeasure(q.match)) || analysis.termsIn(s, 'current-state-markers').length > 0;
}

type SectionKind = 'reference' | 'progress' | 'future' | 'other';

/** What each section is, worked out once per section: a report of progress wins over a vision around it. */
function sectionKinds(analysis: Analysis): (section: Section) => SectionKind {
  const known = new Map<Section, SectionKind>();
  return (section) => {
    let kind = known.get(section);
    if (kind) return kind;
    if (analysis.sectionMatches(section, 'excluded-headings')) kind = 'reference';
    else if (analysis.sectionMatches(section, 'delivery-headings')) kind = 'progress';
    else if (isFutureSection(analysis, section)) kind = 'future';
    else kind = 'other';
    known.set(section, kind);
    return kind;
  };
}

/** A section picturing the future (a vision, the medium term, outcomes), below the title. */
function isFutureSection(analysis: Analysis, section: Section): boolean {
  const lexicon = analysis.lexicon('future-headings');
  const title = analysis.title;
  for (let s: Section | null = section; s; s = s.parent) {
    if (s.heading && s.heading !== title && lexicon.test(s.title)) return true;
  }
  return false;
}

/** An honest account of where things stand: a section headed as one, or present-tense sentences with numbers or "currently". */
function currentState(analysis: Analysis, minSentences: number): { anchor: Block; quote: string } | null {
  const headings = analysis.lexicon('current-state-headings');
  // The section headed as a diagnosis that says most about the present, with its most telling sentence.
  let best: { anchor: Block; quote: string; telling: number } | null = null;
  for (const section of analysis.sections) {
    if (!section.heading || section.heading === analysis.title || !headings.test(section.title)) continue;
    if (isFutureSection(analysis, section)) continue;
    const sentences = section.blocks.filter((b) => b.kind === 'paragraph' && !b.inQuote).flatMap((b) => analysis.sentencesOf(b));
    if (sentences.length === 0) continue;
    const telling = sentences.filter((s) => describesNow(analysis, s));
    if (!best || telling.length > best.telling) best = { anchor: section.heading, quote: (telling[0] ?? sentences[0]!).text, telling: telling.length };
  }
  if (best) return best;
  const objectiveBlocks = new Set(analysis.objectives.filter((o) => o.kind !== 'commitment').map((o) => o.block));
  const found = analysis.sentences.filter((s) => {
    const block = s.block;
    if (block.kind === 'heading' || block.inQuote || block.inTable || objectiveBlocks.has(block)) return false;
    if (FUTURE_MODAL.test(s.text) || isFutureSection(analysis, block.section)) return false;
    if (analysis.sectionMatches(block.section, 'excluded-headings')) return false;
    if (analysis.temporalOf(s).some((f) => LOOKS_AHEAD.has(f.role))) return false;
    return describesNow(analysis, s);
  });
  if (found.length < minSentences) return null;
  const first = found[0]!;
  return { anchor: first.block, quote: first.text };
}
