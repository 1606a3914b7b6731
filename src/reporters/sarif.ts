// SARIF 2.1.0, for GitHub code scanning and other SARIF viewers. Pure: results and rule
// metadata in, string out.
//
// Code scanning matches a result to an existing alert by its partialFingerprints, so ours
// must not change when unrelated lines are added above a finding: it hashes the rule id and
// the finding's evidence, plus how many identical (rule, evidence) pairs came before it in
// the same document, and never the line number.

import { createHash } from 'node:crypto';
import { normaliseEvidence } from '../core/evidence.js';
import { compareFindings } from '../core/finding-order.js';
import type { RuleMeta } from '../core/rule.js';
import type { FileResult, Finding, LintRun } from '../core/types.js';
import { ruleDocsUri } from './rule-docs.js';

export interface SarifOptions {
  /** Every rule the run could have used, in a stable order (tool.driver.rules). */
  rules: readonly RuleMeta[];
  /** stratlint's version, for tool.driver. */
  version: string;
  /** Where relative rule docs (rules/<id>.md) are published; an absolute URI ending in "/". */
  docsBaseUri: string;
}

export const FINGERPRINT_KEY = 'stratlintEvidenceHash/v1';
const INFORMATION_URI = 'https://www.npmjs.com/package/stratlint';
const SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

const MIME_TYPES: Record<string, string> = {
  markdown: 'text/markdown',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

export function formatSarif(run: LintRun, options: SarifOptions): string {
  const ruleIndex = new Map(options.rules.map((meta, i) => [meta.id, i]));
  const artifactIndex = new Map(run.files.map((file, i) => [file.path, i]));

  const results = run.files.flatMap((file) => fileResults(file, artifactIndex.get(file.path)!, ruleIndex, run.baseline));
  // With a baseline, its findings no longer found, as SARIF records a fixed problem.
  const absentSeen = new Map<string, number>();
  for (const { path, finding } of run.baseline?.absent ?? []) {
    const key = `${finding.ruleId}\u0000${normaliseEvidence(finding.evidence)}`;
    const occurrence = (absentSeen.get(`${path}\u0000${key}`) ?? 0) + 1;
    absentSeen.set(`${path}\u0000${key}`, occurrence);
    results.push({ ...result(finding, path, artifactIndex.get(path), ruleIndex, `${sha256(key).slice(0, 32)}:${occurrence}`), baselineState: 'absent' });
  }
  const notifications = run.files.flatMap((file) =>
    file.errors.map((error) => ({
      level: 'error',
      message: { text: sentence(error.message) },
      descriptor: { id: error.code },
      locations: [
        {
          physicalLocation: {
            artifactLocation: artifactLocation(file.path, artifactIndex.get(file.path)!),
            ...(error.line ? { region: { startLine: error.line, ...(error.column ? { startColumn: error.column } : {}) } } : {}),
          },
        },
      ],
    })),
  );

  const log = {
    $schema: SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'stratlint',
            informationUri: INFORMATION_URI,
            version: options.version,
            semanticVersion: options.version,
            rules: options.rules.map((meta) => ruleDescriptor(meta, options.docsBaseUri)),
          },
        },
        invocations: [
          {
            executionSuccessful: run.summary.fileErrors === 0,
            ...(notifications.length ? { toolExecutionNotifications: notifications } : {}),
          },
        ],
        artifacts: run.files.map((file) => ({
          location: { uri: toUri(file.path), uriBaseId: '%SRCROOT%' },
          roles: ['analysisTarget'],
          ...(file.format && MIME_TYPES[file.format] ? { mimeType: MIME_TYPES[file.format] } : {}),
        })),
        // Columns count UTF-16 code units, as JavaScript strings do.
        columnKind: 'utf16CodeUnits',
        results,
        properties: {
          scorecards: run.files
            .filter((file) => file.scorecard)
            .map((file) => ({
              artifact: file.path,
              score: file.scorecard!.score,
              ...(file.failUnder !== undefined ? { failUnder: file.failUnder } : {}),
              signs: file.scorecard!.signs,
            })),
        },
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}

