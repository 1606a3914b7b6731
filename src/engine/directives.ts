// Inline directives: stratlint-disable / -enable / -disable-next-line / -disable-line.

import type { Directive, FileError, Finding } from '../core/types.js';

export function applyDirectives(
  findings: Finding[],
  directives: readonly Directive[],
  knownRuleIds: ReadonlySet<string>,
  errors: FileError[],
): Finding[] {
  for (const d of directives) {
    for (const id of d.rules) {
      if (!knownRuleIds.has(id)) {
        errors.push({
          code: 'unknown-rule-in-directive',
          message: `Unknown rule "${id}" in a stratlint-${d.kind} directive`,
          line: d.line,
          column: d.column,
        });
      }
    }
  }
  if (directives.length === 0) return findings;
  const ordered = [...directives].sort((a, b) => a.line - b.line || a.column - b.column);
  return findings.filter((f) => !isDisabled(f, ordered));
}

function isDisabled(finding: Finding, directives: readonly Directive[]): boolean {
  const applies = (d: Directive) =>
    (d.rules.length === 0 || d.rules.includes(finding.ruleId)) && (d.message === undefined || d.message === finding.message);
  let disabled = false;
  for (const d of directives) {
    if (!applies(d)) continue;
    const last = d.endLine ?? d.line;
    switch (d.kind) {
      case 'disable-line':
        if (finding.line >= d.line && finding.line <= last) return true;
        break;
      case 'disable-next-line':
        if (finding.line === last + 1) return true;
        break;
      case 'disable':
        if (d.range) {
          if (finding.line >= d.line && finding.line <= last) return true;
        } else if (d.line <= finding.line) {
          disabled = true;
        }
        break;
      case 'enable':
        if (d.line <= finding.line) disabled = false;
        break;
    }
  }
  return disabled;
}

