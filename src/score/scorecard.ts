// The scorecard: a verdict per sign, the measure that decided it, the evidence behind it, the
// points it costs, and an overall score from 0 to 100 that a reader can rebuild from those points.
//
// Each sign's verdict comes from one measure of the document as a whole, normalised for its size
// (a share of its commitments, a rate per 1,000 words, years of horizon; src/score/measures.ts),
// against two cut points fitted to two reviewers' labels (src/score/thresholds.ts, written by
// scripts/fit-scorecard.js): under the first the sign reads as fine (good signs "present", bad
// signs "absent"), from the first "weak" / "some", from the second "missing" / "strong". Findings
// explain; measures decide. A weak or some verdict costs half the sign's points, a missing or
// strong one all of them; the score is 100 less SCALE times the points lost, SCALE being how hard
// the reviewers mark, fitted with the cut points. See docs/scorecard.md.

import { BAD_SIGNS, GOOD_SIGNS, SIGNS, type Finding, type Sign } from '../core/types.js';
import { FLOORS, formatMeasure, measureByName, type MeasureDefinition, type MeasureFormat, type MeasureInput } from './measures.js';
import { SCALE, THRESHOLDS } from './thresholds.js';

export type GoodVerdict = 'present' | 'weak' | 'missing';
export type BadVerdict = 'absent' | 'some' | 'strong';
export type Verdict = GoodVerdict | BadVerdict;

/** The cut points on a sign's findings' weight, for a sign whose own measure was not taken (its rule is off). */
export const WEAK_AT = 0.5;
export const STRONG_AT = 1.5;

/** What each sign is worth; they add up to 100. Users first, then measurable goals and focus. */
export const SIGN_POINTS: Readonly<Record<Sign, number>> = {
  'user-centred': 12,
  vague: 10,
  focused: 9,
  integrated: 8,
  realistic: 8,
  'it-driven': 8,
  'unproven-tech': 8,
  'too-long-term': 8,
  'wish-list': 8,
  'useful-to-teams': 7,
  mainstream: 7,
  'cookie-cutter': 7,
};

export interface ScorecardEvidence {
  ruleId: string;
  message: string;
  evidence: string;
  line: number;
  column: number;
  locator: string;
}

export interface MeasureTaken {
  /** The measure's name, as in src/score/measures.ts and thresholds.ts. */
  name: string;
  value: number;
  format: MeasureFormat;
  /** What was measured, in a reader's words. */
  text: string;
}

export interface SignMeasure extends MeasureTaken {
  /** From the first the sign is weak / some, from the second missing / strong. */
  thresholds: [number, number];
  /** The measure the second cut point applies to, when it is not this one. */
  strong?: MeasureTaken;
}

/** Per sign, as fitted: the measure, its cut points, and the measure for the second cut if another. */
export interface SignThreshold {
  measure: string;
  at: readonly [number, number];
  strongMeasure?: string;
}

export interface SignScore {
  verdict: Verdict;
  /** Why, in one line: "9 of 31 commitments have neither a measure nor a date (29%; some from 20%)". */
  reason: string;
  measure: SignMeasure;
  /** What raised the verdict over its measure, if anything: text copied from another document. */
  floor?: string;
  /** Points this sign costs: 0, or a negative number. */
  points: number;
  /** What the sign is worth at most. */
  maxPoints: number;
  /** The findings' weights added up. */
  weight: number;
  findings: number;
  /** The weightiest findings, at most three. */
  evidence: ScorecardEvidence[];
}

export interface Scorecard {
  /** 100 less `scale` times the points the signs cost, rounded, and never under 0. */
  score: number;
  /** How many times each point a sign costs counts in the score (fitted to the reviewers' overall scores). */
  scale: number;
  signs: Record<Sign, SignScore>;
}

/** The score from the points the signs cost (each 0 or negative). */
export function scoreFrom(points: readonly number[], scale: number = SCALE): number {
  const lost = -points.reduce((n, p) => n + p, 0);
  return Math.max(0, Math.round(100 - scale * lost));
}

const GOOD = new Set<string>(GOOD_SIGNS);
const VERDICTS = { good: ['present', 'weak', 'missing'], bad: ['absent', 'some', 'strong'] } as const;

export function verdictOf(sign: Sign, level: 0 | 1 | 2): Verdict {
  return VERDICTS[GOOD.has(sign) ? 'good' : 'bad'][level];
}

/** 0 fine, 1 weak / some, 2 missing / strong. */
export function levelOf(value: number, at: readonly [number, number]): 0 | 1 | 2 {
  return value >= at[1] ? 2 : value >= at[0] ? 1 : 0;
}

/** The verdict the old sum of weights gives; what a sign is judged by when its own measure was not taken. */
export function verdictFor(sign: Sign, weight: number): Verdict {
  return verdictOf(sign, levelOf(weight, [WEAK_AT, STRONG_AT]));
}

export function pointsFor(sign: Sign, level: 0 | 1 | 2): number {
  const max = SIGN_POINTS[sign];
  return level === 0 ? 0 : -(level === 1 ? Math.round(max / 2) : max);
}

