// A run's counts, from its files: apart from the engine, for what joins or filters reports.

import type { FileResult, LintRun } from '../core/types.js';

export function summarise(files: FileResult[]): LintRun['summary'] {
  let errors = 0;
  let warnings = 0;
  let fileErrors = 0;
  for (const f of files) {
    for (const finding of f.findings) finding.severity === 'error' ? errors++ : warnings++;
    fileErrors += f.errors.length;
  }
  return { files: files.length, errors, warnings, fileErrors };
}
