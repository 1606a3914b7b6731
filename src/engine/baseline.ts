// A baseline: the findings a repository has accepted for now (`--baseline report.json`), so that
// only new ones are reported and fail the run. A finding is the same as one in the baseline when
// its document, rule and evidence (the quoted text) are, and never by line, so an edit above it
// does not bring it back. Matching counts: two identical findings in the baseline excuse two.

import type { BaselineOutcome, Finding, LintRun } from '../core/types.js';
import { normaliseEvidence } from '../core/evidence.js';
import { summarise } from './summary.js';

/** A stratlint JSON report's files, as read back from disk. */
export interface BaselineFile {
  path: string;
  findings: Finding[];
}

/** The findings of a stratlint JSON report (version 1), or a one-line reason it is not one. */
export function baselineFromReport(json: unknown): BaselineFile[] | string {
  const report = json as { version?: unknown; files?: unknown } | null;
  if (!report || typeof report !== 'object' || report.version !== 1 || !Array.isArray(report.files)) {
    return 'not a stratlint JSON report (version 1)';
  }
  const files: BaselineFile[] = [];
  for (const file of report.files as Array<{ path?: unknown; findings?: unknown }>) {
    if (typeof file?.path !== 'string' || !Array.isArray(file.findings)) return 'not a stratlint JSON report (a file without a path or findings)';
    for (const f of file.findings as Array<Partial<Finding>>) {
      if (typeof f?.ruleId !== 'string' || typeof f.evidence !== 'string') return `not a stratlint JSON report (a finding in ${file.path} without a rule or evidence)`;
    }
    files.push({ path: file.path, findings: file.findings as Finding[] });
  }
  return files;
}

const keyOf = (path: string, f: Pick<Finding, 'ruleId' | 'evidence'>) => `${path}\u0000${f.ruleId}\u0000${normaliseEvidence(f.evidence)}`;

/**
 * Leaves in the run only the findings the baseline does not hold, and records the others
 * (unchanged) and the baseline's findings no longer found (absent) for SARIF's baselineState.
 * The scorecards stay those of all the findings: a baseline hides findings, it does not change
 * what the document is.
 */
export function applyBaseline(run: LintRun, baseline: readonly BaselineFile[]): void {
  const waiting = new Map<string, Array<{ path: string; finding: Finding }>>();
  for (const file of baseline) {
    for (const finding of file.findings) {
      const key = keyOf(file.path, finding);
      let list = waiting.get(key);
      if (!list) waiting.set(key, (list = []));
      list.push({ path: file.path, finding });
    }
  }
  const outcome: BaselineOutcome = { unchanged: {}, absent: [] };
  for (const file of run.files) {
    const fresh: Finding[] = [];
    const unchanged: Finding[] = [];
    for (const finding of file.findings) {
      const match = waiting.get(keyOf(file.path, finding));
      if (match?.length) {
        match.shift();
        unchanged.push(finding);
      } else fresh.push(finding);
    }
    file.findings = fresh;
    if (unchanged.length) outcome.unchanged[file.path] = unchanged;
  }
  for (const list of waiting.values()) outcome.absent.push(...list);
  run.baseline = outcome;
  run.summary = summarise(run.files);
}
