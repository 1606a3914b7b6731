// Passages shaped like objectives that are not: the lead-in that introduces a list of actions
// ("We will do this by:", "To get there, we will:"), whose commitment its items carry, and a
// principle, a rule to decide by ("Design with residents, not for them"), under a principles
// heading or lead-in. Rules that judge objectives leave both alone; the principles rule reads them.

import type { Analysis } from './index.js';
import type { Objective } from './objectives.js';

// A sentence that hands over to what follows: it ends in a colon or a semicolon, or stops on
// "will", "by", "to", "are" or "include".
// Tested on the text with its trailing space trimmed, so that no two spans of space compete.
const HANDS_OVER = /(?:[:;]|\b(?:will|by|to|are|include|includes|including)(?:\s*[:;])?)$/i;

/**
 * Whether an objective is only a lead-in or a principle, given every objective found (a lead-in
 * counts as one only when the items it introduces are objectives themselves).
 */
export function isNotAnObjective(analysis: Analysis, objective: Objective, all: readonly Objective[]): boolean {
  return isLeadIn(analysis, objective, all) || isPrinciple(analysis, objective);
}

/** A "we will" sentence that closes the paragraph introducing a list whose items are objectives. */
export function isLeadIn(analysis: Analysis, objective: Objective, all: readonly Objective[]): boolean {
  if (objective.kind !== 'commitment') return false;
  const sentence = objective.sentences[0];
  if (!sentence || !HANDS_OVER.test(sentence.text.trimEnd())) return false;
  const block = objective.block;
  const own = analysis.sentencesOf(block);
  if (own[own.length - 1] !== sentence) return false;
  const list = analysis.listIntroducedBy(block);
  if (!list) return false;
  return all.some((o) => o.kind === 'item' && o.block.list?.list === list.list);
}

/**
 * An undated, unmeasured objective under a principles heading (the nearest heading that names
 * principles or objectives names principles) or in a list introduced as principles.
 */
export function isPrinciple(analysis: Analysis, objective: Objective): boolean {
  if (objective.measure || objective.deadline) return false;
  if (analysis.nearestMatching(objective.section, ['principle-headings', 'objective-headings']) === 'principle-headings') return true;
  const list = objective.kind === 'item' ? analysis.listOf(objective.block) : undefined;
  return Boolean(list?.leadIn && analysis.lexicon('principle-headings').test(list.leadIn.text));
}
