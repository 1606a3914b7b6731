// The human report: findings per file with their place, evidence and fix, then a summary.

import { Chalk, type ChalkInstance } from 'chalk';
import type { Finding, LintRun } from '../core/types.js';
import { SIGN_ORDER, type Scorecard, type Verdict } from '../score/scorecard.js';

export interface StylishOptions {
  /** 0 for no colour; 1–3 for chalk's levels. */
  colorLevel: 0 | 1 | 2 | 3;
  /** Print each document's scorecard after its findings (default true). */
  scorecard?: boolean;
}

export function formatStylish(run: LintRun, options: StylishOptions): string {
  const c = new Chalk({ level: options.colorLevel });
  const out: string[] = [];
  const showCards = options.scorecard !== false;
  for (const file of run.files) {
    const card = showCards ? file.scorecard : undefined;
    if (file.findings.length === 0 && file.errors.length === 0 && !card) continue;
    out.push(c.underline(file.path));
    for (const error of file.errors) {
      const where = error.line ? `${error.line}:${error.column ?? 1}` : '';
      out.push(`  ${where.padEnd(8)} ${c.red('error')}    ${error.message}  ${c.dim(error.code)}`);
    }
    const width = Math.max(8, ...file.findings.map((f) => f.locator.length + 1));
    for (const f of file.findings) out.push(...findingLines(f, c, width));
    if (card) out.push(...scorecardLines(card, c));
    out.push('');
  }
  out.push(summaryLine(run, c));
  return out.join('\n') + '\n';
}

function findingLines(f: Finding, c: ChalkInstance, width: number): string[] {
  const severity = f.severity === 'error' ? c.red('error  ') : c.yellow('warning');
  const indent = ' '.repeat(2 + width + 1 + 7 + 2);
  const lines = [`  ${c.dim(f.locator.padEnd(width))} ${severity}  ${f.message}  ${c.dim(f.ruleId)}`];
  if (f.evidence && !f.message.includes(f.evidence.slice(0, 40))) lines.push(`${indent}${c.dim(`“${f.evidence}”`)}`);
  lines.push(`${indent}${c.cyan(f.fix)}`);
  return lines;
}

const SYMBOL: Record<Verdict, string> = { present: '✔', absent: '✔', weak: '◐', some: '◐', missing: '✖', strong: '✖' };

function scorecardLines(card: Scorecard, c: ChalkInstance): string[] {
  const lines = ['', `  ${c.bold(`Score ${card.score}/100`)}`];
  for (const sign of SIGN_ORDER) {
    const s = card.signs[sign];
    const colour = s.points === 0 ? c.green : s.verdict === 'weak' || s.verdict === 'some' ? c.yellow : c.red;
    const points = s.points === 0 ? '' : `${s.points}`;
    // The measure and the cut points that decided the verdict; `stratlint explain` shows the findings.
    const why = c.dim(s.reason);
    lines.push(`  ${colour(SYMBOL[s.verdict])} ${sign.padEnd(16)} ${colour(s.verdict.padEnd(8))} ${points.padStart(3)}  ${why}`.trimEnd());
  }
  return lines;
}

function summaryLine(run: LintRun, c: ChalkInstance): string {
  const { errors, warnings, fileErrors, files } = run.summary;
  const problems = errors + warnings;
  const parts: string[] = [];
  if (problems === 0 && fileErrors === 0) {
    parts.push(c.green(`✔ No problems in ${files} ${files === 1 ? 'file' : 'files'}`));
  } else {
    const colour = errors > 0 || fileErrors > 0 ? c.red : c.yellow;
    parts.push(
      colour(
        `✖ ${problems} ${problems === 1 ? 'problem' : 'problems'} (${errors} ${errors === 1 ? 'error' : 'errors'}, ${warnings} ${warnings === 1 ? 'warning' : 'warnings'}) in ${files} ${files === 1 ? 'file' : 'files'}`,
      ),
    );
    if (fileErrors > 0) parts.push(c.red(`  ${fileErrors} ${fileErrors === 1 ? 'file problem' : 'file problems'} (unreadable files or bad directives)`));
  }
  return parts.join('\n');
}
