#!/usr/bin/env node
// Prints how stratlint does on the real strategies in ../shared/corpus against the reviewer's
// labels: per sign, must-find items found and must-not-flag items wrongly flagged.
//   npm run corpus            (after npm run build)
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { Linter } from '../dist/src/engine/run.js';
import { corpusDir, corpusFiles, scoreAgainstLabels, totals, GOOD, BAD } from './lib/corpus-score.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dir = corpusDir(root);
const paths = corpusFiles(dir);
if (paths.length === 0) {
  console.error(`No labelled corpus at ${dir}`);
  process.exit(2);
}
const run = await new Linter({ cwd: root }).lintFiles(paths);
const figures = scoreAgainstLabels(join(dir, 'labels.yml'), run.files, { secondPath: join(dir, 'labels-second.yml') });
const pct = (a, b) => (b ? `${Math.round((100 * a) / b)}%` : '–');
console.log(`sign             must-find   must-not-flag flagged`);
for (const sign of [...GOOD, ...BAD]) {
  const s = figures.signs[sign];
  if (!s.total && !s.flagTotal) continue;
  console.log(
    `${sign.padEnd(16)} ${`${s.hit}/${s.total}`.padStart(5)} ${pct(s.hit, s.total).padStart(5)}   ${`${s.flagged}/${s.flagTotal}`.padStart(5)} ${pct(s.flagged, s.flagTotal).padStart(5)}` +
      (s.missed.length ? `   missed ${s.missed.join(', ')}` : '') +
      (s.falseFlags.length ? `   flagged ${s.falseFlags.join(', ')}` : ''),
  );
}
const all = totals(figures, [...GOOD, ...BAD]);
console.log(`all signs        ${`${all.hit}/${all.total}`.padStart(5)} ${pct(all.hit, all.total).padStart(5)}   ${`${all.flagged}/${all.flagTotal}`.padStart(5)} ${pct(all.flagged, all.flagTotal).padStart(5)}`);
if (figures.verdicts.total) {
  const v = figures.verdicts;
  console.log(`verdicts: first reviewer ${v.agree}/${v.total} (${pct(v.agree, v.total)}), either reviewer ${v.either}/${v.total} (${pct(v.either, v.total)})`);
  console.log(`score vs the reviewers' mean, Spearman ${figures.rho.toFixed(2)}`);
  console.log(`\ndocument                                            score reviewers must-find flagged first either`);
  for (const r of figures.ranking.sort((a, b) => b.score - a.score)) {
    const d = figures.documents[r.file];
    console.log(
      `${r.file.padEnd(52)} ${String(r.score).padStart(5)} ${String(r.overall).padStart(9)} ${`${d.hit}/${d.total}`.padStart(9)} ${`${d.flagged}/${d.flagTotal}`.padStart(7)} ${`${d.agree}/${d.verdicts}`.padStart(5)} ${`${d.either}/${d.verdicts}`.padStart(6)}`,
    );
  }
}
