// GitHub Actions workflow commands: one ::error or ::warning line per finding, which GitHub
// shows as an annotation on the file and line in the pull request. Pure: results in, string out.

import type { Finding, LintRun } from '../core/types.js';

export function formatGithub(run: LintRun): string {
  const lines: string[] = [];
  for (const file of run.files) {
    for (const error of file.errors) {
      lines.push(command('error', { file: file.path, ...(error.line ? { line: error.line } : {}), ...(error.column ? { col: error.column } : {}) }, error.message));
    }
    for (const f of file.findings) {
      const properties = { file: file.path, line: f.line, col: f.column, endLine: f.endLine, endColumn: f.endColumn, title: f.ruleId };
      lines.push(command(f.severity, properties, annotationText(f)));
    }
  }
  return lines.length ? lines.join('\n') + '\n' : '';
}

// An annotation can hold several lines: the message, the quoted evidence and the fix. Where the
// line number is not a text line (a Word paragraph), the locator says where to look.
function annotationText(f: Finding): string {
  const place = f.locator !== `${f.line}:${f.column}` ? `${f.locator}: ` : '';
  const lines = [`${place}${f.message}`];
  if (f.evidence && !f.message.includes(f.evidence.slice(0, 40))) lines.push(`“${f.evidence}”`);
  lines.push(f.fix);
  return lines.join('\n');
}

type Properties = Record<string, string | number>;

function command(name: 'error' | 'warning', properties: Properties, message: string): string {
  const props = Object.entries(properties)
    .map(([key, value]) => `${key}=${escapeProperty(String(value))}`)
    .join(',');
  return `::${name} ${props}::${escapeData(message)}`;
}

/** What GitHub's runner unescapes in a command's message. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Property values also may not hold the separators ":" and ",". */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
