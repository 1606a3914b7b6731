// Scores stratlint's results against the reviewer's labels in ../shared/corpus/labels.yml, the
// same way ../shared/tools/corpus-eval.py does (a must-find item is found when a finding of its
// sign covers the labelled line, ±1; must-not-flag likewise; 'bulk-run' items are skipped).

import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { parse } from 'yaml';

export const GOOD = ['integrated', 'user-centred', 'useful-to-teams', 'mainstream', 'realistic', 'focused'];
export const BAD = ['it-driven', 'cookie-cutter', 'unproven-tech', 'vague', 'too-long-term', 'wish-list'];

export function corpusDir(root) {
  return join(root, '..', 'shared', 'corpus');
}

export function corpusFiles(dir) {
  if (!existsSync(join(dir, 'labels.yml'))) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.md') && f !== 'README.md')
    .sort()
    .map((f) => join(dir, f));
}

const stem = (p) => basename(p, extname(p));

/** Per-sign figures: { sign: { hit, total, flagged, flagTotal, missed: [] } }, plus verdict agreement and scores. */
export function scoreAgainstLabels(labelsPath, files, { tolerance = 1 } = {}) {
  const labels = parse(readFileSync(labelsPath, 'utf8'));
  const byStem = new Map(files.map((f) => [stem(f.path), f]));
  const signs = Object.fromEntries([...GOOD, ...BAD].map((s) => [s, { hit: 0, total: 0, flagged: 0, flagTotal: 0, missed: [], falseFlags: [] }]));
  const verdicts = { agree: 0, total: 0, disagreements: [] };
  const ranking = [];
  for (const doc of labels.documents) {
    const file = byStem.get(stem(doc.file));
    if (!file) continue;
    const covers = (sign, line) =>
      file.findings.some((f) => f.sign === sign && f.line - tolerance <= line && line <= (f.endLine ?? f.line) + tolerance);
    for (const m of doc.must_find ?? []) {
      if (String(m.why ?? '').toLowerCase().includes('bulk')) continue;
      const s = signs[m.sign];
      s.total++;
      if (covers(m.sign, m.line)) s.hit++;
      else s.missed.push(`${doc.file.slice(0, 2)}:${m.line}`);
    }
    for (const m of doc.must_not_flag ?? []) {
      const s = signs[m.sign];
      s.flagTotal++;
      if (covers(m.sign, m.line)) {
        s.flagged++;
        s.falseFlags.push(`${doc.file.slice(0, 2)}:${m.line}`);
      }
    }
    const card = file.scorecard;
    if (card) {
      for (const [sign, label] of Object.entries(doc.signs)) {
        const v = card.signs?.[sign]?.verdict;
        if (v === undefined) continue;
        verdicts.total++;
        if (v === label.label) verdicts.agree++;
        else verdicts.disagreements.push(`${doc.file.slice(0, 2)} ${sign}: ${v} (label ${label.label})`);
      }
      ranking.push({ file: doc.file, score: card.score, overall: doc.overall });
    }
  }
  return { signs, verdicts, ranking };
}

/** Totals over a set of signs. */
export function totals(figures, signs) {
  let hit = 0, total = 0, flagged = 0, flagTotal = 0;
  for (const s of signs) {
    hit += figures.signs[s].hit;
    total += figures.signs[s].total;
    flagged += figures.signs[s].flagged;
    flagTotal += figures.signs[s].flagTotal;
  }
  return { hit, total, flagged, flagTotal };
}
