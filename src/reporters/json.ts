// The JSON contract other tools rely on (version 1). Pure: results in, string out.

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
      ...(file.scorecard !== undefined ? { scorecard: file.scorecard } : {}),
    })),
    summary: run.summary,
  };
  if (!run.shard) return JSON.stringify(output, null, 2) + '\n';
  // A shard's run carries what `stratlint merge` joins (src/engine/merge.ts): for a program, not
  // a reader, so on one line, and in ASCII, every other character as a \u escape. Node reads a
  // file with one character past ASCII into a string of two bytes a character, which took merge
  // twice as long to read as ASCII and made every string parsed from it twice the size.
  return asciiOnly(JSON.stringify({ ...output, shard: run.shard })) + '\n';
}

const PAST_ASCII = /[\u007f-\uffff]/g;

/** JSON text with DEL and every character past ASCII as a \u escape: the same data. */
function asciiOnly(json: string): string {
  return json.replace(PAST_ASCII, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
