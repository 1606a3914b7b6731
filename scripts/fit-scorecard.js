#!/usr/bin/env node
// Fits the scorecard's cut points to the two reviewers' labels of ../shared/corpus and prints the
// fitted and leave-one-document-out figures (fit on seven, predict the eighth, for each).
//   npm run build && node scripts/fit-scorecard.js           print the figures
//   node scripts/fit-scorecard.js --write                    also write src/score/thresholds.ts
// The method is in scripts/lib/fit-scorecard.js and docs/scorecard.md.
import { writeFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Linter } from '../dist/src/engine/run.js';
import { SIGNS } from '../dist/src/core/types.js';
import { formatMeasure, measuresOf } from '../dist/src/score/measures.js';
import { corpusDir } from './lib/corpus-score.js';
import { fitted, leaveOneOut, loadCorpus, reviewersThroughTheScore } from './lib/fit-scorecard.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dir = corpusDir(root);
if (!existsSync(join(dir, 'labels.yml'))) {
  console.error(`No labelled corpus at ${dir}`);
  process.exit(2);
}
const docs = await loadCorpus(Linter, root, dir);
const all = fitted(docs);
const loo = leaveOneOut(docs);
const pct = (a, b) => `${Math.round((100 * a) / b)}%`;
const format = (sign, name, v) => formatMeasure(measuresOf(sign).find((m) => m.name === name).format, v);

console.log(`Fitted on ${docs.length} documents; leave-one-out fits on ${docs.length - 1} and predicts the last, for each.\n`);
console.log(`${'sign'.padEnd(16)} ${'measure'.padEnd(22)} ${'cut points (fitted on all)'.padEnd(50)} either: fit  LOO   first: fit  LOO   LOO measure changed`);
for (const sign of SIGNS) {
  const t = all.thresholds[sign];
  const f = all.figures.signs[sign];
  const l = loo.figures.signs[sign];
  const changed = loo.folds.filter(({ thresholds: fold }) => fold[sign].measure !== t.measure || fold[sign].strongMeasure !== t.strongMeasure).length;
  const cuts = `${format(sign, t.measure, t.at[0])} / ${t.strongMeasure ? `${t.strongMeasure} ` : ''}${format(sign, t.strongMeasure ?? t.measure, t.at[1])}`;
  console.log(
    `${sign.padEnd(16)} ${t.measure.padEnd(22)} ${cuts.padEnd(50)} ${`${f.either}/${f.total}`.padStart(11)} ${`${l.either}/${l.total}`.padStart(4)} ${`${f.first}/${f.total}`.padStart(11)} ${`${l.first}/${l.total}`.padStart(4)}   ${changed ? `${changed} of ${docs.length} folds` : ''}`,
  );
}
const line = (name, x) =>
  `${name.padEnd(8)} either ${x.either}/${x.total} (${pct(x.either, x.total)}), first ${x.first}/${x.total} (${pct(x.first, x.total)}), Spearman rho ${x.rho.toFixed(2)}, largest |score - reviewers' mean| ${x.maxOff.toFixed(1)}`;
console.log(`\nscore = 100 - ${all.scale} x points lost (leave-one-out: ${[...new Set(loo.folds.map((f) => f.scale))].sort().join(', ')})`);
console.log(`${line('fitted', all.figures)}\n${line('LOO', loo.figures)}`);
const [first, second] = reviewersThroughTheScore(docs);
console.log(
  `with perfect verdicts: the first reviewer's verdicts through the same points rank at rho ${first.rho.toFixed(2)}, the second's at ${second.rho.toFixed(2)} (each against its own overall scores: ${first.ownRho.toFixed(2)}, ${second.ownRho.toFixed(2)})`,
);
// The documents numbered under 20 were used when the rules were written; the later ones were not.
const group = (x, later) => {
  const docsIn = x.documents.filter((d) => Number.parseInt(d.file, 10) >= 20 === later);
  const sum = (k) => docsIn.reduce((n, d) => n + d[k], 0);
  return `either ${sum('either')}/${docsIn.length * 12}, first ${sum('first')}/${docsIn.length * 12}`;
};
for (const later of [false, true]) {
  console.log(`${later ? 'documents 20 and above (not used to write the rules)' : 'documents under 20 (used to write the rules)'}: fitted ${group(all.figures, later)}; LOO ${group(loo.figures, later)}`);
}
console.log('');
console.log(`${'document'.padEnd(52)} reviewers  fitted  LOO  either fit/LOO  first fit/LOO`);
docs.forEach((d, i) => {
  const f = all.figures.documents[i];
  const l = loo.figures.documents[i];
  console.log(
    `${d.file.padEnd(52)} ${String(f.reviewers).padStart(9)} ${String(f.score).padStart(7)} ${String(l.score).padStart(4)} ${`${f.either}/${l.either}`.padStart(14)} ${`${f.first}/${l.first}`.padStart(14)}`,
  );
});

if (process.argv.includes('--write')) {
  const body = SIGNS.map((s) => `  ${JSON.stringify(s)}: ${JSON.stringify(all.thresholds[s]).replace(/([,:])/g, '$1 ').replace(/^\{/, '{ ').replace(/\}$/, ' }')}`).join(',\n');
  const text = `// Written by scripts/fit-scorecard.js from the reviewers' labels of ../shared/corpus: do not edit
// by hand; rerun \`node scripts/fit-scorecard.js --write\` (docs/scorecard.md). Per sign, the
// measure its verdict is decided by and the two cut points on it: from the first the sign is
// weak / some, from the second missing / strong.
import type { SignThreshold } from './scorecard.js';

export const THRESHOLDS: Record<string, SignThreshold> = {
${body}
};

/** How many times each point a sign costs counts in the score: least squares against the reviewers' mean. */
export const SCALE = ${all.scale};
`;
  writeFileSync(join(root, 'src', 'score', 'thresholds.ts'), text);
  console.log('\nWrote src/score/thresholds.ts; run npm run build to use it.');
}
