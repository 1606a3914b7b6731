// What a year or a duration is doing in its sentence, decided once so that every rule asks the
// same question the same way. Only a time the strategy plans forward to is its horizon or a
// deadline; a year in a statistic, a person's or a system's age, a look back, a forecast of the
// world or the date of a cited document is not.

import type { TemporalMatch } from './temporal.js';

export type TemporalRole =
  /** Where the strategy's own plan reaches, as a span or an end: "Vision 2035", "a ten-year plan", "over the next decade". */
  | 'horizon'
  /** When something the strategy commits to will be done: "by March 2026", "within 18 months", "in Q3 2027". */
  | 'deadline'
  /** A recurrence: "every year", "quarterly". */
  | 'cadence'
  /** Looks back: "since 2015", "over the last two decades", a year before the document's. */
  | 'past'
  /** How old something or someone is: "systems more than 25 years old", "aged over 65 years". */
  | 'age'
  /** The year a figure was measured in: "rose from 61% in 2015 to 78% in 2019". */
  | 'statistic'
  /** A forecast of something the strategy does not commit to: "by 2040 the population will reach…". */
  | 'projection'
  /** Names another document or law: "(NHS England, 2019)", "the Data Act of 1998". */
  | 'citation'
  /** A length that frames something without planning it: "a 12-month pilot", "a three-year contract". */
  | 'period';

/** Roles that place something the strategy plans in time. */
export const PLANNED_ROLES: ReadonlySet<TemporalRole> = new Set(['horizon', 'deadline']);

export interface RoleContext {
  match: TemporalMatch;
  /** The sentence the match was found in (match offsets index into it). */
  text: string;
  referenceYear: number;
  /** The month (1 to 12) of the document's date. */
  referenceMonth: number;
  /** In a link or reference naming another document. */
  cited: boolean;
  /** In a heading or the document's title, where a year names the plan's own span. */
  inHeading: boolean;
  /** In a section of objectives, where an outcome with a date is a target, not a forecast. */
  inObjectives: boolean;
  /** Percentages and sums of money in the sentence. */
  figures: ReadonlyArray<{ start: number; end: number }>;
  /** Whether the sentence holds a forecast word (the forecast-words lexicon). */
  forecast: boolean;
  /** The names the document gives itself (Analysis.ownNames), one per line. */
  ownNames: string;
}

