// What the judgement tests ask of a document, in one place: a rule's findings as "line: message"
// (a fixture by its path, or text written in the test), and the commitment model, one line per
// commitment with its opening words and whether it has a measure and a date.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Analysis } from '../../dist/src/analysis/index.js';
import { buildLexicons } from '../../dist/src/analysis/lexicons.js';
import { markdownDocument } from '../../dist/src/formats/markdown.js';
import { Linter } from '../../dist/src/engine/run.js';
import type { FileResult } from '../../dist/src/core/types.js';
import { ROOT } from '../helpers.js';

const linter = new Linter({ cwd: ROOT });

function ofRule(result: FileResult, rule: string): string[] {
  return result.findings.filter((f) => f.ruleId === rule).map((f) => `${f.line}: ${f.message}`);
}

/** A rule's findings on a fixture, by its path from the project's root. */
export async function findings(path: string, rule: string): Promise<string[]> {
  return ofRule(await linter.lintFile(join(ROOT, path)), rule);
}

/** Markdown written in the test, linted as a file named plan.md. */
export function lintText(text: string): Promise<FileResult> {
  return linter.lintText(text, 'plan.md');
}

/** A rule's findings on Markdown written in the test. */
export async function findingsIn(text: string, rule: string): Promise<string[]> {
  return ofRule(await lintText(text), rule);
}

/** Each commitment of a fixture: its line, its first `words` words, whether it has a measure and a date. */
export function commitments(path: string, words: number): string[] {
  const text = readFileSync(join(ROOT, path), 'utf8');
  const analysis = new Analysis(markdownDocument(path, text), { lexicons: buildLexicons() });
  return analysis.objectives.map((o) => {
    const line = text.slice(0, o.start).split('\n').length;
    return `${line} ${o.text.split(/\s+/).slice(0, words).join(' ')} | measure ${o.measure ? 'yes' : 'no'} | date ${o.deadline ? 'yes' : 'no'}`;
  });
}
