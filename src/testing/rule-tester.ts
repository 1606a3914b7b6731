// RuleTester: valid and invalid cases for one rule, with the expected message, line and column.
// Registers one test per case with the host runner's describe/it: RuleTester.describe/it when
// set (vitest: import them and assign), else global ones (node:test, mocha, vitest with
// globals); with neither, runs the cases at once and throws on the first mismatch.

import { buildLexicons } from '../analysis/lexicons.js';
import { defaultOptions, type Rule } from '../core/rule.js';
import type { Finding } from '../core/types.js';
import { lintDocument } from '../engine/lint-document.js';
import { markdownDocument } from '../formats/markdown.js';

export interface ValidCase {
  name?: string;
  /** The document, as Markdown. */
  code: string;
  options?: Record<string, unknown>;
  /** Used when the document has no date of its own. */
  referenceDate?: string;
}

export interface ExpectedFinding {
  line: number;
  column: number;
  /** The whole message, or a pattern it must match. */
  message: string | RegExp;
}

export interface InvalidCase extends ValidCase {
  errors: ExpectedFinding[];
}

export interface RuleTesterOptions {
  /** "Today" for documents with no date; fixed so results do not change with the calendar. */
  now?: Date;
}

type Register = (name: string, fn: () => void) => void;

export class RuleTester {
  /** The host runner's describe and it; set these when the runner does not make them global (vitest without globals). */
  static describe: ((name: string, fn: () => void) => void) | undefined;
  static it: Register | undefined;

  private readonly now: Date;

  constructor(options: RuleTesterOptions = {}) {
    this.now = options.now ?? new Date(Date.UTC(2025, 0, 1));
  }

  /** The findings one rule reports on one document. */
  lint(rule: Rule<any>, testCase: ValidCase): Finding[] {
    const doc = markdownDocument('example.md', testCase.code);
    const result = lintDocument(doc, {
      rules: [{ rule, severity: rule.meta.severity, options: { ...defaultOptions(rule.meta), ...(testCase.options ?? {}) } }],
      lexicons: buildLexicons(),
      referenceDate: testCase.referenceDate,
      knownRuleIds: new Set([rule.meta.id]),
      now: this.now,
    });
    if (result.errors.length) throw new Error(result.errors.map((e) => e.message).join('; '));
    return result.findings;
  }

  /** What is wrong with a case's result, as readable lines; empty when the case passes. */
  verify(rule: Rule<any>, testCase: ValidCase | InvalidCase): string[] {
    const findings = this.lint(rule, testCase);
    const expected = 'errors' in testCase ? testCase.errors : [];
    const problems: string[] = [];
    const remaining = [...findings];
    for (const e of expected) {
      const index = remaining.findIndex(
        (f) => f.line === e.line && f.column === e.column && (typeof e.message === 'string' ? f.message === e.message : e.message.test(f.message)),
      );
      if (index === -1) problems.push(`expected ${e.line}:${e.column} ${String(e.message)}`);
      else remaining.splice(index, 1);
    }
    for (const f of remaining) problems.push(`unexpected ${f.line}:${f.column} ${f.message}`);
    return problems;
  }

  run(rule: Rule<any>, cases: { valid?: ValidCase[]; invalid?: InvalidCase[] }): void {
    const g = globalThis as { describe?: (name: string, fn: () => void) => void; it?: Register; test?: Register };
    const check = (testCase: ValidCase | InvalidCase) => () => {
      const problems = this.verify(rule, testCase);
      if (problems.length) throw new Error(`${rule.meta.id}: ${testCase.name ?? 'case'}\n  ${problems.join('\n  ')}`);
    };
    const describe = RuleTester.describe ?? g.describe;
    const it = RuleTester.it ?? g.it ?? g.test;
    const all = [
      ...(cases.valid ?? []).map((c, i) => ({ c, name: c.name ?? `valid #${i + 1}` })),
      ...(cases.invalid ?? []).map((c, i) => ({ c, name: c.name ?? `invalid #${i + 1}` })),
    ];
    if (describe && it) {
      describe(rule.meta.id, () => {
        for (const { c, name } of all) it(name, check({ ...c, name }));
      });
    } else {
      for (const { c, name } of all) check({ ...c, name })();
    }
  }
}
