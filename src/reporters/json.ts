// The JSON contract other tools rely on (version 1). Pure: results in, string out.

import { asciiJson } from '../core/ascii-json.js';
import type { Finding, LintRun } from '../core/types.js';

export function jsonFinding(f: Finding) {
  return {
    ruleId: f.ruleId,
    sign: f.sign,
    severity: f.severity,
    message: f.message,
    evidence: f.evidence,
    fix: f.fix,
    // A PDF's findings carry their page; `line` is then the line on that page.
    ...(f.page !== undefined ? { page: f.page } : {}),
    line: f.line,
    column: f.column,
    ...(f.endPage !== undefined ? { endPage: f.endPage } : {}),
    endLine: f.endLine,
    endColumn: f.endColumn,
    locator: f.locator,
    headingPath: f.headingPath,
    docs: f.docs,
  };
}

export function formatJson(run: LintRun): string {
  // A shard's run leaves out the scorecards: copied text across shards changes them, so merge
  // builds each from the document's findings, measures and words, as one run does at its end.
  const scorecards = !run.shard;
  const output = {
    version: 1,
    files: run.files.map((file) => ({
      path: file.path,
      format: file.format,
      referenceDate: file.referenceDate,
      ...(file.words !== undefined ? { words: file.words } : {}),
      findings: file.findings.map(jsonFinding),
      errors: file.errors,
      ...(file.measures !== undefined ? { measures: file.measures } : {}),
      ...(scorecards && file.scorecard !== undefined ? { scorecard: file.scorecard } : {}),
    })),
    summary: run.summary,
  };
  if (!run.shard) return JSON.stringify(output, null, 2) + '\n';
  // A shard's run carries what `stratlint merge` joins (src/engine/merge.ts): for a program, not
  // a reader, so on one line and in ASCII, which merge reads several times as fast.
  return asciiJson({ ...output, shard: run.shard }) + '\n';
}
