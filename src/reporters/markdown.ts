// A Markdown summary for a pull-request comment or GitHub's job summary ($GITHUB_STEP_SUMMARY):
// one table row per document (score, counts, the signs to work on), then for each document a
// collapsed section with every sign's verdict and the top findings. Pure: results in, string out.

import type { FileResult, Finding, LintRun } from '../core/types.js';
import { SIGN_ORDER, type Verdict } from '../score/scorecard.js';

const TOP_FINDINGS = 10;

const SYMBOL: Record<Verdict, string> = { present: '✔', absent: '✔', weak: '◐', some: '◐', missing: '✖', strong: '✖' };

export function formatMarkdown(run: LintRun): string {
  const { files, errors, warnings, fileErrors } = run.summary;
  const out: string[] = ['### stratlint', ''];
  const counts = [plural(files, 'document'), plural(errors, 'error'), plural(warnings, 'warning')];
  if (fileErrors) counts.push(plural(fileErrors, 'file problem'));
  out.push(counts.join(' · '), '');
  if (run.files.length === 0) return out.join('\n') + '\n';

  out.push('| Document | Score | Errors | Warnings | Signs to work on |', '| --- | ---: | ---: | ---: | --- |');
  for (const file of run.files) out.push(summaryRow(file));
  out.push('');

  for (const file of run.files) {
    if (!file.scorecard && file.errors.length === 0) continue;
    out.push(...details(file), '');
  }
  return out.join('\n');
}

function summaryRow(file: FileResult): string {
  const errors = file.findings.filter((f) => f.severity === 'error').length;
  const warnings = file.findings.length - errors;
  if (!file.scorecard) {
    const problem = file.errors.map((e) => `✖ ${cell(e.message)}`).join('<br>');
    return `| ${code(file.path)} | — | ${errors} | ${warnings} | ${problem} |`;
  }
  const { score, signs } = file.scorecard;
  const under = file.failUnder !== undefined && score < file.failUnder ? ` ✖ under ${file.failUnder}` : '';
  const weak = SIGN_ORDER.filter((sign) => signs[sign].points < 0)
    .sort((a, b) => signs[a].points - signs[b].points)
    .map((sign) => `${SYMBOL[signs[sign].verdict]} ${sign} ${signs[sign].verdict}`);
  const problems = file.errors.map((e) => `✖ ${cell(e.message)}`);
  const work = [...problems, ...weak].join(' · ') || 'none';
  return `| ${code(file.path)} | **${score}**/100${under} | ${errors} | ${warnings} | ${work} |`;
}

function details(file: FileResult): string[] {
  const errors = file.findings.filter((f) => f.severity === 'error').length;
  const warnings = file.findings.length - errors;
  const score = file.scorecard ? `${file.scorecard.score}/100, ` : '';
  const out = [
    '<details>',
    `<summary><code>${html(file.path)}</code>: ${score}${plural(errors, 'error')}, ${plural(warnings, 'warning')}</summary>`,
    '',
  ];
  for (const error of file.errors) out.push(`- ✖ ${error.line ? `${error.line}:${error.column ?? 1} ` : ''}${cell(error.message)} (\`${error.code}\`)`);
  if (file.errors.length) out.push('');
  if (file.scorecard) {
    out.push('| Sign | Verdict | Points | Why |', '| --- | --- | ---: | --- |');
    for (const sign of SIGN_ORDER) {
      const s = file.scorecard.signs[sign];
      const top = s.evidence[0];
      const why = `${cell(s.reason)}${top ? `; first finding at ${cell(top.locator)}` : ''}`;
      out.push(`| ${sign} | ${SYMBOL[s.verdict]} ${s.verdict} | ${s.points === 0 ? '0' : `${s.points} of ${s.maxPoints}`} | ${why} |`);
    }
    out.push('');
  }
  if (file.findings.length) {
    const top = [...file.findings].sort(byImportance).slice(0, TOP_FINDINGS);
    out.push('| Where | Severity | Rule | Finding |', '| --- | --- | --- | --- |');
    for (const f of top) out.push(`| ${cell(f.locator)} | ${f.severity} | ${code(f.ruleId)} | ${findingCell(f)} |`);
    const more = file.findings.length - top.length;
    if (more > 0) out.push('', `…and ${plural(more, 'more finding')}.`);
    out.push('');
  }
  out.push('</details>');
  return out;
}

// Errors first, then what weighs most in the scorecard, then document order.
function byImportance(a: Finding, b: Finding): number {
  return (a.severity === 'error' ? 0 : 1) - (b.severity === 'error' ? 0 : 1) || b.weight - a.weight || (a.page ?? 0) - (b.page ?? 0) || a.line - b.line || a.column - b.column;
}

function findingCell(f: Finding): string {
  const evidence = f.evidence && !f.message.includes(f.evidence.slice(0, 40)) ? ` “${cell(f.evidence)}”` : '';
  return `${cell(f.message)}${evidence}`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Text that must stay one table cell and must not turn into markup or HTML. */
function cell(text: string): string {
  return html(text.replace(/\s+/g, ' ').trim()).replace(/([\\|*_`[\]~#])/g, '\\$1');
}

function code(text: string): string {
  return text.includes('`') || text.includes('|') ? cell(text) : `\`${text}\``;
}

function html(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
