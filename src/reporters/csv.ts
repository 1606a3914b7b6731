// One row per document, for a spreadsheet: path, format, words, score, each sign's verdict,
// error and warning counts, the file's own errors, then why each verdict (its measure and cut
// points). Pure: results in, string out.
//
// RFC 4180: fields with a comma, quote or line break are quoted, quotes doubled, rows end in
// CRLF. The file starts with a UTF-8 byte order mark, which is how Excel knows the file is UTF-8
// (without it, a path with "é" opens garbled); LibreOffice, Numbers, Google Sheets and Python's
// "utf-8-sig" read past it. A text cell that a spreadsheet would run as a formula (=, +, -, @)
// is prefixed with an apostrophe, so a hostile file name cannot run one.

import type { FileResult, LintRun } from '../core/types.js';
import { SIGN_ORDER } from '../score/scorecard.js';

const BOM = '\ufeff';

export const CSV_COLUMNS = ['path', 'format', 'words', 'score', ...SIGN_ORDER, 'errors', 'warnings', 'file error', ...SIGN_ORDER.map((sign) => `${sign}: why`)] as const;

export function formatCsv(run: LintRun): string {
  const rows = [CSV_COLUMNS.map(field).join(','), ...run.files.map((file) => row(file).join(','))];
  return BOM + rows.join('\r\n') + '\r\n';
}

function row(file: FileResult): string[] {
  let errors = 0;
  let warnings = 0;
  for (const f of file.findings) f.severity === 'error' ? errors++ : warnings++;
  const card = file.scorecard;
  return [
    text(file.path),
    file.format ?? '',
    file.words === undefined ? '' : String(file.words),
    card ? String(card.score) : '',
    ...SIGN_ORDER.map((sign) => card?.signs[sign].verdict ?? ''),
    String(errors),
    String(warnings),
    text(file.errors.map((e) => `${e.code}: ${e.message}${e.line ? ` (line ${e.line})` : ''}`).join('; ')),
    ...SIGN_ORDER.map((sign) => text(card?.signs[sign].reason ?? '')),
  ].map(field);
}

/** A cell a spreadsheet must read as text, not as a formula. */
function text(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function field(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
