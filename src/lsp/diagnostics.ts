// A document's result as LSP diagnostics. stratlint's places are 1-based lines and columns in
// UTF-16 code units of the source (vfile-location counts string indices); LSP's are 0-based in
// the same units, so a place moves by one on each axis and nothing else.

import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import type { FileError, FileResult, Finding } from '../core/types.js';
import { ruleDocsUri } from '../reporters/rule-docs.js';

export const SOURCE = 'stratlint';

/** What a code action needs to know of the finding behind a diagnostic. */
export interface DiagnosticData {
  ruleId: string;
  /** 0-based line the finding starts on. */
  line: number;
  docs: string;
}

export function toDiagnostics(result: FileResult, docsBaseUri: string): Diagnostic[] {
  // A Word document or a PDF is not text in the editor: its places are read off the locator.
  const textual = result.format === 'markdown' || result.format === null;
  const diagnostics = result.errors.map((e) => errorDiagnostic(e));
  for (const f of result.findings) diagnostics.push(findingDiagnostic(f, docsBaseUri, textual));
  return diagnostics;
}

function findingDiagnostic(f: Finding, docsBaseUri: string, textual: boolean): Diagnostic {
  const href = ruleDocsUri({ id: f.ruleId, docs: f.docs }, docsBaseUri, true);
  const where = textual ? '' : `${f.locator}: `;
  const data: DiagnosticData = { ruleId: f.ruleId, line: f.line - 1, docs: href ?? '' };
  return {
    range: textual
      ? { start: { line: f.line - 1, character: f.column - 1 }, end: { line: f.endLine - 1, character: f.endColumn - 1 } }
      : { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: f.severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
    code: f.ruleId,
    ...(href ? { codeDescription: { href } } : {}),
    source: SOURCE,
    message: `${where}${f.message} [${f.sign}]\n${f.fix}`,
    data,
  };
}

function errorDiagnostic(e: FileError): Diagnostic {
  const line = Math.max(0, (e.line ?? 1) - 1);
  const character = Math.max(0, (e.column ?? 1) - 1);
  return {
    range: { start: { line, character }, end: { line, character } },
    severity: DiagnosticSeverity.Error,
    code: e.code,
    source: SOURCE,
    message: e.message,
  };
}
