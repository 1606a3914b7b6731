// The measures a sign's verdict is decided by: what a reviewer would name ("29% of commitments
// have neither a measure nor a date", "3.1 clichés per 1,000 words"), computed from the rules'
// document-level measures (FileResult.measures, `<rule-id>.<name>`), the word count and, for the
// good signs, the weight of the sign's findings. Every measure reads higher-is-worse, so one pair
// of cut points per sign turns it into a verdict (src/score/thresholds.json, fitted by
// scripts/fit-scorecard.js; docs/scorecard.md).

import type { Finding, Sign } from '../core/types.js';

export type MeasureFormat = 'share' | 'count' | 'years' | 'per-thousand' | 'ratio' | 'weight';

export interface MeasureInput {
  measures: Readonly<Record<string, number>>;
  findings: readonly Finding[];
  words: number;
}

export interface MeasureValue {
  value: number;
  /** What was measured, in a reader's words: "9 of 31 commitments have neither a measure nor a date". */
  text: string;
}

export interface MeasureDefinition {
  /** Stable name, as written in thresholds.json. */
  name: string;
  sign: Sign;
  format: MeasureFormat;
  /** The cut points to fall back on where the reviewers' labels leave a range open: [some/weak, strong/missing]. */
  prior: [number, number];
  /**
   * Which cut point the measure may carry, when only one: too-long-term is "some" when a plan
   * mentions a far horizon, "strong" only when its own dates lie far (SIGNS.md).
   */
  only?: 'some' | 'strong';
  /** Null when the rules that measure it did not run (turned off). */
  compute(input: MeasureInput): MeasureValue | null;
}

const has = (m: Readonly<Record<string, number>>, ...keys: string[]) => keys.every((k) => typeof m[k] === 'number');
const perThousand = (n: number, words: number) => (words > 0 ? (1000 * n) / words : 0);
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The weight of a sign's findings: how the good signs' absence rules judge a document as a whole. */
function findingWeight(sign: Sign): MeasureDefinition {
  return {
    name: 'finding-weight',
    sign,
    format: 'weight',
    prior: [0.5, 1.5],
    compute({ findings }) {
      const mine = findings.filter((f) => f.sign === sign);
      const weight = Math.round(mine.reduce((n, f) => n + f.weight, 0) * 100) / 100;
      if (mine.length === 0) return { value: 0, text: 'nothing found against it' };
      const heaviest = [...mine].sort((a, b) => b.weight - a.weight || a.line - b.line)[0]!;
      const more = mine.length - 1;
      return {
        value: weight,
        text: `${heaviest.ruleId}: ${heaviest.message}${more ? ` (and ${plural(more, 'more finding')})` : ''}`,
      };
    },
  };
}

/**
 * A vague measure: the share of the commitments vague-goals counted that lack something. No
 * commitment found at all means nothing can be checked, which is as vague as none measurable.
 */
function commitmentShare(name: string, lacking: string, noneHas: string, have: string): MeasureDefinition {
  return {
    name,
    sign: 'vague',
    format: 'share',
    prior: [0.3, 0.7],
    compute({ measures: m }) {
      if (!has(m, 'vague-goals.commitments', lacking)) return null;
      const all = m['vague-goals.commitments']!;
      const count = m[lacking]!;
      if (all === 0) return { value: 1, text: `no objectives or commitments found, so none has ${noneHas}` };
      return { value: count / all, text: `${count} of ${plural(all, 'commitment')} have ${have}` };
    },
  };
}

