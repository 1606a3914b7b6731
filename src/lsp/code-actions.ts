// Quick fixes for a finding in a Markdown document: the directive comments stratlint already
// reads (src/formats/markdown.ts), put where they change nothing else in the document, and a
// link to the rule's documentation.

import { CodeActionKind, type CodeAction, type Diagnostic, type TextEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { SOURCE, type DiagnosticData } from './diagnostics.js';

export const SHOW_DOCUMENTATION = 'stratlint.showDocumentation';

export function codeActions(doc: TextDocument, diagnostics: readonly Diagnostic[]): CodeAction[] {
  const lines = doc.getText().split(/\r?\n/);
  const frontMatterEnd = frontMatterLines(lines);
  const actions: CodeAction[] = [];
  const seen = new Set<string>();
  for (const diagnostic of diagnostics) {
    const data = diagnostic.data as DiagnosticData | undefined;
    if (diagnostic.source !== SOURCE || !data?.ruleId) continue;
    const { ruleId, line } = data;
    // A line of front matter is YAML, where a comment would become part of a value.
    if (line >= frontMatterEnd && line < lines.length && !seen.has(`line:${ruleId}:${line}`)) {
      seen.add(`line:${ruleId}:${line}`);
      actions.push({
        title: `Disable ${ruleId} on this line`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        edit: { changes: { [doc.uri]: [lineDirective(lines[line]!, line, ruleId)] } },
      });
    }
    if (!seen.has(`file:${ruleId}`)) {
      seen.add(`file:${ruleId}`);
      actions.push({
        title: `Disable ${ruleId} for the whole file`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        edit: {
          changes: { [doc.uri]: [{ range: at(frontMatterEnd, 0), newText: `<!-- stratlint-disable ${ruleId} -->\n\n` }] },
        },
      });
    }
    if (data.docs && !seen.has(`docs:${ruleId}`)) {
      seen.add(`docs:${ruleId}`);
      actions.push({
        title: `Show the documentation of ${ruleId}`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        command: { title: `Show the documentation of ${ruleId}`, command: SHOW_DOCUMENTATION, arguments: [data.docs] },
      });
    }
  }
  return actions;
}

/**
 * `<!-- stratlint-disable-line id -->` at the end of the line's text: inline HTML, so the
 * paragraph, heading or list item stays whole. Before trailing spaces (a hard line break) and
 * inside a table row's last cell, where text after the closing pipe would be dropped.
 */
function lineDirective(text: string, line: number, ruleId: string): TextEdit {
  const comment = `<!-- stratlint-disable-line ${ruleId} -->`;
  let end = text.trimEnd().length;
  const tableRow = /^\s*\|.*\|$/.test(text.trimEnd());
  if (tableRow) end -= 1;
  const before = text.slice(0, end);
  const space = before.length === 0 || /\s$/.test(before) ? '' : ' ';
  return { range: at(line, end), newText: `${space}${comment}${tableRow ? ' ' : ''}` };
}

/** How many lines the front matter takes, its closing fence included; 0 when there is none. */
function frontMatterLines(lines: readonly string[]): number {
  if (lines[0] !== '---') return 0;
  for (let i = 1; i < lines.length; i++) if (lines[i] === '---' || lines[i] === '...') return i + 1;
  return 0;
}

function at(line: number, character: number) {
  return { start: { line, character }, end: { line, character } };
}
