// Runs the enabled rules over one document and turns their reports into findings.

import { compareFindings } from '../core/finding-order.js';
import { Analysis } from '../analysis/index.js';
import type { LexiconSet } from '../analysis/lexicons.js';
import { quote, type Report, type Rule } from '../core/rule.js';
import type { FileError, Finding, Severity, StrategyDocument } from '../core/types.js';
import { applyDirectives } from './directives.js';

export interface EnabledRule {
  rule: Rule<any>;
  severity: Severity;
  options: Record<string, unknown>;
}

export interface DocumentLint {
  findings: Finding[];
  errors: FileError[];
  analysis: Analysis;
  /** The rules' document-level measures, by `<rule-id>.<name>`. */
  measures: Record<string, number>;
}

export interface LintDocumentOptions {
  rules: EnabledRule[];
  lexicons: LexiconSet;
  referenceDate?: string;
  /** Every rule id that exists, so directives naming a rule that is merely off are not errors. */
  knownRuleIds: ReadonlySet<string>;
  now?: Date;
}

export function lintDocument(doc: StrategyDocument, options: LintDocumentOptions): DocumentLint {
  const analysis = new Analysis(doc, {
    lexicons: options.lexicons,
    referenceDate: options.referenceDate,
    now: options.now,
  });
  const findings: Finding[] = [];
  const errors: FileError[] = [];
  const measures: Record<string, number> = {};

  for (const { rule, severity, options: ruleOptions } of options.rules) {
    let invalid: { problem: string; count: number } | null = null;
    const report = (r: Report) => {
      const problem = reportProblem(r, doc.text.length);
      if (problem === null) findings.push(toFinding(doc, analysis, rule, severity, r));
      else if (invalid) invalid.count++;
      else invalid = { problem, count: 1 };
    };
    const measure = (name: string, value: number) => {
      if (Number.isFinite(value)) measures[`${rule.meta.id}.${name}`] = Math.round(value * 1000) / 1000;
    };
    try {
      rule.check({ doc, analysis, options: ruleOptions, report, measure });
      if (invalid) {
        const { problem, count } = invalid;
        errors.push({
          code: 'rule-failed',
          message: `Rule "${rule.meta.id}" reported ${count === 1 ? 'a finding' : `${count} findings`} that could not be placed or weighed (the first: ${problem}); ${count === 1 ? 'it was' : 'they were'} left out`,
        });
      }
    } catch (error) {
      errors.push({
        code: 'rule-failed',
        message: `Rule "${rule.meta.id}" failed: ${error instanceof Error ? error.message : String(error)}`,
      });
    }
  }

  const kept = applyDirectives(findings, doc.directives, options.knownRuleIds, errors);
  kept.sort(compareFindings);
  return { findings: dedupe(kept), errors, analysis, measures: sortKeys(measures) };
}

/**
 * What is wrong with a rule's report, or null: a plugin may hand over anything, and a fractional
 * or out-of-range offset would put "column 2.5" in a report, a weight of NaN would hide its
 * findings from the score.
 */
function reportProblem(r: Report, length: number): string | null {
  if (!r || typeof r !== 'object') return `${JSON.stringify(r)} is not a report`;
  if (typeof r.message !== 'string' || r.message.trim() === '') return 'it has no message';
  const offset = (name: 'start' | 'end', value: unknown, from: number) =>
    Number.isInteger(value) && (value as number) >= from && (value as number) <= length
      ? null
      : `${name} ${JSON.stringify(value) ?? String(value)} is not a whole number from ${from} to ${length}, the document's length`;
  const start = offset('start', r.start, 0);
  if (start) return start;
  const end = offset('end', r.end, r.start);
  if (end) return end;
  if (r.weight !== undefined && !(typeof r.weight === 'number' && Number.isFinite(r.weight) && r.weight >= 0)) {
    return `weight ${String(r.weight)} is not a finite number of 0 or more`;
  }
  return null;
}

function toFinding(doc: StrategyDocument, analysis: Analysis, rule: Rule<any>, severity: Severity, r: Report): Finding {
  const start = Math.max(0, Math.min(r.start, doc.text.length));
  const end = Math.max(start, Math.min(r.end, doc.text.length));
  const from = doc.toPoint(start);
  // An end offset points one past the last character; report the last character's column + 1.
  const to = doc.toPoint(end);
  const headingPath = analysis.sectionAt(start).path;
  return {
    ruleId: rule.meta.id,
    sign: rule.meta.sign,
    severity,
    message: r.message,
    evidence: quote(r.evidence ?? doc.text.slice(start, end), 200),
    fix: r.fix ?? rule.meta.fix,
    line: from.line,
    column: from.column,
    endLine: to.line,
    endColumn: to.column,
    ...(from.page !== undefined ? { page: from.page, endPage: to.page ?? from.page } : {}),
    offset: start,
    endOffset: end,
    locator: doc.locator(from, headingPath),
    headingPath,
    docs: rule.meta.docs ?? `rules/${rule.meta.id}.md`,
    weight: r.weight ?? 1,
  };
}

export { compareFindings } from '../core/finding-order.js';

/** The same rule reporting the same message at the same place twice says nothing new. */
function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = `${f.ruleId}\u0000${f.offset}\u0000${f.endOffset}\u0000${f.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Measures in name order, so that output does not depend on the order rules ran in. */
function sortKeys(measures: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(measures).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