export const MEASURES: readonly MeasureDefinition[] = [
  // Commitments to make something that will exist (a register, a team, a toolkit) can be
  // checked without a number or a date; aims cannot. Reviewers call a plan of undated
  // deliverables somewhat vague, and one of undated aims strongly so.
  commitmentShare('aim-share', 'vague-goals.open-aims', 'a measure, a date or a deliverable', 'no measure, no date and no deliverable'),
  commitmentShare('open-share', 'vague-goals.open', 'a measure or a date', 'neither a measure nor a date'),
  {
    name: 'unordered-items',
    sign: 'wish-list',
    format: 'count',
    prior: [10, 25],
    compute({ measures: m }) {
      if (!has(m, 'wish-list.unordered-items')) return null;
      const items = m['wish-list.unordered-items']!;
      const longest = m['wish-list.longest-unordered-list'] ?? 0;
      return {
        value: items,
        text: items
          ? `${plural(items, 'initiative')} with no order, phasing or priority (the longest run has ${longest})`
          : 'no initiatives without an order, phasing or priority',
      };
    },
  },
  {
    name: 'furthest-years',
    sign: 'too-long-term',
    format: 'years',
    only: 'some',
    prior: [6, 10],
    compute({ measures: m }) {
      if (!has(m, 'long-horizon.furthest-years')) return null;
      const years = m['long-horizon.furthest-years']!;
      const review = m['no-review-cycle.review-cycle'];
      const cycle = review === undefined ? '' : review ? '; a review cycle is stated' : '; no review cycle is stated';
      return {
        value: years,
        text: (years ? `the plan's horizon reaches ${plural(years, 'year')} past the document's date` : "no horizon past the document's date") + cycle,
      };
    },
  },
  {
    name: 'median-years',
    sign: 'too-long-term',
    format: 'years',
    only: 'strong',
    prior: [4, 6],
    compute({ measures: m }) {
      if (!has(m, 'long-horizon.median-years', 'long-horizon.future-mentions')) return null;
      const years = m['long-horizon.median-years']!;
      const dates = m['long-horizon.future-mentions']!;
      return {
        value: years,
        text: dates ? `the middle of the plan's ${plural(dates, 'future date')} lies ${plural(years, 'year')} past the document's date` : "no dates past the document's date",
      };
    },
  },
  {
    name: 'cliches-per-thousand',
    sign: 'cookie-cutter',
    format: 'per-thousand',
    prior: [0.5, 3],
    compute({ measures: m, words }) {
      if (!has(m, 'cookie-cutter.cliches')) return null;
      const cliches = m['cookie-cutter.cliches']!;
      return { value: perThousand(cliches, words), text: `${plural(cliches, 'strategy cliché')} in ${words} words` };
    },
  },
  {
    name: 'hype-per-thousand',
    sign: 'unproven-tech',
    format: 'per-thousand',
    prior: [2.5, 6],
    compute({ measures: m, words }) {
      if (!has(m, 'hype-tech.hype-weight')) return null;
      const weight = m['hype-tech.hype-weight']!;
      const basics = m['hype-tech.basics'];
      return {
        value: perThousand(weight, words),
        text: weight
          ? `hype technology weighs ${weight} (a heading 3, an objective 2, a mention 1) in ${words} words` +
            (basics !== undefined ? `, against ${plural(basics, 'mention')} of the basics` : '')
          : 'no hype technology outside bounded experiments',
      };
    },
  },
  {
    name: 'tech-ratio',
    sign: 'it-driven',
    format: 'ratio',
    prior: [1, 2],
    compute({ measures: m }) {
      if (!has(m, 'it-driven.technology-terms', 'it-driven.people-terms')) return null;
      const tech = m['it-driven.technology-terms']!;
      const people = m['it-driven.people-terms']!;
      return { value: tech / Math.max(1, people), text: `${plural(tech, 'technology term')} against ${people} about people and outcomes` + itDetail(m) };
    },
  },
  {
    name: 'technical-share',
    sign: 'it-driven',
    format: 'share',
    prior: [0.2, 0.5],
    compute({ measures: m }) {
      if (!has(m, 'it-driven.statements', 'it-driven.technical')) return null;
      const all = m['it-driven.statements']!;
      const technical = m['it-driven.technical']!;
      return { value: all ? technical / all : 0, text: `${technical} of ${plural(all, 'commitment')} are technical changes with no outcome for people` + itDetail(m) };
    },
  },
  ...(['integrated', 'user-centred', 'useful-to-teams', 'mainstream', 'realistic', 'focused'] as const).map(findingWeight),
];

/**
 * Evidence that makes a bad sign at least "some" whatever its measure says, because a reviewer
 * reads it so on its own: text copied from another document is cookie-cutter; a plan framed by
 * and for an IT department is IT-driven. Each returns what it found, or null.
 */
export const FLOORS: ReadonlyArray<{ sign: Sign; find(input: MeasureInput): string | null }> = [
  {
    sign: 'cookie-cutter',
    find({ findings }) {
      // copied-text weighs 1 for a passage of 100 words or more.
      const copied = findings.filter((f) => f.ruleId === 'copied-text' && f.weight >= 1).length;
      return copied ? `${plural(copied, 'passage')} of 100 words or more copied from another document` : null;
    },
  },
  {
    sign: 'it-driven',
    find({ findings }) {
      const framed = findings.find((f) => f.ruleId === 'it-driven' && f.message.startsWith("Framed as an IT department's own plan"));
      return framed ? framed.message.charAt(0).toLowerCase() + framed.message.slice(1) : null;
    },
  },
  {
    // Led only by IT, with technology choices among its commitments: what the guidance calls a
    // plan by and for IT, however many people its prose names (the ratio counts words, not
    // who leads or what the commitments change).
    sign: 'it-driven',
    find({ findings }) {
      const mine = findings.filter((f) => f.ruleId === 'it-driven');
      if (!mine.some((f) => f.message.startsWith('Leadership sits only with IT'))) return null;
      const technical = mine.filter((f) => f.message.startsWith('Technical change with no outcome')).length;
      return technical >= 2 ? `leadership sits only with IT and ${technical} of its commitments are technical changes with no outcome for people` : null;
    },
  },
];

function itDetail(m: Readonly<Record<string, number>>): string {
  return m['it-driven.it-leadership'] ? '; leadership sits only with IT' : '';
}

/**
 * The measures a sign may be judged by, in the order the fitting prefers them on a tie: its own,
 * then the weight of its findings, which is always a candidate.
 */
export function measuresOf(sign: Sign): MeasureDefinition[] {
  const own = MEASURES.filter((d) => d.sign === sign && d.name !== 'finding-weight');
  return [...own, findingWeight(sign)];
}

export function measureByName(sign: Sign, name: string): MeasureDefinition | undefined {
  return name === 'finding-weight' ? findingWeight(sign) : MEASURES.find((d) => d.sign === sign && d.name === name);
}

/** A measure's value as a reader reads it: "29%", "3.1 per 1,000 words", "8 years", "2.4 to 1". */
export function formatMeasure(format: MeasureFormat, value: number): string {
  switch (format) {
    case 'share':
      return `${Math.round(value * 100)}%`;
    case 'count':
      return String(Math.round(value * 10) / 10);
    case 'years':
      return `${Math.round(value * 10) / 10} years`;
    case 'per-thousand':
      return `${value.toFixed(1)} per 1,000 words`;
    case 'ratio':
      return `${value.toFixed(1)} to 1`;
    case 'weight':
      return `weight ${Math.round(value * 100) / 100}`;
  }
}
