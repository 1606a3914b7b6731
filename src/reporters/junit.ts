// JUnit XML for CI dashboards: a test suite per document, a test case per rule (failed when
// the rule found something, skipped when it was off for that document), and one for the
// document's score when it has a --fail-under bar. Pure: results in, string out.

import type { RuleMeta } from '../core/rule.js';
import type { FileResult, Finding, LintRun } from '../core/types.js';

export interface JunitOptions {
  /** Every rule the run could have used; each is a test case in every document's suite. */
  rules: readonly RuleMeta[];
}

interface Case {
  name: string;
  failure?: { type: string; message: string; body: string };
  error?: { type: string; message: string; body: string };
  skipped?: string;
}

export function formatJunit(run: LintRun, options: JunitOptions): string {
  const suites = run.files.map((file) => suite(file, options.rules));
  const total = (key: 'tests' | 'failures' | 'errors' | 'skipped') => suites.reduce((n, s) => n + s.counts[key], 0);
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="stratlint" tests="${total('tests')}" failures="${total('failures')}" errors="${total('errors')}" skipped="${total('skipped')}">`,
  ];
  for (const s of suites) out.push(...s.xml);
  out.push('</testsuites>');
  return out.join('\n') + '\n';
}

function suite(file: FileResult, rules: readonly RuleMeta[]) {
  const cases: Case[] = [];
  if (file.errors.length) {
    cases.push({
      name: 'document',
      error: {
        type: file.errors[0]!.code,
        message: file.errors.map((e) => e.message).join('; '),
        body: file.errors.map((e) => `${e.line ? `${e.line}:${e.column ?? 1} ` : ''}${e.message} (${e.code})`).join('\n'),
      },
    });
  }
  // A file that could not be read ran no rules; its suite is only the error.
  const readable = file.format !== null;
  if (readable) {
    const ran = file.rules ? new Set(file.rules) : null;
    const byRule = new Map<string, Finding[]>();
    for (const f of file.findings) byRule.set(f.ruleId, [...(byRule.get(f.ruleId) ?? []), f]);
    const ids = [...rules.map((r) => r.id), ...[...byRule.keys()].filter((id) => !rules.some((r) => r.id === id))];
    for (const id of ids) {
      const found = byRule.get(id) ?? [];
      if (found.length) cases.push({ name: id, failure: failureFor(found) });
      else if (ran && !ran.has(id)) cases.push({ name: id, skipped: 'The rule is off for this document' });
      else cases.push({ name: id });
    }
    if (file.scorecard && file.failUnder !== undefined) {
      const { score } = file.scorecard;
      cases.push(
        score < file.failUnder
          ? { name: 'score', failure: { type: 'fail-under', message: `Scores ${score}, under the ${file.failUnder} it must reach`, body: `Score ${score}/100; --fail-under ${file.failUnder}` } }
          : { name: 'score' },
      );
    }
  }

  const counts = {
    tests: cases.length,
    failures: cases.filter((c) => c.failure).length,
    errors: cases.filter((c) => c.error).length,
    skipped: cases.filter((c) => c.skipped).length,
  };
  const classname = file.path.replace(/\.[^./]+$/, '');
  const xml = [
    `  <testsuite name="${attr(file.path)}" tests="${counts.tests}" failures="${counts.failures}" errors="${counts.errors}" skipped="${counts.skipped}">`,
  ];
  if (file.scorecard) {
    xml.push('    <properties>', `      <property name="score" value="${file.scorecard.score}"/>`, '    </properties>');
  }
  for (const c of cases) {
    const open = `    <testcase name="${attr(c.name)}" classname="${attr(classname)}"`;
    if (c.failure) xml.push(`${open}>`, `      <failure type="${attr(c.failure.type)}" message="${attr(c.failure.message)}">${text(c.failure.body)}</failure>`, '    </testcase>');
    else if (c.error) xml.push(`${open}>`, `      <error type="${attr(c.error.type)}" message="${attr(c.error.message)}">${text(c.error.body)}</error>`, '    </testcase>');
    else if (c.skipped) xml.push(`${open}>`, `      <skipped message="${attr(c.skipped)}"/>`, '    </testcase>');
    else xml.push(`${open}/>`);
  }
  xml.push('  </testsuite>');
  return { counts, xml };
}

function failureFor(findings: Finding[]) {
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.length - errors;
  const counted = [errors ? `${errors} ${errors === 1 ? 'error' : 'errors'}` : '', warnings ? `${warnings} ${warnings === 1 ? 'warning' : 'warnings'}` : '']
    .filter(Boolean)
    .join(', ');
  const body = findings.map((f) => {
    const lines = [`${f.locator} ${f.severity} ${f.message}`];
    if (f.evidence && !f.message.includes(f.evidence.slice(0, 40))) lines.push(`  “${f.evidence}”`);
    lines.push(`  ${f.fix}`);
    return lines.join('\n');
  });
  return { type: errors ? 'error' : 'warning', message: `${counted}: ${findings[0]!.message}`, body: body.join('\n') };
}

// Characters XML 1.0 cannot hold at all, even escaped: most C0 controls, lone surrogates, U+FFFE/F.
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function text(value: string): string {
  return value.replace(NOT_XML, '\uFFFD').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');
}

function attr(value: string): string {
  return text(value).replace(/"/g, '&quot;').replace(/'/g, '&apos;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
}