function take(definition: MeasureDefinition | undefined, input: MeasureInput): MeasureTaken | null {
  const taken = definition?.compute(input);
  return definition && taken ? { name: definition.name, value: round(taken.value, 4), format: definition.format, text: taken.text } : null;
}

/**
 * A sign's level from its measure(s) and cut points: the fitted ones, else its findings' weight
 * against WEAK_AT / STRONG_AT when a measure was not taken (its rule is off).
 */
export function judgeSign(
  sign: Sign,
  input: MeasureInput,
  thresholds: Readonly<Record<string, SignThreshold>> = THRESHOLDS,
): { level: 0 | 1 | 2; measure: SignMeasure; floor?: string } {
  const fitted = thresholds[sign];
  const main = fitted ? take(measureByName(sign, fitted.measure), input) : null;
  const strong = fitted?.strongMeasure ? take(measureByName(sign, fitted.strongMeasure), input) : main;
  let measure: SignMeasure;
  let level: 0 | 1 | 2;
  if (fitted && main && strong) {
    measure = { ...main, thresholds: [fitted.at[0], fitted.at[1]], ...(strong !== main ? { strong } : {}) };
    level = strong.value >= fitted.at[1] ? 2 : main.value >= fitted.at[0] ? 1 : 0;
  } else {
    measure = { ...take(measureByName(sign, 'finding-weight'), input)!, thresholds: [WEAK_AT, STRONG_AT] };
    level = levelOf(measure.value, measure.thresholds);
  }
  if (level === 0) {
    for (const floor of FLOORS) {
      const found = floor.sign === sign ? floor.find(input) : null;
      if (found) return { level: 1, measure, floor: found };
    }
  }
  return { level, measure };
}

/** "9 of 31 commitments have neither a measure nor a date (29%; some from 20%)". */
export function reasonFor(sign: Sign, level: 0 | 1 | 2, measure: SignMeasure, floor?: string): string {
  const [, middle, top] = VERDICTS[GOOD.has(sign) ? 'good' : 'bad'];
  const low = `${middle} from ${formatMeasure(measure.format, measure.thresholds[0])}`;
  const high = `${top} from ${formatMeasure(measure.strong?.format ?? measure.format, measure.thresholds[1])}`;
  const value = formatMeasure(measure.format, measure.value);
  // A floor raised the verdict over what the measure says: say both.
  const raised = floor ? `; ${middle} all the same: ${floor}` : '';
  if (measure.strong) {
    const second = `${measure.strong.text} (${formatMeasure(measure.strong.format, measure.strong.value)}; ${high})`;
    return `${measure.text} (${value}; ${low}); ${second}${raised}`;
  }
  const shown = floor ? 0 : level;
  const cut = shown === 0 ? low : shown === 1 ? `${low}, ${high}` : high;
  return `${measure.text} (${value}; ${cut})${raised}`;
}

export function buildScorecard(findings: readonly Finding[], measures: Readonly<Record<string, number>> = {}, words = 0): Scorecard {
  const signs = {} as Record<Sign, SignScore>;
  for (const sign of SIGNS) signs[sign] = scoreSign(sign, findings.filter((f) => f.sign === sign), measures, words);
  return scorecardOf(signs);
}

/**
 * One sign's score from its own findings (`mine`, in the document's order) alone, so that a merge
 * of shards, where copied text across them adds findings of one sign, builds that sign again and
 * keeps the others as the shard wrote them.
 */
export function scoreSign(sign: Sign, mine: readonly Finding[], measures: Readonly<Record<string, number>>, words: number): SignScore {
  const weight = round(mine.reduce((sum, f) => sum + f.weight, 0), 2);
  const { level, measure, floor } = judgeSign(sign, { findings: mine, measures, words });
  const points = pointsFor(sign, level);
  const evidence = [...mine]
    .sort((a, b) => b.weight - a.weight || (a.page ?? 0) - (b.page ?? 0) || a.line - b.line || a.column - b.column)
    .slice(0, 3)
    .map((f) => ({ ruleId: f.ruleId, message: f.message, evidence: f.evidence, line: f.line, column: f.column, locator: f.locator }));
  return {
    verdict: verdictOf(sign, level),
    reason: reasonFor(sign, level, measure, floor),
    measure,
    ...(floor ? { floor } : {}),
    points,
    maxPoints: SIGN_POINTS[sign],
    weight,
    findings: mine.length,
    evidence,
  };
}

/** A scorecard of every sign's score (or, for a merge that keeps the others' text, only its points). */
export function scorecardOf<S extends Pick<SignScore, 'points'>>(signs: Record<Sign, S>): { score: number; scale: number; signs: Record<Sign, S> } {
  return { score: scoreFrom(SIGNS.map((sign) => signs[sign].points)), scale: SCALE, signs };
}

export const SIGN_ORDER: readonly Sign[] = [...GOOD_SIGNS, ...BAD_SIGNS];

function round(n: number, places: number): number {
  const f = 10 ** places;
  return Math.round(n * f) / f;
}
