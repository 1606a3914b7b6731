// The public API: lint from code, and everything a rule or plugin author needs.

export { defineRule, defaultOptions, quote } from './core/rule.js';
export type { Rule, RuleMeta, RuleContext, Report, RuleOptionSpec, OptionType } from './core/rule.js';
export type { Finding, FileError, FileResult, LintRun, LintSummary, Sign, Severity, StrategyDocument, Directive } from './core/types.js';
export { SIGNS, GOOD_SIGNS, BAD_SIGNS } from './core/types.js';
export type { Analysis, Block, Section, Sentence, Objective, ListInfo, TemporalFact, QuantityFact, TermFact } from './analysis/index.js';
export { RuleTester } from './testing/rule-tester.js';
export type { ValidCase, InvalidCase, ExpectedFinding } from './testing/rule-tester.js';
export { Linter } from './engine/run.js';
export type { LintOptions } from './engine/run.js';
export type { Scorecard, SignScore, Verdict } from './score/scorecard.js';
export { lintFiles, lintText, formatResults, FORMATS } from './api.js';
export { ConfigError } from './config/schema.js';
export type { LintResults, LintTextOptions, FormatResultsOptions, FormatName } from './api.js';
