// The scorecard: a verdict per sign, the evidence behind it, the points it costs, and an
// overall score from 0 to 100 that a reader can rebuild from those points.
//
// Each finding carries a weight (how much it says about its sign). Per sign the weights are
// added: under WEAK_AT the sign reads as fine (good signs "present", bad signs "absent"), from
// WEAK_AT as "weak" / "some", from STRONG_AT as "missing" / "strong". A weak or some verdict
// costs half the sign's points, a missing or strong one all of them. See docs/scorecard.md.

import { BAD_SIGNS, GOOD_SIGNS, SIGNS, type Finding, type Sign } from '../core/types.js';

export type GoodVerdict = 'present' | 'weak' | 'missing';
export type BadVerdict = 'absent' | 'some' | 'strong';
export type Verdict = GoodVerdict | BadVerdict;

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

export interface SignScore {
  verdict: Verdict;
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
  score: number;
  signs: Record<Sign, SignScore>;
}

const GOOD = new Set<string>(GOOD_SIGNS);

export function verdictFor(sign: Sign, weight: number): Verdict {
  const level = weight >= STRONG_AT ? 2 : weight >= WEAK_AT ? 1 : 0;
  return GOOD.has(sign) ? (['present', 'weak', 'missing'] as const)[level] : (['absent', 'some', 'strong'] as const)[level];
}

export function buildScorecard(findings: readonly Finding[]): Scorecard {
  const signs = {} as Record<Sign, SignScore>;
  let score = 100;
  for (const sign of SIGNS) {
    const mine = findings.filter((f) => f.sign === sign);
    const weight = round(mine.reduce((sum, f) => sum + f.weight, 0));
    const verdict = verdictFor(sign, weight);
    const max = SIGN_POINTS[sign];
    const level = verdict === 'weak' || verdict === 'some' ? 1 : verdict === 'missing' || verdict === 'strong' ? 2 : 0;
    const points = level === 0 ? 0 : -(level === 1 ? Math.round(max / 2) : max);
    score += points;
    const evidence = [...mine]
      .sort((a, b) => b.weight - a.weight || (a.page ?? 0) - (b.page ?? 0) || a.line - b.line || a.column - b.column)
      .slice(0, 3)
      .map((f) => ({ ruleId: f.ruleId, message: f.message, evidence: f.evidence, line: f.line, column: f.column, locator: f.locator }));
    signs[sign] = { verdict, points, maxPoints: max, weight, findings: mine.length, evidence };
  }
  return { score: Math.max(0, score), signs };
}

export const SIGN_ORDER: readonly Sign[] = [...GOOD_SIGNS, ...BAD_SIGNS];

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
