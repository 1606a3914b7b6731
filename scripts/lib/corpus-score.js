// Scores stratlint's results against the reviewers' labels in ../shared/corpus (labels.yml, and
// the second reviewer's labels-second.yml when given), the same way ../shared/tools/corpus-eval.py
// does: a must-find item is found when a finding of its sign covers the labelled line, ±1;
// must-not-flag likewise; 'bulk-run' items are skipped; the rank is Spearman's rho of the score
// against the reviewers' mean overall score.

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
export function scoreAgainstLabels(labelsPath, files, { tolerance = 1, secondPath } = {}) {
  const labels = parse(readFileSync(labelsPath, 'utf8'));
  const second = new Map(
    secondPath && existsSync(secondPath) ? parse(readFileSync(secondPath, 'utf8')).documents.map((d) => [stem(d.file), d]) : [],
  );
  const byStem = new Map(files.map((f) => [stem(f.path), f]));
  const signs = Object.fromEntries([...GOOD, ...BAD].map((s) => [s, { hit: 0, total: 0, flagged: 0, flagTotal: 0, missed: [], falseFlags: [] }]));
  const verdicts = { agree: 0, either: 0, total: 0, disagreements: [] };
  const ranking = [];
  /** Per document: { hit, total, flagged, flagTotal, agree, either, verdicts }. */
  const documents = {};
  for (const doc of labels.documents) {
    const file = byStem.get(stem(doc.file));
    if (!file) continue;
    const other = second.get(stem(doc.file));
    const d = (documents[doc.file] = { hit: 0, total: 0, flagged: 0, flagTotal: 0, agree: 0, either: 0, verdicts: 0 });
    const covers = (sign, line) =>
      file.findings.some((f) => f.sign === sign && f.line - tolerance <= line && line <= (f.endLine ?? f.line) + tolerance);
    for (const m of doc.must_find ?? []) {
      if (String(m.why ?? '').toLowerCase().includes('bulk')) continue;
      const s = signs[m.sign];
      s.total++;
      d.total++;
      if (covers(m.sign, m.line)) {
        s.hit++;
        d.hit++;
      } else s.missed.push(`${doc.file.slice(0, 2)}:${m.line}`);
    }
    for (const m of doc.must_not_flag ?? []) {
      const s = signs[m.sign];
      s.flagTotal++;
      d.flagTotal++;
      if (covers(m.sign, m.line)) {
        s.flagged++;
        d.flagged++;
        s.falseFlags.push(`${doc.file.slice(0, 2)}:${m.line}`);
      }
    }
    const card = file.scorecard;
    if (card) {
      for (const [sign, label] of Object.entries(doc.signs)) {
        const v = card.signs?.[sign]?.verdict;
        if (v === undefined) continue;
        const secondLabel = other?.signs?.[sign]?.label ?? other?.signs?.[sign];
        verdicts.total++;
        d.verdicts++;
        if (v === label.label || v === secondLabel) {
          verdicts.either++;
          d.either++;
        }
        if (v === label.label) {
          verdicts.agree++;
          d.agree++;
        } else verdicts.disagreements.push(`${doc.file.slice(0, 2)} ${sign}: ${v} (label ${label.label})`);
      }
      const overall = typeof other?.overall === 'number' ? (doc.overall + other.overall) / 2 : doc.overall;
      ranking.push({ file: doc.file, score: card.score, overall });
    }
  }
  return { signs, verdicts, ranking, documents, rho: spearman(ranking.map((r) => r.score), ranking.map((r) => r.overall)) };
}

/** Ranks with ties averaged, as corpus-eval.py ranks them. */
function ranks(values) {
  const order = values.map((_, i) => i).sort((a, b) => values[a] - values[b]);
  const r = new Array(values.length).fill(0);
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j + 1 < order.length && values[order[j + 1]] === values[order[i]]) j++;
    for (let k = i; k <= j; k++) r[order[k]] = (i + j) / 2;
    i = j + 1;
  }
  return r;
}

export function spearman(xs, ys) {
  if (xs.length < 3) return 0;
  const rx = ranks(xs), ry = ranks(ys);
  const mean = (v) => v.reduce((a, b) => a + b, 0) / v.length;
  const mx = mean(rx), my = mean(ry);
  let cov = 0, vx = 0, vy = 0;
  for (let i = 0; i < rx.length; i++) {
    cov += (rx[i] - mx) * (ry[i] - my);
    vx += (rx[i] - mx) ** 2;
    vy += (ry[i] - my) ** 2;
  }
  return vx && vy ? cov / Math.sqrt(vx * vy) : 0;
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
