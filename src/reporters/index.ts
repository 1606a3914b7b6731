// Every output format by name, for the command line and the programmatic API.

import type { RuleMeta } from '../core/rule.js';
import type { LintRun } from '../core/types.js';
import { encodeJsonPiece, escapeJsonControls, escapeRun } from './control.js';
import { formatCsv } from './csv.js';
import { formatExplain } from './explain.js';
import { formatGithub } from './github.js';
import { formatHtml } from './html.js';
import { formatJson, jsonPieces, shardReport } from './json.js';
import { formatJunit } from './junit.js';
import { formatMarkdown } from './markdown.js';
import { formatSarif } from './sarif.js';
import { formatStylish } from './stylish.js';
import { utf8 } from '../io/write.js';

export const FORMATS = ['stylish', 'json', 'sarif', 'github', 'junit', 'markdown', 'csv', 'html', 'explain'] as const;
export type FormatName = (typeof FORMATS)[number];

export interface FormatOptions {
  /** Metadata of every rule the run could have used (SARIF's rule list, JUnit's test cases). */
  rules: readonly RuleMeta[];
  /** stratlint's version, for SARIF. */
  version: string;
  /** Where rule docs are published (an absolute URI ending in "/"), for SARIF's help links. */
  docsBaseUri: string;
  /** Stylish only: 0 for no colour, 1–3 for chalk's levels. */
  colorLevel?: 0 | 1 | 2 | 3;
  /** Stylish only: print each document's scorecard (default true). */
  scorecard?: boolean;
}

/** Rule docs ship in the npm package (rules/<id>.md), so a versioned package CDN can serve them. */
export function defaultDocsBaseUri(version: string): string {
  return `https://unpkg.com/stratlint@${version}/`;
}

/**
 * The report as pieces whose concatenation is formatResults' text, for writing one after another:
 * the JSON report of many documents comes a document at a time, so that it is never one string.
 */
export function* formatPieces(run: LintRun, format: FormatName, options: FormatOptions): Generator<string> {
  if (format !== 'json') return yield formatResults(run, format, options);
  for (const piece of jsonPieces(run)) yield escapeJsonControls(piece);
}

/** formatPieces' pieces encoded as UTF-8, to write. */
export function* formatEncoded(run: LintRun, format: FormatName, options: FormatOptions): Generator<Buffer> {
  if (format !== 'json') return yield utf8(formatResults(run, format, options));
  if (run.shard) return yield* shardReport(run);
  for (const piece of jsonPieces(run)) yield encodeJsonPiece(piece);
}

export function formatResults(run: LintRun, format: FormatName, options: FormatOptions): string {
  switch (format) {
    case 'stylish':
      return formatStylish(escapeRun(run), { colorLevel: options.colorLevel ?? 0, scorecard: options.scorecard });
    case 'json':
      return escapeJsonControls(formatJson(run));
    case 'sarif':
      return escapeJsonControls(formatSarif(run, options));
    case 'github':
      return formatGithub(escapeRun(run));
    case 'junit':
      return formatJunit(escapeRun(run), options);
    case 'markdown':
      return formatMarkdown(escapeRun(run));
    case 'csv':
      return formatCsv(escapeRun(run));
    case 'html':
      // HTML-escaped, and read in a browser, where controls do nothing; the text must keep its offsets.
      return formatHtml(run, { version: options.version });
    case 'explain':
      return formatExplain(run, options.rules);
    default:
      throw new Error(`Unknown format "${String(format)}"; formats are ${FORMATS.join(', ')}`);
  }
}
