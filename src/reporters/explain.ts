// `stratlint explain <file>` (or --explain, -f explain): for each document and each sign, the
// verdict and the points it costs, the measure(s) that decided it against their cut points, what
// the rules measured in the document, and every finding of the sign with its weight. For a user
// who disagrees with a verdict and wants to see why. Pure: results in, string out.

import type { RuleMeta } from '../core/rule.js';
import type { FileResult, LintRun, Sign } from '../core/types.js';
import { formatMeasure } from '../score/measures.js';
import { SIGN_ORDER, type MeasureTaken, type SignScore } from '../score/scorecard.js';

export function formatExplain(run: LintRun, rules: readonly RuleMeta[]): string {
  const signOf = new Map(rules.map((r) => [r.id, r.sign]));
  const out: string[] = [];
  for (const file of run.files) {
    out.push(file.path);
    for (const error of file.errors) out.push(`  error: ${error.message} (${error.code})`);
    if (file.scorecard) out.push(...explainFile(file, signOf));
    out.push('');
  }
  out.push('Verdicts come from the measures, against cut points fitted to two reviewers’ labels (docs/scorecard.md);');
  out.push('findings explain them. A middle verdict costs half the sign’s points, the worst all of them; each point');
  out.push('lost counts as many times as the scale, fitted to the reviewers’ overall scores.');
  return out.join('\n') + '\n';
}

function explainFile(file: FileResult, signOf: ReadonlyMap<string, Sign>): string[] {
  const card = file.scorecard!;
  const lost = SIGN_ORDER.map((s) => card.signs[s].points).filter((p) => p < 0);
  const out = [
    `  Score ${card.score}/100: ${lost.length ? `100 - ${card.scale} x (${lost.map((p) => -p).join(' + ')}), rounded` : '100'}`,
    `  ${file.words ?? 0} words; dates measured from ${file.referenceDate ?? 'today'}`,
  ];
  for (const sign of SIGN_ORDER) {
    const s = card.signs[sign];
    out.push('', `  ${sign}: ${s.verdict}${s.points ? `, ${s.points} of ${s.maxPoints} points` : ''}`);
    out.push(...decidedBy(s));
    const raw = Object.entries(file.measures ?? {}).filter(([name]) => signOf.get(name.slice(0, name.indexOf('.'))) === sign);
    if (raw.length) out.push(`    measured: ${raw.map(([name, value]) => `${name} ${value}`).join(', ')}`);
    const findings = file.findings.filter((f) => f.sign === sign).sort((a, b) => b.weight - a.weight || a.line - b.line || a.column - b.column);
    if (findings.length === 0) {
      out.push('    findings: none');
      continue;
    }
    out.push(`    findings: ${findings.length}, weighing ${s.weight} together`);
    const width = Math.max(...findings.map((f) => f.locator.length));
    for (const f of findings) out.push(`      ${f.locator.padEnd(width)}  ${String(round(f.weight)).padStart(5)}  ${f.ruleId}: ${f.message}`);
  }
  return out;
}

function decidedBy(s: SignScore): string[] {
  const m = s.measure;
  const [low, high] = m.thresholds;
  const lines: string[] = [];
  const show = (taken: MeasureTaken, cuts: string) =>
    `${taken.name} = ${formatMeasure(taken.format, taken.value)}: ${taken.text}; ${cuts}`;
  const middle = s.verdict === 'weak' || s.verdict === 'present' || s.verdict === 'missing' ? 'weak' : 'some';
  const top = middle === 'weak' ? 'missing' : 'strong';
  if (m.strong) {
    lines.push(`    decided by: ${show(m, `${middle} from ${formatMeasure(m.format, low)}`)}`);
    lines.push(`           and: ${show(m.strong, `${top} from ${formatMeasure(m.strong.format, high)}`)}`);
  } else {
    lines.push(`    decided by: ${show(m, `${middle} from ${formatMeasure(m.format, low)}, ${top} from ${formatMeasure(m.format, high)}`)}`);
  }
  if (s.floor) lines.push(`    raised by: ${s.floor}`);
  return lines;
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
