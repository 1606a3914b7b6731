// Fits the scorecard's cut points to the two reviewers' labels of ../shared/corpus, and checks the
// fit leave-one-document-out. Used by scripts/fit-scorecard.js and test/scorecard-fit.test.ts.
//
// The method, per sign: each document's value of each measure the sign may be judged by
// (src/score/measures.ts); as candidate cut points, the midpoints between neighbouring observed
// values and the measure's own prior cut points; the measure and the pair of cut points whose
// verdicts agree with either reviewer on the most documents, then with the first reviewer on the
// most, then the measure listed first, then the cut points nearest the prior (so a range the
// labels leave open is settled by the prior, not by chance).

import { readFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { parse } from 'yaml';
import { SIGNS } from '../../dist/src/core/types.js';
import { measuresOf } from '../../dist/src/score/measures.js';
import { judgeSign, pointsFor, scoreFrom, verdictOf } from '../../dist/src/score/scorecard.js';
import { spearman } from './corpus-score.js';

const stem = (p) => basename(p, extname(p));

/**
 * How many more documents a fitted measure and cut points must agree on than the sign's own
 * measure at its prior cut points, to replace them: no cut point moves to fit one document.
 */
export const MARGIN = 2;

/** The corpus as the fit sees it: per document its measures' inputs and both reviewers' labels. */
export async function loadCorpus(Linter, root, dir) {
  const first = parse(readFileSync(join(dir, 'labels.yml'), 'utf8')).documents;
  const second = new Map(parse(readFileSync(join(dir, 'labels-second.yml'), 'utf8')).documents.map((d) => [stem(d.file), d]));
  const paths = first.map((d) => join(dir, d.file));
  const run = await new Linter({ cwd: root }).lintFiles(paths);
  const byStem = new Map(run.files.map((f) => [stem(f.path), f]));
  return first.map((doc) => {
    const file = byStem.get(stem(doc.file));
    const other = second.get(stem(doc.file));
    const labels = {};
    for (const sign of SIGNS) {
      const a = doc.signs[sign]?.label;
      const b = other?.signs?.[sign]?.label ?? other?.signs?.[sign];
      labels[sign] = [a, typeof b === 'string' ? b : a];
    }
    return {
      file: doc.file,
      input: { findings: file.findings, measures: file.measures ?? {}, words: file.words ?? 0 },
      labels,
      overall: [doc.overall, typeof other?.overall === 'number' ? other.overall : doc.overall],
    };
  });
}

/** Each document's value of each of a sign's candidate measures (null where not measured). */
function valuesOf(docs, definition) {
  return docs.map((d) => definition.compute(d.input)?.value ?? null);
}

function agreement(sign, docs, low, high, at) {
  let either = 0;
  let first = 0;
  docs.forEach((d, i) => {
    const v = verdictOf(sign, high[i] >= at[1] ? 2 : low[i] >= at[0] ? 1 : 0);
    if (v === d.labels[sign][0] || v === d.labels[sign][1]) either++;
    if (v === d.labels[sign][0]) first++;
  });
  return { either, first };
}

/** Candidate cut points on a measure: its prior ones, and midpoints between neighbouring values. */
function cutsOf(definition, values) {
  const sorted = [...new Set(values)].sort((a, b) => a - b);
  const cuts = new Set(definition.prior);
  for (let i = 1; i < sorted.length; i++) cuts.add(between(sorted[i - 1], sorted[i]));
  return [...cuts].sort((a, b) => a - b);
}

/**
 * The measure(s) and cut points for one sign that agree best with the reviewers on these
 * documents. The first cut may sit on one measure and the second on another (the furthest
 * horizon a plan mentions for "some", where most of its dates fall for "strong"); one measure
 * for both is preferred on a tie.
 */
export function fitSign(sign, docs, margin = MARGIN) {
  const candidates = measuresOf(sign)
    .map((definition, order) => ({ definition, order, values: valuesOf(docs, definition) }))
    .filter((c) => c.values.every((v) => v !== null));
  let best = null;
  for (const a of candidates.filter((c) => c.definition.only !== 'strong')) {
    for (const b of candidates.filter((c) => c.definition.only !== 'some')) {
      const lows = cutsOf(a.definition, a.values);
      const highs = cutsOf(b.definition, b.values);
      const scale = (d) => Math.max(Math.abs(d.prior[1]), 1e-9);
      for (const low of lows) {
        for (const high of highs) {
          if (a === b && high < low) continue;
          const at = [low, high];
          const { either, first } = agreement(sign, docs, a.values, b.values, at);
          const distance = Math.abs(low - a.definition.prior[0]) / scale(a.definition) + Math.abs(high - b.definition.prior[1]) / scale(b.definition);
          const key = [either, first, -(a.order + b.order), a === b ? 1 : 0, -distance];
          if (!best || better(key, best.key)) best = { key, measure: a.definition.name, at, ...(a === b ? {} : { strongMeasure: b.definition.name }) };
        }
      }
    }
  }
  // The default: the sign's own measure(s) at their prior cut points. Anything else must earn its place.
  const low = candidates.find((c) => c.definition.only !== 'strong');
  const high = candidates.find((c) => c.definition.only !== 'some');
  const prior = [low.definition.prior[0], high.definition.prior[1]];
  if (best.key[0] < agreement(sign, docs, low.values, high.values, prior).either + margin) {
    return { measure: low.definition.name, at: prior, ...(low === high ? {} : { strongMeasure: high.definition.name }) };
  }
  const { key: _, ...fitted } = best;
  return fitted;
}

function better(a, b) {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] > b[i];
  return false;
}

