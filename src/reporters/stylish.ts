// The human report: findings per file with their place, evidence and fix, then a summary.

import { Chalk, type ChalkInstance } from 'chalk';
import type { Finding, LintRun } from '../core/types.js';

export interface StylishOptions {
  /** 0 for no colour; 1–3 for chalk's levels. */
  colorLevel: 0 | 1 | 2 | 3;
}

export function formatStylish(run: LintRun, options: StylishOptions): string {
  const c = new Chalk({ level: options.colorLevel });
  const out: string[] = [];
  for (const file of run.files) {
    if (file.findings.length === 0 && file.errors.length === 0) continue;
    out.push(c.underline(file.path));
    for (const error of file.errors) {
      const where = error.line ? `${error.line}:${error.column ?? 1}` : '';
      out.push(`  ${where.padEnd(8)} ${c.red('error')}    ${error.message}  ${c.dim(error.code)}`);
    }
    const width = Math.max(8, ...file.findings.map((f) => f.locator.length + 1));
    for (const f of file.findings) out.push(...findingLines(f, c, width));
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
