// Written by scripts/fit-scorecard.js from the reviewers' labels of ../shared/corpus: do not edit
// by hand; rerun `node scripts/fit-scorecard.js --write` (docs/scorecard.md). Per sign, the
// measure its verdict is decided by and the two cut points on it: from the first the sign is
// weak / some, from the second missing / strong.
import type { SignThreshold } from './scorecard.js';

export const THRESHOLDS: Record<string, SignThreshold> = {
  "integrated": { "measure": "finding-weight", "at": [0.5, 1.5] },
  "user-centred": { "measure": "finding-weight", "at": [0.5, 1.5] },
  "useful-to-teams": { "measure": "finding-weight", "at": [0.5, 1.5] },
  "mainstream": { "measure": "finding-weight", "at": [0.5, 1.5] },
  "realistic": { "measure": "finding-weight", "at": [0.5, 1.5] },
  "focused": { "measure": "finding-weight", "at": [0.5, 1.5] },
  "it-driven": { "measure": "tech-ratio", "at": [1, 2] },
  "cookie-cutter": { "measure": "finding-weight", "at": [0.5, 1.5] },
  "unproven-tech": { "measure": "hype-per-thousand", "at": [2.5, 6] },
  "vague": { "measure": "finding-weight", "at": [0.5, 0.91], "strongMeasure": "aim-share" },
  "too-long-term": { "measure": "furthest-years", "at": [6, 6], "strongMeasure": "median-years" },
  "wish-list": { "measure": "unordered-items", "at": [10, 25] }
};

/** How many times each point a sign costs counts in the score: least squares against the reviewers' mean. */
export const SCALE = 1.35;