const PLAN_AFTER = /^\s*(?:digital\s+|data\s+|IT\s+|technology\s+)?(?:plan|strategy|vision|programme|program|roadmap|horizon|ambition|transformation|journey|aims?|goals?|targets?)\b/i;
const PERIOD_AFTER = /^\s*(?:\w+\s+)?(?:contract|deal|licen[cs]e|lease|agreement|pilot|trial|funding|settlement|budget|warranty|term|extension|period|tenure|secondment|apprenticeship)\b/i;
// The same length written after the arrangement it belongs to: "agreements of up to 20 years",
// "the depot lease runs for 25 years". Only nouns of an arrangement: "a period of ten years" may be the plan's.
const ARRANGEMENT_BEFORE = /\b(?:contracts?|deals?|licen[cs]es?|leases?|agreements?|concessions?|warrant(?:y|ies)|subscriptions?)\s+(?:(?:will\s+|would\s+|to\s+)?(?:runs?|lasts?|running|lasting)\s+(?:for\s+)?|of\s+|for\s+)(?:(?:up\s+to|at\s+least|around|about|nearly|almost|no\s+more\s+than|less\s+than|a\s+further|another)\s+)?$/i;
// "over a ten-year period", "across the five-year period": the span the plan works over.
const SPAN_BEFORE = /\b(?:(?:over|across|throughout)\s+(?:a|the|this)|(?:runs?|running|lasts?|lasting|covers?|covering|spans?|spanning)\s+(?:for|over|across)?\s*(?:a|the)?)\s*$/i;
const LENGTH = '\\d+(?:\\.\\d+)?\\s+(?:days?|weeks?|months?|years?)';
const BARE_LENGTH = new RegExp(`^\\s*${LENGTH}(?:\\s*(?:to|-|\u2013)\\s*${LENGTH})?\\s*$`, 'i');
const LENGTH_AS_TIME = /\b(?:in|within|after|inside|next|following|coming|by)\s+(?:the\s+)?$/i;
const HORIZON_MARKERS = new Set(['vision', 'ambition', 'horizon', 'strategy', 'plan', 'towards', 'target', 'targets']);
const NEXT_MARKERS = new Set(['next', 'coming', 'following', 'more than']);
const AGE_AFTER = /^[\s-]*(?:old|of\s+age)\b/i;
const AGE_BEFORE = /\b(?:aged|ages|age of|people|adults|residents|patients|citizens|children|those|anyone|men|women)\s*(?:>|≥|over|more than|above|under)?\s*$/i;
const STATUTE = /^\s*(?:Act|Regulations?)\b/;
const STATUTE_BEFORE = /\b(?:Act|Regulations?)(?:\s+of)?\s*$/;
// The words that may sit between a figure and its year: "61% in 2015", "13% from 2016 to 2026".
const FIGURE_GAP = /^[\s,(\u2013\u2014-]*(?:(?:in|from|to|of|between|and|during|for|over)\s+)?(?:the\s+)?(?:year\s+)?[\s,(]*$/i;
const FUTURE = /\b(?:will|shall|going to|plans? to|aims? to|intends? to|commit(?:s|ted)? to|would like to)\b/i;
const PAST_TENSE = /\b(?:(?:has|have|had)\s+(?:(?:not|also|already|now|recently|successfully|steadily|more than)\s+)*(?:been|[a-z]+(?:ed|en|wn|ne|ght|ilt|ent|ade|ung|old))|was|were|did)\b/i;
const FIRST_PERSON = /\b(?:we|our|us|I)\b/i;
// A subject that is the organisation or its work, whose "will reach" is an aim, not a forecast.
const SELF_SUBJECT = /\b(?:council|trust|partnership|department|agency|ministry|authority|board|team|organi[sz]ation|government|services?|programme|strategy|plan|every|all)\b/i;
// An outcome the world reaches, said of a subject that is not the strategy: "demand will double".
const WORLD_CHANGE = /\b(?:will|would|could|may|might)\s+(?:\w+\s+)?(?:reach|grow|rise|increase|double|triple|treble|halve|fall|decline|drop|exceed|expand|shrink|outnumber|total|number|be\s+(?:over|more\s+than|around|about|nearly|almost|aged))\b/i;

/** The role of one temporal expression in its sentence. */
export function temporalRole(c: RoleContext): TemporalRole {
  const m = c.match;
  const before = c.text.slice(0, m.start);
  const after = c.text.slice(m.end);

  if (c.cited || isStatute(before, after) || namesOtherPlan(c, before) || lengthOfNamedPlan(c, before, after)) return 'citation';
  if (m.kind === 'recurrence') return 'cadence';
  if (AGE_AFTER.test(after) || (m.kind === 'duration' && (m.marker === undefined || m.marker === 'more than') && AGE_BEFORE.test(before))) return 'age';
  if (isStatistic(c)) return 'statistic';
  if (m.direction === 'backward') return 'past';
  // The length of an arrangement, signed or to come: "a three-year contract", "a 12-month pilot".
  if (m.kind === 'duration' && ((PERIOD_AFTER.test(after) && !SPAN_BEFORE.test(before)) || ARRANGEMENT_BEFORE.test(before))) return 'period';
  if (m.kind !== 'duration' && m.year !== undefined && m.year < c.referenceYear) return 'past';
  // "by September 2019" in a document dated December 2019 was due before it was written.
  if (m.month !== undefined && m.year === c.referenceYear && m.month < c.referenceMonth) return 'past';
  // A length or a year with no planning word, in a sentence that tells what happened.
  if (!isMarkedForward(m) && !PLAN_AFTER.test(after) && PAST_TENSE.test(c.text) && !FUTURE.test(c.text)) return 'past';
  if (isProjection(c)) return 'projection';

  // A bare length read as a date ("patients wait 46 weeks"): the length of something, not when;
  // standing alone (a cell under "Timeline") it is still when.
  if (m.kind === 'relative' && BARE_LENGTH.test(m.text) && !LENGTH_AS_TIME.test(before) && c.text.trim() !== m.text.trim()) return 'period';
  if (m.kind === 'duration') {
    if (PLAN_AFTER.test(after) || SPAN_BEFORE.test(before) || (m.marker !== undefined && (NEXT_MARKERS.has(m.marker) || HORIZON_MARKERS.has(m.marker)))) return 'horizon';
    if (m.direction === 'forward') return 'deadline';
    return c.inHeading ? 'horizon' : 'period';
  }
  if (m.year === undefined) return m.direction === 'forward' ? 'deadline' : 'period';
  if (c.inHeading || m.kind === 'year-range' || PLAN_AFTER.test(after) || (m.marker !== undefined && HORIZON_MARKERS.has(m.marker))) return 'horizon';
  return 'deadline';
}

/** Whether a fact says when something planned will be done: a deadline, a cadence, or a dated horizon. */
export function setsDeadline(role: TemporalRole, match: TemporalMatch): boolean {
  if (role === 'deadline' || role === 'cadence') return true;
  if (role !== 'horizon') return false;
  // "a 10-year plan" is a span, not a date; "over the next two years" and "Vision 2028" say by when.
  return match.kind !== 'duration' || (match.marker !== undefined && ['next', 'coming', 'following'].includes(match.marker));
}

function isMarkedForward(m: TemporalMatch): boolean {
  return m.direction === 'forward' && m.marker !== undefined && m.marker !== 'more than';
}

// A capitalised name of a document just before the date: "the Council Plan 2020-2030", "the
// NHS Long Term Plan (2019)", "Corporate Strategy: 2022 to 2027".
const DOCUMENT_NAME = /((?:(?:\p{Lu}[\p{L}'’-]*|of|and|for|the)\s+){1,6}(?:Plan|Strategy|Framework|Review|Report|Programme|Program|Agenda|Compact|Deal|Roadmap|Blueprint|Charter))\s*[:(,\u2013-]?\s*$/u;
/** The end a named document runs to, between its name and the year: "the Local Transport Plan to 2041", "the Port Masterplan (to 2046)". */
const END_MARKER = /\b(?:up\s+)?(?:to|until|till|through)\s+$/i;
/** A masterplan, named by that word alone ("the Masterplan (2026–2046)"): a land-use plan, never the digital strategy itself. */
const MASTERPLAN_BEFORE = /\bmasterplans?[\s(:,\u2013-]*$/i;

/**
 * A plan word, a comma or colon, and a capitalised name before the date: "the corporate plan,
 * Forward Together 2030", "our Integrated Care Strategy, Well in Kestrel 2033". The plan word
 * may be capitalised as part of a plan's proper name; the name after it starts capitalised (no `i` flag:
 * with it, \p{Lu} would match any letter). A time word is no name: "Our Vision: By 2035 …",
 * "Our vision, Towards 2035, …" are the strategy's own.
 */
const PLAN_IN_APPOSITION = /\b(?:[Pp]lan|[Ss]trategy|[Pp]rogramme|[Pp]rogram|[Vv]ision|[Ff]ramework)\s*[,:\u2013-]\s*((?!(?:By|In|From|Until|Till|Before|After|Towards?|Beyond|Through|Over|To|Within|During|Since|Across|Around|At|On|For)\s)\p{Lu}[\p{L}'’&-]*\s+(?:(?:\p{Lu}[\p{L}'’&-]*|of|and|for|the|in|on|at|to|by|with)\s+){0,5})$/u;
/** "this strategy, …", "this digital plan, …": the document naming itself. */
const THIS_BEFORE = /\bthis\s+(?:[\p{L}-]+\s+){0,2}$/iu;

/**
 * A date in the name of another document, not in a heading or the title, where the name is not
 * the document's own (the title does not hold it, and it is not "this … Strategy").
 */
function namesOtherPlan(c: RoleContext, before: string): boolean {
  if (c.inHeading) return false;
  // A plan named in apposition: "aligns to the University strategic plan, Eastbridge Forward 2030".
  const named = PLAN_IN_APPOSITION.exec(before);
  if (named && !THIS_BEFORE.test(before.slice(0, named.index)) && !isOwnName(named[1]!, c)) return true;
  // The name ends where "to 2041" or "(to 2046)" begins.
  const upToName = before.replace(END_MARKER, '');
  const masterplan = MASTERPLAN_BEFORE.exec(upToName);
  if (masterplan && !THIS_BEFORE.test(upToName.slice(0, masterplan.index))) return !isOwnName('masterplan', c);
  const name = DOCUMENT_NAME.exec(upToName);
  if (!name) return false;
  const words = name[1]!.trim().split(/\s+/);
  if (/^(?:this|these)$/i.test(words[0]!) || /\b(?:this|these)\s+$/i.test(before.slice(0, name.index))) return false;
  while (words.length && /^(?:of|and|for|the|our|its|their|a|an)$/i.test(words[0]!)) words.shift();
  if (words.length < 2) return false;
  return !isOwnName(words.join(' '), c);
}

/** "Our ten-year plan, Open by Design 2024–2034, …": the length of a plan then named, another document's. */
const NAMED_AFTER = /^[\s-]*(?:plan|strategy|vision|programme|program)\s*,\s+(\p{Lu}[^,]{0,79})/u;

/** A length before a plan word that a capitalised name follows, not in this document's own words ("this ten-year plan, …"). */
function lengthOfNamedPlan(c: RoleContext, before: string, after: string): boolean {
  if (c.inHeading || THIS_BEFORE.test(before)) return false;
  const name = NAMED_AFTER.exec(after)?.[1];
  if (name === undefined) return false;
  const year = /\b(?:19|20)\d{2}/.exec(name);
  return !isOwnName((year ? name.slice(0, year.index) : name).trim(), c);
}

/**
 * Whether a plan's name is the document's own: its title holds the name and either the same year
 * or, undated, more than one word of it. A plan named after the organisation ("the corporate
 * plan, Northdene 2040") shares that one word with titles such as "NORTHDENE COUNTY COUNCIL" or
 * "Northdene Digital Strategy 2025-2030" (whose own years say it is another plan).
 */
function isOwnName(name: string, c: RoleContext): boolean {
  const wanted = name.trim().toLowerCase();
  const years = c.match.text.match(/\b(?:19|20)\d\d\b/g) ?? [];
  return c.ownNames
    .toLowerCase()
    .split('\n')
    .some((title) => {
      if (!title.includes(wanted)) return false;
      const titleYears = title.match(/\b(?:19|20)\d\d\b/g);
      if (!titleYears) return wanted.split(/\s+/).length > 1;
      return years.some((y) => titleYears.includes(y));
    });
}

/** The year of a law: "the Data Protection Act 2018", "the Privacy Act of 1974", "the Health 2012 Act". */
function isStatute(before: string, after: string): boolean {
  return STATUTE_BEFORE.test(before) || (STATUTE.test(after) && /\b[A-Z][\w-]*\s*$/.test(before));
}

/**
 * A year right beside a percentage or a sum, in a sentence that reports rather than commits:
 * "take-up rose from 61% in 2015 to 78% in 2019". "We will raise it to 90% by 2027" is a target.
 */
function isStatistic(c: RoleContext): boolean {
  const m = c.match;
  if (m.year === undefined || m.kind === 'duration' || m.kind === 'relative') return false;
  if (isMarkedForward(m) && !['to', 'through'].includes(m.marker!)) return false;
  const beside = c.figures.some(
    (f) => (f.end <= m.start && FIGURE_GAP.test(c.text.slice(f.end, m.start))) || (f.start >= m.end && FIGURE_GAP.test(c.text.slice(m.end, f.start))),
  );
  if (!beside) return false;
  return m.year <= c.referenceYear || (!FUTURE.test(c.text) && !c.inObjectives);
}

/**
 * A forecast of the world: a forecast word, or a change the world will undergo ("the population
 * will reach…"), with no first-person subject; inside a section of objectives an outcome with a
 * date is the strategy's own target.
 */
function isProjection(c: RoleContext): boolean {
  const clause = clauseAround(c.text, c.match.start);
  // The span a prediction covers is the model's, not the plan's, whoever makes it: "we will use
  // the model to predict where homes will be needed over the next 20 years".
  if (c.match.kind === 'duration' && c.forecast && PREDICTING.test(c.text.slice(0, c.match.start))) return true;
  // What may happen, not what is planned: "30% of our engineers could retire in the next ten
  // years". A plan says what will be done; a modal of possibility before the date says what might
  // come about, even of the organisation's own people or systems. Not a span named as the plan's
  // ("this ten-year vision may change").
  const clauseBefore = c.text.slice(clauseStart(c.text, c.match.start), c.match.start);
  if (POSSIBLE.test(clauseBefore) && !PLAN_AFTER.test(c.text.slice(c.match.end)) && !(c.match.marker !== undefined && HORIZON_MARKERS.has(c.match.marker))) return true;
  if (FIRST_PERSON.test(clause)) return false;
  if (c.forecast) return true;
  if (c.inObjectives) return false;
  const change = WORLD_CHANGE.exec(clause);
  if (!change) return false;
  // The subject is what comes before the modal, less the date and its preposition; its head is
  // its words up to the first preposition ("demand" in "demand for services").
  const subject = clause
    .slice(0, change.index)
    .replace(c.match.text, ' ')
    .replace(/^\W*(?:(?:by|before|until|in|from|the end of|around|during)\W+)*/i, '')
    .replace(/^\W*(?:the|a|an|this|that|these|those)\s+/i, '');
  if (!/\p{L}{3,}/u.test(subject)) return false;
  const head = subject.split(/\s+(?:of|for|in|on|with|from|to|at|across|within|who|that|which)\s+/i)[0]!;
  return !SELF_SUBJECT.test(head);
}

/** A modal of possibility and its verb ("could retire", "might need"); not the month ("by May 2027"). */
const POSSIBLE = /\b(?:could|might|may(?!\s+\d))\s+(?:(?:well|also|soon|even|still|not)\s+)?(?:be\s+)?\p{L}{3,}/iu;

/** A verb of predicting, before a span of time it covers. */
const PREDICTING = /\b(?:predict(?:s|ed|ing)?|forecast(?:s|ed|ing)?|to\s+model|modell?ing)\b/i;

/** Where the clause holding index i starts: after the last semicolon or colon before it. */
function clauseStart(text: string, i: number): number {
  return Math.max(text.lastIndexOf(';', i), text.lastIndexOf(':', i)) + 1;
}

/** The clause (between semicolons or sentence ends) holding index i. */
function clauseAround(text: string, i: number): string {
  const start = clauseStart(text, i);
  const endAt = text.slice(i).search(/[;:]/);
  return text.slice(start, endAt < 0 ? text.length : i + endAt);
}
