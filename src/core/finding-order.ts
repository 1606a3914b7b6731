// The order findings are reported in: by page, line, column, rule, then message.

import type { Finding } from './types.js';

export function compareFindings(a: Finding, b: Finding): number {
  return (a.page ?? 0) - (b.page ?? 0) || a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId) || a.message.localeCompare(b.message);
}
