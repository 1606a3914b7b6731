// The rule API: what a rule module exports and what its check function is given.

import type { Analysis } from '../analysis/index.js';
import type { Severity, Sign, StrategyDocument } from './types.js';

export type OptionType = 'number' | 'boolean' | 'string' | 'string[]';

export interface RuleOptionSpec {
  type: OptionType;
  default: unknown;
  description: string;
}

export interface RuleMeta {
  /** kebab-case, unique. */
  id: string;
  /** The sign of a good or bad strategy this rule measures. */
  sign: Sign;
  /** One line: what the rule finds. */
  description: string;
  /** Severity when config does not say. */
  severity: Severity;
  /** The default fix hint: one plain sentence. */
  fix: string;
  options: Record<string, RuleOptionSpec>;
  /** Where the rule's documentation lives; filled in from the rule's id when absent. */
  docs?: string;
  /**
   * The engine finds this rule's findings by comparing the documents of a run (copied-text);
   * its check does nothing on one document, so its docs carry no single-document examples.
   */
  acrossDocuments?: boolean;
}

/** What a rule reports: a range of the document's text (offsets), a message and its evidence. */
export interface Report {
  start: number;
  end: number;
  message: string;
  /** The quoted text the finding rests on; defaults to the text of the range. */
  evidence?: string;
  /** Overrides the rule's default fix hint for this finding. */
  fix?: string;
  /**
   * How much this finding counts toward its sign's verdict in the scorecard (default 1).
   * The scorecard adds the weights per sign: under 0.5 the sign reads as fine, from 0.5 as
   * weak/some, from 1.5 as missing/strong (docs/scorecard.md). A document-level "missing" is
   * about 2; one instance among many is a fraction.
   */
  weight?: number;
}

export interface RuleContext<Options = Record<string, unknown>> {
  doc: StrategyDocument;
  analysis: Analysis;
  options: Options;
  report(report: Report): void;
  /**
   * Records a document-level measure this rule computed (a count, a share, a number of years),
   * for the scorecard to judge its sign by: measures decide verdicts, findings explain them
   * (docs/scorecard.md). Stored as `<rule-id>.<name>`; the last value given for a name wins.
   */
  measure(name: string, value: number): void;
}

export interface Rule<Options = Record<string, unknown>> {
  meta: RuleMeta;
  check(context: RuleContext<Options>): void;
}

/** Identity function that gives rule authors type checking. */
export function defineRule<Options = Record<string, unknown>>(rule: Rule<Options>): Rule<Options> {
  return rule;
}

/** Rules take the options declared in meta; this gives the defaults. */
export function defaultOptions(meta: RuleMeta): Record<string, unknown> {
  return Object.fromEntries(Object.entries(meta.options).map(([k, spec]) => [k, spec.default]));
}

/**
 * The whitespace that making text one line changes: a run of two or more, or one that is not a
 * space. Replaced with a space, as every run of /\s+/ would be, but without rewriting each single
 * space between words with another (twice as fast on a merge's 11,000 quotes of copied text).
 */
const NOT_ONE_LINE = /\s{2,}|[^\S ]/g;

/** Quote text for a message: one line, trimmed, at most `max` characters. */
export function quote(text: string, max = 90): string {
  const one = text.replace(NOT_ONE_LINE, ' ').trim();
  if (one.length <= max) return one;
  // Cut at a word boundary when there is one reasonably close.
  const cut = one.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/(?<![\s,;:.–—-])[\s,;:.–—-]+$/, '')}…`;
}