function ruleDescriptor(meta: RuleMeta, docsBaseUri: string) {
  const help = ruleDocsUri(meta, docsBaseUri);
  // SARIF wants a friendly name that differs from the opaque id, and no name rather than a
  // copy of it: "long-horizon" is named LongHorizon, "jargon" has no name.
  const name = pascalCase(meta.id);
  return {
    id: meta.id,
    ...(name.toLowerCase() !== meta.id.toLowerCase() ? { name } : {}),
    shortDescription: { text: sentence(meta.description) },
    fullDescription: { text: `${sentence(meta.description)} ${sentence(meta.fix)}` },
    ...(help ? { helpUri: help } : {}),
    help: { text: sentence(meta.fix) },
    defaultConfiguration: { level: meta.severity },
    properties: { sign: meta.sign, tags: [meta.sign] },
  };
}

function fileResults(file: FileResult, artifact: number, ruleIndex: Map<string, number>, baseline: LintRun['baseline']) {
  // Fingerprints count identical findings in a document in order, the baseline's included, so
  // that they are the same with a baseline as without.
  const unchanged = new Set(baseline?.unchanged[file.path] ?? []);
  const findings = unchanged.size ? [...file.findings, ...unchanged].sort(compareFindings) : file.findings;
  const seen = new Map<string, number>();
  return findings.map((f) => {
    const key = `${f.ruleId}\u0000${normaliseEvidence(f.evidence)}`;
    const occurrence = seen.get(key) ?? 0;
    seen.set(key, occurrence + 1);
    return {
      ...result(f, file.path, artifact, ruleIndex, `${sha256(key).slice(0, 32)}:${occurrence + 1}`),
      ...(baseline ? { baselineState: unchanged.has(f) ? 'unchanged' : 'new' } : {}),
    };
  });
}

function result(f: Finding, path: string, artifact: number | undefined, ruleIndex: Map<string, number>, fingerprint: string | undefined) {
  const index = ruleIndex.get(f.ruleId);
  return {
    ruleId: f.ruleId,
    ...(index !== undefined ? { ruleIndex: index } : {}),
    level: f.severity,
    message: { text: messageText(f) },
    locations: [
      {
        physicalLocation: {
          artifactLocation: artifactLocation(path, artifact),
          region: region(f),
        },
        ...(f.headingPath.length
          ? { logicalLocations: [{ name: f.headingPath[f.headingPath.length - 1], fullyQualifiedName: f.headingPath.join(' › '), kind: 'section' }] }
          : {}),
      },
    ],
    ...(fingerprint ? { partialFingerprints: { [FINGERPRINT_KEY]: fingerprint } } : {}),
    properties: {
      sign: f.sign,
      evidence: f.evidence,
      fix: f.fix,
      locator: f.locator,
      headingPath: f.headingPath,
      ...(f.page !== undefined ? { page: f.page } : {}),
    },
  };
}

// Lines and columns are what the document's adapter made of them: for Markdown the source
// text, for DOCX one line per Word paragraph (so startLine is the paragraph number), for PDF the
// line on the page that properties.page names (SARIF has no pages).
function region(f: Finding) {
  // A range that ends where it starts (a document-level finding) still needs a positive width.
  const endColumn = f.endLine === f.line && f.endColumn <= f.column ? f.column + 1 : f.endColumn;
  return { startLine: f.line, startColumn: f.column, endLine: Math.max(f.endLine, f.line), endColumn };
}

function messageText(f: Finding): string {
  const text = sentence(f.message);
  return f.evidence && !f.message.includes(f.evidence.slice(0, 40)) ? `${text} Evidence: “${f.evidence}”.` : text;
}

/** `index` is left out for a document not in this run (one a baseline held that is gone). */
function artifactLocation(path: string, index: number | undefined) {
  return { uri: toUri(path), uriBaseId: '%SRCROOT%', ...(index !== undefined ? { index } : {}) };
}

/** A relative path as a URI reference: each segment percent-encoded, slashes kept. */
function toUri(path: string): string {
  return path.split('/').map((segment) => encodeURIComponent(segment)).join('/');
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function pascalCase(id: string): string {
  return id.replace(/(^|[-_])([a-z0-9])/g, (_, __, c: string) => c.toUpperCase());
}

/** SARIF viewers show messages as sentences; end each with a full stop. */
function sentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}