export function fit(docs, margin = MARGIN) {
  return Object.fromEntries(SIGNS.map((sign) => [sign, fitSign(sign, docs, margin)]));
}

/** One document's verdicts, points lost and score under some cut points, judged as the scorecard judges. */
export function judge(doc, thresholds, scale = 1) {
  const verdicts = {};
  const points = [];
  for (const sign of SIGNS) {
    const { level } = judgeSign(sign, doc.input, thresholds);
    verdicts[sign] = verdictOf(sign, level);
    points.push(pointsFor(sign, level));
  }
  return { verdicts, lost: -points.reduce((n, p) => n + p, 0), score: scoreFrom(points, scale) };
}

/**
 * How hard the reviewers mark: the factor k for which 100 - k x (points lost) comes nearest their
 * mean overall scores (least squares), to the nearest 0.05. Rank is untouched; distance is not.
 */
export function fitScale(docs, thresholds) {
  let num = 0;
  let den = 0;
  for (const d of docs) {
    const { lost } = judge(d, thresholds);
    num += lost * (100 - (d.overall[0] + d.overall[1]) / 2);
    den += lost * lost;
  }
  return den ? Math.round((num / den) * 20) / 20 : 1;
}

/** Agreement, rank and distance figures for a set of predictions, one per document. */
export function figures(docs, predictions) {
  const signs = Object.fromEntries(SIGNS.map((s) => [s, { either: 0, first: 0, total: 0 }]));
  let either = 0;
  let first = 0;
  let total = 0;
  const documents = docs.map((d, i) => {
    const p = predictions[i];
    let de = 0;
    let df = 0;
    for (const sign of SIGNS) {
      const v = p.verdicts[sign];
      const s = signs[sign];
      s.total++;
      total++;
      if (v === d.labels[sign][0] || v === d.labels[sign][1]) (s.either++, either++, de++);
      if (v === d.labels[sign][0]) (s.first++, first++, df++);
    }
    const mean = (d.overall[0] + d.overall[1]) / 2;
    return { file: d.file, score: p.score, reviewers: mean, either: de, first: df, off: Math.abs(p.score - mean) };
  });
  return {
    either,
    first,
    total,
    signs,
    documents,
    rho: spearman(documents.map((d) => d.score), documents.map((d) => d.reviewers)),
    maxOff: Math.max(...documents.map((d) => d.off)),
  };
}

/** Fit on all documents and judge each. */
export function fitted(docs, margin = MARGIN) {
  const thresholds = fit(docs, margin);
  const scale = fitScale(docs, thresholds);
  return { thresholds, scale, figures: figures(docs, docs.map((d) => judge(d, thresholds, scale))) };
}

/** Fit on all documents but one, judge that one; for each document. */
export function leaveOneOut(docs, margin = MARGIN) {
  const folds = docs.map((d, i) => {
    const train = docs.filter((_, j) => j !== i);
    const thresholds = fit(train, margin);
    return { thresholds, scale: fitScale(train, thresholds) };
  });
  return { folds, figures: figures(docs, docs.map((d, i) => judge(d, folds[i].thresholds, folds[i].scale))) };
}

/** The midpoint of two neighbouring values, to two significant figures when that stays between them. */
function between(a, b) {
  const mid = (a + b) / 2;
  const nice = Number(mid.toPrecision(2));
  return a < nice && nice <= b ? nice : Math.round(mid * 1e4) / 1e4;
}

/**
 * What the score could reach with perfect verdicts: each reviewer's own verdicts through the
 * scorecard's points, ranked against the two reviewers' mean overall scores. Where a reviewer's
 * verdicts rank the documents worse than their overall scores do, the reviewers weighed
 * something the twelve verdicts and their points do not carry.
 */
export function reviewersThroughTheScore(docs) {
  const level = (sign, verdict) => [0, 1, 2].find((l) => verdictOf(sign, l) === verdict);
  const means = docs.map((d) => (d.overall[0] + d.overall[1]) / 2);
  return [0, 1].map((r) => {
    const scores = docs.map((d) => scoreFrom(SIGNS.map((sign) => pointsFor(sign, level(sign, d.labels[sign][r]))), 1));
    return { rho: spearman(scores, means), ownRho: spearman(scores, docs.map((d) => d.overall[r])) };
  });
}
